/**
 * Harness for integration tests in the real extension host: a MockEnclaveServer on loopback,
 * `enclave.apiUrl` pointed at it (user level), the extension activated, a ScriptedPrompter
 * installed, and (by default) signed in with the server's token — without any prompt.
 *
 *   let h: Harness;
 *   before(async () => { h = await Harness.start(); });      // options: see HarnessOptions
 *   beforeEach(() => h.prompter.reset());                   // or h.resetTo('connected' | 'signedOut')
 *   after(() => h.stop());
 *
 *   const orgs = await h.children();                         // root rows once nothing is "Loading…"
 *   const org = await h.orgNode('Acme');                     // by (part of) the org name
 *   const lists = await h.children(org);
 *   await vscode.commands.executeCommand('enclave.refresh');
 *   await waitFor('the key on the server', () => h.server.store...);
 *
 * Helpers: `waitFor(what, probe)` polls until probe returns something truthy (or throws after
 * a timeout naming `what`); `h.waitForState(kind)`; `h.signIn(token?)` / `h.signOut()`;
 * `h.requests(method?, pathPattern?)` filters the server's request log.
 *
 * The extension is activated once per host and shared by every test file, so `stop()` leaves
 * it clean: token for this origin deleted, `enclave.apiUrl` reset to its default (no token
 * there: signed out, no traffic), and a fresh ScriptedPrompter installed so that nothing a
 * later test triggers can open a real modal dialog.
 */
import * as vscode from 'vscode';
import type { ConnectionState } from '../../../src/model/connection';
import type { EnclaveExtensionApi } from '../../../src/testApi';
import type { EnclaveNode } from '../../../src/tree/nodes';
import { MockEnclaveServer, type MockServerOptions, type RequestLogEntry } from '../../server';
import { ScriptedPrompter } from './scriptedPrompter';
import { TcpProxy } from './tcpProxy';

export const EXTENSION_ID = 'enclave-vscode.enclave-vscode';

export interface HarnessOptions {
  /** Passed to MockEnclaveServer.start (defaults: seed 1, 3 orgs, 60 systems, 12 keys, 4 pending). */
  readonly server?: MockServerOptions;
  /** Sign in with server.token (true, default), server.limitedToken ('limited'), or not at all. */
  readonly signIn?: boolean | 'limited';
  /** Put a TcpProxy in front of the server and point enclave.apiUrl at it (to take the API offline). */
  readonly proxy?: boolean;
  /**
   * Start the server's clock at the real now when the suite starts, for a client that computes
   * expiries from its own Date.now(). (`server: { now: Date.now() }` would be read when the test
   * file loads, minutes before its suite runs in a full run.)
   */
  readonly realTime?: boolean;
}

