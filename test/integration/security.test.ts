// Where the token may go, checked in the real extension host after sessions with failures: not
// into the log (every level is recorded: the RecordingLog keeps trace and debug lines whatever
// the channel's level), not into any message or error, not into globalState, settings or URLs,
// and never to a second API origin. Plus the warning when SecretStorage did not keep the token.
//
// Already covered elsewhere, not repeated here: a workspace-level enclave.apiUrl is ignored, and
// the session drops to signed-out for a new origin (session.test.ts); sign-in never shows or logs
// a good or bad token (signIn.test.ts).
import * as assert from 'assert';
import * as net from 'net';
import * as vscode from 'vscode';
import { checkTokenKept } from '../../src/auth/persistence';
import { MARKER_KEY, TOKEN_NOT_KEPT_WARNING, type MarkerState, type Markers } from '../../src/auth/persistenceMarker';
import { TokenStore } from '../../src/auth/tokenStore';
import type { EnclaveNode } from '../../src/tree/nodes';
import { LIMITS, MockEnclaveServer } from '../server';
import { Harness, setApiUrl, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

/** A loopback TCP forwarder that keeps every byte the extension sent: what a server could read. */
class Tap {
  private readonly bytes: Buffer[] = [];
  private readonly sockets = new Set<net.Socket>();
  private constructor(private readonly server: net.Server, readonly url: string) {}

  static async start(target: string): Promise<Tap> {
    const { hostname, port } = new URL(target);
    let tap: Tap | undefined;
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(port), hostname);
      for (const s of [client, upstream]) {
        tap?.sockets.add(s);
        s.on('close', () => tap?.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.on('data', (chunk: Buffer) => tap?.bytes.push(Buffer.from(chunk)));
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    tap = new Tap(server, `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`);
    return tap;
  }

  saw(text: string): boolean {
    return Buffer.concat(this.bytes).includes(Buffer.from(text));
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe('security: the token stays where it belongs', function () {
  this.timeout(60_000);
  let h: Harness;
  let orgId: string;

  before(async () => {
    h = await Harness.start();
    orgId = h.server.store.orgs[0].id;
  });
  beforeEach(() => h.resetTo('connected'));
  after(() => h.stop());

  const systemRows = async (): Promise<Of<'system'>[]> => {
    const org = await h.orgNode(h.server.store.orgs[0].properties.name);
    const list = (await h.children(org)).find((n) => n.type === 'list' && n.kind === 'systems');
    assert.ok(list, 'no systems list');
    return (await h.children(list)).filter((n): n is Of<'system'> => n.type === 'system' && n.system.isEnabled);
  };

  it('keeps every token out of the whole log, every message and every error after 500, 404, a validation error and 401', async () => {
    const thrown: unknown[] = [];
    const keep = (p: Promise<unknown>) => p.then(() => assert.fail('the call was expected to fail'), (e: unknown) => void thrown.push(e));

    // 500 on an action, then the same action on a system removed behind the tree's back (404).
    const [first, second] = await systemRows();
    h.server.injectFault({ kind: 'error', status: 500 }, { method: 'PUT', path: /\/disable$/ });
    h.prompter.answerConfirm(true).answerError(undefined);
    await vscode.commands.executeCommand('enclave.disableSystem', first, [first]);
    h.server.store.revokeSystem(h.server.store.org(orgId)!, second.system.systemId);
    h.prompter.answerConfirm(true).answerError(undefined);
    await vscode.commands.executeCommand('enclave.disableSystem', second, [second]);

    // A validation error from the API (stricter than the extension's own check).
    const limits = LIMITS as { description: number };
    const original = limits.description;
    limits.description = 5;
    try {
      let asked = 0;
      h.prompter.answerInput(...Array.from({ length: 10 }, () => (o: { value?: string }) => (asked++ === 0 ? 'Laptops for the sales team' : o.value ?? '')));
      h.prompter.answerPick(...Array.from({ length: 5 }, () => () => true)).answerError(undefined);
      await vscode.commands.executeCommand('enclave.createEnrolmentKey', await h.orgNode(h.server.store.orgs[0].properties.name));
    } finally {
      limits.description = original;
    }
    await keep(h.api.session.call((client) => client.systems.get(orgId, 'NOSUCHSYSTEM')));
    h.server.injectFault({ kind: 'error', status: 500 }, { method: 'GET', path: '^/account/orgs$' });
    await keep(h.api.session.call((client) => client.getOrgs()));

    // 401: a second token, revoked while in use.
    const revoked = h.server.addToken();
    await h.signIn(revoked);
    h.server.revokeToken(revoked);
    await keep(h.api.session.call((client) => client.getOrgs()));
    await h.waitForState('rejected');
    await waitFor('the rejected warning', () => h.prompter.messagesOf('warn').length === 1);

    const errors = h.prompter.messagesOf('error').map((m) => m.message);
    assert.strictEqual(errors.length, 3, `one error per failed action, got: ${errors.join(' | ')}`);
    assert.match(errors[0], /HTTP 500/);
    assert.match(errors[1], /no longer exists/);
    assert.match(errors[2], /5 characters or fewer/);
    const lines = h.api.logLines();
    for (const status of ['500', '404', '400', '401']) assert.ok(lines.some((l) => l.includes(`→ ${status}`)), `the ${status} is logged`);
    assert.ok(lines.some((l) => l.startsWith('[debug]')), 'debug lines are part of what is checked');

    const globalState = h.api.commandContext.extension.globalState;
    const stateText = JSON.stringify(globalState.keys().map((k) => [k, globalState.get(k)]));
    const settingsText = JSON.stringify(vscode.workspace.getConfiguration('enclave').inspect('apiUrl'));
    const requestText = JSON.stringify(h.server.requests.map((r) => [r.path, r.query, r.body]));
    const errorText = thrown.map((e) => (e instanceof Error ? `${e.message}\n${e.stack}\n${JSON.stringify(e)}` : String(e))).join('\n');
    for (const secret of [h.server.token, revoked]) {
      assert.deepStrictEqual(lines.filter((l) => l.includes(secret)), [], 'a log line names a token');
      assert.deepStrictEqual(h.prompter.shownTexts().filter((t) => t.includes(secret)), [], 'a message names a token');
      for (const [what, text] of [['an error', errorText], ['globalState', stateText], ['settings', settingsText], ['a URL or body', requestText]]) {
        assert.ok(!text.includes(secret), `${what} names a token`);
      }
    }
    assert.strictEqual(thrown.length, 3);
  });

  it('never sends the first origin’s token to a new API URL; the new origin needs its own sign-in', async () => {
    const other = await MockEnclaveServer.start({ port: 0, orgs: 1 });
    const tap = await Tap.start(other.url);
    try {
      await setApiUrl(h.api, tap.url);
      assert.strictEqual(h.api.session.state.kind, 'signedOut');
      h.prompter.answerInfo(undefined);
      await vscode.commands.executeCommand('enclave.refresh');
      await h.api.session.connect();
      assert.strictEqual(tap.saw(h.server.token), false, 'the first token reached the second server');

      // Signing in there sends that origin's own token — which the tap does see, so it would
      // have seen the first one too.
      h.prompter.answerPick('I have a token').answerInput(other.token);
      await vscode.commands.executeCommand('enclave.signIn');
      await h.waitForState('connected');
      assert.strictEqual(tap.saw(other.token), true, 'the tap sees what is sent');
      assert.strictEqual(tap.saw(h.server.token), false, 'the first token reached the second server');
      assert.ok(other.requests.every((r) => r.headers.authorization === 'Bearer [redacted]'));

      // Back on the first origin its own token is used, and the second one stays at home.
      await setApiUrl(h.api, h.url);
      await h.api.session.connect();
      await h.waitForState('connected');
      assert.strictEqual(await h.api.storedToken(h.origin), h.server.token);
    } finally {
      await new TokenStore(h.api.commandContext.extension.secrets).delete(new URL(tap.url).origin);
      await tap.close();
      await other.close();
    }
  });

  describe('when SecretStorage did not keep the token', () => {
    const context = () => h.api.commandContext.extension;
    const markers = () => context().globalState.get<Markers>(MARKER_KEY) ?? {};
    let tokens: TokenStore;
    before(() => {
      tokens = new TokenStore(context().secrets);
    });
    after(() => tokens.dispose());
    /**
     * The globalState a restarted window would read. The tests that lose the token check a copy
     * taken once the extension's own marker handler has cleared the live one, so a change event
     * that reaches that handler late cannot race the check.
     */
    let restarted: MarkerState | undefined;
    const check = () => checkTokenKept({ state: restarted ?? context().globalState, tokens, origin: h.origin, log: h.api.log, prompter: h.prompter });
    beforeEach(() => {
      restarted = undefined;
    });

    it('marks a stored token in globalState by origin and time only', async () => {
      await waitFor('the marker for this origin', () => markers()[h.origin]);
      assert.deepStrictEqual(Object.keys(markers()[h.origin]), ['storedAt']);
      assert.ok(!JSON.stringify(markers()).includes(h.server.token));
      assert.strictEqual(await check(), false, 'no warning while the token is there');
      assert.deepStrictEqual(h.prompter.messages, []);
    });

    /** What a restart without a keyring leaves behind: the marker in globalState (on disk), the secret gone. */
    const loseToken = async (): Promise<void> => {
      await waitFor('the marker for this origin', () => markers()[h.origin]);
      const survived = markers();
      await tokens.delete(h.origin);
      await waitFor('the removal to clear the marker (as a sign-out does)', () => !markers()[h.origin]);
      await h.waitForState('signedOut');
      const copy = new Map<string, unknown>([[MARKER_KEY, survived]]);
      restarted = {
        get: <T>(key: string) => copy.get(key) as T | undefined,
        update: async (key: string, value: unknown) => void copy.set(key, value),
      };
    };

    it('warns once when the marker survived but the secret did not', async () => {
      await loseToken();
      h.prompter.answerWarn(undefined);
      assert.strictEqual(await check(), true);
      assert.deepStrictEqual(h.prompter.messagesOf('warn').map((m) => [m.message, m.actions]), [[TOKEN_NOT_KEPT_WARNING, ['Sign In']]]);
      assert.strictEqual(await check(), false, 'the same loss is reported once');
      assert.strictEqual(h.prompter.messagesOf('warn').length, 1);
      assert.ok(h.api.logLines().some((l) => l.includes('is no longer in SecretStorage although nobody signed out')));
    });

    it('offers Sign In, which opens the sign-in flow and marks the new token', async () => {
      await loseToken();
      h.prompter.answerWarn('Sign In').answerPick('I have a token').answerInput(h.server.token);
      assert.strictEqual(await check(), true);
      await h.waitForState('connected');
      assert.strictEqual(h.prompter.inputs.length, 1, 'Sign In opened the token box');
      await waitFor('the new marker', () => markers()[h.origin]);
    });

    it('does not warn after signing out', async () => {
      await waitFor('the marker for this origin', () => markers()[h.origin]);
      h.prompter.answerInfo(undefined);
      await vscode.commands.executeCommand('enclave.signOut');
      await waitFor('the marker cleared by the sign-out', () => !markers()[h.origin]);
      h.prompter.reset();
      assert.strictEqual(await check(), false);
      assert.deepStrictEqual(h.prompter.messages, []);
    });
  });
});
