// The client through a real CONNECT proxy and against a real HTTPS server, all on loopback:
// what the proxy sees, what it never sees, which hosts bypass it, and which certificates pass.
import * as assert from 'node:assert/strict';
import { EnclaveClient, isEnclaveError, proxyRoute, type ClientOptions } from '../../../src/api';
import { MockEnclaveServer } from '../../server';
import { ConnectProxy } from '../../fixtures/connectProxy';
import { PROXIED_HOST, testPki, type TestPki } from '../../fixtures/pki';

const USER_AGENT = 'enclave-vscode/0.1.0 (VS Code test)';
/** Only the proxy knows where this is: the client never resolves it when it tunnels. */
const PROXIED_URL = `https://${PROXIED_HOST}`;

describe('api proxy and TLS (loopback CONNECT proxy, HTTPS mock API)', () => {
  let pki: TestPki;
  let api: MockEnclaveServer;
  let proxy: ConnectProxy;
  const clients: EnclaveClient[] = [];

  const client = (options: Partial<ClientOptions>): EnclaveClient => {
    const c = new EnclaveClient({ token: api.token, userAgent: USER_AGENT, retry: { maxRetries: 0 }, timeouts: { connectMs: 5000 }, ...options });
    clients.push(c);
    return c;
  };
  const failure = async (c: EnclaveClient): Promise<Error & { kind?: string; code?: string }> => {
    const error = await c.getOrgs().then(() => undefined, (e: unknown) => e);
    assert.ok(isEnclaveError(error), `expected the call to fail with an EnclaveError, got ${String(error)}`);
    return error;
  };

  before(async () => {
    pki = testPki();
    api = await MockEnclaveServer.start({ port: 0, orgs: 2, systemsPerOrg: 3, keysPerOrg: 1, unapprovedPerOrg: 0, tls: { key: pki.key, cert: pki.cert } });
  });
  beforeEach(async () => {
    api.clearRequests();
    proxy = await ConnectProxy.start({ hosts: { [`${PROXIED_HOST}:443`]: `127.0.0.1:${new URL(api.url).port}` } });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.dispose()));
    await proxy.close();
  });
  after(() => api.close());

  it('the mock API serves HTTPS with the tls option', () => {
    assert.match(api.url, /^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it('tunnels to an HTTPS API with CONNECT, sending http.proxyAuthorization to the proxy only', async () => {
    const c = client({ baseUrl: PROXIED_URL, ca: [pki.caCert], proxy: { url: proxy.url, authorization: 'Negotiate abc123' } });
    const orgs = await c.getOrgs();
    assert.equal(orgs.length, 2);
    assert.deepEqual(proxy.connects.map((s) => [s.target, s.proxyAuthorization, s.status]), [[`${PROXIED_HOST}:443`, 'Negotiate abc123', 200]]);
    const [seen] = api.requests;
    assert.equal(seen.path, '/account/orgs');
    assert.equal(seen.headers.host, PROXIED_HOST);
    assert.equal(seen.headers.authorization, 'Bearer [redacted]', 'the bearer token reached the API');
    assert.equal(seen.headers['proxy-authorization'], undefined, 'the proxy credentials must not travel on to the API');
    assert.deepEqual(proxy.plainRequests, []);
  });

  it('the proxy never sees the bearer token or the request in clear: only TLS crosses the tunnel', async () => {
    const c = client({ baseUrl: PROXIED_URL, ca: [pki.caCert], proxy: { url: proxy.url } });
    await c.getOrgs();
    await c.systems.list(api.store.orgs[0].id);
    const bytes = proxy.tunnelled();
    assert.ok(bytes.length > 500, `the tunnel carried ${bytes.length} bytes`);
    assert.equal(bytes[0], 0x16, 'the first byte in the tunnel is a TLS handshake record');
    for (const clear of [api.token, 'Bearer', 'authorization', '/account/orgs', USER_AGENT]) {
      assert.equal(bytes.includes(Buffer.from(clear)), false, `"${clear}" crossed the proxy in clear`);
    }
    for (const s of proxy.connects) assert.ok(!JSON.stringify(s.headers).includes(api.token));
  });

  it('turns user:password in the proxy URL into Basic auth; http.proxyAuthorization wins over it', async () => {
    await client({ baseUrl: PROXIED_URL, ca: [pki.caCert], proxy: { url: proxy.url.replace('//', '//al%40ice:s%3Acret@') } }).getOrgs();
    await client({ baseUrl: PROXIED_URL, ca: [pki.caCert], proxy: { url: proxy.url.replace('//', '//u:p@'), authorization: 'Bearer proxy-only' } }).getOrgs();
    assert.deepEqual(proxy.connects.map((s) => s.proxyAuthorization), [`Basic ${Buffer.from('al@ice:s:cret').toString('base64')}`, 'Bearer proxy-only']);
  });

  it('fails without reaching the API when the proxy wants credentials, and says nothing secret', async () => {
    await proxy.close();
    proxy = await ConnectProxy.start({ auth: 'Basic right', hosts: { [`${PROXIED_HOST}:443`]: `127.0.0.1:${new URL(api.url).port}` } });
    const error = await failure(client({ baseUrl: PROXIED_URL, ca: [pki.caCert], proxy: { url: proxy.url.replace('//', '//user:hunter22@') } }));
    assert.equal(error.kind, 'network');
    assert.deepEqual(proxy.connects.map((s) => s.status), [407]);
    assert.equal(api.requests.length, 0);
    const text = `${String(error)} ${JSON.stringify(error)}`;
    for (const secret of ['hunter22', api.token]) assert.ok(!text.includes(secret), `the error text names "${secret}": ${text}`);
  });

  it('goes direct for hosts in noProxy (the proxy sees nothing)', async () => {
    const direct = await failure(client({ baseUrl: PROXIED_URL, ca: [pki.caCert], proxy: { url: proxy.url, noProxy: ['example.org', `.${PROXIED_HOST.split('.').pop()}`] } }));
    assert.equal(direct.kind, 'network', 'resolved by the client itself, the test-only name does not exist');
    assert.deepEqual(proxy.connects, []);
  });

  it('always goes direct to loopback, whatever the proxy settings', async () => {
    const orgs = await client({ baseUrl: api.url, ca: [pki.caCert], proxy: { url: proxy.url } }).getOrgs();
    assert.equal(orgs.length, 2);
    assert.deepEqual(proxy.connects, []);
    assert.equal(api.requests.length, 1);
  });

  it('rejects the server certificate without its CA, directly and through the proxy, and accepts it with `ca`', async () => {
    const directly = await failure(client({ baseUrl: api.url }));
    assert.equal(directly.kind, 'network');
    assert.match(directly.code ?? '', /CERT|SIGNATURE|ISSUER/, `a certificate failure, got ${directly.code}`);
    const proxied = await failure(client({ baseUrl: PROXIED_URL, proxy: { url: proxy.url } }));
    assert.match(proxied.code ?? '', /CERT|SIGNATURE|ISSUER/, `a certificate failure, got ${proxied.code}`);
    assert.equal(api.requests.length, 0, 'no request (and so no token) may reach a server that failed verification');

    assert.equal((await client({ baseUrl: api.url, ca: [pki.caCert] }).getOrgs()).length, 2);
  });

  it('keeps verifying the API certificate when NODE_TLS_REJECT_UNAUTHORIZED=0 is in the environment', async () => {
    const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    const quiet = process.emitWarning;
    process.emitWarning = () => undefined; // Node's "makes TLS connections insecure" warning
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
    try {
      for (const options of [{ baseUrl: api.url }, { baseUrl: PROXIED_URL, proxy: { url: proxy.url } }]) {
        const error = await failure(client(options));
        assert.match(error.code ?? '', /CERT|SIGNATURE|ISSUER/, `a certificate failure, got ${error.code}`);
      }
      assert.equal(api.requests.length, 0);
    } finally {
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
      process.emitWarning = quiet;
    }
  });

  it('rejects a certificate issued for another name, even with the CA', async () => {
    // The proxy sends the tunnel to the mock, whose certificate does not name this host.
    await proxy.close();
    proxy = await ConnectProxy.start({ hosts: { 'api.enclave.io:443': `127.0.0.1:${new URL(api.url).port}` } });
    const error = await failure(client({ baseUrl: 'https://api.enclave.io', ca: [pki.caCert], proxy: { url: proxy.url } }));
    assert.match(error.code ?? '', /ALTNAME/, `a host name mismatch, got ${error.code}`);
    assert.equal(api.requests.length, 0);
  });

  describe('an https:// proxy with a certificate nobody trusts', () => {
    let tlsProxy: ConnectProxy;
    let tlsProxyUrl: string;
    beforeEach(async () => {
      tlsProxy = await ConnectProxy.start({ tls: pki.untrusted, hosts: { [`${PROXIED_HOST}:443`]: `127.0.0.1:${new URL(api.url).port}` } });
      // By name: TLS may not carry an IP address as the server name (RFC 6066).
      tlsProxyUrl = tlsProxy.url.replace('127.0.0.1', 'localhost');
    });
    afterEach(() => tlsProxy.close());

    it('is refused while http.proxyStrictSSL is on (the default)', async () => {
      const error = await failure(client({ baseUrl: PROXIED_URL, ca: [pki.caCert], proxy: { url: tlsProxyUrl } }));
      assert.match(error.code ?? '', /CERT|SIGNATURE/, `a certificate failure, got ${error.code}`);
      assert.deepEqual(tlsProxy.connects, [], 'no CONNECT is sent to an unverified proxy');
    });

    it('is used with http.proxyStrictSSL off, and the API certificate is still verified', async () => {
      const orgs = await client({ baseUrl: PROXIED_URL, ca: [pki.caCert], proxy: { url: tlsProxyUrl, strictSSL: false } }).getOrgs();
      assert.equal(orgs.length, 2);
      assert.equal(tlsProxy.connects.length, 1);

      const error = await failure(client({ baseUrl: PROXIED_URL, proxy: { url: tlsProxyUrl, strictSSL: false } }));
      assert.match(error.code ?? '', /CERT|SIGNATURE|ISSUER/, `strictSSL=false must not switch off the API's check, got ${error.code}`);
      assert.equal(api.requests.length, 1, 'only the verified call reached the API');
    });
  });

  it('refuses proxy schemes it cannot honour, naming the proxy without its credentials', () => {
    assert.throws(() => client({ baseUrl: PROXIED_URL, proxy: { url: 'socks5://me:pw12345678@127.0.0.1:1080' } }), (e: Error) => {
      assert.equal((e as { kind?: string }).kind, 'config');
      assert.match(e.message, /socks5:\/\/127\.0\.0\.1:1080 uses socks5:/);
      assert.ok(!e.message.includes('pw12345678'));
      return true;
    });
  });
});

describe('api proxy route (which hosts bypass the proxy)', () => {
  const via = (origin: string, noProxy?: string[]): string => {
    const route = proxyRoute(origin, { url: 'http://me:secret@proxy.corp:3128', noProxy });
    return route.kind === 'proxy' ? route.proxy : route.reason;
  };

  it('names the proxy without credentials', () => {
    assert.equal(via('https://api.enclave.io'), 'http://proxy.corp:3128');
  });

  it('uses no proxy when none is configured', () => {
    assert.deepEqual(proxyRoute('https://api.enclave.io', undefined), { kind: 'direct', reason: 'no proxy' });
    assert.deepEqual(proxyRoute('https://api.enclave.io', { url: '' }), { kind: 'direct', reason: 'no proxy' });
  });

  it('never proxies loopback', () => {
    for (const origin of ['http://127.0.0.1:8080', 'https://localhost', 'http://[::1]:3000', 'http://127.1.2.3']) assert.equal(via(origin), 'loopback', origin);
  });

  it('matches noProxy entries like VS Code: names cover subdomains, ports must match, * is everything', () => {
    assert.equal(via('https://api.enclave.io', ['enclave.io']), 'noProxy');
    assert.equal(via('https://api.enclave.io', ['.enclave.io']), 'noProxy');
    assert.equal(via('https://api.enclave.io', ['*.enclave.io']), 'noProxy');
    assert.equal(via('https://api.enclave.io', ['API.Enclave.IO']), 'noProxy');
    assert.equal(via('https://api.enclave.io', ['api.enclave.io:443']), 'noProxy');
    assert.equal(via('https://api.enclave.io:8443', ['api.enclave.io:443']), 'http://proxy.corp:3128');
    assert.equal(via('https://api.enclave.io', ['*']), 'noProxy');
    assert.equal(via('https://api.enclave.io', ['notenclave.io', 'io.enclave', ' ']), 'http://proxy.corp:3128');
    assert.equal(via('https://10.1.2.3', ['10.1.2.3']), 'noProxy');
  });
});
