// Pending systems and enrolment keys against the local Enclave-compatible server.
import * as assert from 'node:assert/strict';
import { startMock, type MockFixture } from './mockFixture';

describe('api against MockEnclaveServer: unapproved systems', () => {
  let m: MockFixture;
  beforeEach(async () => {
    m = await startMock();
  });
  afterEach(() => m.close());

  const pending = (): string[] => [...m.org.unapproved.keys()];

  it('list, all, get and patch', async () => {
    const page = await m.client.unapprovedSystems.list(m.orgId, { perPage: 2 });
    assert.equal(page.items.length, 2);
    assert.equal(page.metadata.total, 5);
    assert.equal(page.metadata.lastPage, 2);
    const all = await m.client.unapprovedSystems.listAll(m.orgId, { perPage: 2 });
    assert.deepEqual(all.map((u) => u.systemId).sort(), pending().sort());
    const id = pending()[0];
    assert.equal((await m.client.unapprovedSystems.get(m.orgId, id)).systemId, id);
    const patched = await m.client.unapprovedSystems.patch(m.orgId, id, { description: 'Reception PC', notes: 'ticket 42' });
    assert.equal(patched.description, 'Reception PC');
    assert.equal(m.org.unapproved.get(id)?.notes, 'ticket 42');
  });

  it('approve moves the system to the enrolled list', async () => {
    const id = pending()[0];
    assert.equal(await m.client.unapprovedSystems.approve(m.orgId, id), undefined);
    assert.equal(m.org.unapproved.has(id), false);
    assert.equal(m.org.systems.has(id), true);
  });

  it('approveMany and declineMany return the counts', async () => {
    const [a, b, c, d] = pending();
    assert.equal(await m.client.unapprovedSystems.approveMany(m.orgId, [a, b, 'NOSUCH']), 2);
    assert.ok(m.org.systems.has(a) && m.org.systems.has(b));
    assert.equal(await m.client.unapprovedSystems.declineMany(m.orgId, [c, d]), 2);
    assert.equal(m.org.unapproved.size, 1);
    assert.equal(m.org.systems.has(c), false);
  });

  it('decline removes the system and returns it', async () => {
    const id = pending()[0];
    const declined = await m.client.unapprovedSystems.decline(m.orgId, id);
    assert.equal(declined.systemId, id);
    assert.equal(m.org.unapproved.has(id), false);
    assert.equal(m.org.systems.has(id), false);
  });

  it('searchKeys', async () => {
    const keys = await m.client.unapprovedSystems.searchKeys(m.orgId);
    assert.ok(keys.length > 0 && keys.every((k) => typeof k.name === 'string'));
  });
});

describe('api against MockEnclaveServer: enrolment keys', () => {
  let m: MockFixture;
  beforeEach(async () => {
    m = await startMock();
  });
  afterEach(() => m.close());

  const ids = (enabled?: boolean): number[] => [...m.org.keys.values()].filter((k) => enabled === undefined || k.isEnabled === enabled).map((k) => k.id);

  it('list hides disabled keys unless includeDisabled; all/listAll walk every page', async () => {
    const enabled = await m.client.enrolmentKeys.list(m.orgId);
    assert.deepEqual(enabled.items.map((k) => k.id).sort(), ids(true).sort());
    const everything = await m.client.enrolmentKeys.listAll(m.orgId, { includeDisabled: true, perPage: 5 });
    assert.deepEqual(everything.map((k) => k.id).sort(), ids().sort());
    const seen: number[] = [];
    for await (const k of m.client.enrolmentKeys.all(m.orgId, { includeDisabled: true, perPage: 5 })) seen.push(k.id);
    assert.deepEqual(seen, everything.map((k) => k.id));
  });

  it('create makes a key (with its secret); get and patch', async () => {
    const before = m.org.keys.size;
    const created = await m.client.enrolmentKeys.create(m.orgId, { description: 'Laptops 2026', approvalMode: 'Manual', usesRemaining: 5, tags: ['dev'] });
    assert.equal(m.org.keys.size, before + 1);
    assert.equal(created.description, 'Laptops 2026');
    assert.ok(created.key.length > 0);
    assert.equal((await m.client.enrolmentKeys.get(m.orgId, created.id)).id, created.id);
    const patched = await m.client.enrolmentKeys.patch(m.orgId, created.id, { description: 'Laptops', usesRemaining: -1 });
    assert.equal(patched.usesRemaining, -1);
    assert.equal(m.org.keys.get(created.id)?.description, 'Laptops');
  });

  it('enable, disable, enableUntil', async () => {
    const id = ids(true)[0];
    assert.equal((await m.client.enrolmentKeys.disable(m.orgId, id)).status, 'Disabled');
    assert.equal(m.org.keys.get(id)?.isEnabled, false);
    assert.equal((await m.client.enrolmentKeys.enable(m.orgId, id)).isEnabled, true);
    const off = ids(false)[0];
    const until = await m.client.enrolmentKeys.enableUntil(m.orgId, off, { expiryDateTime: '2030-06-01T09:00', timeZoneId: 'Europe/London', expiryAction: 'Disable' });
    assert.equal(until.isEnabled, true);
    assert.equal(m.org.keys.get(off)?.autoExpire?.timeZoneId, 'Europe/London');
  });

  it('enableMany/disableMany send numeric ids and count changes', async () => {
    const on = ids(true).slice(0, 3);
    assert.equal(await m.client.enrolmentKeys.disableMany(m.orgId, on), 3);
    assert.deepEqual((m.server.requests[m.server.requests.length - 1].body as { keyIds: number[] }).keyIds, on);
    assert.ok(on.every((id) => m.org.keys.get(id)?.isEnabled === false));
    assert.equal(await m.client.enrolmentKeys.enableMany(m.orgId, [...on, 999_999]), 3);
  });

  it('delete and deleteMany remove keys', async () => {
    const [a, b, c] = ids();
    assert.equal((await m.client.enrolmentKeys.delete(m.orgId, a)).id, a);
    assert.equal(m.org.keys.has(a), false);
    assert.equal(await m.client.enrolmentKeys.deleteMany(m.orgId, [a, b, c]), 2);
    assert.equal(m.org.keys.has(b) || m.org.keys.has(c), false);
  });

  it('searchKeys', async () => {
    const keys = await m.client.enrolmentKeys.searchKeys(m.orgId);
    assert.ok(keys.some((k) => k.isDefault));
  });
});
