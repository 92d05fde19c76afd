import * as assert from 'node:assert/strict';
import { call, useServer } from './helpers';

describe('mock server: PATCH semantics', () => {
  const ctx = useServer();
  beforeEach(() => ctx.server.reset());
  const firstSystem = () => ctx.server.store.systems(ctx.org).find((s) => s.isEnabled && s.notes === null && s.tags.length > 0)!;

  it('changes only the fields sent and returns the full model', async () => {
    const s = firstSystem();
    const before = structuredClone(s);
    const res = await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${s.systemId}`, { body: { notes: 'Rack 4' } });
    assert.equal(res.status, 200);
    assert.equal(res.json.notes, 'Rack 4');
    assert.deepEqual({ ...res.json, notes: before.notes }, before);
    assert.equal(ctx.server.store.system(ctx.org, s.systemId)?.notes, 'Rack 4');
  });

  it('matches property names case-insensitively (PascalCase from the C# SDK)', async () => {
    const s = firstSystem();
    const res = await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${s.systemId}`, { body: { Description: 'Renamed', NOTES: 'n' } });
    assert.equal(res.status, 200);
    assert.equal(res.json.description, 'Renamed');
    assert.equal(res.json.notes, 'n');
  });

  it('clears a field sent as null, and an empty list for null lists', async () => {
    const s = firstSystem();
    const res = await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${s.systemId}`, { body: { description: null, tags: null } });
    assert.equal(res.json.description, null);
    assert.deepEqual(res.json.tags, []);
    assert.equal(res.json.hostname, s.hostname);
  });

  it('turns tag names into UsedTag objects with refs stable per name', async () => {
    const s = firstSystem();
    const known = s.tags[0];
    const res = await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${s.systemId}`, { body: { tags: [known.tag, 'brand-new.tag'] } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.tags[0], known);
    const fresh = res.json.tags[1];
    assert.equal(fresh.tag, 'brand-new.tag');
    assert.match(fresh.ref, /^ref:[0-9a-f]{32}$/);
    assert.match(fresh.colour, /^#[0-9A-F]{6}$/);
    const other = ctx.server.store.systems(ctx.org)[5];
    const again = await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${other.systemId}`, { body: { tags: ['brand-new.tag'] } });
    assert.equal(again.json.tags[0].ref, fresh.ref);
  });

  it('rejects bad tags, duplicate tags and subnets, unknown properties and wrong types with an errors map', async () => {
    const s = firstSystem();
    const res = await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${s.systemId}`, {
      body: {
        tags: ['Web Servers', 'db', 'db'], colour: 'red', isEnabled: 'yes',
        gatewayRoutes: [{ subnet: '10.0.0.0/8', weight: 1 }, { subnet: '10.0.0.0/8' }, { subnet: 'not-a-subnet' }],
      },
    });
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(res.json.title, 'One or more validation errors occurred.');
    assert.deepEqual(Object.keys(res.json.errors).sort(), ['$.colour', '$.isEnabled', 'GatewayRoutes', 'GatewayRoutes[2].Subnet', 'Tags']);
    assert.equal(res.json.errors.Tags.length, 2);
    assert.deepEqual(ctx.server.store.system(ctx.org, s.systemId)?.tags, s.tags, 'nothing applied');
  });

  it('replaces gateway routes and enables or disables through isEnabled', async () => {
    const s = firstSystem();
    const routes = [{ subnet: '192.168.7.0/24', userEntered: true, weight: 5, name: 'Lab' }];
    const res = await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/${s.systemId}`, { body: { gatewayRoutes: routes, isEnabled: false } });
    assert.deepEqual(res.json.gatewayRoutes, routes);
    assert.equal(res.json.isEnabled, false);
    assert.equal(res.json.state, 'Disabled');
  });

  it('answers 400 for an empty, non-JSON or non-object body and 415 for another content type', async () => {
    const path = `/org/${ctx.org}/systems/${firstSystem().systemId}`;
    const empty = await call(ctx.server, 'PATCH', path, { headers: { 'content-type': 'application/json' } });
    assert.equal(empty.status, 400);
    const broken = await call(ctx.server, 'PATCH', path, { body: '{"description": ' });
    assert.equal(broken.status, 400);
    assert.ok(broken.json.errors.$);
    assert.equal((await call(ctx.server, 'PATCH', path, { body: '["a"]' })).status, 400);
    assert.equal((await call(ctx.server, 'PATCH', path, { body: '42' })).status, 400);
    assert.equal((await call(ctx.server, 'PATCH', path, { body: '{"notes":"x"}', headers: { 'content-type': 'text/plain' } })).status, 415);
  });

  it('answers 404 problem system-not-found for an unknown system', async () => {
    const res = await call(ctx.server, 'PATCH', `/org/${ctx.org}/systems/NOSYS`, { body: { notes: 'x' } });
    assert.equal(res.status, 404);
    assert.equal(res.json.type, 'https://api.enclave.io/problems/type/system-not-found');
    assert.equal(res.json.title, 'System cannot be found');
    assert.equal(res.json.detail, 'System with Enclave identity NOSYS does not exist, or your access rights do not allow access to it.');
  });

  it('patches a pending system: description, tags and notes only', async () => {
    const u = ctx.server.store.unapprovedSystems(ctx.org)[0];
    const res = await call(ctx.server, 'PATCH', `/org/${ctx.org}/unapproved-systems/${u.systemId}`, { body: { Notes: 'Called them', tags: ['contractors'] } });
    assert.equal(res.status, 200);
    assert.equal(res.json.notes, 'Called them');
    assert.deepEqual(res.json.tags.map((t: { tag: string }) => t.tag), ['contractors']);
    assert.equal(res.json.description, u.description);
    const bad = await call(ctx.server, 'PATCH', `/org/${ctx.org}/unapproved-systems/${u.systemId}`, { body: { isEnabled: true } });
    assert.equal(bad.status, 400);
  });

  it('patches the organisation name, website and phone; the name is required', async () => {
    const path = `/org/${ctx.org}`;
    const res = await call(ctx.server, 'PATCH', path, { body: { Website: 'https://acme.example', phone: null } });
    assert.equal(res.status, 200);
    assert.equal(res.json.website, 'https://acme.example');
    assert.equal(res.json.phone, null);
    assert.equal(res.json.name, 'Acme Engineering');
    for (const name of ['', '   ', null]) {
      const bad = await call(ctx.server, 'PATCH', path, { body: { name } });
      assert.equal(bad.status, 400, JSON.stringify(name));
      assert.ok(bad.json.errors.Name || bad.json.errors['$.name']);
    }
    const renamed = await call(ctx.server, 'PATCH', path, { body: { name: 'Acme Labs' } });
    assert.equal(renamed.json.name, 'Acme Labs');
    const orgs = await call(ctx.server, 'GET', '/account/orgs');
    assert.equal(orgs.json.orgs[0].orgName, 'Acme Labs');
  });
});
