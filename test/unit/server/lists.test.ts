import * as assert from 'node:assert/strict';
import type { EnclaveSystem } from '../../../src/api/types';
import { call, useServer } from './helpers';

const ids = (items: Array<{ systemId: string }>): string[] => items.map((s) => s.systemId).sort();

describe('mock server: list filters, sorts and search', () => {
  const ctx = useServer({ systemsPerOrg: 150, keysPerOrg: 12, unapprovedPerOrg: 6 });
  const systems = (): EnclaveSystem[] => ctx.server.store.systems(ctx.org);
  const list = async (query: string): Promise<EnclaveSystem[]> => {
    const res = await call(ctx.server, 'GET', `/org/${ctx.org}/systems?per_page=200&${query}`);
    assert.equal(res.status, 200, res.text);
    return res.json.items;
  };
  /** The expected IDs; never empty, so that an equal empty answer cannot pass by accident. */
  const expectIds = (predicate: (s: EnclaveSystem) => boolean): string[] => {
    const out = ids(systems().filter(predicate));
    assert.ok(out.length > 0 && out.length < 150, `expected set has ${out.length} systems`);
    return out;
  };

  it('leaves disabled systems out unless include_disabled is True or true', async () => {
    const disabled = systems().filter((s) => !s.isEnabled).length;
    assert.ok(disabled > 0, 'seed data has disabled systems');
    const plain = await list('');
    assert.equal(plain.length, 150 - disabled);
    assert.ok(plain.every((s) => s.isEnabled && s.state !== 'Disabled'));
    assert.equal((await list('include_disabled=True')).length, 150);
    assert.equal((await list('include_disabled=true')).length, 150);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.org}/systems?include_disabled=maybe`)).status, 400);
  });

  it('omits detail-only fields from list items but serves them on the item', async () => {
    const [first] = await list('');
    assert.equal(first.dns, undefined);
    const one = await call(ctx.server, 'GET', `/org/${ctx.org}/systems/${first.systemId.toLowerCase()}`);
    assert.equal(one.json.systemId, first.systemId);
    assert.ok(Array.isArray(one.json.dns));
    assert.ok(Array.isArray(one.json.knownSubnets));
  });

  it('sorts by name or ordinal, nulls last, ties by id; default most recently enrolled', async () => {
    const all = systems();
    all[0].description = 'Zz same name';
    all[1].description = 'Zz same name';
    ctx.server.store.changed(ctx.server.store.orgs[0]);
    const byName = await list('include_disabled=true&sort=description');
    const byOrdinal = await list('include_disabled=true&sort=2');
    assert.deepEqual(byOrdinal.map((s) => s.systemId), byName.map((s) => s.systemId));
    const named = byName.filter((s) => s.description);
    const lowered = named.map((s) => (s.description as string).toLowerCase());
    assert.deepEqual(lowered, [...lowered].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.ok(byName.slice(named.length).every((s) => s.description === null), 'nulls last');
    const twins = byName.filter((s) => s.description === 'Zz same name').map((s) => s.systemId);
    assert.deepEqual(twins, [all[0].systemId, all[1].systemId].sort());
    const recent = (await list('include_disabled=true')).map((s) => Date.parse(s.enrolledAt));
    assert.deepEqual(recent, [...recent].sort((a, b) => b - a));
    const bad = await call(ctx.server, 'GET', `/org/${ctx.org}/systems?sort=Sideways`);
    assert.equal(bad.status, 400);
    assert.ok(bad.json.errors.sort);
  });

  it('matches plain words against description, ID and hostname', async () => {
    const target = systems().find((s) => s.isEnabled && s.hostname)!;
    const word = (target.hostname as string).slice(0, 4).toUpperCase();
    const hits = await list(`search=${encodeURIComponent(word)}`);
    const w = word.toLowerCase();
    assert.deepEqual(ids(hits), expectIds((s) => s.isEnabled && [s.description, s.systemId, s.hostname].some((f) => f?.toLowerCase().includes(w))));
    assert.ok(ids(hits).includes(target.systemId));
    assert.deepEqual(ids(await list(`search=${target.systemId.toLowerCase()}`)).includes(target.systemId), true);
  });

  it('filters by state, with ! for not', async () => {
    assert.deepEqual(ids(await list('search=state:connected')), expectIds((s) => s.isEnabled && s.connectedAt !== null));
    assert.deepEqual(ids(await list('search=state:Disconnected')), expectIds((s) => s.isEnabled && s.connectedAt === null));
    assert.deepEqual(ids(await list('include_disabled=true&search=state:!connected')), expectIds((s) => s.state !== 'Connected'));
  });

  it('filters by tags: all listed, or any with |, also written with a space after the colon', async () => {
    const has = (s: EnclaveSystem, t: string): boolean => s.tags.some((x) => x.tag === t);
    const all = await list('include_disabled=true&search=' + encodeURIComponent('tags:prod,databases'));
    assert.deepEqual(ids(all), expectIds((s) => has(s, 'prod') && has(s, 'databases')));
    const any = await list('include_disabled=true&search=' + encodeURIComponent('tags:|prod,databases'));
    assert.deepEqual(ids(any), expectIds((s) => has(s, 'prod') || has(s, 'databases')));
    assert.ok(any.length > all.length);
    const spaced = await list('include_disabled=true&search=' + encodeURIComponent('tags: prod'));
    assert.deepEqual(ids(spaced), expectIds((s) => has(s, 'prod')));
  });

  it('filters by enrolment key id or description, platform, type, and combines terms', async () => {
    const key = ctx.server.store.keys(ctx.org)[0];
    assert.deepEqual(ids(await list(`include_disabled=true&search=key:${key.id}`)), expectIds((s) => s.enrolmentKeyId === key.id));
    assert.deepEqual(ids(await list(`include_disabled=true&enrolment_key=${key.id}`)), expectIds((s) => s.enrolmentKeyId === key.id));
    const byName = await list('include_disabled=true&search=key:default');
    assert.deepEqual(ids(byName), expectIds((s) => !!s.enrolmentKeyDescription?.toLowerCase().includes('default')));
    assert.deepEqual(ids(await list('include_disabled=true&search=os:windows')), expectIds((s) => s.platformType === 'Windows'));
    assert.deepEqual(ids(await list('include_disabled=true&search=platform:mac')), expectIds((s) => s.platformType === 'Darwin'));
    assert.deepEqual(ids(await list('include_disabled=true&search=type:ephemeral')), expectIds((s) => s.systemType === 'Ephemeral'));
    const combined = await list('search=' + encodeURIComponent('os:linux state:connected'));
    assert.deepEqual(ids(combined), expectIds((s) => s.platformType === 'Linux' && s.isEnabled && s.connectedAt !== null));
  });

  it('filters by a DNS name the system answers to', async () => {
    const target = systems().find((s) => s.isEnabled && (s.dns ?? []).some((d) => d.fromDirectAssignment))!;
    const fqdn = target.dns!.find((d) => d.fromDirectAssignment)!.fqdn;
    const hits = await list(`dns=${encodeURIComponent(fqdn.toUpperCase())}`);
    assert.ok(ids(hits).includes(target.systemId));
    assert.ok(hits.length < 150);
  });

  it('rejects an unknown search key with a validation error on Search', async () => {
    const res = await call(ctx.server, 'GET', `/org/${ctx.org}/systems?search=${encodeURIComponent('colour:blue')}`);
    assert.equal(res.status, 400);
    assert.equal(res.json.title, 'One or more validation errors occurred.');
    assert.match(res.json.errors.Search[0], /colour/);
  });

  it('searches and filters enrolment keys by state, approval, type and name', async () => {
    const org = ctx.server.store.orgs[0];
    const keyIds = async (query: string): Promise<number[]> => {
      const res = await call(ctx.server, 'GET', `/org/${ctx.org}/enrolment-keys?include_disabled=true&${query}`);
      assert.equal(res.status, 200, res.text);
      return res.json.items.map((k: { id: number }) => k.id).sort((a: number, b: number) => a - b);
    };
    const keys = [...org.keys.values()];
    const expect = (p: (k: (typeof keys)[number]) => boolean): number[] => {
      const out = keys.filter(p).map((k) => k.id).sort((a, b) => a - b);
      assert.ok(out.length > 0 && out.length < keys.length, `expected set has ${out.length} keys`);
      return out;
    };
    assert.deepEqual(await keyIds('search=state:nouses'), expect((k) => k.isEnabled && k.usesRemaining === 0));
    assert.ok((await keyIds('search=state:nouses')).length > 0);
    assert.deepEqual(await keyIds('search=approval:gated'), expect((k) => k.approvalMode === 'Manual'));
    assert.deepEqual(await keyIds('search=type:ephemeral'), expect((k) => k.type === 'Ephemeral'));
    assert.deepEqual(await keyIds('search=name:laptops'), expect((k) => k.description.toLowerCase().includes('laptops')));
    const enabledOnly = await call(ctx.server, 'GET', `/org/${ctx.org}/enrolment-keys`);
    assert.equal(enabledOnly.json.metadata.total, keys.filter((k) => k.isEnabled).length);
    assert.ok(enabledOnly.json.metadata.total < keys.length);
    const byUses = await call(ctx.server, 'GET', `/org/${ctx.org}/enrolment-keys?include_disabled=true&sort=UsesRemaining`);
    const uses = byUses.json.items.map((k: { usesRemaining: number }) => (k.usesRemaining < 0 ? Infinity : k.usesRemaining));
    assert.deepEqual(uses, [...uses].sort((a, b) => a - b));
  });

  it('lists pending systems with search and key filter', async () => {
    const pending = ctx.server.store.unapprovedSystems(ctx.org);
    const res = await call(ctx.server, 'GET', `/org/${ctx.org}/unapproved-systems`);
    assert.equal(res.json.metadata.total, 6);
    assert.equal(res.json.items[0].notes, undefined, 'summary model has no notes');
    const key = pending[0].enrolmentKeyId;
    const byKey = await call(ctx.server, 'GET', `/org/${ctx.org}/unapproved-systems?enrolment_key=${key}`);
    assert.deepEqual(ids(byKey.json.items), ids(pending.filter((u) => u.enrolmentKeyId === key)));
    const bad = await call(ctx.server, 'GET', `/org/${ctx.org}/unapproved-systems?search=state:connected`);
    assert.equal(bad.status, 400, 'state is not a pending-system search key');
  });

  it('describes the search keys of each list', async () => {
    const sys = await call(ctx.server, 'GET', `/org/${ctx.org}/systems/meta/search-keys`);
    const tags = sys.json.find((k: { name: string }) => k.name === 'tags');
    assert.deepEqual({ dataType: tags.dataType, canHaveMultiple: tags.canHaveMultiple, useExactMatch: tags.useExactMatch }, { dataType: 'Tags', canHaveMultiple: true, useExactMatch: true });
    assert.ok(tags.modifiers.includes('Or'));
    assert.equal(sys.json.find((k: { name: string }) => k.name === 'key').dataType, 'EnrolmentKey');
    const keys = await call(ctx.server, 'GET', `/org/${ctx.org}/enrolment-keys/meta/search-keys`);
    assert.deepEqual(keys.json.filter((k: { isDefault: boolean }) => k.isDefault).map((k: { name: string }) => k.name), ['name']);
    const pending = await call(ctx.server, 'GET', `/org/${ctx.org}/unapproved-systems/meta/search-keys`);
    assert.ok(pending.json.some((k: { name: string }) => k.name === 'key'));
  });
});
