// The session's promises about where the token goes: only to the user-level API URL's origin,
// never into logs or messages, and never to a new origin when the URL changes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { adoptDemoToken } from '../../src/auth/demoToken';
import type { TokenStore } from '../../src/auth/tokenStore';
import type { Log } from '../../src/ui/log';
import { MockEnclaveServer } from '../server';
import { Harness, setApiUrl, waitFor } from './support/harness';

describe('session', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start();
  });
  beforeEach(() => h.resetTo('connected'));
  after(() => h.stop());

  it('sends the User-Agent the API requires, and the token only as a bearer header', async () => {
    await h.api.session.call((client) => client.getOrgs());
    const [request] = h.requests('GET', /^\/account\/orgs$/);
    assert.ok(request, 'GET /account/orgs reached the server');
    assert.match(request.headers['user-agent'] ?? '', /^enclave-vscode\/\d+\.\d+\.\d+ \(VS Code \d+\.\d+\.\d+.*\)$/);
    assert.strictEqual(request.headers.authorization, 'Bearer [redacted]');
    assert.ok(!JSON.stringify(request.query).includes(h.server.token));
  });

  it('ignores a workspace-level enclave.apiUrl', async function () {
    this.timeout(20_000);
    const decoy = await MockEnclaveServer.start({ port: 0, orgs: 1 });
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test host opens a workspace folder');
    const dir = path.join(folder.uri.fsPath, '.vscode');
    const file = path.join(dir, 'settings.json');
    const seen = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('enclave.apiUrl')) { sub.dispose(); resolve(); }
      });
    });
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ 'enclave.apiUrl': decoy.url }));
      // VS Code may or may not announce a change for an application-scoped key in a workspace
      // file; give it the chance either way.
      await Promise.race([seen, new Promise((r) => setTimeout(r, 3000))]);
      assert.strictEqual(h.api.session.apiUrl, h.url);
      await h.api.session.call((client) => client.getOrgs());
      assert.strictEqual(decoy.requests.length, 0, 'the decoy named in workspace settings got a request');
      assert.ok(h.requests('GET', /^\/account\/orgs$/).length >= 1);
    } finally {
      fs.rmSync(file, { force: true });
      await decoy.close();
    }
  });

  it('never sends the old origin’s token to a new API URL', async () => {
    const other = await MockEnclaveServer.start({ port: 0, orgs: 1 });
    try {
      await setApiUrl(h.api, other.url);
      assert.strictEqual(h.api.session.state.kind, 'signedOut', 'no token is stored for the new origin');
      await assert.rejects(h.api.session.call((client) => client.getOrgs()), (e: Error) => e.name === 'NotSignedInError');
      assert.strictEqual(other.requests.length, 0);
      await waitFor('enclave.signedIn false', () => h.api.contextKeys()?.signedIn === false);

      // Back to the first origin: its token is still there, so the session picks it up again.
      await setApiUrl(h.api, h.url);
      assert.strictEqual(await h.api.storedToken(h.origin), h.server.token);
      await h.api.session.connect();
      await h.waitForState('connected');
    } finally {
      await other.close();
    }
  });

  it('keeps the token out of every log line and message, also when calls fail', async () => {
    h.server.injectFault({ kind: 'error', status: 500 }, { path: '^/account/orgs$' });
    await h.api.session.call((client) => client.getOrgs()).catch(() => undefined);
    await h.api.session.connect();
    const token = h.server.addToken();
    await h.signIn(token);
    h.server.revokeToken(token);
    await h.api.session.call((client) => client.getOrgs()).catch(() => undefined);
    await h.waitForState('rejected');
    await waitFor('the rejected warning', () => h.prompter.messagesOf('warn').length === 1);

    const lines = h.api.logLines();
    assert.ok(lines.some((l) => l.includes('GET /account/orgs → 500')), 'the failure is logged');
    assert.ok(lines.some((l) => l.includes('GET /account/orgs → 401')), 'the 401 is logged');
    for (const secret of [h.server.token, token]) {
      assert.deepStrictEqual(lines.filter((l) => l.includes(secret)), []);
      assert.deepStrictEqual(h.prompter.shownTexts().filter((t) => t.includes(secret)), []);
    }
  });

  it('sets the context keys from the state', async () => {
    await waitFor('signedIn/connected keys', () => {
      const keys = h.api.contextKeys();
      return keys?.signedIn === true && keys.state === 'connected';
    });
    await h.signOut();
    await waitFor('signed-out keys', () => h.api.contextKeys()?.state === 'signedOut' && h.api.contextKeys()?.signedIn === false);
  });

  it('adopts ENCLAVE_DEMO_TOKEN only outside Production, for a loopback API, when no token is stored', async () => {
    const saved = new Map<string, string>();
    const tokens = {
      get: async (origin: string) => saved.get(origin),
      store: async (origin: string, token: string) => void saved.set(origin, token),
    } as unknown as TokenStore;
    // Not a real Log: a second "Enclave" LogOutputChannel of this extension is the same channel,
    // and disposing it would close the extension's own.
    const quiet = (): void => undefined;
    const log = { addSecret: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: quiet } as unknown as Log;
    const context = (mode: vscode.ExtensionMode) => ({ extensionMode: mode }) as vscode.ExtensionContext;
    const demo = 'D'.repeat(63);
    const previous = process.env.ENCLAVE_DEMO_TOKEN;
    try {
      delete process.env.ENCLAVE_DEMO_TOKEN;
      assert.strictEqual(await adoptDemoToken(context(vscode.ExtensionMode.Development), tokens, log), false, 'no env, nothing to adopt');
      process.env.ENCLAVE_DEMO_TOKEN = demo;
      assert.strictEqual(await adoptDemoToken(context(vscode.ExtensionMode.Production), tokens, log), false, 'never in Production');
      assert.strictEqual(saved.size, 0);
      process.env.ENCLAVE_DEMO_TOKEN = 'short';
      assert.strictEqual(await adoptDemoToken(context(vscode.ExtensionMode.Development), tokens, log), false, 'malformed');
      process.env.ENCLAVE_DEMO_TOKEN = ` ${demo}\n`;
      assert.strictEqual(await adoptDemoToken(context(vscode.ExtensionMode.Development), tokens, log), true);
      assert.deepStrictEqual([...saved], [[h.origin, demo]]);
      process.env.ENCLAVE_DEMO_TOKEN = 'E'.repeat(63);
      assert.strictEqual(await adoptDemoToken(context(vscode.ExtensionMode.Test), tokens, log), false, 'a stored token is kept');
      assert.strictEqual(saved.get(h.origin), demo);

      saved.clear();
      await setApiUrl(h.api, 'https://api.example.com');
      assert.strictEqual(await adoptDemoToken(context(vscode.ExtensionMode.Development), tokens, log), false, 'never for a remote API');
      assert.strictEqual(saved.size, 0);
    } finally {
      if (previous === undefined) delete process.env.ENCLAVE_DEMO_TOKEN;
      else process.env.ENCLAVE_DEMO_TOKEN = previous;
    }
  });

  it('shows the organisations in the tree once connected', async () => {
    const rows = await h.children();
    const names = rows.flatMap((r) => (r.type === 'org' ? [r.org.orgName] : [])).sort();
    assert.deepStrictEqual(names, h.server.store.orgs.map((o) => o.properties.name).sort());
  });
});
