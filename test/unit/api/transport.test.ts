import * as assert from 'node:assert/strict';
import { Agent } from 'undici';
import { ConfigError, EnclaveClient, InsecureUrlError, isEnclaveError, AbortedError } from '../../../src/api';
import { makeClient, page, rejection, sendJson, startServer, TOKEN, type TestServer } from './helpers';

const ORG = '0123456789abcdef0123456789abcdef';

describe('api transport (wire level)', () => {
  let server: TestServer;
  let client: EnclaveClient;

  beforeEach(async () => {
    server = await startServer((req, res) => {
      if (req.url?.includes('/approve')) {
        res.writeHead(200);
        res.end();
        return;
      }
      if (req.method === 'DELETE' && req.url === `/org/${ORG}/systems`) return sendJson(res, 200, { systemsRevoked: 2 });
      if (req.method === 'GET' && req.url?.split('?')[0] === `/org/${ORG}/systems`) return sendJson(res, 200, page([{ systemId: 'A' }], 0, 0));
      if (req.method === 'POST') return sendJson(res, 200, { id: 7, description: 'x' });
      sendJson(res, 200, { orgs: [{ orgId: ORG, orgName: 'Acme', role: 'Owner' }], id: 'any' });
    });
    client = makeClient(server.url, { userAgent: 'enclave-vscode/0.1.0 (VS Code 1.139)' }).client;
  });

  afterEach(async () => {
    await client.dispose();
    await server.close();
  });

  it('sends bearer auth, the User-Agent and accept on every request', async () => {
    const orgs = await client.getOrgs();
    assert.deepEqual(orgs, [{ orgId: ORG, orgName: 'Acme', role: 'Owner' }]);
    const [seen] = server.requests;
    assert.equal(seen.method, 'GET');
    assert.equal(seen.url, '/account/orgs');
    assert.equal(seen.headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(seen.headers['user-agent'], 'enclave-vscode/0.1.0 (VS Code 1.139)');
    assert.equal(seen.headers.accept, 'application/json');
    assert.equal(seen.headers['content-type'], undefined, 'no content-type without a body');
  });

  it('sends JSON bodies with content-type, also on DELETE for bulk calls', async () => {
    await client.enrolmentKeys.create(ORG, { description: 'Laptops', tags: ['dev'] });
    const n = await client.systems.revokeMany(ORG, ['AAAAA', 'BBBBB']);
    assert.equal(n, 2);
    const [post, del] = server.requests;
    assert.equal(post.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(post.body), { description: 'Laptops', tags: ['dev'] });
    assert.equal(del.method, 'DELETE');
    assert.equal(del.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(del.body), { systemIds: ['AAAAA', 'BBBBB'] });
  });

  it('maps the list query to the wire names', async () => {
    await client.systems.list(ORG, { includeDisabled: true, enrolmentKey: 12, perPage: 50, page: 2, search: 'tags:web db', sort: 'Description', dns: 'a.enclave' });
    const url = new URL(server.requests[0].url, server.url);
    assert.equal(url.pathname, `/org/${ORG}/systems`);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      include_disabled: 'true',
      enrolment_key: '12',
      per_page: '50',
      page: '2',
      search: 'tags:web db',
      sort: 'Description',
      dns: 'a.enclave',
    });
    await client.systems.list(ORG, { includeDisabled: false });
    assert.equal(server.requests[1].url, `/org/${ORG}/systems`, 'false and unset parameters are left out');
  });

  it('encodes ids as single path segments', async () => {
    await client.systems.get(ORG, 'A/../B?x=1');
    assert.equal(server.requests[0].url, `/org/${ORG}/systems/A%2F..%2FB%3Fx%3D1`);
    await assert.rejects(() => client.systems.get(ORG, '..'), ConfigError);
  });

  it('accepts an empty 2xx body where none is expected (approve)', async () => {
    assert.equal(await client.unapprovedSystems.approve(ORG, 'ABCDE'), undefined);
    assert.equal(server.requests[0].method, 'PUT');
    assert.equal(server.requests[0].url, `/org/${ORG}/unapproved-systems/ABCDE/approve`);
  });

  it('never puts the token in a URL or an onRequest event', async () => {
    const events: unknown[] = [];
    const c = makeClient(server.url, { onRequest: (e) => events.push(e) }).client;
    await c.getOrgs();
    await c.systems.list(ORG, { search: 'x' });
    await c.dispose();
    assert.equal(events.length, 2);
    assert.deepEqual(
      events.map((e) => (e as { path: string }).path),
      ['/account/orgs', `/org/${ORG}/systems?search=x`],
    );
    for (const seen of server.requests) assert.ok(!seen.url.includes(TOKEN));
    assert.ok(!JSON.stringify(events).includes(TOKEN));
  });

  it('works through an injected dispatcher, which dispose() leaves open', async () => {
    const agent = new Agent();
    const c = makeClient(server.url, { dispatcher: agent }).client;
    await c.getOrgs();
    await c.dispose();
    const err = await rejection(c.getOrgs());
    assert.ok(err instanceof AbortedError, 'a disposed client refuses new calls');
    assert.equal(agent.closed, false);
    await agent.close();
  });

  it('dispose() closes the pool: the server sees its connections end', async () => {
    await client.getOrgs();
    assert.equal(server.sockets.size, 1);
    await client.dispose();
    const deadline = Date.now() + 2000;
    while (server.sockets.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    assert.equal(server.sockets.size, 0);
  });
});

