// "Until a date and time…": what the user types, read as local time (`2026-12-05 18:00`) or as
// ISO 8601 with an offset (`2026-12-05T18:00:00Z`), checked as they type. No `vscode` here: the
// messages are unit-tested with `now` passed in.
import { longDuration } from '../../tree/expiry';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Time-boxed access ends between one minute from now (so it cannot expire on the way) and a year. */
export const MIN_AHEAD_MS = MINUTE;
export const MAX_AHEAD_MS = 366 * DAY;

/** Local wall time: `YYYY-MM-DD HH:mm`, a `T` also accepted, seconds optional. */
const LOCAL = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/i;
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** The IANA zone of this machine, sent as the expiry's timeZoneId. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Fri, 5 Dec 2026, 18:00": a time as this machine shows it, with the weekday to catch slips. */
export function localText(date: Date): string {
  return date.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function calendarError(y: number, mo: number, d: number, h: number, mi: number, s: number): string | undefined {
  if (mo < 1 || mo > 12) return `there is no month ${mo}`;
  if (d < 1 || d > daysIn(y, mo)) return `${y}-${String(mo).padStart(2, '0')} has no day ${d}`;
  if (h > 23 || mi > 59 || s > 59) return 'the time must be between 00:00 and 23:59';
  return undefined;
}

export type Parsed = { readonly date: Date } | { readonly error: string };

const EXAMPLE = 'e.g. 2026-12-05 18:00 (your local time) or 2026-12-05T18:00:00Z';

/** Reads the text as a time; says what is wrong with it otherwise (range not checked here). */
export function parseExpiryText(text: string): Parsed {
  const value = text.trim();
  if (value === '') return { error: `Type when access ends: YYYY-MM-DD HH:mm, ${EXAMPLE}.` };
  const iso = ISO_WITH_OFFSET.exec(value);
  const local = iso ? undefined : LOCAL.exec(value);
  const parts = (iso ?? local)?.slice(1, 7).map((p) => Number(p ?? 0));
  if (!parts) return { error: `'${value}' is not a date and time: use YYYY-MM-DD HH:mm or ISO 8601, ${EXAMPLE}.` };
  const [y, mo, d, h, mi, s] = parts;
  const wrong = calendarError(y, mo, d, h, mi, s);
  if (wrong) return { error: `'${value}' is not a date and time: ${wrong}.` };
  if (iso) return { date: new Date(Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))) };
  const date = new Date(y, mo - 1, d, h, mi, s);
  // A local time skipped by a clock change (02:30 when clocks jump to 03:00) comes back moved.
  if (date.getHours() !== h || date.getMinutes() !== mi) return { error: `${value} does not exist in your time zone (${localZone()}): the clocks change then.` };
  return { date };
}

/** The box's validation: undefined when the time is usable. */
export function validateExpiryText(text: string, now: Date): string | undefined {
  const parsed = parseExpiryText(text);
  if ('error' in parsed) return parsed.error;
  const left = parsed.date.getTime() - now.getTime();
  if (left <= 0) return `${localText(parsed.date)} is in the past: pick a time in the future.`;
  if (left < MIN_AHEAD_MS) return `${localText(parsed.date)} is less than a minute away: pick a later time.`;
  if (left > MAX_AHEAD_MS) return `${localText(parsed.date)} is more than a year away: time-boxed access lasts at most a year (use Enable for no end).`;
  return undefined;
}

/** The note under a valid box: how the text was read. */
export function expiryNote(text: string, now: Date): string | undefined {
  const parsed = parseExpiryText(text);
  if ('error' in parsed) return undefined;
  return `Access ends ${localText(parsed.date)} (${localZone()}), in ${longDuration(parsed.date.getTime() - now.getTime())}.`;
}
