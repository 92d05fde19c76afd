import * as assert from 'node:assert/strict';
import { durationText, parseTime, relativeTime, whenText } from '../../../src/tree/time';

const NOW = new Date('2026-01-12T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('relative time', () => {
  it('says durations in their largest whole unit', () => {
    assert.equal(durationText(30_000), 'less than a minute');
    assert.equal(durationText(MIN), '1 minute');
    assert.equal(durationText(59 * MIN), '59 minutes');
    assert.equal(durationText(3 * HOUR + 59 * MIN), '3 hours');
    assert.equal(durationText(DAY), '1 day');
    assert.equal(durationText(45 * DAY), '1 month');
    assert.equal(durationText(800 * DAY), '2 years');
    assert.equal(durationText(-5), 'less than a minute');
  });

  it('says past and future times relative to now', () => {
    assert.equal(relativeTime(ago(10_000), NOW), 'just now');
    assert.equal(relativeTime(ago(3 * HOUR), NOW), '3 hours ago');
    assert.equal(relativeTime(ago(-2 * DAY), NOW), 'in 2 days');
  });

  it('reads wire timestamps in both offset forms, and survives bad ones', () => {
    assert.equal(parseTime('2026-01-12T09:00:00+00:00')?.getTime(), ago(3 * HOUR).getTime());
    assert.equal(parseTime('2026-01-12T09:00:00.1234567Z')?.getTime(), ago(3 * HOUR).getTime() + 123);
    assert.equal(parseTime('yesterday-ish'), undefined);
    assert.equal(parseTime(null), undefined);
    assert.equal(whenText('yesterday-ish', NOW), 'yesterday-ish');
    assert.equal(whenText(undefined, NOW), undefined);
    assert.match(whenText('2026-01-12T09:00:00Z', NOW) ?? '', /2026.*\(3 hours ago\)$/);
  });
});
