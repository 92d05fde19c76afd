import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { call, UA, useServer } from './helpers';

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

function assertProblem(json: Record<string, unknown>, status: number): void {
  assert.equal(json.status, status);
  for (const field of ['type', 'title', 'detail', 'instance', 'traceId']) assert.equal(typeof json[field], 'string', field);
  const trace = /^00-([0-9a-f]{32})-[0-9a-f]{16}-00$/.exec(json.traceId as string);
  assert.ok(trace, `traceId ${String(json.traceId)}`);
  assert.equal(json.instance, `https://api.enclave.io/problems/instance/${trace[1]}`);
}

describe('mock server: auth and headers', () => {
  const ctx = useServer();

  it('issues 63-character alphanumeric tokens', () => {
    assert.match(ctx.server.token, /^[A-Za-z0-9]{63}$/);
    assert.match(ctx.server.limitedToken, /^[A-Za-z0-9]{63}$/);
    assert.notEqual(ctx.server.token, ctx.server.limitedToken);
  });

  it('answers 401 problem+json without a bearer token, and with a wrong one', async () => {
    const none = await call(ctx.server, 'GET', '/account/orgs', { token: null });
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('content-type'), PROBLEM_TYPE);
    assertProblem(none.json, 401);
    const wrong = await call(ctx.server, 'GET', '/account/orgs', { token: 'x'.repeat(63) });
    assert.equal(wrong.status, 401);
    assertProblem(wrong.json, 401);
    const basic = await call(ctx.server, 'GET', '/account/orgs', { token: null, headers: { authorization: `Basic ${ctx.server.token}` } });
    assert.equal(basic.status, 401);
  });

  it('lists every org for the primary token, with JSON and no-cache headers', async () => {
    const res = await call(ctx.server, 'GET', '/account/orgs');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-cache, no-store, must-revalidate');
    assert.equal(res.json.orgs.length, 3);
    assert.deepEqual(res.json.orgs[0], { orgId: ctx.org, orgName: 'Acme Engineering', role: 'Owner', partnerAccess: false });
    assert.deepEqual(res.json.orgs.map((o: { role: string }) => o.role), ['Owner', 'Admin', 'Owner']);
    for (const o of res.json.orgs) assert.match(o.orgId, /^[0-9a-f]{32}$/);
  });

  it('rejects a request without User-Agent with a 400 problem', async () => {
    const { status, body, type } = await new Promise<{ status: number; body: string; type: string }>((resolve, reject) => {
      const url = new URL('/account/orgs', ctx.server.url);
      const req = request(url, { headers: { authorization: `Bearer ${ctx.server.token}` } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, type: String(res.headers['content-type']) }));
      });
      req.on('error', reject);
      req.end();
    });
    assert.equal(status, 400);
    assert.equal(type, PROBLEM_TYPE);
    assertProblem(JSON.parse(body), 400);
    assert.match(JSON.parse(body).detail, /User-Agent/);
  });

  it('limits the limited token to the first organisation; others are a 404 problem', async () => {
    const orgs = await call(ctx.server, 'GET', '/account/orgs', { token: ctx.server.limitedToken });
    assert.deepEqual(orgs.json.orgs.map((o: { orgId: string }) => o.orgId), [ctx.org]);
    const mine = await call(ctx.server, 'GET', `/org/${ctx.org}/systems`, { token: ctx.server.limitedToken });
    assert.equal(mine.status, 200);
    const other = ctx.server.store.orgs[1].id;
    const theirs = await call(ctx.server, 'GET', `/org/${other}/systems`, { token: ctx.server.limitedToken });
    assert.equal(theirs.status, 404);
    assertProblem(theirs.json, 404);
    assert.equal(theirs.json.type, 'https://api.enclave.io/problems/type/organisation-not-found');
    assert.match(theirs.json.detail, new RegExp(`${other} does not exist, or your access rights do not allow access to it`));
    const unknown = await call(ctx.server, 'GET', `/org/${'0'.repeat(32)}`);
    assert.equal(unknown.status, 404);
  });

  it('scopes added tokens to the orgs given, and revokes them', async () => {
    const second = ctx.server.store.orgs[1].id;
    const token = ctx.server.addToken({ orgIds: [second] });
    assert.match(token, /^[A-Za-z0-9]{63}$/);
    assert.equal((await call(ctx.server, 'GET', `/org/${second}`, { token })).status, 200);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}`, { token })).status, 404);
    ctx.server.revokeToken(token);
    const revoked = await call(ctx.server, 'GET', `/org/${second}`, { token });
    assert.equal(revoked.status, 401);
    assert.match(revoked.json.detail, /revoked/);
  });

  it('answers 403 when the token lacks the org-list scope, while org routes still work', async () => {
    const token = ctx.server.addToken({ noOrgList: true });
    const list = await call(ctx.server, 'GET', '/account/orgs', { token });
    assert.equal(list.status, 403);
    assertProblem(list.json, 403);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}`, { token })).status, 200);
  });

  it('answers an unknown route with a bodiless 404 and a wrong method with 405', async () => {
    const unknown = await call(ctx.server, 'GET', `/org/${ctx.org}/nothing-here`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.text, '');
    const wrong = await call(ctx.server, 'POST', '/account/orgs');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'GET');
  });

  it('sends the same User-Agent it was given into the request log, with the token redacted', async () => {
    ctx.server.clearRequests();
    await call(ctx.server, 'GET', '/account/orgs');
    const [entry] = ctx.server.requests;
    assert.equal(entry.headers['user-agent'], UA);
    assert.equal(entry.headers.authorization, 'Bearer [redacted]');
    assert.ok(!JSON.stringify(ctx.server.requests).includes(ctx.server.token));
  });
});
