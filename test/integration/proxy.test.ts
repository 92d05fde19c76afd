// VS Code's proxy settings in the real extension host: with `http.proxy` set (user level) the
// extension reaches an HTTPS Enclave API through a local CONNECT proxy, and the proxy only ever
// sees the tunnel. The API lives at https://enclave-api.test, a name only the proxy resolves (to
// the HTTPS mock on loopback), so a request that skipped the proxy could not arrive at all.
//
// Trusting the test CA: the host was started by the runner without it, and Node reads
// NODE_EXTRA_CA_CERTS once at start-up. The client reads the file the variable names whenever it
// builds an explicit CA list (always on the host's Node 24, which can read the OS store; see
// src/api/tls.ts), so setting the variable here, before a client is built, is enough — and
// clearing it again shows the same certificate refused.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { EnclaveExtensionApi } from '../../src/testApi';
import { ConnectProxy } from '../fixtures/connectProxy';
import { PROXIED_HOST, testPki } from '../fixtures/pki';
import { MockEnclaveServer } from '../server';
import { activateExtension, setApiUrl, waitFor } from './support/harness';
import { ScriptedPrompter } from './support/scriptedPrompter';

const API_URL = `https://${PROXIED_HOST}`;
const TARGET = `${PROXIED_HOST}:443`;
const PROXY_AUTH = 'Basic ZW5jbGF2ZS10ZXN0OnByb3h5LXNlY3JldC0xMjM0';
const HTTP_KEYS = ['proxy', 'noProxy', 'proxyStrictSSL', 'proxyAuthorization'] as const;

async function setHttp(values: Partial<Record<(typeof HTTP_KEYS)[number], unknown>>): Promise<void> {
  const http = vscode.workspace.getConfiguration('http');
  for (const key of HTTP_KEYS) {
    const value = values[key];
    if (JSON.stringify(http.inspect(key)?.globalValue) !== JSON.stringify(value)) await http.update(key, value, vscode.ConfigurationTarget.Global);
  }
}

