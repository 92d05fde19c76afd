import * as assert from 'node:assert/strict';
import { call, useServer } from './helpers';

const Z_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?Z$/;

describe('mock server: enrolment keys', () => {
  const ctx = useServer();
  beforeEach(() => ctx.server.reset());
  const keysPath = (): string => `/org/${ctx.org}/enrolment-keys`;

  it('creates a key with the documented defaults and a secret', async () => {
    const res = await call(ctx.server, 'POST', keysPath(), { body: { description: 'Laptops 2026' } });
    assert.equal(res.status, 200);
    const k = res.json;
    assert.equal(k.description, 'Laptops 2026');
    assert.equal(k.type, 'GeneralPurpose');
    assert.equal(k.approvalMode, 'Manual');
    assert.equal(k.usesRemaining, -1);
    assert.equal(k.status, 'Enabled');
    assert.equal(k.isEnabled, true);
    assert.equal(k.disconnectedRetentionMinutes, null);
    assert.deepEqual([k.enrolledCount, k.unapprovedCount, k.lastUsed], [0, 0, null]);
    assert.ok(Number.isInteger(k.id));
    assert.match(k.key, /^[A-Z2-9]{5}(-[A-Z2-9]{5}){5}$/);
    assert.match(k.created, Z_TIME);
    const again = await call(ctx.server, 'GET', `${keysPath()}/${k.id}`);
    assert.deepEqual(again.json, k);
  });

  it('creates an ephemeral key with retention, constraints, tags and an expiry (camel or Pascal case)', async () => {
    const res = await call(ctx.server, 'POST', keysPath(), {
      body: {
        Description: 'CI', Type: 'Ephemeral', ApprovalMode: 'Automatic', UsesRemaining: 10, DisconnectedRetentionMinutes: 60,
        IpConstraints: [{ Range: '198.51.100.0/24', Description: 'Office' }, { range: '192.0.2.1 - 192.0.2.9' }],
        Tags: ['ci'], autoExpire: { timeZoneId: 'Etc/UTC', expiryDateTime: '2030-01-15T13:30', expiryAction: 'Delete' },
      },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.type, 'Ephemeral');
    assert.equal(res.json.disconnectedRetentionMinutes, 60);
    assert.deepEqual(res.json.ipConstraints, [{ range: '198.51.100.0/24', description: 'Office' }, { range: '192.0.2.1 - 192.0.2.9', description: null }]);
    assert.equal(res.json.tags[0].tag, 'ci');
    assert.deepEqual(res.json.autoExpire, { timeZoneId: 'Etc/UTC', expiryDateTime: '2030-01-15T13:30', expiryAction: 'Delete' });
    const defaulted = await call(ctx.server, 'POST', keysPath(), { body: { description: 'Pods', type: 'ephemeral' } });
    assert.equal(defaulted.json.disconnectedRetentionMinutes, 15);
  });

  it('reports every create validation failure in one errors map', async () => {
    const res = await call(ctx.server, 'POST', keysPath(), {
      body: {
        description: 'x'.repeat(101), type: 'Permanent', approvalMode: 'Sometimes', usesRemaining: 0,
        disconnectedRetentionMinutes: 30, tags: ['ok', 'ok', 'Not OK'], ipConstraints: [{ range: '300.1.1.1' }],
      },
    });
    assert.equal(res.status, 400);
    assert.equal(res.json.title, 'One or more validation errors occurred.');
    assert.deepEqual(Object.keys(res.json.errors).sort(),
      ['$.approvalMode', '$.type', 'Description', 'DisconnectedRetentionMinutes', 'IpConstraints[0].Range', 'Tags', 'UsesRemaining']);
    assert.match(res.json.errors.Description[0], /100 characters/);
    const missing = await call(ctx.server, 'POST', keysPath(), { body: { type: 'GeneralPurpose' } });
    assert.deepEqual(Object.keys(missing.json.errors), ['Description']);
    const tooMuchRetention = await call(ctx.server, 'POST', keysPath(), { body: { description: 'e', type: 'Ephemeral', disconnectedRetentionMinutes: 10081 } });
    assert.ok(tooMuchRetention.json.errors.DisconnectedRetentionMinutes);
    const lowUses = await call(ctx.server, 'POST', keysPath(), { body: { description: 'e', usesRemaining: -2 } });
    assert.ok(lowUses.json.errors.UsesRemaining);
    assert.equal(ctx.server.store.keys(ctx.org).length, 12, 'nothing was created');
  });

  it('derives status from isEnabled and usesRemaining', async () => {
    const k = ctx.server.store.keys(ctx.org).find((x) => x.isEnabled && x.usesRemaining === -1 && x.type === 'GeneralPurpose')!;
    const path = `${keysPath()}/${k.id}`;
    const used = await call(ctx.server, 'PATCH', path, { body: { usesRemaining: 0 } });
    assert.equal(used.json.status, 'NoUsesRemaining');
    const off = await call(ctx.server, 'PUT', `${path}/disable`);
    assert.equal(off.json.status, 'Disabled');
    assert.equal(off.json.isEnabled, false);
    const on = await call(ctx.server, 'PATCH', path, { body: { isEnabled: true, usesRemaining: 3 } });
    assert.equal(on.json.status, 'Enabled');
    const retention = await call(ctx.server, 'PATCH', path, { body: { disconnectedRetentionMinutes: 30 } });
    assert.equal(retention.status, 400, 'retention only applies to ephemeral keys');
    const typeChange = await call(ctx.server, 'PATCH', path, { body: { type: 'Ephemeral' } });
    assert.equal(typeChange.status, 400, 'type is not patchable');
  });

  it('deletes one key, returning it, and marks its systems as enrolled with a deleted key', async () => {
    const k = ctx.server.store.keys(ctx.org).find((x) => x.enrolledCount > 0)!;
    const res = await call(ctx.server, 'DELETE', `${keysPath()}/${k.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.json.id, k.id);
    assert.equal(ctx.server.store.key(ctx.org, k.id), undefined);
    const enrolled = ctx.server.store.systems(ctx.org).filter((s) => s.enrolmentKeyId === k.id);
    assert.ok(enrolled.length > 0 && enrolled.every((s) => s.enrolmentKeyIsDeleted));
    const gone = await call(ctx.server, 'GET', `${keysPath()}/${k.id}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.json.type, 'https://api.enclave.io/problems/type/enrolment-key-not-found');
    assert.equal((await call(ctx.server, 'GET', `${keysPath()}/abc`)).status, 400);
  });

  it('counts only keys that changed in bulk enable, disable and delete', async () => {
    const keys = ctx.server.store.keys(ctx.org);
    const enabled = keys.filter((k) => k.isEnabled).map((k) => k.id);
    const disabled = keys.filter((k) => !k.isEnabled).map((k) => k.id);
    assert.ok(disabled.length > 0);
    const off = await call(ctx.server, 'PUT', `${keysPath()}/disable`, { body: { keyIds: [...enabled.slice(0, 2), disabled[0], 999_999] } });
    assert.deepEqual(off.json, { keysModified: 2 });
    const on = await call(ctx.server, 'PUT', `${keysPath()}/enable`, { body: { KeyIds: [disabled[0], disabled[0], enabled[2]] } });
    assert.deepEqual(on.json, { keysModified: 1 });
    const del = await call(ctx.server, 'DELETE', `${keysPath()}`, { body: { keyIds: [enabled[0], enabled[0], 424242] } });
    assert.deepEqual(del.json, { keysDeleted: 1 });
    const strings = await call(ctx.server, 'DELETE', `${keysPath()}`, { body: { keyIds: ['1'] } });
    assert.equal(strings.status, 400);
    const tooMany = await call(ctx.server, 'PUT', `${keysPath()}/enable`, { body: { keyIds: Array.from({ length: 201 }, (_, i) => i + 1) } });
    assert.equal(tooMany.status, 400);
    assert.ok(tooMany.json.errors.KeyIds);
  });

  it('enables until a time, with the expiry validated', async () => {
    const k = ctx.server.store.keys(ctx.org).find((x) => !x.isEnabled)!;
    const until = { timeZoneId: 'Europe/London', expiryDateTime: '2031-12-31T17:00:00', expiryAction: 'Disable' };
    const res = await call(ctx.server, 'PUT', `${keysPath()}/${k.id}/enable-until`, { body: until });
    assert.equal(res.status, 200);
    assert.equal(res.json.isEnabled, true);
    assert.deepEqual(res.json.autoExpire, until);
    const bad = await call(ctx.server, 'PUT', `${keysPath()}/${k.id}/enable-until`, { body: { expiryDateTime: 'soon', expiryAction: 'Explode' } });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.json.errors).sort(), ['$.expiryAction', '$.expiryDateTime']);
  });
});
