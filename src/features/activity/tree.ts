import * as vscode from 'vscode';
import type { AccountOrganisation } from '../../api/types';
import type { SessionApi, StoreChange } from '../../commands/context';
import { reasonFor } from '../../commands/describeError';
import type { PagedStoreApi } from '../../model/store';
import type { EnclaveNode } from '../../tree/nodes';
import { toTreeItem } from '../../tree/treeItem';
import type { Log } from '../../ui/log';
import { activityChildren, activityRoots } from './children';
import { describeFilter, isFiltering, matcher, NO_FILTER, type ActivityFilter } from './filter';
import { activityId, type ActivityNode, type ActivityOrgNode } from './nodes';
import { briefWait } from '../../tree/briefWait';
import { ACTIVITY_PAGE_SIZE, OrgActivity } from './orgActivity';
import { presentActivityMessage, presentActivityOrg, presentEntry, presentMore } from './present';

export interface ActivityDeps {
  readonly session: SessionApi & { connect(): Promise<boolean> };
  readonly store: PagedStoreApi;
  readonly log: Log;
  /** Fires the view's onDidChangeTreeData (undefined: the whole view). */
  readonly fire: (node: ActivityNode | undefined) => void;
  readonly setDescription: (text: string | undefined) => void;
}

/**
 * The Activity view: per organisation its log, newest first, loaded page by page and filtered
 * here (the API filters nothing). It fetches only when VS Code asks for an organisation's rows,
 * i.e. while the view is expanded, and never shows a pop-up: failures are rows.
 */
export class ActivityTree implements vscode.Disposable {
  private readonly logs = new Map<string, OrgActivity>();
  /** The org rows handed to VS Code: it finds a row to refresh by the very object it was given. */
  private readonly orgNodes = new Map<string, ActivityOrgNode>();
  private current: ActivityFilter = NO_FILTER;
  private stateKind: string;
  private readonly subscriptions: { dispose(): void }[];

  constructor(private readonly deps: ActivityDeps) {
    this.stateKind = deps.session.state.kind;
    this.subscriptions = [
      deps.session.onDidChangeState((state) => {
        if (state.kind === this.stateKind) return;
        this.stateKind = state.kind;
        // Another token or server: nothing loaded for the old one may be shown.
        if (state.kind === 'signedOut' || state.kind === 'connecting') this.clear();
        deps.fire(undefined);
      }),
      deps.store.onDidChange((change: StoreChange) => {
        if (change.orgId !== undefined) return;
        this.dropVanishedOrgs();
        deps.fire(undefined);
      }),
    ];
  }

  get filter(): ActivityFilter {
    return this.current;
  }

  async getChildren(node?: ActivityNode): Promise<ActivityNode[]> {
    const { session, store } = this.deps;
    if (!node) {
      const state = session.state;
      // Someone looks at the view: if the session is waiting for that, it connects now.
      if (state.kind === 'connecting') void session.connect();
      if (state.kind === 'connected') await store.loadOrgs();
      // One organisation: its log is the root's rows.
      const only = store.orgs().items;
      if (session.state.kind === 'connected' && only.length === 1) await briefWait(this.logFor(only[0].orgId).load());
      return activityRoots(session.state, store.orgs(), this.describe, { single: (org) => this.orgRows(org), org: (org) => this.orgNode(org) });
    }
    if (node.type === 'activityOrg') {
      await briefWait(this.logFor(node.orgId).load());
      return this.orgRows(node.org);
    }
    return [];
  }

  getTreeItem(node: ActivityNode): vscode.TreeItem {
    const now = new Date();
    switch (node.type) {
      case 'activityOrg': {
        const log = this.logs.get(node.orgId);
        return item(node, presentActivityOrg(node, log?.requested && log.entries.length > 0 ? log.entries.length : undefined));
      }
      case 'activityEntry':
        return item(node, presentEntry(node.entry, now));
      case 'activityMore': {
        const log = this.logFor(node.orgId);
        const test = matcher(this.current);
        return item(node, presentMore({
          loaded: log.entries.length,
          total: log.total,
          shown: log.entries.filter(test).length,
          filtering: isFiltering(this.current),
          loading: log.loading === 'more',
          lastLoad: log.lastLoad,
          oldest: log.entries[log.entries.length - 1],
        }, now));
      }
      case 'activityMessage':
        return item(node, presentActivityMessage(node));
    }
  }

