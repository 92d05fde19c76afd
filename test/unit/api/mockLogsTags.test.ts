// The activity log and tags clients against the local Enclave-compatible server: what each call
// returns, its query on the wire, and the whole-list walks.
import * as assert from 'node:assert/strict';
import { startMock, type MockFixture } from './mockFixture';

describe('api against MockEnclaveServer: activity log and tags', () => {
  let m: MockFixture;
  beforeEach(async () => {
    m = await startMock();
  });
  afterEach(() => m.close());

  it('logs.list returns one page newest first, sending only page and per_page', async () => {
    const page = await m.client.logs.list(m.orgId, { page: 1, perPage: 20 });
    const all = m.server.store.logEntries(m.orgId);
    assert.deepEqual(page.items, all.slice(20, 40));
    assert.equal(page.metadata.total, all.length);
    assert.equal(page.metadata.prevPage, 0);
    const last = m.server.requests[m.server.requests.length - 1];
    assert.equal(last.path, `/org/${m.orgId}/logs`);
    assert.deepEqual(last.query, { page: '1', per_page: '20' });
  });

  it('logs.all / listAll walk every page in order', async () => {
    m.server.clearRequests();
    const entries = await m.client.logs.listAll(m.orgId, { perPage: 50 });
    assert.deepEqual(entries, m.server.store.logEntries(m.orgId));
    assert.equal(m.server.requests.length, Math.ceil(entries.length / 50));
    const firstTen = [];
    for await (const e of m.client.logs.all(m.orgId)) {
      firstTen.push(e);
      if (firstTen.length === 10) break;
    }
    assert.deepEqual(firstTen, entries.slice(0, 10));
  });

  it('a change made through the client is the newest entry, in the token user’s name', async () => {
    const key = [...m.org.keys.values()].find((k) => k.isEnabled)!;
    await m.client.enrolmentKeys.disable(m.orgId, key.id);
    const [entry] = (await m.client.logs.list(m.orgId, { perPage: 1 })).items;
    assert.equal(entry.message, `Enrolment key '${key.description}' disabled`);
    assert.deepEqual([entry.level, entry.userName, entry.ipAddress], ['Information', 'API token', '127.0.0.1']);
    const carol = m.client2({ token: m.server.addToken({ userName: 'Carol Jensen' }) });
    const s = [...m.org.systems.values()].find((x) => !x.isEnabled)!;
    await carol.systems.enableUntil(m.orgId, s.systemId, { expiryDateTime: new Date(m.server.clock.now() + 3_600_000).toISOString(), expiryAction: 'Disable' });
    const [timed] = (await carol.logs.list(m.orgId, { perPage: 1 })).items;
    assert.match(timed.message, /enabled until .+ UTC, then disabled$/);
    assert.equal(timed.userName, 'Carol Jensen');
  });

  it('tags.list sends search, sort and paging and returns usage counts', async () => {
    const page = await m.client.tags.list(m.orgId, { search: 'prod', sort: 'ReferencedSystems', page: 0, perPage: 10 });
    const last = m.server.requests[m.server.requests.length - 1];
    assert.deepEqual(last.query, { search: 'prod', sort: 'ReferencedSystems', page: '0', per_page: '10' });
    assert.deepEqual(page.items.map((t) => t.tag), ['prod']);
    const systems = [...m.org.systems.values()].filter((s) => s.tags.some((t) => t.tag === 'prod')).length;
    const keys = [...m.org.keys.values()].filter((k) => k.tags.some((t) => t.tag === 'prod')).length;
    assert.deepEqual([page.items[0].systems, page.items[0].keys], [systems, keys]);
  });

  it('tags.listAll walks every tag; sorts change the order; searchKeys lists tag and uses', async () => {
    const all = await m.client.tags.listAll(m.orgId, { perPage: 5 });
    assert.deepEqual(all.map((t) => t.tag), [...all.map((t) => t.tag)].sort());
    assert.ok(all.length >= 10);
    const bySystems = await m.client.tags.listAll(m.orgId, { sort: 'ReferencedSystems' });
    assert.deepEqual(bySystems.map((t) => t.systems), [...all.map((t) => t.systems)].sort((a, b) => b - a));
    const recent = await m.client.tags.listAll(m.orgId, { sort: 'RecentlyUsed' });
    assert.equal(recent.length, all.length);
    assert.deepEqual((await m.client.tags.searchKeys(m.orgId)).map((k) => k.name), ['tag', 'uses']);
  });

  it('searchKeys answers for systems, pending systems and enrolment keys', async () => {
    const names = async (p: Promise<{ name: string }[]>): Promise<string[]> => (await p).map((k) => k.name);
    assert.deepEqual(await names(m.client.systems.searchKeys(m.orgId)), ['key', 'tags', 'state', 'os', 'platform', 'type', 'gateway', 'version']);
    assert.deepEqual(await names(m.client.unapprovedSystems.searchKeys(m.orgId)), ['key', 'tags', 'os', 'platform', 'type', 'version']);
    assert.deepEqual(await names(m.client.enrolmentKeys.searchKeys(m.orgId)), ['name', 'uses', 'type', 'tags', 'approval', 'state']);
  });
});
