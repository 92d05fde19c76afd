// Timestamp formatting. The API writes up to 7 fractional digits (.NET ticks) with trailing zeros
// trimmed, e.g. `2021-03-31T11:31:44.3846701Z`. DateTime fields end in `Z`; DateTimeOffset
// fields (system connectedAt / lastSeen / enrolledAt) end in `+00:00` (reference §1).

import type { Rng } from './rng';

export type TimeStyle = 'Z' | 'offset';
export const DAY = 86_400_000;

/**
 * @param ms epoch milliseconds
 * @param ticks sub-millisecond part, 0..9999 (100 ns units)
 */
export function formatInstant(ms: number, ticks: number, style: TimeStyle): string {
  const whole = Math.floor(ms);
  const day = Math.floor(whole / DAY);
  const inDay = whole - day * DAY;
  let fraction = (inDay % 1000) * 10000 + (ticks % 10000);
  let digits = 7;
  while (fraction > 0 && fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  const seconds = Math.floor(inDay / 1000);
  return datePart(day) + 'T' + two(Math.floor(seconds / 3600)) + ':' + two(Math.floor(seconds / 60) % 60) + ':' + two(seconds % 60)
    + (fraction > 0 ? '.' + String(fraction).padStart(digits, '0') : '') + (style === 'Z' ? 'Z' : '+00:00');
}

// Formatting 60,000 seed timestamps is hot: dates repeat, so each day is formatted once.
const dates = new Map<number, string>();
function datePart(day: number): string {
  let d = dates.get(day);
  if (d === undefined) {
    d = new Date(day * DAY).toISOString().slice(0, 10);
    if (dates.size > 20_000) dates.clear();
    dates.set(day, d);
  }
  return d;
}

function two(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** Re-writes any parseable instant in the given style (e.g. a `Z` time as `+00:00`). */
export function restyle(value: string, style: TimeStyle): string {
  const ms = Date.parse(value);
  const ticks = /\.\d{3}(\d{1,4})/.exec(value)?.[1] ?? '';
  return formatInstant(ms, Number(ticks.padEnd(4, '0')), style);
}

/** Epoch ms of a wire timestamp, or -Infinity for null so that "never" sorts last when descending. */
export function instantMs(value: string | null | undefined): number {
  return value ? Date.parse(value) : -Infinity;
}

/** A seed-data timestamp: the sub-millisecond digits come from the Rng too. */
export function stamp(rng: Rng, ms: number, style: TimeStyle): string {
  // Seed times are whole minutes from the clock; spread them over the second before.
  return formatInstant(ms - rng.int(0, 999), rng.int(0, 9999), style);
}
