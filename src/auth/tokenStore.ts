import * as vscode from 'vscode';

const KEY_PREFIX = 'enclave.token:';

/**
 * Personal access tokens in SecretStorage, one per API origin, so a token made for one
 * server is never sent to another. SecretStorage is shared by all windows: `onDidChange`
 * fires here for changes made in other windows too.
 */
export class TokenStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with the origin whose token changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith(KEY_PREFIX)) this.changed.fire(e.key.slice(KEY_PREFIX.length));
    });
  }

  get(origin: string): Thenable<string | undefined> {
    return this.secrets.get(KEY_PREFIX + origin);
  }

  store(origin: string, token: string): Thenable<void> {
    return this.secrets.store(KEY_PREFIX + origin, token);
  }

  delete(origin: string): Thenable<void> {
    return this.secrets.delete(KEY_PREFIX + origin);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