export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 10_000, intervalMs = 20): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function activateExtension(): Promise<EnclaveExtensionApi> {
  const extension = vscode.extensions.getExtension<EnclaveExtensionApi | undefined>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded in this extension host`);
  const api = await extension.activate();
  if (!api) throw new Error('The extension returned no test API: is it running in Test or Development mode?');
  return api;
}

/** Sets the user-level enclave.apiUrl (undefined: back to the default) and waits for the session to follow. */
export async function setApiUrl(api: EnclaveExtensionApi, url: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('enclave').update('apiUrl', url, vscode.ConfigurationTarget.Global);
  const expected = (url ?? 'https://api.enclave.io').replace(/\/+$/, '');
  await waitFor(`the session to use ${expected}`, () => api.session.apiUrl === expected);
  await api.session.ready();
}

export class Harness {
  private constructor(
    readonly server: MockEnclaveServer,
    readonly api: EnclaveExtensionApi,
    readonly prompter: ScriptedPrompter,
    /** Present with `proxy: true`: stop() / restart() it to take the API offline and back. */
    readonly proxy: TcpProxy | undefined,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const server = await MockEnclaveServer.start({ port: 0, seed: 1, orgs: 3, systemsPerOrg: 60, keysPerOrg: 12, unapprovedPerOrg: 4, ...options.server, ...(options.realTime ? { now: Date.now() } : {}) });
    const proxy = options.proxy ? await TcpProxy.start(server.url) : undefined;
    const api = await activateExtension();
    const prompter = new ScriptedPrompter();
    api.setPrompter(prompter);
    const harness = new Harness(server, api, prompter, proxy);
    await setApiUrl(api, harness.url);
    const signIn = options.signIn ?? true;
    if (signIn) await harness.signIn(signIn === 'limited' ? server.limitedToken : server.token);
    return harness;
  }

  /** The URL the extension talks to (the proxy's when there is one). */
  get url(): string {
    return this.proxy?.url ?? this.server.url;
  }

  get origin(): string {
    return new URL(this.url).origin;
  }

  /** Stores the token for this origin without prompts and waits for `connected`. */
  async signIn(token: string = this.server.token): Promise<void> {
    await this.api.signInWithToken(token);
    await this.waitForState('connected');
  }

  async signOut(): Promise<void> {
    await this.api.session.signOut();
    await this.waitForState('signedOut');
  }

  waitForState<K extends ConnectionState['kind']>(kind: K, timeoutMs = 10_000): Promise<Extract<ConnectionState, { kind: K }>> {
    return waitFor(`state ${kind} (now ${this.api.session.state.kind})`, () => {
      const state = this.api.session.state;
      return state.kind === kind ? (state as Extract<ConnectionState, { kind: K }>) : undefined;
    }, timeoutMs);
  }

  /**
   * Between the tests of a file that moves the URL or the sign-in: a fresh prompter script and
   * request log, `enclave.apiUrl` back on this server, and connected or signed out as asked.
   */
  async resetTo(state: 'connected' | 'signedOut'): Promise<void> {
    this.prompter.reset();
    this.server.clearRequests();
    if (this.api.session.apiUrl !== this.url) await setApiUrl(this.api, this.url);
    const now = this.api.session.state.kind;
    if (state === 'connected' && now !== 'connected') await this.signIn();
    if (state === 'signedOut' && now !== 'signedOut') await this.signOut();
  }

  /** Children of a node (root when omitted) once none of them is a "Loading…" row. */
  async children(node?: EnclaveNode, timeoutMs = 10_000): Promise<EnclaveNode[]> {
    return waitFor(`children of ${node?.id ?? 'the root'} to load`, async () => {
      const rows = (await this.api.tree.getChildren(node)) ?? [];
      return rows.some((r) => r.type === 'message' && r.severity === 'loading') ? undefined : rows;
    }, timeoutMs);
  }

  /**
   * The entity rows of one type (systems, keys or pending systems) under an organisation, from
   * the list's loaded pages; `refresh` reloads the list first (to see a change made on the server).
   */
  async entityRows<T extends 'system' | 'key' | 'pending'>(org: EnclaveNode, type: T, refresh = false): Promise<Extract<EnclaveNode, { type: T }>[]> {
    const kind = type === 'system' ? 'systems' : type === 'key' ? 'enrolmentKeys' : 'pending';
    const list = (await this.children(org)).find((n) => n.type === 'list' && n.kind === kind);
    if (!list) throw new Error(`No ${kind} row under ${org.id}`);
    if (refresh) await vscode.commands.executeCommand('enclave.refresh', list);
    return (await this.children(list)).filter((n): n is Extract<EnclaveNode, { type: T }> => n.type === type);
  }

  /** The organisation row whose name contains `name`. */
  async orgNode(name: string): Promise<Extract<EnclaveNode, { type: 'org' }>> {
    const rows = await this.children();
    const org = rows.find((r): r is Extract<EnclaveNode, { type: 'org' }> => r.type === 'org' && r.org.orgName.includes(name));
    if (!org) throw new Error(`No organisation row containing "${name}" among: ${rows.map((r) => r.id).join(', ')}`);
    return org;
  }

  /** The server's request log, optionally filtered by method and a path pattern. */
  requests(method?: string, path?: RegExp): RequestLogEntry[] {
    return this.server.requests.filter((r) => (!method || r.method === method) && (!path || path.test(r.path)));
  }

  async stop(): Promise<void> {
    this.api.setPrompter(new ScriptedPrompter());
    try {
      if (this.api.session.origin === this.origin) await this.api.session.signOut();
      await setApiUrl(this.api, undefined);
    } finally {
      await this.proxy?.stop();
      await this.server.close();
    }
  }
}

/** What orgSuite hands its suite once the harness is up: `({ h, org, orgId } = suite)`. */
export interface OrgSuite {
  readonly h: Harness;
  /** The tree's first row: the first organisation. */
  readonly org: Extract<EnclaveNode, { type: 'org' }>;
  readonly orgId: string;
}

/**
 * The hooks the action suites share: one Harness for the suite on the first organisation (the
 * tree's first row); before each test the scripted prompts, the request log and any faults left
 * over are cleared. `use` receives the harness, that organisation and its ID once they are ready.
 */
export function orgSuite(use: (suite: OrgSuite) => void, options?: HarnessOptions): void {
  let h: Harness | undefined;
  before(async () => {
    h = await Harness.start(options);
    const org = await h.orgNode(h.server.store.orgs[0].properties.name);
    use({ h, org, orgId: org.org.orgId });
  });
  beforeEach(() => {
    h?.prompter.reset();
    h?.server.clearRequests();
    h?.server.clearFaults();
  });
  after(() => h?.stop());
}
