// Timed enable: the server applies `autoExpire` when it falls due (disable, or revoke / delete),
// validates the AutoExpire body, and runs on a clock the tests move.
import * as assert from 'node:assert/strict';
import { SimClock } from '../../server';
import { call, useServer } from './helpers';

const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();

describe('mock server: timed enable and the clock', () => {
  const ctx = useServer();
  beforeEach(() => ctx.server.reset());
  const sys = (): string => `/org/${ctx.org}/systems`;
  const keys = (): string => `/org/${ctx.org}/enrolment-keys`;
  const now = (): number => ctx.server.clock.now();
  const disabledSystem = () => ctx.server.store.systems(ctx.org).find((s) => !s.isEnabled && !s.autoExpire)!;

  it('enables a disabled system until a time, then disables it when the clock passes it', async () => {
    const s = disabledSystem();
    const until = iso(now() + HOUR);
    const res = await call(ctx.server, 'PUT', `${sys()}/${s.systemId}/enable-until`, { body: { expiryDateTime: until, expiryAction: 'Disable' } });
    assert.equal(res.status, 200);
    assert.equal(res.json.state, 'Disconnected');
    assert.deepEqual(res.json.autoExpire, { timeZoneId: null, expiryDateTime: until, expiryAction: 'Disable' });
    ctx.server.clock.advance(HOUR - 60_000);
    assert.equal((await call(ctx.server, 'GET', `${sys()}/${s.systemId}`)).json.isEnabled, true, 'not yet');
    ctx.server.clock.advance(2 * 60_000);
    const after = (await call(ctx.server, 'GET', `${sys()}/${s.systemId}`)).json;
    assert.equal(after.state, 'Disabled');
    assert.equal(after.autoExpire, null);
    const [entry] = ctx.server.store.logEntries(ctx.org);
    assert.match(entry.message, new RegExp(`^System .*\\(${s.systemId}\\) disabled: its timed access ended$`));
    assert.equal(entry.userName, null, 'the server did it, not a user');
    assert.equal(Date.parse(entry.timeStamp) <= Date.parse(until) && Date.parse(entry.timeStamp) > Date.parse(until) - 1000, true, 'dated when it fell due');
  });

  it('revokes a system whose expiry action is Delete, and deletes or disables keys', async () => {
    const s = ctx.server.store.systems(ctx.org).find((x) => x.isEnabled && !x.autoExpire)!;
    const [k1, k2] = ctx.server.store.keys(ctx.org).filter((k) => !k.autoExpire);
    const at = iso(now() + 10 * 60_000);
    for (const [path, action] of [[`${sys()}/${s.systemId}`, 'Delete'], [`${keys()}/${k1.id}`, 'Delete'], [`${keys()}/${k2.id}`, 'Disable']]) {
      assert.equal((await call(ctx.server, 'PUT', `${path}/enable-until`, { body: { expiryDateTime: at, expiryAction: action } })).status, 200);
    }
    assert.equal(ctx.server.store.key(ctx.org, k2.id)?.isEnabled, true);
    ctx.server.clock.advance(11 * 60_000);
    assert.equal(ctx.server.store.system(ctx.org, s.systemId), undefined, 'revoked as soon as the clock moved');
    assert.equal((await call(ctx.server, 'GET', `${sys()}/${s.systemId}`)).status, 404);
    assert.equal((await call(ctx.server, 'GET', `${keys()}/${k1.id}`)).status, 404);
    const k2After = (await call(ctx.server, 'GET', `${keys()}/${k2.id}`)).json;
    assert.deepEqual([k2After.isEnabled, k2After.status, k2After.autoExpire], [false, 'Disabled', null]);
    const messages = ctx.server.store.logEntries(ctx.org).slice(0, 3).map((e) => e.message);
    assert.ok(messages.includes(`Enrolment key '${k1.description}' deleted: its timed access ended`), messages.join('\n'));
    assert.ok(messages.includes(`Enrolment key '${k2.description}' disabled: its timed access ended`));
    assert.ok(messages.some((m) => m.endsWith(`(${s.systemId}) revoked: its timed access ended`)));
    assert.equal(ctx.server.store.systems(ctx.org).filter((x) => x.enrolmentKeyId === k1.id && !x.enrolmentKeyIsDeleted).length, 0);
  });

  it('applies an expiry that passed in real time before answering the next request', async () => {
    const org = ctx.server.store.org(ctx.org)!;
    const s = ctx.server.store.systems(ctx.org).find((x) => x.isEnabled && !x.autoExpire)!;
    // Set directly, already due: no clock move announces it, so only the request's sweep can act.
    s.autoExpire = { timeZoneId: null, expiryDateTime: iso(now() - 1000), expiryAction: 'Disable' };
    ctx.server.store.changed(org);
    const list = await call(ctx.server, 'GET', `${sys()}?per_page=200`);
    assert.ok(!list.json.items.some((x: { systemId: string }) => x.systemId === s.systemId), 'disabled systems are not listed');
    assert.equal(ctx.server.store.system(ctx.org, s.systemId)?.state, 'Disabled');
  });

  it('reads a time without an offset in its time zone (UTC without one)', async () => {
    const s = disabledSystem();
    ctx.server.clock.set('2030-06-01T00:00:00Z');
    const body = { expiryDateTime: '2030-06-01T12:00', timeZoneId: 'Europe/London', expiryAction: 'Disable' };
    assert.equal((await call(ctx.server, 'PUT', `${sys()}/${s.systemId}/enable-until`, { body })).status, 200);
    ctx.server.clock.set('2030-06-01T10:59:00Z');
    assert.equal(ctx.server.store.system(ctx.org, s.systemId)?.isEnabled, true);
    ctx.server.clock.set('2030-06-01T11:00:01Z'); // 12:00 in London in summer is 11:00 UTC
    assert.equal(ctx.server.store.system(ctx.org, s.systemId)?.isEnabled, false);
    const k = ctx.server.store.keys(ctx.org).find((x) => !x.autoExpire)!;
    assert.equal((await call(ctx.server, 'PUT', `${keys()}/${k.id}/enable-until`, { body: { expiryDateTime: '2030-06-01T12:00:00', expiryAction: 'Disable' } })).status, 200);
    ctx.server.clock.set('2030-06-01T11:59:00Z');
    assert.equal(ctx.server.store.key(ctx.org, k.id)?.isEnabled, true, 'no zone: 12:00 UTC');
    ctx.server.clock.set('2030-06-01T12:00:00.001Z');
    assert.equal(ctx.server.store.key(ctx.org, k.id)?.isEnabled, false);
  });

  it('refuses AutoExpire bodies that are not a future ISO time with a known action and zone', async () => {
    const s = disabledSystem();
    const path = `${sys()}/${s.systemId}/enable-until`;
    const future = iso(now() + HOUR);
    const cases: Array<[unknown, string]> = [
      [{ expiryDateTime: iso(now() - 60_000), expiryAction: 'Disable' }, '$.expiryDateTime'],
      [{ expiryDateTime: 'next tuesday', expiryAction: 'Disable' }, '$.expiryDateTime'],
      [{ expiryDateTime: 'March 7, 2030', expiryAction: 'Disable' }, '$.expiryDateTime'],
      [{ expiryDateTime: '2030-02-31T10:00:00Z', expiryAction: 'Disable' }, '$.expiryDateTime'],
      [{ expiryAction: 'Disable' }, '$.expiryDateTime'],
      [{ expiryDateTime: future, expiryAction: 'Revoke' }, '$.expiryAction'],
      [{ expiryDateTime: future }, '$.expiryAction'],
      [{ expiryDateTime: future, expiryAction: 'Disable', timeZoneId: 'Mars/Olympus' }, '$.timeZoneId'],
      [{ expiryDateTime: future, expiryAction: 'Disable', timeZoneId: 5 }, '$.timeZoneId'],
    ];
    for (const [body, field] of cases) {
      const res = await call(ctx.server, 'PUT', path, { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      assert.ok(res.json.errors[field], `${JSON.stringify(body)} → ${JSON.stringify(res.json.errors)}`);
    }
    assert.equal(ctx.server.store.system(ctx.org, s.systemId)?.isEnabled, false, 'nothing applied by a refused call');
    const ok = await call(ctx.server, 'PUT', path, { body: { ExpiryDateTime: future, expiryAction: 'delete', timeZoneId: 'GMT Standard Time' } });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.equal(ok.json.autoExpire.expiryAction, 'Delete');
    const created = await call(ctx.server, 'POST', keys(), { body: { description: 'Late key', autoExpire: { expiryDateTime: iso(now() - 1), expiryAction: 'Disable' } } });
    assert.equal(created.status, 400);
    assert.ok(created.json.errors['$.autoExpire.expiryDateTime']);
  });

  it('a key created or patched with an autoExpire expires too', async () => {
    const created = await call(ctx.server, 'POST', keys(), { body: { description: 'Workshop', autoExpire: { expiryDateTime: iso(now() + HOUR), expiryAction: 'Delete' } } });
    assert.equal(created.status, 200);
    const k = ctx.server.store.keys(ctx.org).find((x) => !x.autoExpire && x.isEnabled)!;
    assert.equal((await call(ctx.server, 'PATCH', `${keys()}/${k.id}`, { body: { autoExpire: { expiryDateTime: iso(now() + 2 * HOUR), expiryAction: 'Disable' } } })).status, 200);
    ctx.server.clock.advance(HOUR + 1000);
    assert.equal(ctx.server.store.key(ctx.org, created.json.id), undefined);
    assert.equal(ctx.server.store.key(ctx.org, k.id)?.isEnabled, true);
    ctx.server.clock.advance(HOUR);
    assert.equal(ctx.server.store.key(ctx.org, k.id)?.isEnabled, false);
  });

  it('enabling or disabling by hand cancels a pending expiry', async () => {
    const s = disabledSystem();
    await call(ctx.server, 'PUT', `${sys()}/${s.systemId}/enable-until`, { body: { expiryDateTime: iso(now() + HOUR), expiryAction: 'Delete' } });
    await call(ctx.server, 'PUT', `${sys()}/${s.systemId}/enable`);
    ctx.server.clock.advance(2 * HOUR);
    assert.equal(ctx.server.store.system(ctx.org, s.systemId)?.isEnabled, true, 'still there and enabled');
  });

  it('is on a clock that runs on in real time, moves forward, jumps, freezes, and restarts with a reset', async () => {
    let wall = 1_000;
    const clock = new SimClock(Date.UTC(2030, 0, 1), () => wall);
    wall += 500;
    assert.equal(clock.now(), Date.UTC(2030, 0, 1) + 500);
    assert.equal(clock.advance(HOUR), Date.UTC(2030, 0, 1) + 500 + HOUR);
    assert.throws(() => clock.advance(-1), /only moves forward/);
    clock.set('2029-01-01T00:00:00Z');
    assert.equal(clock.now(), Date.UTC(2029, 0, 1));
    clock.freeze();
    wall += 10_000;
    assert.equal(clock.now(), Date.UTC(2029, 0, 1), 'frozen');
    clock.freeze(false);
    wall += 10;
    assert.equal(clock.now(), Date.UTC(2029, 0, 1) + 10);
    const seedNow = ctx.server.clock.now();
    ctx.server.clock.advance(30 * 24 * HOUR);
    ctx.server.reset();
    assert.ok(Math.abs(ctx.server.clock.now() - seedNow) < 60_000, 'a reset starts again at the seed instant');
    const control = await fetch(`${ctx.server.url}/__sim/clock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2031-01-01T00:00:00Z', frozen: true }) });
    assert.deepEqual(await control.json(), { now: '2031-01-01T00:00:00.000Z' });
    assert.equal(ctx.server.clock.now(), Date.UTC(2031, 0, 1));
  });
});
