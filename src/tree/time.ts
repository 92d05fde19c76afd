// Times as a person reads them in a tree: local time and an age ("3 hours ago"). Pure, with
// `now` passed in, so the wording is unit-tested.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** A duration in its largest whole unit: "less than a minute", "5 minutes", "2 days", "3 years". */
export function durationText(ms: number): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return 'less than a minute';
  if (span < HOUR) return plural(Math.floor(span / MINUTE), 'minute');
  if (span < DAY) return plural(Math.floor(span / HOUR), 'hour');
  const days = Math.floor(span / DAY);
  if (days < 30) return plural(days, 'day');
  if (days < 365) return plural(Math.floor(days / 30), 'month');
  return plural(Math.floor(days / 365), 'year');
}

/** "just now", "3 hours ago", or for a future time (an expiry) "in 2 days". */
export function relativeTime(date: Date, now: Date): string {
  const diff = now.getTime() - date.getTime();
  if (Math.abs(diff) < MINUTE) return 'just now';
  return diff > 0 ? `${durationText(diff)} ago` : `in ${durationText(-diff)}`;
}

/** A wire timestamp as a Date, or undefined when missing or unreadable (never a crash). */
export function parseTime(value: string | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Local date and time with the age: "12 Mar 2026, 14:03 (3 hours ago)". Raw text if unreadable. */
export function whenText(value: string | null | undefined, now: Date): string | undefined {
  const date = parseTime(value);
  if (!date) return value ?? undefined;
  const local = date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `${local} (${relativeTime(date, now)})`;
}
