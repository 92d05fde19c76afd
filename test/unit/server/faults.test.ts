import * as assert from 'node:assert/strict';
import { MockEnclaveServer } from '../../server';
import { call, UA, useServer } from './helpers';

describe('mock server: fault injection', () => {
  const ctx = useServer();
  afterEach(() => {
    ctx.server.clearFaults();
    ctx.server.setLatency(0);
  });
  const orgs = (): Promise<Response> => fetch(`${ctx.server.url}/account/orgs`, { headers: { 'user-agent': UA, authorization: `Bearer ${ctx.server.token}` } });

  it('answers 429 with Retry-After in seconds or as an HTTP-date, once', async () => {
    ctx.server.injectFault({ kind: 'rateLimit', retryAfter: 7 });
    const limited = await call(ctx.server, 'GET', '/account/orgs');
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal(limited.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(limited.json.status, 429);
    assert.equal((await call(ctx.server, 'GET', '/account/orgs')).status, 200, 'count defaults to 1');
    const when = new Date(Date.UTC(2030, 0, 2, 3, 4, 5));
    ctx.server.injectFault({ kind: 'rateLimit', retryAfter: when });
    assert.equal((await call(ctx.server, 'GET', '/account/orgs')).headers.get('retry-after'), 'Wed, 02 Jan 2030 03:04:05 GMT');
  });

  it('answers 5xx as a problem or as the HTML page a proxy sends', async () => {
    ctx.server.injectFault({ kind: 'error', status: 500 });
    const problem = await call(ctx.server, 'GET', '/account/orgs');
    assert.equal(problem.status, 500);
    assert.equal(problem.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.match(problem.json.traceId, /^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    ctx.server.injectFault({ kind: 'error', status: 502 });
    const html = await call(ctx.server, 'GET', '/account/orgs');
    assert.equal(html.status, 502);
    assert.equal(html.headers.get('content-type'), 'text/html');
    assert.match(html.text, /<center><h1>502 Bad Gateway<\/h1><\/center>[\s\S]*nginx/);
    ctx.server.injectFault({ kind: 'error', status: 503, body: 'html', retryAfter: 2 });
    const unavailable = await call(ctx.server, 'GET', '/account/orgs');
    assert.deepEqual([unavailable.status, unavailable.headers.get('retry-after')], [503, '2']);
    ctx.server.injectFault({ kind: 'error', status: 504, body: 'empty' });
    const empty = await call(ctx.server, 'GET', '/account/orgs');
    assert.deepEqual([empty.status, empty.text], [504, '']);
  });

  it('resets the connection before answering', async () => {
    ctx.server.injectFault({ kind: 'reset' });
    await assert.rejects(orgs(), (e: Error & { cause?: { code?: string } }) => {
      assert.equal(e.name, 'TypeError');
      assert.match(String(e.cause?.code ?? e.cause), /ECONNRESET|UND_ERR_SOCKET|other side closed/);
      return true;
    });
    assert.equal((await orgs()).status, 200);
  });

  it('resets the connection halfway through the body, after the real handler ran', async () => {
    const s = ctx.server.store.systems(ctx.org)[0];
    ctx.server.injectFault({ kind: 'reset', partial: true }, { method: 'PATCH' });
    const res = await fetch(`${ctx.server.url}/org/${ctx.org}/systems/${s.systemId}`, {
      method: 'PATCH', body: JSON.stringify({ notes: 'lost reply' }),
      headers: { 'user-agent': UA, authorization: `Bearer ${ctx.server.token}`, 'content-type': 'application/json' },
    });
    assert.equal(res.status, 200);
    await assert.rejects(res.text());
    assert.equal(ctx.server.store.system(ctx.org, s.systemId)?.notes, 'lost reply');
  });

  it('stalls without answering, before or after the headers', async () => {
    ctx.server.injectFault({ kind: 'stall' });
    await assert.rejects(fetch(`${ctx.server.url}/account/orgs`, { signal: AbortSignal.timeout(300), headers: { 'user-agent': UA } }), { name: 'TimeoutError' });
    ctx.server.injectFault({ kind: 'stall', afterHeaders: true });
    const res = await fetch(`${ctx.server.url}/account/orgs`, { signal: AbortSignal.timeout(500), headers: { 'user-agent': UA } });
    assert.equal(res.status, 200);
    await assert.rejects(res.text(), { name: 'TimeoutError' });
  });

  it('sends malformed JSON and wrong-shaped JSON with status 200', async () => {
    ctx.server.injectFault({ kind: 'malformedJson' });
    const bad = await orgs();
    assert.equal(bad.status, 200);
    assert.equal(bad.headers.get('content-type'), 'application/json; charset=utf-8');
    await assert.rejects(bad.json(), SyntaxError);
    ctx.server.injectFault({ kind: 'wrongShape' });
    const odd = (await (await orgs()).json()) as { orgs: unknown };
    assert.ok(!Array.isArray(odd.orgs));
    ctx.server.injectFault({ kind: 'wrongShape', body: { orgs: null } });
    assert.deepEqual(await (await orgs()).json(), { orgs: null });
  });

  it('adds latency to every request, or a delay to one', async () => {
    ctx.server.setLatency(150);
    let started = Date.now();
    assert.equal((await orgs()).status, 200);
    assert.ok(Date.now() - started >= 140, `latency ${Date.now() - started} ms`);
    ctx.server.setLatency(0);
    ctx.server.injectFault({ kind: 'delay', ms: 200 });
    started = Date.now();
    assert.equal((await orgs()).status, 200);
    assert.ok(Date.now() - started >= 190, `delay ${Date.now() - started} ms`);
  });

  it('applies a fault only to requests matching method and path, for count requests', async () => {
    ctx.server.injectFault({ kind: 'error', status: 503 }, { count: 2, method: 'get', path: /\/systems$/ });
    assert.equal((await call(ctx.server, 'GET', '/account/orgs')).status, 200);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}/systems/meta/search-keys`)).status, 200);
    assert.equal((await call(ctx.server, 'DELETE', `/org/${ctx.org}/systems`, { body: { systemIds: [] } })).status, 200);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}/systems`)).status, 503);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}/systems?page=0`)).status, 503);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}/systems`)).status, 200);
    ctx.server.injectFault({ kind: 'error' }, { path: 'enrolment-keys', count: 5 });
    ctx.server.clearFaults();
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}/enrolment-keys`)).status, 200);
  });

  it('is driven over HTTP by /__sim/ routes, which stay out of the request log', async () => {
    ctx.server.clearRequests();
    const post = await fetch(`${ctx.server.url}/__sim/faults`, {
      method: 'POST', body: JSON.stringify({ fault: { kind: 'rateLimit', retryAfter: 3 }, path: '^/account' }),
    });
    assert.deepEqual(await post.json(), { pending: 1 });
    const limited = await call(ctx.server, 'GET', '/account/orgs');
    assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '3']);
    await fetch(`${ctx.server.url}/__sim/latency`, { method: 'PUT', body: '{"ms": 0}' });
    const minted = await fetch(`${ctx.server.url}/__sim/tokens`, { method: 'POST', body: '{"noOrgList": true}' });
    const { token } = (await minted.json()) as { token: string };
    assert.equal((await call(ctx.server, 'GET', '/account/orgs', { token })).status, 403);
    const log = (await (await fetch(`${ctx.server.url}/__sim/requests`)).json()) as { requests: Array<{ status: number; fault?: string }> };
    assert.deepEqual(log.requests.map((r) => [r.status, r.fault ?? null]), [[429, 'rateLimit'], [403, null]]);
    assert.equal((await fetch(`${ctx.server.url}/__sim/faults`, { method: 'POST', body: '{"fault":{"kind":"meteor"}}' })).status, 400);
  });
});

describe('mock server: request log', () => {
  const ctx = useServer();

  it('records method, path, query, status, time, redacted headers and the parsed body', async () => {
    ctx.server.clearRequests();
    const before = Date.now();
    const ids = ctx.server.store.systems(ctx.org).slice(0, 2).map((s) => s.systemId);
    await call(ctx.server, 'DELETE', `/org/${ctx.org}/systems`, { body: { systemIds: ids } });
    await call(ctx.server, 'GET', `/org/${ctx.org}/systems?search=os%3Alinux&page=1`);
    await call(ctx.server, 'GET', '/account/orgs', { token: 'nope' });
    const [del, list, denied] = ctx.server.requests;
    assert.equal(ctx.server.requests.length, 3);
    assert.deepEqual([del.method, del.path, del.status], ['DELETE', `/org/${ctx.org}/systems`, 200]);
    assert.deepEqual(del.body, { systemIds: ids });
    assert.equal(del.headers['content-type'], 'application/json; charset=utf-8');
    assert.deepEqual(list.query, { search: 'os:linux', page: '1' });
    assert.equal(list.body, undefined);
    assert.equal(denied.status, 401);
    assert.equal(denied.headers.authorization, 'Bearer [redacted]');
    assert.ok(del.timestamp >= before && denied.timestamp <= Date.now());
    ctx.server.clearRequests();
    assert.equal(ctx.server.requests.length, 0);
  });
});

describe('mock server: closing', () => {
  it('closes promptly with a stalled request open, failing it', async () => {
    const server = await MockEnclaveServer.start();
    server.injectFault({ kind: 'stall' });
    const pending = fetch(`${server.url}/account/orgs`, { headers: { 'user-agent': UA } });
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 1000);
    await assert.rejects(pending);
  });

  it('regenerates data on reset and keeps tokens working', async () => {
    const server = await MockEnclaveServer.start({ seed: 3, orgs: 1, systemsPerOrg: 5 });
    try {
      const first = server.store.orgs[0].id;
      server.reset({ seed: 4, systemsPerOrg: 9 });
      assert.notEqual(server.store.orgs[0].id, first);
      const res = await call(server, 'GET', `/org/${server.store.orgs[0].id}/systems?include_disabled=true`, { token: server.limitedToken });
      assert.equal(res.json.metadata.total, 9);
    } finally {
      await server.close();
    }
  });
});