describe('proxy: VS Code http.proxy settings in the real host', function () {
  this.timeout(60_000);
  let api: EnclaveExtensionApi;
  const prompter = new ScriptedPrompter();
  let server: MockEnclaveServer;
  let proxy: ConnectProxy;
  let bundle: string;
  const originalExtraCa = process.env.NODE_EXTRA_CA_CERTS;

  const trustTestCa = (trusted: boolean): void => {
    if (trusted) process.env.NODE_EXTRA_CA_CERTS = bundle;
    else if (originalExtraCa === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
    else process.env.NODE_EXTRA_CA_CERTS = originalExtraCa;
  };
  const mapTo = (s: MockEnclaveServer) => ({ [TARGET]: `127.0.0.1:${new URL(s.url).port}` });
  /** CONNECTs to our API (VS Code itself may send its own traffic through the proxy too). */
  const tunnels = (p: ConnectProxy = proxy) => p.connects.filter((c) => c.target === TARGET);
  const signInByCommand = async (...answers: (string | undefined)[]): Promise<void> => {
    prompter.answerPick('I have a token').answerInput(...answers);
    await vscode.commands.executeCommand('enclave.signIn');
  };

  before(async () => {
    const pki = testPki();
    bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-ca-')), 'bundle.pem');
    const existing = originalExtraCa && fs.existsSync(originalExtraCa) ? fs.readFileSync(originalExtraCa, 'utf8') : '';
    fs.writeFileSync(bundle, `${existing}\n${pki.caCert}`);
    server = await MockEnclaveServer.start({ port: 0, orgs: 2, systemsPerOrg: 4, keysPerOrg: 2, unapprovedPerOrg: 0, tls: { key: pki.key, cert: pki.cert } });
    proxy = await ConnectProxy.start({ hosts: mapTo(server) });
    api = await activateExtension();
    api.setPrompter(prompter);
    await setApiUrl(api, API_URL);
  });
  beforeEach(async () => {
    prompter.reset();
    if (api.session.apiUrl !== API_URL) await setApiUrl(api, API_URL);
    if (await api.storedToken(new URL(API_URL).origin)) await api.session.signOut();
    trustTestCa(true);
    await setHttp({ proxy: proxy.url, proxyAuthorization: PROXY_AUTH });
    server.clearRequests();
    proxy.clear();
  });
  after(async () => {
    api.setPrompter(new ScriptedPrompter());
    trustTestCa(false);
    try {
      if (api.session.origin === new URL(API_URL).origin) await api.session.signOut();
      await setHttp({});
      await setApiUrl(api, undefined);
    } finally {
      await proxy.close();
      await server.close();
      fs.rmSync(path.dirname(bundle), { recursive: true, force: true });
    }
  });

  it('signs in and loads through the proxy: CONNECT with http.proxyAuthorization, the token only inside TLS', async () => {
    await signInByCommand(server.token);
    assert.deepStrictEqual(prompter.messagesOf('info').map((m) => m.message), ['Signed in to Enclave: 2 organisations.']);
    assert.strictEqual(api.session.state.kind, 'connected');
    const orgRows = await waitFor('the organisations in the tree', async () => {
      const rows = (await api.tree.getChildren()) ?? [];
      return rows.filter((r) => r.type === 'org').length === 2 ? rows : undefined;
    });
    assert.strictEqual(orgRows.length, 2);

    assert.ok(tunnels().length >= 1, `no CONNECT ${TARGET} reached the proxy (saw: ${proxy.connects.map((c) => c.target).join(', ')})`);
    for (const c of tunnels()) assert.deepStrictEqual([c.proxyAuthorization, c.status], [PROXY_AUTH, 200]);
    const seen = server.requests.filter((r) => r.path === '/account/orgs');
    assert.ok(seen.length >= 1, 'GET /account/orgs reached the API');
    for (const r of seen) {
      assert.strictEqual(r.headers.host, PROXIED_HOST);
      assert.strictEqual(r.headers.authorization, 'Bearer [redacted]');
      assert.strictEqual(r.headers['proxy-authorization'], undefined, 'the proxy credentials went on to the API');
    }
    const bytes = proxy.tunnelled();
    assert.ok(bytes.length > 0);
    for (const clear of [server.token, 'Bearer ', '/account/orgs']) assert.ok(!bytes.includes(Buffer.from(clear)), `"${clear}" crossed the proxy in clear`);
    assert.deepStrictEqual(proxy.plainRequests.filter((r) => r.url.includes(PROXIED_HOST)), []);

    const lines = api.logLines();
    assert.ok(lines.some((l) => l.includes(`Network: ${API_URL} through the proxy ${proxy.url} (from http.proxy)`)), 'the route is logged');
    for (const secret of [server.token, PROXY_AUTH, PROXY_AUTH.slice(6)]) assert.deepStrictEqual(lines.filter((l) => l.includes(secret)), []);
  });

  it('refuses an API certificate nobody trusts — also with http.proxyStrictSSL off — and sends it nothing', async () => {
    trustTestCa(false);
    await setHttp({ proxy: proxy.url, proxyAuthorization: PROXY_AUTH, proxyStrictSSL: false });
    proxy.clear();
    await signInByCommand(server.token, undefined);

    assert.strictEqual(prompter.inputs.length, 2, 'the box comes back after the failed check');
    assert.match(prompter.inputs[1].options.prompt ?? '', new RegExp(`Could not check the token: the certificate of the Enclave API at ${PROXIED_HOST} is not trusted`));
    assert.ok(tunnels().some((c) => c.status === 200), 'the tunnel was opened: the proxy was used');
    assert.deepStrictEqual(server.requests, [], 'a server that failed verification got a request');
    assert.strictEqual(await api.storedToken(new URL(API_URL).origin), undefined);
    assert.ok(api.logLines().some((l) => /code=(UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|DEPTH_ZERO|UNABLE_TO_GET_ISSUER)/.test(l)), 'the certificate failure is logged');
  });

  it('rebuilds the client when http.proxy changes, and goes through the new proxy at once', async () => {
    const second = await ConnectProxy.start({ hosts: mapTo(server) });
    try {
      await vscode.commands.executeCommand('enclave.networks.focus');
      const sent = server.requests.length;
      await api.signInWithToken(server.token);
      // The view (shown) has its badge read each organisation's pending count after connecting:
      // let those (through the old proxy) finish before counting its tunnels.
      await waitFor('the pending counts', () => new Set(server.requests.slice(sent).filter((r) => r.path.endsWith('/unapproved-systems')).map((r) => r.path)).size === 2);
      assert.ok(tunnels().length >= 1);
      const before = tunnels().length;
      const mark = api.logLines().length;
      await setHttp({ proxy: second.url, proxyAuthorization: PROXY_AUTH });
      await waitFor('the session to rebuild after the proxy change', () => api.logLines().slice(mark).some((l) => l.includes('Session: proxy or certificate settings changed')));
      await api.session.call((client) => client.getOrgs());
      assert.ok(tunnels(second).length >= 1, 'the new proxy saw no CONNECT');
      assert.strictEqual(tunnels().length, before, 'the old proxy was used after the change');
    } finally {
      await second.close();
    }
  });

  it('goes direct for a host in http.noProxy: the proxy sees nothing', async () => {
    await api.signInWithToken(server.token);
    const mark = api.logLines().length;
    await setHttp({ proxy: proxy.url, proxyAuthorization: PROXY_AUTH, noProxy: [PROXIED_HOST] });
    await waitFor('the session to rebuild', () => api.logLines().slice(mark).some((l) => l.includes(`Network: ${API_URL} directly (listed in http.noProxy / NO_PROXY)`)));
    proxy.clear();
    const error = await api.session.call((client) => client.getOrgs()).then(() => undefined, (e: unknown) => e as { kind?: string });
    assert.strictEqual(error?.kind, 'network', 'resolved by the extension itself, the test-only name does not exist');
    assert.deepStrictEqual(tunnels(), []);
  });

  it('never sends loopback traffic to the proxy', async () => {
    const local = await MockEnclaveServer.start({ port: 0, orgs: 1, systemsPerOrg: 1, keysPerOrg: 1, unapprovedPerOrg: 0 });
    try {
      await setApiUrl(api, local.url);
      proxy.clear();
      await api.signInWithToken(local.token);
      assert.ok(local.requests.some((r) => r.path === '/account/orgs'));
      assert.deepStrictEqual(proxy.connects.filter((c) => c.target.startsWith('127.0.0.1')), []);
      assert.deepStrictEqual(proxy.plainRequests.filter((r) => r.url.includes('127.0.0.1')), []);
    } finally {
      await api.session.signOut();
      await setApiUrl(api, API_URL);
      await local.close();
    }
  });

  it('sends the credentials of the proxy URL as Basic auth and never logs them', async () => {
    const password = 'Pr0xy-Passw0rd-7781';
    await setHttp({ proxy: proxy.url.replace('//', `//enclave-user:${password}@`) });
    proxy.clear();
    await api.signInWithToken(server.token);
    const basic = Buffer.from(`enclave-user:${password}`).toString('base64');
    assert.ok(tunnels().length >= 1);
    for (const c of tunnels()) assert.strictEqual(c.proxyAuthorization, `Basic ${basic}`);
    const lines = api.logLines();
    assert.ok(lines.some((l) => l.includes(`through the proxy ${proxy.url} (from http.proxy)`)), 'the proxy is logged without its credentials');
    assert.deepStrictEqual(lines.filter((l) => l.includes(password) || l.includes(basic) || l.includes('enclave-user')), []);
  });
});
