// The activity log: seeded history, paging newest first, and an entry for every change made
// through the API (bulk calls included) in the caller's name.
import * as assert from 'node:assert/strict';
import { generate } from '../../server';
import { call, useServer } from './helpers';

const Z_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?Z$/;
const DAY = 86_400_000;

describe('mock server: activity log', () => {
  const ctx = useServer();
  beforeEach(() => ctx.server.reset());
  const logs = (): string => `/org/${ctx.org}/logs`;
  const top = async (n = 1): Promise<Array<{ message: string; userName: string | null; ipAddress: string | null; level: string; timeStamp: string }>> =>
    (await call(ctx.server, 'GET', `${logs()}?per_page=${n}`)).json.items;

  it('seeds a few hundred entries per org over weeks, every level, deterministic per seed', () => {
    const options = { seed: 3, orgs: 2, systemsPerOrg: 40, keysPerOrg: 12, unapprovedPerOrg: 3 };
    const data = generate(options);
    assert.equal(JSON.stringify(generate(options).orgs.map((o) => o.log)), JSON.stringify(data.orgs.map((o) => o.log)));
    assert.notEqual(JSON.stringify(data.orgs[0].log), JSON.stringify(data.orgs[1].log));
    for (const org of data.orgs) {
      const log = org.log;
      assert.ok(log.length >= 200 && log.length <= 400, `${log.length} entries`);
      const times = log.map((e) => Date.parse(e.timeStamp));
      assert.deepEqual(times, [...times].sort((a, b) => a - b), 'oldest first');
      assert.ok(times[times.length - 1] < data.clock, 'all before the seed clock');
      assert.ok(data.clock - times[0] > 40 * DAY, 'spread over weeks');
      assert.deepEqual(new Set(log.map((e) => e.level)), new Set(['Information', 'Warning', 'Error']));
      for (const e of log) assert.match(e.timeStamp, Z_TIME);
      assert.ok(log.some((e) => e.userName) && log.some((e) => !e.userName));
      assert.ok(log.some((e) => e.ipAddress) && log.some((e) => !e.ipAddress));
      assert.ok(log.some((e) => /^User .+ signed in$/.test(e.message)));
      assert.ok(log.some((e) => /^System '.+' \([A-Z0-9]{5}\) enrolled with enrolment key '.+'$/.test(e.message)));
      const systemIds = new Set(org.systems.map((s) => s.systemId));
      assert.ok(log.some((e) => [...e.message.matchAll(/\(([A-Z0-9]{5})\)/g)].some((m) => systemIds.has(m[1]))), 'names the org’s own systems');
    }
    const other = generate({ ...options, seed: 4 });
    assert.notEqual(JSON.stringify(other.orgs[0].log), JSON.stringify(data.orgs[0].log));
  });

  it('pages newest first with the usual envelope; only page and per_page count', async () => {
    const all = ctx.server.store.logEntries(ctx.org);
    const first = await call(ctx.server, 'GET', logs());
    assert.equal(first.status, 200);
    assert.equal(first.json.metadata.total, all.length);
    assert.equal(first.json.items.length, 50, 'default page size');
    assert.deepEqual(first.json.items, all.slice(0, 50));
    const times = first.json.items.map((e: { timeStamp: string }) => Date.parse(e.timeStamp));
    assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
    assert.deepEqual(Object.keys(first.json.items[0]).sort(), ['ipAddress', 'level', 'message', 'timeStamp', 'userName']);
    const second = await call(ctx.server, 'GET', `${logs()}?page=1&per_page=200&search=nothing`);
    assert.deepEqual(second.json.items, all.slice(200, 400), 'search is not a parameter of the log');
    assert.equal(second.json.metadata.prevPage, 0);
    assert.equal(second.json.links.first, `${ctx.server.url}${logs()}?per_page=200&search=nothing`);
    const refused = await call(ctx.server, 'GET', `${logs()}?per_page=500`);
    assert.equal(refused.status, 400);
    assert.ok(refused.json.errors.per_page);
    assert.equal((await call(ctx.server, 'GET', `/org/${ctx.server.store.orgs[1].id}/logs`, { token: ctx.server.limitedToken })).status, 404);
  });

  it('logs each change made through the API at the top, in the token user’s name and from the caller’s address', async () => {
    const s = ctx.server.store.systems(ctx.org).find((x) => x.isEnabled)!;
    const before = ctx.server.store.logEntries(ctx.org).length;
    await call(ctx.server, 'PUT', `/org/${ctx.org}/systems/${s.systemId}/disable`);
    const [entry] = await top();
    assert.match(entry.message, new RegExp(`^System .+ \\(${s.systemId}\\) disabled$`));
    assert.deepEqual([entry.level, entry.userName, entry.ipAddress], ['Information', 'API token', '127.0.0.1']);
    assert.ok(Math.abs(Date.parse(entry.timeStamp) - ctx.server.clock.now()) < 5_000, 'stamped with the server clock');
    assert.equal(ctx.server.store.logEntries(ctx.org).length, before + 1);
    const named = ctx.server.addToken({ userName: 'Carol Jensen' });
    await call(ctx.server, 'PATCH', `/org/${ctx.org}`, { token: named, body: { website: 'https://acme.example.org' } });
    const [patched] = await top();
    assert.equal(patched.message, `Organisation '${ctx.server.store.orgs[0].properties.name}' updated (website)`);
    assert.equal(patched.userName, 'Carol Jensen');
    const unchanged = ctx.server.store.logEntries(ctx.org).length;
    await call(ctx.server, 'PUT', `/org/${ctx.org}/systems/${s.systemId}/disable`);
    await call(ctx.server, 'GET', `/org/${ctx.org}/systems`);
    assert.equal(ctx.server.store.logEntries(ctx.org).length, unchanged, 'nothing changed, nothing logged');
  });

  it('writes one entry per item for every kind of mutation, bulk ones included', async () => {
    const store = ctx.server.store;
    const org = `/org/${ctx.org}`;
    const enabled = store.systems(ctx.org).filter((x) => x.isEnabled).map((x) => x.systemId);
    const pending = store.unapprovedSystems(ctx.org).map((u) => u.systemId);
    const future = new Date(ctx.server.clock.now() + 3_600_000).toISOString();
    const steps: Array<[string, string, unknown, RegExp[]]> = [
      ['PUT', `${org}/systems/disable`, { systemIds: enabled.slice(0, 2) }, [/\) disabled$/, /\) disabled$/]],
      ['PUT', `${org}/systems/enable`, { systemIds: enabled.slice(0, 2) }, [/\) enabled$/, /\) enabled$/]],
      ['PATCH', `${org}/systems/${enabled[2]}`, { description: 'Renamed box', tags: ['prod'] }, [/^System 'Renamed box' \([A-Z0-9]{5}\) updated \(description, tags\)$/]],
      ['PUT', `${org}/systems/${enabled[3]}/enable-until`, { expiryDateTime: future, expiryAction: 'Delete' }, [/\) enabled until \d{4}-\d\d-\d\d \d\d:\d\d UTC, then revoked$/]],
      ['DELETE', `${org}/systems/${enabled[4]}`, undefined, [/\) revoked$/]],
      ['DELETE', `${org}/systems`, { systemIds: enabled.slice(5, 7) }, [/\) revoked$/, /\) revoked$/]],
      ['PATCH', `${org}/unapproved-systems/${pending[0]}`, { notes: 'Checked' }, [/^Pending system .+ updated \(notes\)$/]],
      ['PUT', `${org}/unapproved-systems/${pending[0]}/approve`, undefined, [/\) approved$/]],
      ['PUT', `${org}/unapproved-systems/approve`, { systemIds: [pending[1]] }, [/\) approved$/]],
      ['DELETE', `${org}/unapproved-systems/${pending[2]}`, undefined, [/\) declined$/]],
      ['DELETE', `${org}/unapproved-systems`, { systemIds: [pending[3]] }, [/\) declined$/]],
      ['POST', `${org}/enrolment-keys`, { description: 'Laptops 2027' }, [/^Enrolment key 'Laptops 2027' created$/]],
    ];
    for (const [method, path, body, expected] of steps) {
      const before = store.logEntries(ctx.org).length;
      const res = await call(ctx.server, method, path, { body });
      assert.equal(res.status, 200, `${method} ${path}: ${res.text}`);
      const added = store.logEntries(ctx.org).slice(0, store.logEntries(ctx.org).length - before).reverse();
      assert.equal(added.length, expected.length, `${method} ${path}: ${added.map((e) => e.message).join(' | ')}`);
      added.forEach((e, i) => assert.match(e.message, expected[i], `${method} ${path}`));
      assert.ok(added.every((e) => e.userName === 'API token' && e.level === 'Information'));
    }
    const key = store.keys(ctx.org).find((k) => k.description === 'Laptops 2027')!;
    const keySteps: Array<[string, string, unknown, string[]]> = [
      ['PATCH', `${org}/enrolment-keys/${key.id}`, { usesRemaining: 5, isEnabled: false }, ["Enrolment key 'Laptops 2027' updated (usesRemaining)", "Enrolment key 'Laptops 2027' disabled"]],
      ['PUT', `${org}/enrolment-keys/${key.id}/enable`, undefined, ["Enrolment key 'Laptops 2027' enabled"]],
      ['PUT', `${org}/enrolment-keys/disable`, { keyIds: [key.id] }, ["Enrolment key 'Laptops 2027' disabled"]],
      ['PUT', `${org}/enrolment-keys/enable`, { keyIds: [key.id] }, ["Enrolment key 'Laptops 2027' enabled"]],
      ['DELETE', `${org}/enrolment-keys/${key.id}`, undefined, ["Enrolment key 'Laptops 2027' deleted"]],
    ];
    for (const [method, path, body, expected] of keySteps) {
      const before = store.logEntries(ctx.org).length;
      assert.equal((await call(ctx.server, method, path, { body })).status, 200);
      const added = store.logEntries(ctx.org).slice(0, store.logEntries(ctx.org).length - before).reverse();
      assert.deepEqual(added.map((e) => e.message), expected);
    }
    const refused = store.logEntries(ctx.org).length;
    await call(ctx.server, 'POST', `${org}/enrolment-keys`, { body: { description: '' } });
    assert.equal(store.logEntries(ctx.org).length, refused, 'a refused call changes nothing and logs nothing');
  });

  it('logs an agent enrolling, and lets tests add entries (kept in time order)', async () => {
    const key = ctx.server.store.keys(ctx.org).find((k) => k.isEnabled && k.usesRemaining !== 0 && k.approvalMode === 'Automatic')!;
    const s = ctx.server.store.enrol(ctx.org, key.id, { hostname: 'new-laptop', connectedFrom: '198.51.100.99' });
    const [enrolled] = ctx.server.store.logEntries(ctx.org);
    assert.equal(enrolled.message, `System 'new-laptop' (${s.systemId}) enrolled with enrolment key '${key.description}'`);
    assert.deepEqual([enrolled.userName, enrolled.ipAddress], [null, '198.51.100.99']);
    const added = ctx.server.store.addLogEntry(ctx.org, { message: 'Sign-in blocked for eve@example.com', level: 'Error', ipAddress: '192.0.2.66' });
    assert.deepEqual((await top())[0], added);
    assert.equal(added.userName, null);
    const old = ctx.server.store.addLogEntry(ctx.org, { message: 'Long ago', level: 'Warning', timeStamp: ctx.server.clock.now() - 365 * DAY });
    const all = ctx.server.store.logEntries(ctx.org);
    assert.deepEqual(all[all.length - 1], old, 'an old entry sorts to the end (oldest)');
    const last = await call(ctx.server, 'GET', `${logs()}?per_page=1&page=${all.length - 1}`);
    assert.deepEqual(last.json.items, [old]);
    assert.throws(() => ctx.server.store.addLogEntry('0'.repeat(32), { message: 'x' }), /No organisation/);
    const viaSim = await fetch(`${ctx.server.url}/__sim/logs`, { method: 'POST', body: JSON.stringify({ orgId: ctx.org, message: 'From the control route', level: 'Warning' }) });
    assert.equal(((await viaSim.json()) as { message: string }).message, 'From the control route');
    assert.equal((await top())[0].level, 'Warning');
  });
});
