// Reading an AutoExpire as an instant: with an offset, or a wall-clock time in its zone.
import * as assert from 'node:assert/strict';
import { autoExpireAt, expiryInstant, isKnownTimeZone } from '../../../src/api';

describe('api: expiry instants', () => {
  const at = (expiryDateTime: string, timeZoneId: string | null = null): number | undefined => expiryInstant({ expiryDateTime, timeZoneId });

  it('reads times with an offset or Z as instants, up to 7 fractional digits', () => {
    assert.equal(at('2030-01-15T13:30:00.0000000+00:00'), Date.UTC(2030, 0, 15, 13, 30));
    assert.equal(at('2030-01-15T13:30:00.1234567Z'), Date.UTC(2030, 0, 15, 13, 30, 0, 123));
    assert.equal(at('2030-01-15T13:30+02:00'), Date.UTC(2030, 0, 15, 11, 30));
    assert.equal(at('2030-01-15T13:30:00-05:30', 'Europe/London'), Date.UTC(2030, 0, 15, 19, 0), 'the offset wins over the zone');
  });

  it('reads times without an offset in their zone, UTC when there is none, across DST', () => {
    assert.equal(at('2026-12-31T17:00:00'), Date.UTC(2026, 11, 31, 17));
    assert.equal(at('2026-12-31T17:00:00', 'Europe/London'), Date.UTC(2026, 11, 31, 17), 'winter: GMT');
    assert.equal(at('2026-07-01T17:00', 'Europe/London'), Date.UTC(2026, 6, 1, 16), 'summer: BST');
    assert.equal(at('2026-07-01T09:00', 'America/New_York'), Date.UTC(2026, 6, 1, 13));
    assert.equal(at('2026-07-01T09:00', 'Pacific Standard Time'), Date.UTC(2026, 6, 1, 16), 'a Windows zone ID');
    assert.equal(at('2026-01-10T10:00', 'Australia/Sydney'), Date.UTC(2026, 0, 9, 23));
    assert.equal(at('2026-03-29T03:30', 'Europe/London'), Date.UTC(2026, 2, 29, 2, 30), 'just after the spring change');
    assert.equal(at('2026-07-01T09:00', 'Etc/UTC'), Date.UTC(2026, 6, 1, 9));
  });

  it('refuses what is not an ISO date and time, or names an unknown zone', () => {
    for (const bad of ['', 'tomorrow', '2030-01-15', '2030-01-15 13:30', '2030-02-30T10:00', '2030-13-01T10:00', '2030-01-15T24:00', 'March 7, 2030 10:00']) {
      assert.equal(at(bad), undefined, bad);
    }
    assert.equal(at('2030-01-15T10:00', 'Mars/Olympus'), undefined);
    assert.equal(isKnownTimeZone('Europe/London'), true);
    assert.equal(isKnownTimeZone('GMT Standard Time'), true);
    assert.equal(isKnownTimeZone('Mars/Olympus'), false);
    assert.equal(isKnownTimeZone(''), false);
  });

  it('builds an enable-until body for an instant', () => {
    const body = autoExpireAt(new Date(Date.UTC(2030, 0, 15, 13, 30)), 'Delete');
    assert.deepEqual(body, { timeZoneId: null, expiryDateTime: '2030-01-15T13:30:00.000Z', expiryAction: 'Delete' });
    assert.equal(expiryInstant(body), Date.UTC(2030, 0, 15, 13, 30));
  });
});
