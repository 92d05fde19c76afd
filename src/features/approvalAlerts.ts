import * as vscode from 'vscode';
import type { UnapprovedSystem } from '../api/types';
import type { SessionApi } from '../commands/context';
import { refreshIntervalSeconds } from '../config';
import type { EnclaveStore } from '../model/store';
import { AutoRefreshScheduler } from '../model/storeAutoRefresh';
import type { EnclaveNode } from '../tree/nodes';
import { systemLabel } from '../tree/presentSystem';
import { orgLabel } from '../tree/words';
import { getPrompter } from '../ui/prompterHolder';
import { ArrivalTracker } from './approvalArrivals';
import { arrivalMessage, type OrgArrivals } from './approvalsWords';

export interface ApprovalAlertDeps {
  readonly store: EnclaveStore;
  readonly session: SessionApi;
  readonly view: vscode.TreeView<EnclaveNode>;
  /** Whether the view has been shown in this window (nothing is fetched before). */
  readonly shown: () => boolean;
}

/** Without an automatic refresh interval, the opted-in poll still runs once a minute. */
const DEFAULT_POLL_SECONDS = 60;
/** Pending lists of several organisations reload together: one message for all of them. */
const GATHER_MS = 150;

/**
 * `enclave.approvals.notify`: a notification when systems not seen before start waiting, and
 * (the user opted in) the pending counts polled even while the view is hidden. Started by the
 * badge (src/ui/approvalsBadge.ts) when the setting is on, disposed when it is turned off.
 */
export function startApprovalAlerts(deps: ApprovalAlertDeps): vscode.Disposable {
  const { store, session, view } = deps;
  const tracker = new ArrivalTracker();
  let gathered = new Map<string, UnapprovedSystem[]>();
  let gatherTimer: ReturnType<typeof setTimeout> | undefined;

  const announce = async (): Promise<void> => {
    gatherTimer = undefined;
    const arrivals: OrgArrivals[] = [...gathered].map(([orgId, systems]) => {
      const org = store.orgs().items.find((o) => o.orgId === orgId);
      return { orgName: org ? orgLabel(org) : orgId, names: systems.map(systemLabel) };
    });
    gathered = new Map();
    const choice = await getPrompter().info(arrivalMessage(arrivals), 'Review');
    if (choice === 'Review') await vscode.commands.executeCommand('enclave.reviewApprovals');
  };

  const look = (orgId: string): void => {
    const pending = store.pending(orgId);
    // Unknown yet, or failed: no answer to compare (an error row keeps its old items).
    if (pending.total === undefined || pending.error) return;
    const arrived = new Set(tracker.observe(orgId, pending.items.map((s) => s.systemId)));
    if (arrived.size === 0) return;
    gathered.set(orgId, [...(gathered.get(orgId) ?? []), ...pending.items.filter((s) => arrived.has(s.systemId))]);
    gatherTimer ??= setTimeout(() => void announce(), GATHER_MS);
  };
  const lookAll = (): void => {
    for (const org of store.orgs().items) look(org.orgId);
  };

  // While the view is visible with an automatic refresh, that refresh keeps the counts current.
  const covered = (): boolean => view.visible && vscode.window.state.focused && refreshIntervalSeconds() > 0;
  const poller = new AutoRefreshScheduler({
    intervalMs: () => (refreshIntervalSeconds() || DEFAULT_POLL_SECONDS) * 1000,
    active: () => deps.shown() && session.state.kind === 'connected' && !covered(),
    busy: () => store.busy,
    refresh: () => pollPending(store),
  });
  const update = (): void => poller.update();

  const subscriptions = [
    store.onDidChange((change) => (change.orgId === undefined ? lookAll() : change.kind === 'pending' && look(change.orgId))),
    session.onDidChangeState((state) => {
      // Another account or server, or signed out: what it had waiting is not news either.
      if (state.kind === 'signedOut' || state.kind === 'connecting') tracker.reset();
      update();
    }),
    view.onDidChangeVisibility(update),
    vscode.window.onDidChangeWindowState(update),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('enclave.refreshInterval') && update()),
  ];
  lookAll(); // what waits when the setting is turned on is the baseline
  update();
  return new vscode.Disposable(() => {
    poller.dispose();
    if (gatherTimer) clearTimeout(gatherTimer);
    for (const s of subscriptions) s.dispose();
  });
}

/** Every organisation's pending first page: loaded if it never was, else fetched again. */
function pollPending(store: EnclaveStore): Promise<void> {
  return Promise.all(
    store.orgs().items.map((org) => {
      const pending = store.pending(org.orgId);
      const never = pending.total === undefined && !pending.loading && !pending.error;
      return never ? store.load(org.orgId, 'pending') : store.invalidate(org.orgId, ['pending']);
    }),
  ).then(() => undefined);
}
