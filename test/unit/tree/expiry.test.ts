import * as assert from 'node:assert/strict';
import type { AutoExpire } from '../../../src/api/types';
import { expiryDescription, expiryInstant, expiryTooltip, longDuration, nextExpiryChange, shortDuration } from '../../../src/tree/expiry';

const NOW = new Date('2026-01-12T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number, expiryAction: AutoExpire['expiryAction'] = 'Disable'): AutoExpire =>
  ({ expiryDateTime: new Date(NOW.getTime() + ms).toISOString(), expiryAction, timeZoneId: 'Europe/London' });

describe('time-boxed access: reading an expiry', () => {
  it('reads ISO times with an offset as instants, whatever the zone', () => {
    assert.equal(expiryInstant({ expiryDateTime: '2026-07-01T12:00:00Z', expiryAction: 'Disable', timeZoneId: 'Asia/Tokyo' })?.toISOString(), '2026-07-01T12:00:00.000Z');
    assert.equal(expiryInstant({ expiryDateTime: '2030-01-15T13:30:00.0000000+00:00', expiryAction: 'Disable' })?.toISOString(), '2030-01-15T13:30:00.000Z');
    assert.equal(expiryInstant({ expiryDateTime: '2026-07-01T12:00:00+02:00', expiryAction: 'Delete' })?.toISOString(), '2026-07-01T10:00:00.000Z');
  });

  it('reads a time without an offset as wall-clock time in timeZoneId, summer time included', () => {
    // London is UTC+0 in winter and UTC+1 in summer; New York UTC-5 / UTC-4.
    assert.equal(expiryInstant({ expiryDateTime: '2026-12-31T17:00:00', expiryAction: 'Disable', timeZoneId: 'Europe/London' })?.toISOString(), '2026-12-31T17:00:00.000Z');
    assert.equal(expiryInstant({ expiryDateTime: '2026-07-01T17:00:00', expiryAction: 'Disable', timeZoneId: 'Europe/London' })?.toISOString(), '2026-07-01T16:00:00.000Z');
    assert.equal(expiryInstant({ expiryDateTime: '2026-07-01T09:30', expiryAction: 'Disable', timeZoneId: 'America/New_York' })?.toISOString(), '2026-07-01T13:30:00.000Z');
    assert.equal(expiryInstant({ expiryDateTime: '2026-03-08T12:00', expiryAction: 'Disable', timeZoneId: 'America/New_York' })?.toISOString(), '2026-03-08T16:00:00.000Z');
  });

  it('reads Windows zone ids, takes UTC when the zone is missing or unknown here, and nothing from garbage', () => {
    assert.equal(expiryInstant({ expiryDateTime: '2026-07-01T09:00:00', expiryAction: 'Disable', timeZoneId: 'Pacific Standard Time' })?.toISOString(), '2026-07-01T16:00:00.000Z');
    assert.equal(expiryInstant({ expiryDateTime: '2026-12-31T17:00:00', expiryAction: 'Disable', timeZoneId: null })?.toISOString(), '2026-12-31T17:00:00.000Z');
    assert.equal(expiryInstant({ expiryDateTime: '2026-12-31T17:00:00', expiryAction: 'Disable', timeZoneId: 'Mars/Olympus_Mons' })?.toISOString(), '2026-12-31T17:00:00.000Z');
    assert.equal(expiryInstant({ expiryDateTime: 'soon', expiryAction: 'Disable' }), undefined);
    assert.equal(expiryInstant({ expiryDateTime: '', expiryAction: 'Disable' }), undefined);
    assert.equal(expiryInstant(null), undefined);
  });
});

describe('time-boxed access: remaining time in words', () => {
  it('says the description in one unit and the tooltip in two', () => {
    assert.equal(shortDuration(30_000), '<1 min');
    assert.equal(shortDuration(25 * MIN + 59_000), '25 min');
    assert.equal(shortDuration(3 * HOUR + 12 * MIN), '3 h');
    assert.equal(shortDuration(2 * DAY + 5 * HOUR), '2 d');
    assert.equal(longDuration(25 * MIN), '25 min');
    assert.equal(longDuration(3 * HOUR + 12 * MIN + 30_000), '3 h 12 min');
    assert.equal(longDuration(3 * HOUR), '3 h');
    assert.equal(longDuration(2 * DAY + 5 * HOUR + 7 * MIN), '2 d 5 h');
  });

  it('names what happens: disables, revoked (systems), deleted (keys); expired once passed', () => {
    assert.equal(expiryDescription(at(3 * HOUR + 12 * MIN), true, 'revoked', NOW), 'disables in 3 h');
    assert.equal(expiryDescription(at(25 * MIN, 'Delete'), true, 'revoked', NOW), 'revoked in 25 min');
    assert.equal(expiryDescription(at(2 * DAY, 'Delete'), true, 'deleted', NOW), 'deleted in 2 d');
    assert.equal(expiryDescription(at(-MIN), true, 'revoked', NOW), 'expired');
    assert.equal(expiryDescription(null, true, 'revoked', NOW), undefined);
  });

  it('shows nothing for a disabled item that would only be disabled; a delete still shows', () => {
    assert.equal(expiryDescription(at(HOUR), false, 'deleted', NOW), undefined);
    assert.equal(expiryTooltip(at(HOUR), false, 'deleted', NOW), undefined);
    assert.equal(expiryDescription(at(HOUR, 'Delete'), false, 'deleted', NOW), 'deleted in 1 h');
  });

  it('gives the tooltip line with the local time and what is left', () => {
    const [label, value] = expiryTooltip(at(3 * HOUR + 12 * MIN), true, 'revoked', NOW) ?? [];
    assert.equal(label, 'Disables at');
    const local = new Date(NOW.getTime() + 3 * HOUR + 12 * MIN).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    assert.equal(value, `${local} (in 3 h 12 min)`);
    assert.equal(expiryTooltip(at(HOUR, 'Delete'), true, 'revoked', NOW)?.[0], 'Revoked at');
    assert.equal(expiryTooltip(at(HOUR, 'Delete'), true, 'deleted', NOW)?.[0], 'Deleted at');
    const [expiredLabel, expiredValue] = expiryTooltip(at(-5 * MIN), true, 'revoked', NOW) ?? [];
    assert.equal(expiredLabel, 'Expired at');
    assert.match(expiredValue ?? '', /\(5 min ago\), to be disabled$/);
  });
});

describe('time-boxed access: when the tree re-renders', () => {
  const now = NOW.getTime();
  it('every minute in the last day, every hour before, at the moment of expiry, then never', () => {
    assert.equal(nextExpiryChange(at(3 * HOUR + 12 * MIN + 20_000), true, now), now + 20_000);
    assert.equal(nextExpiryChange(at(3 * HOUR), true, now), now + MIN);
    assert.equal(nextExpiryChange(at(30_000), true, now), now + 30_000);
    assert.equal(nextExpiryChange(at(2 * DAY + 10 * MIN), true, now), now + 10 * MIN);
    assert.equal(nextExpiryChange(at(-MIN), true, now), undefined);
    assert.equal(nextExpiryChange(at(HOUR), false, now), undefined);
    assert.equal(nextExpiryChange(undefined, true, now), undefined);
  });
});
