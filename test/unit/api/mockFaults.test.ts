// Error kinds, retries, timeouts, aborts and headers against the local Enclave-compatible server
// and its injected faults.
import * as assert from 'node:assert/strict';
import {
  AbortedError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ResponseFormatError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  EnclaveClient,
  walkLinksSequentially,
} from '../../../src/api';
import { assertNoToken, rejection } from './helpers';
import { startMock, USER_AGENT, type MockFixture } from './mockFixture';

describe('api against MockEnclaveServer: errors, faults and retries', () => {
  let m: MockFixture;
  beforeEach(async () => {
    m = await startMock({ systemsPerOrg: 300 });
  });
  afterEach(() => m.close());

  const count = (method: string, pathEnd: string): number => m.server.requests.filter((r) => r.method === method && r.path.endsWith(pathEnd)).length;

  it('sends the User-Agent and a bearer token (which the log redacts)', async () => {
    await m.client.getOrgs();
    const [entry] = m.server.requests;
    assert.equal(entry.headers['user-agent'], USER_AGENT);
    assert.equal(entry.headers.authorization, 'Bearer [redacted]');
    assert.equal(entry.headers.accept, 'application/json');
  });

  it('401 (revoked token) and 403 (no ReadOrgList scope) are different errors, neither carries the token', async () => {
    const scoped = m.server.addToken({ noOrgList: true });
    const e403 = await rejection(m.client2({ token: scoped }).getOrgs());
    assert.ok(e403 instanceof ForbiddenError, String(e403));
    assert.match(e403.message, /ReadOrgList/);
    m.server.revokeToken(m.server.token);
    const e401 = await rejection(m.client.systems.list(m.orgId));
    assert.ok(e401 instanceof UnauthorizedError, String(e401));
    assert.equal(e401.status, 401);
    assertNoToken(e401, m.server.token);
    assertNoToken(e403, scoped);
    assertNoToken(m.events, m.server.token);
  });

  it('404 carries the problem fields; another org looks like 404 to a limited token', async () => {
    const err = await rejection(m.client.systems.get(m.orgId, 'NOPE1'));
    assert.ok(err instanceof NotFoundError);
    assert.equal(err.type, 'https://api.enclave.io/problems/type/system-not-found');
    assert.equal(err.title, 'System cannot be found');
    assert.match(err.detail ?? '', /NOPE1/);
    assert.equal(err.message, err.detail);
    assert.ok(err.traceId);
    const other = m.server.store.orgs[1].id;
    const limited = m.client2({ token: m.server.limitedToken });
    assert.ok((await rejection(limited.organisations.get(other))) instanceof NotFoundError);
  });

  it('400 validation errors map field → messages', async () => {
    const one = await rejection(m.client.systems.patch(m.orgId, [...m.org.systems.keys()][0], { tags: ['web', 'web'] }));
    assert.ok(one instanceof ValidationError, String(one));
    assert.deepEqual(Object.keys(one.validationErrors ?? {}), ['Tags']);
    assert.equal(one.message, one.validationErrors?.Tags[0]);
    const paging = await rejection(m.client.systems.list(m.orgId, { perPage: 500 }));
    assert.ok(paging instanceof ValidationError);
    assert.ok(paging.validationErrors?.per_page);
  });

  it('an HTML 502 becomes a short sentence after the retries run out', async () => {
    m.server.injectFault({ kind: 'error', status: 502 }, { count: 4 });
    const err = await rejection(m.client.getOrgs());
    assert.ok(err instanceof ServerError);
    assert.equal(err.message, 'The Enclave API returned HTTP 502 (Bad Gateway)');
    assert.equal(count('GET', '/account/orgs'), 4, '1 try + 3 retries');
  });

  it('malformed and wrong-shaped JSON are ResponseFormatError', async () => {
    m.server.injectFault({ kind: 'malformedJson' });
    const bad = await rejection(m.client.systems.list(m.orgId));
    assert.ok(bad instanceof ResponseFormatError);
    assert.equal(bad.path, `/org/${m.orgId}/systems`);
    m.server.injectFault({ kind: 'wrongShape' });
    assert.ok((await rejection(m.client.systems.list(m.orgId))) instanceof ResponseFormatError);
    m.server.injectFault({ kind: 'wrongShape' });
    assert.ok((await rejection(m.client.getOrgs())) instanceof ResponseFormatError);
  });

  it('a closed port is NetworkError ECONNREFUSED', async () => {
    const url = m.server.url;
    await m.server.close();
    const c = new EnclaveClient({ baseUrl: url, token: 't0k3n', userAgent: USER_AGENT, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const err = await rejection(c.getOrgs());
    await c.dispose();
    assert.ok(err instanceof NetworkError);
    assert.equal(err.code, 'ECONNREFUSED');
  });

  it('stalls become TimeoutError (headers / body) with small timeouts', async () => {
    const c = m.client2({ timeouts: { headersMs: 200, bodyMs: 200 }, retry: { maxRetries: 0 } });
    m.server.injectFault({ kind: 'stall' });
    const headers = await rejection(c.getOrgs());
    assert.ok(headers instanceof TimeoutError && headers.phase === 'headers', String(headers));
    m.server.injectFault({ kind: 'stall', afterHeaders: true });
    const body = await rejection(c.getOrgs());
    assert.ok(body instanceof TimeoutError && body.phase === 'body', String(body));
  });

  it('retries 429 honouring Retry-After in seconds and as an HTTP-date', async () => {
    m.server.injectFault({ kind: 'rateLimit', retryAfter: 1 }, { method: 'GET' });
    let t = Date.now();
    await m.client.getOrgs();
    assert.ok(Date.now() - t >= 950);
    m.server.injectFault({ kind: 'rateLimit', retryAfter: new Date(Date.now() + 2000) }, { method: 'GET' });
    t = Date.now();
    await m.client.getOrgs();
    assert.ok(Date.now() - t >= 900);
    assert.equal(count('GET', '/account/orgs'), 4);
  });

  it('a Retry-After beyond the cap fails with RateLimitedError.retryAfterMs', async () => {
    m.server.injectFault({ kind: 'rateLimit', retryAfter: 600 });
    const err = await rejection(m.client.getOrgs());
    assert.ok(err instanceof RateLimitedError);
    assert.equal(err.retryAfterMs, 600_000);
    assert.equal(m.server.requests.length, 1);
  });

  it('never retries POST or PATCH: one request, no second key', async () => {
    const keys = m.org.keys.size;
    m.server.injectFault({ kind: 'error', status: 503 }, { method: 'POST' });
    assert.ok((await rejection(m.client.enrolmentKeys.create(m.orgId, { description: 'k' }))) instanceof ServerError);
    assert.equal(count('POST', '/enrolment-keys'), 1);
    assert.equal(m.org.keys.size, keys);
    m.server.injectFault({ kind: 'reset' }, { method: 'PATCH' });
    assert.ok((await rejection(m.client.organisations.patch(m.orgId, { name: 'X' }))) instanceof NetworkError);
    assert.equal(count('PATCH', m.orgId), 1);
  });

  it('retries a PUT whose response was cut off mid-body; the state is right', async () => {
    const id = [...m.org.systems.values()].find((s) => s.isEnabled)?.systemId ?? '';
    m.server.injectFault({ kind: 'reset', partial: true }, { method: 'PUT' });
    const sys = await m.client.systems.disable(m.orgId, id);
    assert.equal(sys.isEnabled, false);
    assert.equal(count('PUT', '/disable'), 2);
    assert.equal(m.org.systems.get(id)?.isEnabled, false);
  });

  it("abort cancels a slow call quickly with AbortedError", async () => {
    m.server.setLatency(2000);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const t = Date.now();
    const err = await rejection(m.client.getOrgs({ signal: controller.signal }));
    assert.ok(err instanceof AbortedError);
    assert.ok(Date.now() - t < 1000);
  });

  it('paging: breaking out early aborts the outstanding page requests', async () => {
    const c = m.client2({ pageConcurrency: 4 });
    m.server.setLatency(300);
    const t = Date.now();
    for await (const s of c.systems.all(m.orgId, { includeDisabled: true, perPage: 20 })) {
      assert.ok(s.systemId);
      break;
    }
    assert.ok(Date.now() - t < 900, 'did not wait for the other pages');
    await new Promise((r) => setTimeout(r, 400));
    const pages = m.events.filter((e) => e.path.includes('/systems?'));
    assert.equal(pages.length, 5, 'page 0 + 4 in flight, nothing more');
    assert.equal(pages.filter((e) => e.error instanceof AbortedError).length, 4);
    assert.equal(m.server.requests.length <= 5, true);
  });

  it('paging: a failed page fails the walk (no partial list)', async () => {
    // Page 0 takes the harmless fault; the next page request gets the 500.
    m.server.injectFault({ kind: 'delay', ms: 0 }, { path: '/systems$' });
    m.server.injectFault({ kind: 'error', status: 500 }, { path: '/systems$' });
    const err = await rejection(m.client.systems.listAll(m.orgId, { includeDisabled: true, perPage: 50 }));
    assert.ok(err instanceof ServerError, String(err));
  });

  it('the parallel walk and the sequential link walk return the same systems in the same order', async () => {
    // Timing is compared against a purpose-built server in pagination.test.ts; the mock's own
    // per-request cost varies too much for a speed assertion here.
    m.server.setLatency(20);
    m.server.clearRequests();
    const fast = await m.client.systems.listAll(m.orgId, { includeDisabled: true, perPage: 25 });
    const parallelRequests = m.server.requests.length;
    const slow: string[] = [];
    for await (const s of walkLinksSequentially<{ systemId: string }>(m.client, `/org/${m.orgId}/systems`, { include_disabled: true, per_page: 25 })) slow.push(s.systemId);
    assert.equal(fast.length, 300);
    assert.deepEqual(fast.map((s) => s.systemId), slow);
    assert.equal(parallelRequests, 12);
    assert.equal(m.server.requests.length, 24, 'the link walk needs as many requests, one at a time');
  });
});
