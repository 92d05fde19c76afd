// What the local server gained for the reliability tests: a token that lists an organisation it
// may not use (403 there, the others fine), a stall after the change was made (a create that
// happened although no answer came), and a validation refusal the mock's own rules would not make.
import * as assert from 'node:assert/strict';
import { call, UA, useServer } from '../server/helpers';

describe('reliability: the local server’s extra faults', () => {
  const ctx = useServer({ orgs: 3, systemsPerOrg: 5, keysPerOrg: 3, unapprovedPerOrg: 1 });
  afterEach(() => ctx.server.clearFaults());

  it('answers 403 for the forbidden organisation only, and still lists it', async () => {
    const [a, b] = ctx.server.store.orgs;
    const token = ctx.server.addToken({ forbiddenOrgIds: [b.id] });
    const orgs = await call(ctx.server, 'GET', '/account/orgs', { token });
    assert.deepEqual(orgs.json.orgs.map((o: { orgId: string }) => o.orgId).sort(), ctx.server.store.orgs.map((o) => o.id).sort());
    const denied = await call(ctx.server, 'GET', `/org/${b.id}/systems`, { token });
    assert.equal(denied.status, 403);
    assert.equal(denied.json.status, 403);
    assert.match(denied.json.detail, /do not allow/);
    assert.equal((await call(ctx.server, 'GET', `/org/${a.id}/systems`, { token })).status, 200);
    assert.equal((await call(ctx.server, 'GET', `/org/${b.id}/systems`)).status, 200, 'other tokens are not affected');
  });

  it('stalls after applying a create: the key exists, no answer comes', async () => {
    const org = ctx.server.store.orgs[0];
    const before = ctx.server.store.keys(org.id).length;
    ctx.server.injectFault({ kind: 'stall', applied: true }, { method: 'POST' });
    const res = fetch(`${ctx.server.url}/org/${org.id}/enrolment-keys`, {
      method: 'POST', signal: AbortSignal.timeout(300), body: JSON.stringify({ description: 'Made, never answered' }),
      headers: { 'user-agent': UA, authorization: `Bearer ${ctx.server.token}`, 'content-type': 'application/json' },
    });
    await assert.rejects(res, (e: Error) => e.name === 'TimeoutError');
    assert.equal(ctx.server.store.keys(org.id).length, before + 1);
    assert.equal(ctx.server.requests.at(-1)?.fault, 'stall');
  });

  it('refuses with the validation errors it is given, as the API would', async () => {
    const org = ctx.server.store.orgs[0];
    ctx.server.injectFault({ kind: 'error', status: 400, errors: { Tags: ['Reserved.'] } }, { method: 'POST' });
    const res = await call(ctx.server, 'POST', `/org/${org.id}/enrolment-keys`, { body: { description: 'x' } });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.deepEqual([res.json.title, res.json.errors], ['One or more validation errors occurred.', { Tags: ['Reserved.'] }]);
  });
});
