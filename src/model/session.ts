/**
 * The session: which API URL is in force, whether a token is stored for its origin, the one
 * client built from the two, and the connection state every view follows.
 *
 * The token is keyed by origin and the client is bound to the URL it was built with, so
 * changing `enclave.apiUrl` rebuilds everything from the new origin's token (or none): the old
 * origin's token can never reach the new server. Other windows share SecretStorage, so a sign-in
 * or sign-out there arrives through TokenStore.onDidChange and is followed at once.
 */
import * as vscode from 'vscode';
import type { ClientOptions, EnclaveClient } from '../api';
import type { AccountOrganisation } from '../api/types';
import type { TokenStore } from '../auth/tokenStore';
import type { CommandContext, SessionApi } from '../commands/context';
import { apiUrl, originOf } from '../config';
import type { Log } from '../ui/log';
import { createClient, retryLine, type ClientFactoryOptions } from './clientFactory';
import { affectsNetworkOptions } from './httpSettings';
import type { ConnectionState } from './connection';
import { NotSignedInError } from './notSignedIn';
import { ConnectionTracker } from './connectionTracker';
import type { RecoveryStats, RecoveryTiming } from './recovery';
import { RetryWaits, type RetryWait } from './retryWait';

export { NotSignedInError, isNotSignedIn } from './notSignedIn';

/** How old the last GET /account/orgs answer may be for connect() to stand on it. */
export const LIVENESS_MAX_AGE_MS = 60_000;

/** One API URL with the token stored for its origin (if any) and, once needed, its client. */
interface Binding {
  readonly generation: number;
  readonly url: string;
  readonly origin: string | undefined;
  readonly token: string | undefined;
  client?: EnclaveClient;
}

export class Session implements SessionApi, vscode.Disposable {
  private readonly tracker: ConnectionTracker;
  private generation = 0;
  private binding: Binding;
  private bound: Promise<Binding>;
  private connecting: { readonly generation: number; readonly done: Promise<boolean> } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly retryWaitChanged = new vscode.EventEmitter<void>();
  private readonly retryWaits = new RetryWaits(() => this.retryWaitChanged.fire());
  /** Client options on top of the factory's (tests shorten timeouts); see useClientOptions. */
  private clientOptions: Partial<Pick<ClientOptions, 'timeouts' | 'retry'>> = {};
  private livenessMaxAgeMs = LIVENESS_MAX_AGE_MS;

  readonly onDidChangeState: vscode.Event<ConnectionState>;
  /** Fires when a retry wait starts or ends (the status bar shows "retrying in 5 s"). */
  readonly onDidChangeRetryWait = this.retryWaitChanged.event;
  /** Fires when the API answers again after being unreachable: the tree reloads on it. */
  readonly onDidRecover: vscode.Event<void>;

