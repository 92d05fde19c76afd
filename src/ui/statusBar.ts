import * as vscode from 'vscode';
import type { AccountOrganisation } from '../api/types';
import { hostOf } from '../commands/describeError';
import type { SessionApi, StoreApi } from '../commands/context';
import type { ConnectionState } from '../model/connection';
import type { RetryWait } from '../model/retryWait';
import type { OrgTotals } from '../model/storeTotals';
import { orgLabel } from '../tree/words';

/** What the item shows, as plain values, so the test API can report it. */
export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly command: string | undefined;
  readonly background: string | undefined;
}

/**
 * The one "Enclave Connection" status bar item. It follows the session's state (so it recovers
 * by itself when the session does) and, while connected, the store (to count connected systems
 * in the lists that are loaded; it never asks the store to load anything).
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('enclave.status', vscode.StatusBarAlignment.Left, 10);
  private readonly subscriptions: vscode.Disposable[];
  private view: StatusView = { text: '', tooltip: '', command: undefined, background: undefined };

  constructor(
    private readonly session: SessionApi,
    private readonly store: StoreApi & { totals(orgId: string): OrgTotals },
  ) {
    this.item.name = 'Enclave Connection';
    this.subscriptions = [session.onDidChangeState(() => this.update())];
    if (session.onDidChangeRetryWait) this.subscriptions.push(session.onDidChangeRetryWait(() => this.update()));
    this.subscriptions.push(store.onDidChange(() => this.session.state.kind === 'connected' && this.update()));
    this.update();
    this.item.show();
  }

  /** What is shown now (for the integration tests). */
  current(): StatusView {
    return this.view;
  }

  private update(): void {
    const state = this.session.state;
    const tip = new Tooltip();
    const { text, command, background } = this.describe(state, tip);
    this.item.text = text;
    this.item.tooltip = tip.markdown;
    this.item.command = command;
    this.item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    this.view = { text, tooltip: tip.plain.join(''), command, background };
  }

  private describe(state: ConnectionState, tip: Tooltip): Omit<StatusView, 'tooltip'> {
    const host = hostOf(this.session.apiUrl);
    const wait = this.session.retryWait;
    // While connected (or connecting) a pending retry is the news: the call has not failed, it
    // waits. Offline and rejected say more than a retry would.
    if (wait && (state.kind === 'connected' || state.kind === 'connecting')) return this.describeWait(wait, host, tip);
    switch (state.kind) {
      case 'signedOut':
        tip.appendText(`Not signed in to Enclave (${host}). Click to sign in with a personal access token.`);
        return { text: '$(key) Enclave: Sign in', command: 'enclave.signIn', background: undefined };
      case 'connecting':
        tip.appendText(`Connecting to the Enclave API at ${host}…`);
        return { text: '$(sync~spin) Enclave', command: 'enclave.showLog', background: undefined };
      case 'connected':
        this.describeOrgs(state.orgs, state.checkedAt, host, tip);
        return {
          text: state.orgs.length === 1 ? `$(shield) ${orgLabel(state.orgs[0])}` : `$(shield) Enclave: ${state.orgs.length} orgs`,
          command: 'workbench.view.extension.enclave',
          background: undefined,
        };
      case 'rejected':
        tip.appendText(`The Enclave API at ${host} rejected the saved token: it may have been revoked. Click to sign in with a new token.`);
        return { text: '$(warning) Enclave: token rejected', command: 'enclave.signIn', background: 'statusBarItem.warningBackground' };
      case 'unreachable':
        tip.appendText(`Enclave is offline: ${state.message} (since ${state.since.toLocaleTimeString()}). `);
        tip.appendText('Retrying in the background. Click to show the log and retry now.');
        return { text: '$(error) Enclave: offline', command: 'enclave.showLog', background: 'statusBarItem.errorBackground' };
    }
  }

  private describeWait(wait: RetryWait, host: string, tip: Tooltip): Omit<StatusView, 'tooltip'> {
    const seconds = Math.max(1, Math.ceil(wait.delayMs / 1000));
    const why = wait.rateLimited ? 'is limiting requests (HTTP 429)' : `did not answer ${wait.method} ${wait.path} (${wait.reason})`;
    tip.appendText(`The Enclave API at ${host} ${why}. Trying again in ${seconds} s, by itself; nothing has failed yet. Click to show the log.`);
    return {
      text: `$(watch) Enclave: ${wait.rateLimited ? 'rate limited, ' : ''}retrying in ${seconds} s`,
      command: 'enclave.showLog',
      background: wait.rateLimited ? 'statusBarItem.warningBackground' : undefined,
    };
  }

  private describeOrgs(orgs: readonly AccountOrganisation[], checkedAt: Date, host: string, tip: Tooltip): void {
    tip.appendText(`Connected to Enclave at ${host}`);
    tip.paragraph();
    if (orgs.length === 0) tip.appendText('This token sees no organisations.');
    for (const org of orgs) tip.listItem(`${orgLabel(org)} (${org.role})${this.connectedSystems(org.orgId)}`);
    tip.paragraph();
    tip.appendText(`Last checked ${checkedAt.toLocaleTimeString()}`);
  }

  /** " — 12 of 60 systems connected" once the org's systems are loaded ("at least" while pages are missing). */
  private connectedSystems(orgId: string): string {
    const totals = this.store.totals(orgId);
    if (totals.systems === undefined || totals.connected === undefined) return '';
    const atLeast = totals.connectedIsExact ? '' : 'at least ';
    return ` — ${atLeast}${totals.connected} of ${totals.systems} system${totals.systems === 1 ? '' : 's'} connected`;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}

/** The tooltip as Markdown for the item and as plain text for the test API, built together. */
class Tooltip {
  readonly markdown = new vscode.MarkdownString(undefined, true);
  readonly plain: string[] = [];

  /** Text from the API (org names) is appended as text, so it can never become a link. */
  appendText(text: string): void {
    this.markdown.appendText(text);
    this.plain.push(text);
  }

  paragraph(): void {
    this.markdown.appendMarkdown('\n\n');
    this.plain.push('\n\n');
  }

  listItem(text: string): void {
    this.markdown.appendMarkdown('- ');
    this.markdown.appendText(text);
    this.markdown.appendMarkdown('\n');
    this.plain.push(`- ${text}\n`);
  }
}
