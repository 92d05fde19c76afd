import * as assert from 'node:assert/strict';
import { expiryNote, localText, localZone, MAX_AHEAD_MS, parseExpiryText, validateExpiryText } from '../../../src/features/timed/expiryInput';
import { settleEach } from '../../../src/features/timed/pool';
import { autoExpireOf, expiryOf, initialForm, localInputText } from '../../../src/features/timed/timedForm';

const HOUR = 3_600_000;
// Local wall times are built with the local Date constructor, so the tests hold in any zone.
const NOW = new Date(2026, 11, 4, 18, 0);
const dateOf = (text: string): Date | undefined => {
  const parsed = parseExpiryText(text);
  return 'date' in parsed ? parsed.date : undefined;
};

describe('time-boxed access: the typed date and time', () => {
  it('reads YYYY-MM-DD HH:mm (and with T or seconds) as local time', () => {
    assert.equal(dateOf('2026-12-05 18:30')?.getTime(), new Date(2026, 11, 5, 18, 30).getTime());
    assert.equal(dateOf(' 2026-12-05T07:05 ')?.getTime(), new Date(2026, 11, 5, 7, 5).getTime());
    assert.equal(dateOf('2026-12-05 07:05:30')?.getTime(), new Date(2026, 11, 5, 7, 5, 30).getTime());
    assert.equal(dateOf('2026-1-5 7:05')?.getTime(), new Date(2026, 0, 5, 7, 5).getTime());
  });

  it('reads ISO 8601 with Z or an offset as that instant', () => {
    assert.equal(dateOf('2026-12-05T18:00:00Z')?.toISOString(), '2026-12-05T18:00:00.000Z');
    assert.equal(dateOf('2026-12-05T18:00Z')?.toISOString(), '2026-12-05T18:00:00.000Z');
    assert.equal(dateOf('2026-12-05T18:00:00.0000000+02:00')?.toISOString(), '2026-12-05T16:00:00.000Z');
    assert.equal(dateOf('2026-12-05T18:00:00-0500')?.toISOString(), '2026-12-05T23:00:00.000Z');
  });

  it('says what is wrong with garbage and with impossible dates', () => {
    assert.match(validateExpiryText('', NOW) ?? '', /^Type when access ends: YYYY-MM-DD HH:mm/);
    assert.match(validateExpiryText('tomorrow', NOW) ?? '', /^'tomorrow' is not a date and time: use YYYY-MM-DD HH:mm or ISO 8601/);
    assert.match(validateExpiryText('05/12/2026 18:00', NOW) ?? '', /is not a date and time/);
    assert.equal(validateExpiryText('2027-02-30 10:00', NOW), "'2027-02-30 10:00' is not a date and time: 2027-02 has no day 30.");
    assert.equal(validateExpiryText('2026-13-01 10:00', NOW), "'2026-13-01 10:00' is not a date and time: there is no month 13.");
    assert.match(validateExpiryText('2026-12-05 24:00', NOW) ?? '', /between 00:00 and 23:59/);
  });

  it('wants a time in the future, at least a minute ahead and at most a year, naming the time it read', () => {
    assert.equal(validateExpiryText('2026-12-04 17:00', NOW), `${localText(new Date(2026, 11, 4, 17, 0))} is in the past: pick a time in the future.`);
    assert.match(validateExpiryText('2026-12-04 18:00:30', NOW) ?? '', /less than a minute away/);
    assert.match(validateExpiryText('2028-01-01 00:00', NOW) ?? '', /more than a year away: time-boxed access lasts at most a year/);
    assert.equal(validateExpiryText('2026-12-04 19:00', NOW), undefined);
    assert.equal(validateExpiryText(localInputText(new Date(NOW.getTime() + MAX_AHEAD_MS - HOUR)), NOW), undefined);
  });

  it('shows back how a valid time was read: local time, zone, how far ahead', () => {
    assert.equal(expiryNote('2026-12-05 21:12', NOW), `Access ends ${localText(new Date(2026, 11, 5, 21, 12))} (${localZone()}), in 1 d 3 h.`);
    assert.match(expiryNote('2026-12-04 21:12', NOW) ?? '', /, in 3 h 12 min\.$/);
    assert.equal(expiryNote('garbage', NOW), undefined);
  });
});

describe('time-boxed access: the answers and the body', () => {
  it('counts a duration from the moment of sending, in UTC with the local zone', () => {
    const body = autoExpireOf({ ...initialForm(), duration: '8h' }, NOW);
    assert.deepEqual(body, { expiryDateTime: new Date(NOW.getTime() + 8 * HOUR).toISOString(), timeZoneId: localZone(), expiryAction: 'Disable' });
    assert.ok(body.expiryDateTime.endsWith('Z'));
    assert.equal(expiryOf({ duration: '1d', until: '', action: 'Delete' }, NOW)?.getTime(), NOW.getTime() + 24 * HOUR);
  });

  it('takes a typed time as it is, and refuses to build a body from an unreadable one', () => {
    const form = { duration: 'until', until: '2026-12-24 09:00', action: 'Delete' };
    assert.deepEqual(autoExpireOf(form, NOW), { expiryDateTime: new Date(2026, 11, 24, 9, 0).toISOString(), timeZoneId: localZone(), expiryAction: 'Delete' });
    assert.throws(() => autoExpireOf({ ...form, until: 'soon' }, NOW), /not a date and time/);
  });

  it('pre-fills the box in the format it reads', () => {
    const at = new Date(2026, 0, 2, 3, 4);
    assert.equal(localInputText(at), '2026-01-02 03:04');
    assert.equal(dateOf(localInputText(at))?.getTime(), at.getTime());
  });
});

describe('time-boxed access: one call per item, a few at a time', () => {
  it('runs at most `limit` at once, keeps the order and settles every item', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const results = await settleEach([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5 + (n % 3) * 3));
      running--;
      if (n === 4) throw new Error('four failed');
      return n * 10;
    }, (count) => done.push(count));
    assert.equal(most, 3);
    assert.deepEqual(results.map((r) => (r.ok ? r.value : (r.error as Error).message)), [10, 20, 30, 'four failed', 50, 60, 70]);
    assert.deepEqual(done, [1, 2, 3, 4, 5, 6, 7]);
  });

  it('handles no items and one item', async () => {
    assert.deepEqual(await settleEach([], 4, async () => 1), []);
    assert.deepEqual(await settleEach(['a'], 4, async (s) => s.toUpperCase()), [{ item: 'a', ok: true, value: 'A' }]);
  });
});
