/**
 * Whether SecretStorage really keeps the token across restarts. VS Code does not tell an
 * extension: on Linux without a keyring it silently keeps secrets in memory only, so a token
 * signed in today is gone after a restart and the user just finds themselves signed out.
 *
 * The signal used instead: when a token is stored for an origin, a marker — the origin and when,
 * never the token — goes into globalState (which is kept on disk). Sign-out, here or in another
 * window, removes the token and so the marker. At activation, a marker without a token means
 * the secret was lost rather than removed. No `vscode` here, so the rule is unit-tested.
 */

/** The part of vscode.Memento used here (globalState). */
export interface MarkerState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

/** origin → when its token was stored (epoch ms). Nothing secret. */
export type Markers = Readonly<Record<string, { readonly storedAt: number }>>;

export const MARKER_KEY = 'enclave.tokenStoredFor';

export const TOKEN_NOT_KEPT_WARNING =
  'Your Enclave token was not kept after VS Code restarted — this system has no keyring, so VS Code keeps secrets only in memory. '
  + 'Sign in again, or set up a keyring (gnome-keyring/libsecret) to keep it.';

export class TokenMarkers {
  constructor(private readonly state: MarkerState, private readonly now: () => number = Date.now) {}

  all(): Markers {
    const value = this.state.get<Markers>(MARKER_KEY);
    return value && typeof value === 'object' ? value : {};
  }

  has(origin: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.all(), origin);
  }

  async mark(origin: string): Promise<void> {
    if (!this.has(origin)) await this.state.update(MARKER_KEY, { ...this.all(), [origin]: { storedAt: this.now() } });
  }

  async unmark(origin: string): Promise<void> {
    if (!this.has(origin)) return;
    const { [origin]: _dropped, ...rest } = this.all();
    await this.state.update(MARKER_KEY, Object.keys(rest).length > 0 ? rest : undefined);
  }

  /** Keeps the marker in step with what SecretStorage holds now (after any change to it). */
  async follow(origin: string, token: string | undefined): Promise<void> {
    if (token) await this.mark(origin);
    else await this.unmark(origin);
  }

  /**
   * At activation: true once when a token had been stored for `origin` and is gone although
   * nobody signed out. The marker is dropped, so the same loss is reported once; a new sign-in
   * sets it again.
   */
  async lost(origin: string, token: string | undefined): Promise<boolean> {
    if (token) {
      await this.mark(origin);
      return false;
    }
    if (!this.has(origin)) return false;
    await this.unmark(origin);
    return true;
  }
}
