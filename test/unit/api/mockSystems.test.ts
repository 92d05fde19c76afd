// Every organisation and systems method against the local Enclave-compatible server: what the
// call returns, and what it did to the server's state.
import * as assert from 'node:assert/strict';
import { startMock, type MockFixture } from './mockFixture';

describe('api against MockEnclaveServer: organisations and systems', () => {
  let m: MockFixture;
  beforeEach(async () => {
    m = await startMock();
  });
  afterEach(() => m.close());

  const enabledIds = (): string[] => [...m.org.systems.values()].filter((s) => s.isEnabled).map((s) => s.systemId);
  const disabledIds = (): string[] => [...m.org.systems.values()].filter((s) => !s.isEnabled).map((s) => s.systemId);

  it('getOrgs lists the organisations the token sees', async () => {
    const orgs = await m.client.getOrgs();
    assert.deepEqual(orgs.map((o) => o.orgId), m.server.store.orgs.map((o) => o.id));
    assert.equal(orgs[0].orgName, m.org.properties.name);
    const limited = m.client2({ token: m.server.limitedToken });
    assert.deepEqual((await limited.getOrgs()).map((o) => o.orgId), [m.orgId]);
  });

  it('organisations.get and patch (null clears a field)', async () => {
    const props = await m.client.organisations.get(m.orgId);
    assert.equal(props.id, m.orgId);
    assert.equal(props.name, m.org.properties.name);
    const patched = await m.client.organisations.patch(m.orgId, { name: 'Renamed Ltd', website: null });
    assert.equal(patched.name, 'Renamed Ltd');
    assert.equal(m.org.properties.name, 'Renamed Ltd');
    assert.equal(m.org.properties.website, null);
    const last = m.server.requests[m.server.requests.length - 1];
    assert.equal(last.method, 'PATCH');
    assert.deepEqual(last.body, { name: 'Renamed Ltd', website: null });
  });

  it('systems.list returns one page; disabled systems only with includeDisabled', async () => {
    const page = await m.client.systems.list(m.orgId, { perPage: 25, page: 1 });
    assert.equal(page.items.length, 25);
    assert.equal(page.metadata.total, enabledIds().length);
    assert.ok(page.items.every((s) => s.isEnabled));
    const all = await m.client.systems.list(m.orgId, { perPage: 25, includeDisabled: true });
    assert.equal(all.metadata.total, 450);
    assert.equal(m.server.requests[1].query.include_disabled, 'true');
  });

  it('systems.all/listAll walk every page in the same order as sequential paging', async () => {
    m.server.clearRequests();
    const parallel = await m.client.systems.listAll(m.orgId, { includeDisabled: true, perPage: 40, sort: 'Description' });
    const pages = m.server.requests.map((r) => Number(r.query.page));
    assert.equal(parallel.length, 450);
    assert.equal(new Set(parallel.map((s) => s.systemId)).size, 450);
    assert.deepEqual([...pages].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const sequential = [];
    for (let p = 0; p <= 11; p++) sequential.push(...(await m.client.systems.list(m.orgId, { includeDisabled: true, perPage: 40, sort: 'Description', page: p })).items);
    assert.deepEqual(parallel.map((s) => s.systemId), sequential.map((s) => s.systemId));
    const defaults = await m.client.systems.listAll(m.orgId);
    assert.deepEqual(defaults.map((s) => s.systemId).sort(), enabledIds().sort());
  });

  it('search, enrolmentKey and sort pass through to the server', async () => {
    const sample = [...m.org.systems.values()].find((s) => s.isEnabled && s.tags.length > 0);
    assert.ok(sample, 'seed has a tagged, enabled system');
    const tag = sample.tags[0].tag;
    const tagged = await m.client.systems.listAll(m.orgId, { search: `tags:${tag}` });
    const expected = [...m.org.systems.values()].filter((s) => s.isEnabled && s.tags.some((t) => t.tag === tag));
    assert.deepEqual(tagged.map((s) => s.systemId).sort(), expected.map((s) => s.systemId).sort());
    assert.ok(tagged.length < enabledIds().length, 'the search narrowed the list');
    assert.equal(m.server.requests[m.server.requests.length - 1].query.search, `tags:${tag}`);

    const keyId = sample.enrolmentKeyId;
    const byKey = await m.client.systems.listAll(m.orgId, { enrolmentKey: keyId, includeDisabled: true });
    assert.ok(byKey.length > 0 && byKey.every((s) => s.enrolmentKeyId === keyId));
    assert.equal(byKey.length, [...m.org.systems.values()].filter((s) => s.enrolmentKeyId === keyId).length);
  });

  it('systems.get returns the detail model; patch changes only what was sent', async () => {
    const id = enabledIds()[0];
    const before = m.org.systems.get(id);
    const got = await m.client.systems.get(m.orgId, id);
    assert.equal(got.systemId, id);
    assert.ok(Array.isArray(got.dns), 'detail model has dns');
    const patched = await m.client.systems.patch(m.orgId, id, { description: 'Build box', tags: ['ci', 'linux'] });
    assert.equal(patched.description, 'Build box');
    const after = m.org.systems.get(id);
    assert.equal(after?.description, 'Build box');
    assert.deepEqual(after?.tags.map((t) => t.tag), ['ci', 'linux']);
    assert.equal(after?.notes, before?.notes ?? null, 'notes untouched');
  });

  it('enable, disable and enableUntil change the system', async () => {
    const id = enabledIds()[0];
    const off = await m.client.systems.disable(m.orgId, id);
    assert.equal(off.isEnabled, false);
    assert.equal(off.state, 'Disabled');
    assert.equal(m.org.systems.get(id)?.isEnabled, false);
    const on = await m.client.systems.enable(m.orgId, id);
    assert.equal(on.isEnabled, true);
    assert.equal(m.org.systems.get(id)?.isEnabled, true);
    const disabled = disabledIds()[0];
    const until = await m.client.systems.enableUntil(m.orgId, disabled, { expiryDateTime: '2030-01-15T13:30:00', timeZoneId: 'Etc/UTC', expiryAction: 'Delete' });
    assert.equal(until.isEnabled, true);
    assert.equal(m.org.systems.get(disabled)?.autoExpire?.expiryAction, 'Delete');
  });

  it('enableMany/disableMany count what actually changed', async () => {
    const on = enabledIds().slice(0, 3);
    const off = disabledIds().slice(0, 2);
    assert.equal(await m.client.systems.disableMany(m.orgId, [...on, ...off]), 3);
    assert.ok([...on, ...off].every((id) => m.org.systems.get(id)?.isEnabled === false));
    assert.equal(await m.client.systems.enableMany(m.orgId, [...on, ...off, 'NOSUCH']), 5);
    assert.ok([...on, ...off].every((id) => m.org.systems.get(id)?.isEnabled === true));
  });

  it('450 IDs go as 3 chunked requests and the counts add up', async () => {
    const all = [...m.org.systems.keys()];
    const wasEnabled = enabledIds().length;
    m.server.clearRequests();
    assert.equal(await m.client.systems.disableMany(m.orgId, all), wasEnabled);
    const sizes = m.server.requests.map((r) => (r.body as { systemIds: string[] }).systemIds.length);
    assert.deepEqual(sizes, [200, 200, 50]);
    assert.equal(enabledIds().length, 0);
    assert.equal(await m.client.systems.revokeMany(m.orgId, all), 450);
    assert.equal(m.org.systems.size, 0);
  });

  it('revoke removes one system and returns it', async () => {
    const id = disabledIds()[0];
    const gone = await m.client.systems.revoke(m.orgId, id);
    assert.equal(gone.systemId, id);
    assert.equal(m.org.systems.has(id), false);
    assert.equal(m.server.requests[m.server.requests.length - 1].method, 'DELETE');
  });

  it('searchKeys lists the search terms', async () => {
    const keys = await m.client.systems.searchKeys(m.orgId);
    assert.ok(keys.some((k) => k.name === 'tags'));
    assert.ok(keys.every((k) => typeof k.description === 'string'));
  });
});
