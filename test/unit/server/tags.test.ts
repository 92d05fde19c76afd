// The tags list, derived from the tags systems and keys carry; and the seed's last-seen spread
// that gives a "not seen for N days" clean-up something to find.
import * as assert from 'node:assert/strict';
import type { TagSummary } from '../../../src/api/types';
import { generate } from '../../server';
import { call, useServer } from './helpers';

const DAY = 86_400_000;

describe('mock server: tags list', () => {
  const ctx = useServer();
  beforeEach(() => ctx.server.reset());
  const tags = async (query = ''): Promise<TagSummary[]> => {
    const res = await call(ctx.server, 'GET', `/org/${ctx.org}/tags?per_page=200${query}`);
    assert.equal(res.status, 200, res.text);
    return res.json.items;
  };
  const expected = (): Map<string, { systems: number; keys: number }> => {
    const counts = new Map<string, { systems: number; keys: number }>();
    const get = (t: string) => counts.get(t) ?? counts.set(t, { systems: 0, keys: 0 }).get(t)!;
    for (const s of ctx.server.store.systems(ctx.org)) for (const t of s.tags) get(t.tag).systems++;
    for (const k of ctx.server.store.keys(ctx.org)) for (const t of k.tags) get(t.tag).keys++;
    return counts;
  };

  it('counts the systems and keys each tag is on, sorted by name by default', async () => {
    const list = await tags();
    const counts = expected();
    assert.deepEqual(list.map((t) => t.tag), [...counts.keys()].sort());
    for (const t of list) {
      assert.deepEqual({ systems: t.systems, keys: t.keys }, counts.get(t.tag), t.tag);
      assert.deepEqual([t.policies, t.dnsZones, t.dnsRecords], [0, 0, 0]);
      assert.match(t.ref, /^ref:[0-9a-f]{32}$/);
      assert.match(t.colour ?? '', /^#[0-9A-F]{6}$/);
      assert.match(t.lastReferenced ?? '', /Z$/);
    }
    const used = ctx.server.store.systems(ctx.org).flatMap((s) => s.tags).find((u) => u.tag === list[0].tag)!;
    assert.equal(list[0].ref, used.ref, 'the same ref the systems carry');
  });

  it('sorts RecentlyUsed and ReferencedSystems, searches by name, and pages', async () => {
    const bySystems = await tags('&sort=ReferencedSystems');
    const n = bySystems.map((t) => t.systems);
    assert.deepEqual(n, [...n].sort((a, b) => b - a));
    const recent = await tags('&sort=recentlyused');
    const times = recent.map((t) => Date.parse(t.lastReferenced ?? ''));
    assert.deepEqual(times, [...times].sort((a, b) => b - a));
    assert.deepEqual((await tags('&search=serv')).map((t) => t.tag), ['web-servers']);
    assert.deepEqual((await tags('&search=tag:k8s')).map((t) => t.tag), ['k8s.nodes']);
    const busy = [...expected()].filter(([, c]) => c.systems + c.keys > 10).map(([t]) => t).sort();
    assert.deepEqual((await tags(`&search=${encodeURIComponent('uses:>10')}`)).map((t) => t.tag), busy);
    const page = await call(ctx.server, 'GET', `/org/${ctx.org}/tags?per_page=5&page=1`);
    assert.equal(page.json.items.length, 5);
    assert.equal(page.json.metadata.total, expected().size);
    assert.deepEqual(page.json.items.map((t: TagSummary) => t.tag), [...expected().keys()].sort().slice(5, 10));
    const bad = await call(ctx.server, 'GET', `/org/${ctx.org}/tags?sort=Popular`);
    assert.equal(bad.status, 400);
    assert.ok(bad.json.errors.sort);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}/tags?search=colour:red`)).status, 400);
    const keys = await call(ctx.server, 'GET', `/org/${ctx.org}/tags/meta/search-keys`);
    assert.deepEqual(keys.json.map((k: { name: string }) => k.name), ['tag', 'uses']);
  });

  it('follows changes: a new tag appears, referenced now; a tag nobody carries vanishes', async () => {
    const s = ctx.server.store.systems(ctx.org)[0];
    assert.equal((await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${s.systemId}`, { body: { tags: ['brand-new'] } })).status, 200);
    const fresh = (await tags()).find((t) => t.tag === 'brand-new')!;
    assert.deepEqual([fresh.systems, fresh.keys], [1, 0]);
    assert.ok(Math.abs(Date.parse(fresh.lastReferenced ?? '') - ctx.server.clock.now()) < 5_000);
    assert.equal((await tags('&sort=RecentlyUsed'))[0].tag, 'brand-new');
    await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${s.systemId}`, { body: { tags: [] } });
    assert.ok(!(await tags()).some((t) => t.tag === 'brand-new'));
  });
});

describe('mock server: seed last-seen times', () => {
  it('has stale disconnected systems (30–200 days) for a clean-up, while connected ones were seen now', () => {
    const data = generate({ seed: 1, orgs: 3, systemsPerOrg: 60, keysPerOrg: 12, unapprovedPerOrg: 4 });
    for (const org of data.orgs) {
      const age = (t: string | null | undefined): number => (data.clock - Date.parse(t ?? '')) / DAY;
      const offline = org.systems.filter((s) => s.state !== 'Connected' && s.lastSeen);
      const stale = offline.filter((s) => age(s.lastSeen) > 30);
      assert.ok(stale.length >= 2, `${stale.length} stale systems in ${org.properties.name}`);
      assert.ok(offline.filter((s) => age(s.lastSeen) < 1).length >= 1, 'some went offline today');
      assert.ok(offline.every((s) => age(s.lastSeen) <= 200));
      for (const s of org.systems.filter((x) => x.state === 'Connected')) assert.ok(age(s.lastSeen) < 60_000 / DAY);
    }
    const big = generate({ seed: 2, orgs: 1, systemsPerOrg: 2000, keysPerOrg: 12, unapprovedPerOrg: 4 });
    const ages = big.orgs[0].systems.filter((s) => s.state !== 'Connected' && s.lastSeen).map((s) => (big.clock - Date.parse(s.lastSeen!)) / DAY);
    const over = (days: number): number => ages.filter((a) => a > days).length;
    assert.ok(over(30) > ages.length * 0.1, 'a good share is older than 30 days');
    assert.ok(over(150) > 0, 'some are very old');
  });
});
