import * as vscode from 'vscode';
import type { SessionApi } from '../commands/context';
import { refreshIntervalSeconds } from '../config';
import type { EnclaveStore } from '../model/store';
import { AutoRefreshScheduler } from '../model/storeAutoRefresh';
import type { EnclaveNode } from '../tree/nodes';

/**
 * `enclave.refreshInterval`: refreshes what the tree has loaded every N seconds, but only while
 * the view is visible, the window has focus and the API is connected — a hidden view or a
 * window in the background sends no requests at all.
 */
export function registerAutoRefresh(view: vscode.TreeView<EnclaveNode>, store: EnclaveStore, session: SessionApi): vscode.Disposable {
  const scheduler = new AutoRefreshScheduler({
    intervalMs: () => refreshIntervalSeconds() * 1000,
    active: () => view.visible && vscode.window.state.focused && session.state.kind === 'connected',
    busy: () => store.busy,
    refresh: () => store.invalidate(),
  });
  const update = (): void => scheduler.update();
  const subscriptions = [
    view.onDidChangeVisibility(update),
    vscode.window.onDidChangeWindowState(update),
    session.onDidChangeState(update),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('enclave.refreshInterval')) update();
    }),
  ];
  update();
  return new vscode.Disposable(() => {
    scheduler.dispose();
    for (const subscription of subscriptions) subscription.dispose();
  });
}