  getParent(node: ActivityNode): ActivityNode | undefined {
    if (node.type === 'activityOrg' || node.orgId === undefined) return undefined;
    return this.orgNodes.get(node.orgId);
  }

  /** Sets the filter, shows it in the view's description, and fills organisations left with few matches. */
  setFilter(filter: ActivityFilter): void {
    this.current = filter;
    this.deps.setDescription(describeFilter(filter));
    void vscode.commands.executeCommand('setContext', 'enclave.activityFiltered', isFiltering(filter));
    const test = matcher(filter);
    for (const log of this.logs.values()) {
      const shown = log.entries.filter(test).length;
      if (log.requested && !log.loading && log.hasMore && shown < ACTIVITY_PAGE_SIZE) void log.loadMore(ACTIVITY_PAGE_SIZE - shown);
    }
    this.deps.fire(undefined);
  }

  /** One organisation's log, or every one loaded; failures become rows. A root error row retries the organisations. */
  async refresh(orgId?: string): Promise<void> {
    if (orgId !== undefined) return this.logFor(orgId).refresh();
    const state = this.deps.session.state.kind;
    if (state === 'unreachable' || state === 'connecting') await this.deps.session.connect();
    else if (this.deps.store.orgs().error) await this.deps.store.invalidate();
    const loaded = [...this.logs.values()].filter((log) => log.requested);
    if (loaded.length === 0) this.deps.fire(undefined);
    await Promise.all(loaded.map((log) => log.refresh()));
  }

  loadMore(orgId: string): Promise<void> {
    return this.logFor(orgId).loadMore();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.clear();
  }

  private orgRows(org: AccountOrganisation): ActivityNode[] {
    const log = this.logFor(org.orgId);
    void log.load();
    return activityChildren(org.orgId, log, matcher(this.current), isFiltering(this.current), this.describe);
  }

  private logFor(orgId: string): OrgActivity {
    let log = this.logs.get(orgId);
    if (!log) {
      const created: OrgActivity = new OrgActivity(
        (page, perPage) => this.deps.session.call((client) => client.logs.list(orgId, { page, perPage })),
        () => matcher(this.current),
        () => {
          if (created.error && !created.loading) this.deps.log.warn(`Loading the activity log of organisation ${orgId} failed: ${created.error.error.message}`);
          // With several organisations only that one's rows change; with one, its rows are the root's.
          this.deps.fire(this.deps.store.orgs().items.length > 1 ? this.orgNodeOf(orgId) : undefined);
        },
      );
      log = created;
      this.logs.set(orgId, log);
    }
    return log;
  }

  private orgNodeOf(orgId: string): ActivityOrgNode | undefined {
    const org = this.deps.store.orgs().items.find((o) => o.orgId === orgId);
    return org ? this.orgNode(org) : undefined;
  }

  private orgNode(org: AccountOrganisation): ActivityOrgNode {
    const orgId = org.orgId;
    let node = this.orgNodes.get(orgId);
    if (!node || node.org !== org) {
      node = { type: 'activityOrg', id: activityId.org(orgId), orgId, org };
      this.orgNodes.set(orgId, node);
    }
    return node;
  }

  private dropVanishedOrgs(): void {
    const present = new Set(this.deps.store.orgs().items.map((o) => o.orgId));
    for (const [orgId, log] of this.logs) {
      if (present.has(orgId)) continue;
      log.dispose();
      this.logs.delete(orgId);
      this.orgNodes.delete(orgId);
    }
  }

  private clear(): void {
    for (const log of this.logs.values()) log.dispose();
    this.logs.clear();
    this.orgNodes.clear();
  }

  private readonly describe = (error: Error): string => reasonFor(error, this.deps.session.apiUrl);
}

/** toTreeItem only reads the row's id (and passes the row to its command): it serves this view's rows as well. */
function item(node: ActivityNode, view: Parameters<typeof toTreeItem>[1]): vscode.TreeItem {
  return toTreeItem(node as unknown as EnclaveNode, view);
}
