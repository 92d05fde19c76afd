import * as vscode from 'vscode';
import type { SessionApi } from '../commands/context';
import { loadFeatures } from '../commands/lazyFeatures';
import { summarisePending } from '../model/approvalCounts';
import type { EnclaveStore } from '../model/store';
import type { EnclaveNode } from '../tree/nodes';
import { orgLabel } from '../tree/words';

/** Context key for the view-title "Review Approvals" button: true while any system waits. */
const WAITING_KEY = 'enclave.approvalsWaiting';
const NOTIFY_SETTING = 'approvals.notify';

/**
 * The view's badge: how many systems await approval across organisations. The counts are the
 * store's pending lists (the same small first page the tree loads to decide whether to show
 * "Pending approval"), loaded for every organisation once connected and the view has been shown
 * — never at activation, never signed out. Refreshes re-fetch them like any loaded list.
 *
 * With `enclave.approvals.notify` on, the arrival notifications and the polling while hidden
 * come from the feature bundle (src/features/approvalAlerts.ts), loaded only then.
 */
export class ApprovalsBadge implements vscode.Disposable {
  private shown: boolean;
  private waiting = false;
  private alerts: vscode.Disposable | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly view: vscode.TreeView<EnclaveNode>, private readonly store: EnclaveStore, private readonly session: SessionApi) {
    // Only noted here: the session connects when the view shows, and the counts follow then.
    this.shown = view.visible;
    this.subscriptions = [
      store.onDidChange((change) => {
        if (change.orgId === undefined) this.loadCounts(); // the organisations (may have) changed
        this.update();
      }),
      view.onDidChangeVisibility(() => {
        this.shown ||= view.visible;
        this.loadCounts();
      }),
      session.onDidChangeState(() => {
        this.loadCounts();
        this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`enclave.${NOTIFY_SETTING}`)) return;
        this.alerts?.dispose();
        this.alerts = undefined;
        this.loadCounts();
      }),
    ];
  }

  dispose(): void {
    this.alerts?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }

  /** Loads what is missing: the organisations (adopted from the connect) and each pending count. */
  private loadCounts(): void {
    if (!this.shown || this.session.state.kind !== 'connected') return;
    void this.store.loadOrgs();
    for (const org of this.store.orgs().items) void this.store.load(org.orgId, 'pending');
    if (!this.alerts && vscode.workspace.getConfiguration('enclave').get<boolean>(NOTIFY_SETTING, false)) {
      this.alerts = loadFeatures().startApprovalAlerts({ store: this.store, session: this.session, view: this.view, shown: () => this.shown });
    }
  }

  private update(): void {
    const kind = this.session.state.kind;
    const live = kind === 'connected' || kind === 'unreachable';
    const orgs = live ? this.store.orgs().items : [];
    const summary = summarisePending(orgs.map((o) => ({ name: orgLabel(o), count: this.store.pending(o.orgId).total })));
    const badge = this.view.badge;
    if (badge?.value !== summary?.total || badge?.tooltip !== summary?.tooltip) this.view.badge = summary && { value: summary.total, tooltip: summary.tooltip };
    if (this.waiting !== (summary !== undefined)) {
      this.waiting = summary !== undefined;
      void vscode.commands.executeCommand('setContext', WAITING_KEY, this.waiting);
    }
  }
}
