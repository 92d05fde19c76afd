import * as vscode from 'vscode';
import type { ConnectionState } from '../model/connection';

/**
 * The `when`-clause keys the manifest uses: `enclave.signedIn` (a token is stored for the
 * configured origin, whatever the connection state — it hides the welcome view and shows the
 * item menus) and `enclave.state` (the state's kind, for anything finer).
 */
export class ContextKeys implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private last: ConnectionState['kind'] | undefined;

  constructor(source: { readonly state: ConnectionState; readonly onDidChangeState: vscode.Event<ConnectionState> }, ready: Promise<void>) {
    this.subscription = source.onDidChangeState((state) => this.apply(state));
    // Until the stored token has been read the keys stay unset (false): the welcome view may
    // flash for a moment, which is better than menus for a session that does not exist.
    void ready.then(() => this.apply(source.state));
  }

  /** What was last set (for the integration tests): undefined before the token was read. */
  current(): { signedIn: boolean; state: ConnectionState['kind'] } | undefined {
    return this.last === undefined ? undefined : { signedIn: this.last !== 'signedOut', state: this.last };
  }

  private apply(state: ConnectionState): void {
    if (state.kind === this.last) return;
    this.last = state.kind;
    void vscode.commands.executeCommand('setContext', 'enclave.signedIn', state.kind !== 'signedOut');
    void vscode.commands.executeCommand('setContext', 'enclave.state', state.kind);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
