import * as assert from 'node:assert/strict';
import type { UnapprovedSystem } from '../../../src/api/types';
import { call, useServer } from './helpers';

const OFFSET_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?\+00:00$/;

describe('mock server: system actions, approvals and counters', () => {
  const ctx = useServer();
  beforeEach(() => ctx.server.reset());
  const org = () => ctx.server.store.orgs[0];
  const sys = (): string => `/org/${ctx.org}/systems`;
  const pending = (): string => `/org/${ctx.org}/unapproved-systems`;

  it('enables and disables one system without a body, returning the full model', async () => {
    const s = ctx.server.store.systems(ctx.org).find((x) => x.state === 'Connected')!;
    const off = await call(ctx.server, 'PUT', `${sys()}/${s.systemId}/disable`);
    assert.equal(off.status, 200);
    assert.equal(off.json.state, 'Disabled');
    assert.equal(off.json.isEnabled, false);
    assert.ok(Array.isArray(off.json.dns), 'detail model');
    const on = await call(ctx.server, 'PUT', `${sys()}/${s.systemId}/enable`);
    assert.equal(on.json.state, 'Disconnected', 'an enabled system has to reconnect');
    const until = await call(ctx.server, 'PUT', `${sys()}/${s.systemId}/enable-until`, {
      body: { expiryDateTime: '2030-01-15T13:30:00.0000000+00:00', expiryAction: 'Delete' },
    });
    assert.equal(until.json.isEnabled, true);
    assert.deepEqual(until.json.autoExpire, { timeZoneId: null, expiryDateTime: '2030-01-15T13:30:00.0000000+00:00', expiryAction: 'Delete' });
  });

  it('counts only systems whose state changed in bulk enable and disable', async () => {
    const all = ctx.server.store.systems(ctx.org);
    const on = all.filter((s) => s.isEnabled).map((s) => s.systemId);
    const off = all.filter((s) => !s.isEnabled).map((s) => s.systemId);
    const disable = await call(ctx.server, 'PUT', `${sys()}/disable`, { body: { systemIds: [on[0], on[1].toLowerCase(), off[0], 'NOPE0'] } });
    assert.deepEqual(disable.json, { systemsUpdated: 2 });
    const enable = await call(ctx.server, 'PUT', `${sys()}/enable`, { body: { SystemIds: [on[0], on[0], on[2]] } });
    assert.deepEqual(enable.json, { systemsUpdated: 1 });
    assert.equal(ctx.server.store.system(ctx.org, on[1])?.state, 'Disabled');
  });

  it('revokes one or many, keeps counters consistent, and refuses more than 200 IDs', async () => {
    const all = ctx.server.store.systems(ctx.org);
    const key = ctx.server.store.key(ctx.org, all[0].enrolmentKeyId);
    const keyCount = key?.enrolledCount ?? 0;
    const one = await call(ctx.server, 'DELETE', `${sys()}/${all[0].systemId}`);
    assert.equal(one.status, 200);
    assert.equal(one.json.systemId, all[0].systemId);
    if (key) assert.equal(key.enrolledCount, keyCount - 1);
    assert.equal((await call(ctx.server, 'GET', `${sys()}/${all[0].systemId}`)).status, 404);
    const bulk = await call(ctx.server, 'DELETE', sys(), { body: { systemIds: [all[0].systemId, all[1].systemId, all[2].systemId, 'ZZZZZ'] } });
    assert.deepEqual(bulk.json, { systemsRevoked: 2 });
    const props = await call(ctx.server, 'GET', `/org/${ctx.org}`);
    assert.equal(props.json.enrolledSystems, 57);
    const tooMany = await call(ctx.server, 'DELETE', sys(), { body: { systemIds: all.slice(0, 1).map((s) => s.systemId).concat(Array.from({ length: 200 }, (_, i) => `X${i}`)) } });
    assert.equal(tooMany.status, 400);
    assert.ok(tooMany.json.errors.SystemIds);
    assert.equal(ctx.server.store.systems(ctx.org).length, 57, 'nothing revoked by a refused call');
    assert.equal((await call(ctx.server, 'DELETE', sys())).status, 400, 'bulk needs a body');
  });

  it('approves one pending system into the systems list, updating key and org counts', async () => {
    const u: UnapprovedSystem = ctx.server.store.unapprovedSystems(ctx.org).find((x) => !x.enrolmentKeyIsDeleted)!;
    const key = ctx.server.store.key(ctx.org, u.enrolmentKeyId)!;
    const [enrolled, waiting] = [key.enrolledCount, key.unapprovedCount];
    const res = await call(ctx.server, 'PUT', `${pending()}/${u.systemId}/approve`);
    assert.equal(res.status, 200);
    assert.equal(res.json.systemId, u.systemId);
    assert.equal(res.json.state, 'Connected');
    assert.match(res.json.enrolledAt, OFFSET_TIME);
    assert.match(res.json.virtualAddress, /^100\.(6[4-9]|[7-9]\d|1[01]\d|12[0-7])\.\d+\.\d+$/);
    assert.deepEqual([key.enrolledCount, key.unapprovedCount], [enrolled + 1, waiting - 1]);
    assert.equal((await call(ctx.server, 'GET', `${pending()}/${u.systemId}`)).status, 404);
    assert.equal((await call(ctx.server, 'GET', `${sys()}/${u.systemId}`)).json.hostname, u.hostname);
    const props = (await call(ctx.server, 'GET', `/org/${ctx.org}`)).json;
    assert.deepEqual([props.enrolledSystems, props.unapprovedSystems], [61, 3]);
    const missing = await call(ctx.server, 'PUT', `${pending()}/${u.systemId}/approve`);
    assert.equal(missing.json.type, 'https://api.enclave.io/problems/type/unapproved-system-not-found');
  });

  it('declines and bulk-approves, counting only what was pending', async () => {
    const ids = ctx.server.store.unapprovedSystems(ctx.org).map((u) => u.systemId);
    const declined = await call(ctx.server, 'DELETE', `${pending()}/${ids[0]}`);
    assert.equal(declined.json.systemId, ids[0]);
    const bulkDecline = await call(ctx.server, 'DELETE', pending(), { body: { systemIds: [ids[0], ids[1]] } });
    assert.deepEqual(bulkDecline.json, { systemsDeclined: 1 });
    const approve = await call(ctx.server, 'PUT', `${pending()}/approve`, { body: { systemIds: [ids[1], ids[2], ids[3], 'QQQQQ'] } });
    assert.deepEqual(approve.json, { systemsApproved: 2 });
    assert.equal(ctx.server.store.unapprovedSystems(ctx.org).length, 0);
    assert.equal(org().properties.unapprovedSystems, 0);
    assert.equal(org().properties.enrolledSystems, 62);
  });

  it('simulates enrolment: manual keys queue for approval, automatic keys enrol and use up uses', async () => {
    const store = ctx.server.store;
    const manual = store.keys(ctx.org).find((k) => k.approvalMode === 'Manual' && k.status === 'Enabled')!;
    const waiting = manual.unapprovedCount;
    const queued = store.enrol(ctx.org, manual.id, { hostname: 'new-laptop' });
    assert.equal(store.unapprovedSystem(ctx.org, queued.systemId)?.hostname, 'new-laptop');
    assert.equal(manual.unapprovedCount, waiting + 1);
    const listed = await call(ctx.server, 'GET', `${pending()}?search=new-laptop`);
    assert.equal(listed.json.metadata.total, 1);
    const auto = store.keys(ctx.org).find((k) => k.approvalMode === 'Automatic' && k.status === 'Enabled')!;
    const patched = await call(ctx.server, 'PATCH', `/org/${ctx.org}/enrolment-keys/${auto.id}`, { body: { usesRemaining: 1 } });
    assert.equal(patched.json.usesRemaining, 1);
    store.enrol(ctx.org, auto.id);
    const after = await call(ctx.server, 'GET', `/org/${ctx.org}/enrolment-keys/${auto.id}`);
    assert.equal(after.json.usesRemaining, 0);
    assert.equal(after.json.status, 'NoUsesRemaining');
    assert.throws(() => store.enrol(ctx.org, auto.id), /NoUsesRemaining/);
  });
});