describe('api client configuration', () => {
  const base = { token: TOKEN, userAgent: 'test/1' };

  it('defaults to https://api.enclave.io', async () => {
    const c = new EnclaveClient(base);
    assert.equal(c.origin, 'https://api.enclave.io');
    await c.dispose();
  });

  it('refuses http: for hosts that are not loopback', () => {
    for (const baseUrl of ['http://api.enclave.io', 'http://10.0.0.1:8080', 'http://128.0.0.1', 'http://localhost.evil.com', 'http://[::2]']) {
      const err = (() => {
        try {
          new EnclaveClient({ ...base, baseUrl });
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      assert.ok(err instanceof InsecureUrlError, `${baseUrl} should be refused`);
      assert.equal(err.kind, 'config');
      assert.ok(isEnclaveError(err));
      assert.ok(!err.message.includes(TOKEN));
    }
  });

  it('allows http: on loopback: 127.0.0.0/8, ::1 and localhost', async () => {
    for (const baseUrl of ['http://127.0.0.1:1234', 'http://127.10.20.30', 'http://[::1]:8080', 'http://localhost:3000/', 'https://staging-api.enclave.io']) {
      const c = new EnclaveClient({ ...base, baseUrl });
      assert.equal(c.origin, new URL(baseUrl).origin);
      await c.dispose();
    }
  });

  it('rejects unusable URLs, tokens and user agents with ConfigError', () => {
    assert.throws(() => new EnclaveClient({ ...base, baseUrl: 'not a url' }), ConfigError);
    assert.throws(() => new EnclaveClient({ ...base, baseUrl: 'ftp://127.0.0.1' }), ConfigError);
    assert.throws(() => new EnclaveClient({ ...base, baseUrl: 'https://user:pw@api.enclave.io' }), ConfigError);
    assert.throws(() => new EnclaveClient({ ...base, token: '' }), ConfigError);
    assert.throws(() => new EnclaveClient({ ...base, token: 'abc\r\nx-evil: 1' }), ConfigError);
    assert.throws(() => new EnclaveClient({ ...base, userAgent: ' ' }), ConfigError);
    try {
      new EnclaveClient({ ...base, token: `${TOKEN} ` });
    } catch (e) {
      assert.ok(!(e as Error).message.includes(TOKEN));
    }
  });

  it('sends requests under a base path prefix and reports paths without it', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { orgs: [] }));
    const { client, events } = makeClient(`${server.url}/enclave/`);
    await client.getOrgs();
    assert.equal(server.requests[0].url, '/enclave/account/orgs');
    assert.equal(events[0].path, '/account/orgs');
    await client.dispose();
    await server.close();
  });
});
