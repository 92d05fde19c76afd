/**
 * The connection state machine behind the session: what a success or a failure of an API call
 * means for the state, the single "token rejected" warning, and the background recovery loop.
 *
 * - 401 → rejected, with ONE non-modal warning offering "Sign In"; further 401s while rejected
 *   show nothing (no prompt storm when a revoked token fails every tree request).
 * - network / timeout / 5xx → unreachable, plus one recovery loop that re-runs connect() with
 *   back-off until it succeeds; then `onDidRecover` fires so the tree reloads.
 * - any other HTTP answer proves the API is up, so it counts as reachable.
 */
import * as vscode from 'vscode';
import type { AccountOrganisation } from '../api/types';
import { isUnauthorized, isUnreachable, reasonFor } from '../commands/describeError';
import { getPrompter } from '../ui/prompterHolder';
import type { Log } from '../ui/log';
import type { ConnectionState } from './connection';
import { DEFAULT_RECOVERY_TIMING, RecoveryLoop, type RecoveryStats, type RecoveryTiming } from './recovery';
import { shared } from '../ui/shared';

// Shared by every bundle: the funnel in dist/features.js must see what this one announced.
const announced = shared('announcedRejections', () => new WeakSet<object>());

/** True for a 401 the session's one "token rejected" warning already covers, so the funnel need not repeat it. */
export function wasAnnounced(error: unknown): boolean {
  return typeof error === 'object' && error !== null && announced.has(error);
}

export const REJECTED_WARNING = 'Enclave rejected the saved token: it may have been revoked. Sign in again with a new token.';

export class ConnectionTracker implements vscode.Disposable {
  private current: ConnectionState = { kind: 'connecting' };
  private lastOrgs: readonly AccountOrganisation[] | undefined;
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  private readonly recoveredEmitter = new vscode.EventEmitter<void>();
  private readonly recovery: RecoveryLoop;
  readonly onDidChangeState = this.changed.event;
  readonly onDidRecover = this.recoveredEmitter.event;
  /** Set once anything asked for the API; until then a stored token alone causes no traffic. */
  wanted = false;

  constructor(
    private readonly log: Log,
    private readonly reconnect: () => Promise<boolean>,
    private readonly apiUrl: () => string,
  ) {
    this.recovery = new RecoveryLoop(() => this.reconnect());
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** A new URL or token: forget what was known about the old one. */
  reset(hasToken: boolean, connectNow: boolean): void {
    this.recovery.stop();
    this.lastOrgs = undefined;
    this.set(hasToken ? { kind: 'connecting' } : { kind: 'signedOut' });
    if (hasToken && connectNow && this.wanted) void this.reconnect();
  }

  connecting(): void {
    const kind = this.current.kind;
    if (kind === 'signedOut' || kind === 'rejected' || kind === 'connecting') this.set({ kind: 'connecting' });
  }

  connected(orgs: readonly AccountOrganisation[]): void {
    const wasUnreachable = this.current.kind === 'unreachable';
    this.recovery.stop();
    this.lastOrgs = orgs;
    this.set({ kind: 'connected', orgs, checkedAt: new Date() });
    if (wasUnreachable) {
      this.log.info('Enclave API reachable again');
      this.recoveredEmitter.fire();
    }
  }

  succeeded(): void {
    if (this.current.kind === 'connected') return;
    if (this.lastOrgs) this.connected(this.lastOrgs);
    else void this.reconnect();
  }

  failed(error: unknown): void {
    if (isUnauthorized(error)) return this.rejected(error);
    if (isUnreachable(error)) return this.unreachable(error);
    const kind = (error as { kind?: unknown } | undefined)?.kind;
    if (kind === 'http') this.succeeded();
  }

  retryNow(): void {
    this.recovery.retryNow();
  }

  get recoveryStats(): RecoveryStats {
    return this.recovery.stats;
  }

  setRecoveryTiming(timing: RecoveryTiming | undefined): void {
    this.recovery.timing = timing ?? DEFAULT_RECOVERY_TIMING;
  }

  private rejected(error: unknown): void {
    // The one warning covers every 401 of this rejected state, the first and those after it.
    if (typeof error === 'object' && error !== null) announced.add(error);
    if (this.current.kind === 'rejected') return;
    this.recovery.stop();
    this.set({ kind: 'rejected' });
    this.log.warn('The Enclave API rejected the saved token (HTTP 401)');
    void getPrompter()
      .warn(REJECTED_WARNING, 'Sign In')
      .then((choice) => (choice === 'Sign In' ? vscode.commands.executeCommand('enclave.signIn') : undefined))
      .then(undefined, (e: unknown) => this.log.error(`Sign-in offer failed: ${String(e)}`));
  }

  private unreachable(error: unknown): void {
    if (this.current.kind !== 'unreachable') {
      const message = reasonFor(error, this.apiUrl());
      this.set({ kind: 'unreachable', message, since: new Date() });
      this.log.warn(`Enclave is offline: ${message}; retrying in the background`);
    }
    this.recovery.start();
  }

  private set(state: ConnectionState): void {
    if (state.kind === this.current.kind && (state.kind === 'connecting' || state.kind === 'signedOut' || state.kind === 'rejected')) return;
    this.current = state;
    this.changed.fire(state);
  }

  dispose(): void {
    this.recovery.stop();
    this.changed.dispose();
    this.recoveredEmitter.dispose();
  }
}
