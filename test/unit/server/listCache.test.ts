import * as assert from 'node:assert/strict';
import { keyView, systemView, unapprovedView } from '../../server/entities';
import { call, useServer } from './helpers';

// List items are served from JSON cached per organisation version (test/server/listJson.ts).
describe('mock server: cached list JSON', () => {
  const ctx = useServer({ orgs: 2, systemsPerOrg: 120, keysPerOrg: 12, unapprovedPerOrg: 6 });
  const org = () => ctx.server.store.orgs[0];
  const page = async (collection: string, query = 'include_disabled=true&per_page=200') => {
    const res = await call(ctx.server, 'GET', `/org/${org().id}/${collection}?${query}`);
    assert.equal(res.status, 200, res.text);
    return res;
  };

  it('answers exactly what serialising the list models afresh would', async () => {
    const store = ctx.server.store;
    for (let i = 0; i < 2; i++) {
      const systems = await page('systems');
      assert.equal(systems.json.items.length, 120);
      assert.deepEqual(systems.json.items, systems.json.items.map((s: { systemId: string }) => systemView(store.system(org().id, s.systemId)!, false)));
      assert.equal(systems.text, JSON.stringify(systems.json), 'the same bytes, key order included');
      const keys = await page('enrolment-keys');
      assert.deepEqual(keys.json.items, keys.json.items.map((k: { id: number }) => keyView(store.key(org().id, k.id)!, false)));
      assert.equal(keys.text, JSON.stringify(keys.json));
      const pending = await page('unapproved-systems', 'per_page=200');
      assert.deepEqual(pending.json.items, pending.json.items.map((u: { systemId: string }) => unapprovedView(store.unapprovedSystem(org().id, u.systemId)!, false)));
      assert.equal(pending.text, JSON.stringify(pending.json));
    }
  });

  it('keeps serving the cached item until store.changed(org) moves the version', async () => {
    const target = ctx.server.store.systems(org().id)[3];
    const find = async () => (await page('systems')).json.items.find((s: { systemId: string }) => s.systemId === target.systemId);
    const before = (await find()).description;
    target.description = 'Edited behind the store';
    assert.equal((await find()).description, before, 'a direct edit without changed() is not seen: the answer is cached');
    ctx.server.store.changed(org());
    assert.equal((await find()).description, 'Edited behind the store');
  });

  it('shows every change made through the store or the API in the next page', async () => {
    const store = ctx.server.store;
    const [system] = store.systems(org().id);
    const key = store.keys(org().id).find((k) => store.systems(org().id).some((s) => s.enrolmentKeyId === k.id && !s.enrolmentKeyIsDeleted))!;
    const [pending] = store.unapprovedSystems(org().id);
    await Promise.all([page('systems'), page('enrolment-keys'), page('unapproved-systems', 'per_page=200')]);

    store.updateSystem(org(), system, { description: 'Renamed by the store' });
    const systems = (await page('systems')).json.items;
    assert.equal(systems.find((s: { systemId: string }) => s.systemId === system.systemId).description, 'Renamed by the store');

    const patched = await call(ctx.server, 'PATCH', `/org/${org().id}/enrolment-keys/${key.id}`, { body: { description: 'Renamed by the API' } });
    assert.equal(patched.status, 200, patched.text);
    const keys = (await page('enrolment-keys')).json.items;
    assert.equal(keys.find((k: { id: number }) => k.id === key.id).description, 'Renamed by the API');
    // The key's new name shows on the systems enrolled with it too (another item, the same version).
    const enrolled = (await page('systems')).json.items.filter((s: { enrolmentKeyId: number }) => s.enrolmentKeyId === key.id);
    assert.ok(enrolled.length > 0);
    assert.ok(enrolled.every((s: { enrolmentKeyDescription: string }) => s.enrolmentKeyDescription === 'Renamed by the API'));

    const disabled = await call(ctx.server, 'PUT', `/org/${org().id}/systems/${system.systemId}/disable`);
    assert.equal(disabled.status, 200, disabled.text);
    const after = (await page('systems')).json.items.find((s: { systemId: string }) => s.systemId === system.systemId);
    assert.deepEqual([after.isEnabled, after.state], [false, 'Disabled']);

    const approved = await call(ctx.server, 'PUT', `/org/${org().id}/unapproved-systems/${pending.systemId}/approve`);
    assert.equal(approved.status, 200, approved.text);
    assert.ok(!(await page('unapproved-systems', 'per_page=200')).json.items.some((u: { systemId: string }) => u.systemId === pending.systemId));
    assert.ok((await page('systems')).json.items.some((s: { systemId: string }) => s.systemId === pending.systemId));
  });

  it('keeps one organisation’s change out of another’s lists', async () => {
    const other = ctx.server.store.orgs[1];
    const list = async () => (await call(ctx.server, 'GET', `/org/${other.id}/systems?include_disabled=true&per_page=200`)).text;
    const before = await list();
    ctx.server.store.updateSystem(org(), ctx.server.store.systems(org().id)[0], { description: 'Only in the first organisation' });
    assert.equal(await list(), before);
  });
});