  constructor(
    private readonly tokens: TokenStore,
    private readonly log: Log,
    /** How clients are built (User-Agent, logging); sign-in builds its throwaway client with it. */
    readonly factory: ClientFactoryOptions,
  ) {
    this.tracker = new ConnectionTracker(log, () => this.connect(), () => this.binding.url);
    this.onDidChangeState = this.tracker.onDidChangeState;
    this.onDidRecover = this.tracker.onDidRecover;
    const url = apiUrl();
    this.binding = { generation: 0, url, origin: originOf(url), token: undefined };
    this.bound = this.rebind('activation', false);
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('enclave.apiUrl') && apiUrl() !== this.binding.url) void this.rebind('enclave.apiUrl changed');
        else if (affectsNetworkOptions(e)) void this.rebind('proxy or certificate settings changed');
      }),
      tokens.onDidChange((origin) => void this.followTokenChange(origin)),
    );
  }

  get state(): ConnectionState {
    return this.tracker.state;
  }

  get apiUrl(): string {
    return this.binding.url;
  }

  /** The automatic retry a call of this session is waiting to send, if any. */
  get retryWait(): RetryWait | undefined {
    return this.retryWaits.current;
  }

  /** What the background machinery is doing: one recovery loop at most, one timer each. */
  diagnostics(): { readonly recovery: RecoveryStats; readonly retryTimer: boolean } {
    return { recovery: this.tracker.recoveryStats, retryTimer: this.retryWaits.timerSet };
  }

  /** Tests: shorter back-off for the recovery loop (undefined: the default). */
  setRecoveryTiming(timing: RecoveryTiming | undefined): void {
    this.tracker.setRecoveryTiming(timing);
  }

  /** Tests: how old an answer may be for connect() to send nothing (undefined: 60 s). */
  setLivenessMaxAge(ms: number | undefined): void {
    this.livenessMaxAgeMs = ms ?? LIVENESS_MAX_AGE_MS;
  }

  /** Tests: timeouts and retry limits for the next client built (the current one is closed). */
  useClientOptions(options: Partial<Pick<ClientOptions, 'timeouts' | 'retry'>>): void {
    this.clientOptions = { ...options };
    const client = this.binding.client;
    this.binding.client = undefined;
    void client?.dispose();
  }

  /** The origin tokens are keyed by, or undefined when `enclave.apiUrl` is not a URL. */
  get origin(): string | undefined {
    return this.binding.origin;
  }

  /** Resolves once the stored token has been read (the state is then signedOut or connecting). */
  ready(): Promise<void> {
    return this.bound.then(() => undefined);
  }

  call<T>(fn: (client: EnclaveClient) => Promise<T>): Promise<T> {
    this.tracker.wanted = true;
    return this.run(fn, true);
  }

  /**
   * GET /account/orgs: establishes `connected` with the orgs. Resolves false on failure (already
   * reported). While connected with an answer under LIVENESS_MAX_AGE_MS old, sends nothing.
   */
  connect(): Promise<boolean> {
    this.tracker.wanted = true;
    // The view asks for this each time it becomes visible, and while connected that request
    // only moves "Last checked" in the status bar tooltip. An answer under a minute old is
    // recent enough for that line; switching side bars back and forth should not send a request
    // each time. Once it is older, the next showing checks again (and finds an outage).
    const state = this.state;
    if (state.kind === 'connected' && Date.now() - state.checkedAt.getTime() < this.livenessMaxAgeMs) return Promise.resolve(true);
    const generation = this.generation;
    if (this.connecting?.generation !== generation) {
      const done = this.fetchOrgs().finally(() => {
        if (this.connecting?.done === done) this.connecting = undefined;
      });
      this.connecting = { generation, done };
    }
    return this.connecting.done;
  }

  /** The user asked to retry now (status bar while offline). */
  retryNow(): void {
    if (this.state.kind === 'unreachable') this.tracker.retryNow();
    else void this.connect();
  }

  /**
   * Stores a token for `origin` and makes it the session's. Sign-in passes the orgs it saw while
   * verifying, which become the connected state at once (no second request); without them the
   * session connects. Resolves to whether the session is connected.
   */
  async acceptToken(origin: string, token: string, orgs?: readonly AccountOrganisation[]): Promise<boolean> {
    await this.tokens.store(origin, token);
    const binding = await this.rebind('signed in', false);
    if (binding.origin !== origin || binding.token !== token) return false;
    if (!orgs) return this.connect();
    this.tracker.wanted = true;
    this.tracker.connected(orgs);
    return true;
  }

  async signOut(): Promise<void> {
    const { origin } = this.binding;
    if (origin) await this.tokens.delete(origin);
    await this.rebind('signed out', false);
  }

  /**
   * One call with the current binding's client. A result that arrives after the URL or token
   * changed says nothing about the new binding, so it does not touch the state.
   */
  private async run<T>(fn: (client: EnclaveClient) => Promise<T>, track: boolean): Promise<T> {
    const binding = await this.bound;
    if (!binding.token) throw new NotSignedInError(binding.url);
    binding.client ??= createClient(this.factory, binding.url, binding.token, {
      ...this.clientOptions,
      onRetry: (info) => {
        this.log.info(retryLine(info));
        if (binding.generation === this.generation) this.retryWaits.add(info);
      },
    });
    const current = (): boolean => track && binding.generation === this.generation;
    try {
      const result = await fn(binding.client);
      if (current()) this.tracker.succeeded();
      return result;
    } catch (error) {
      if (current()) this.tracker.failed(error);
      throw error;
    }
  }

  private async fetchOrgs(): Promise<boolean> {
    const binding = await this.bound;
    if (!binding.token) return false;
    this.tracker.connecting();
    const current = (): boolean => binding.generation === this.generation;
    try {
      const orgs = await this.run((client) => client.getOrgs(), false);
      if (current()) this.tracker.connected(orgs);
      return true;
    } catch (error) {
      if (current()) this.tracker.failed(error);
      return false;
    }
  }

  private async followTokenChange(origin: string): Promise<void> {
    const binding = await this.bound;
    if (origin !== binding.origin) return;
    const token = await this.tokens.get(origin);
    if (binding === this.binding && token !== binding.token) await this.rebind('token changed (possibly in another window)');
  }

  /** Drops the client and re-reads URL and token; the newest call wins if two overlap. */
  private rebind(why: string, connectNow = true): Promise<Binding> {
    const generation = ++this.generation;
    const old = this.binding;
    void old.client?.dispose();
    this.retryWaits.clear();
    const url = apiUrl();
    const origin = originOf(url);
    this.binding = { generation, url, origin, token: undefined };
    this.bound = (async () => {
      const token = origin ? await this.tokens.get(origin) : undefined;
      if (generation !== this.generation) return this.bound;
      this.binding = { generation, url, origin, token };
      if (token) this.log.addSecret(token);
      this.log.info(`Session: ${why}; API ${url}, ${token ? 'token stored' : 'no token'} for this origin`);
      this.tracker.reset(token !== undefined, connectNow);
      return this.binding;
    })();
    return this.bound;
  }

  /** Closes the connection pool; deactivate waits for it. */
  async close(): Promise<void> {
    this.generation++;
    this.tracker.dispose();
    this.retryWaits.clear();
    this.retryWaitChanged.dispose();
    for (const s of this.subscriptions.splice(0)) s.dispose();
    await this.binding.client?.dispose();
  }

  dispose(): void {
    void this.close();
  }
}

/** The concrete session behind a command context (sign-in and sign-out need more than SessionApi). */
export function sessionOf(ctx: CommandContext): Session {
  // By shape, not instanceof: the command code runs from dist/features.js, with its own copy of this class.
  if (typeof (ctx.session as Partial<Session>).acceptToken !== 'function') throw new Error('The Enclave session is not available');
  return ctx.session as Session;
}
