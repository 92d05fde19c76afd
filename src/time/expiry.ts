// Timed expiry (`AutoExpire`, reference §3.1): when it happens, as an instant.
//
// `expiryDateTime` comes in two forms. With an offset or `Z` (what the SDK sends:
// `2030-01-15T13:30:00.0000000+00:00`) it is an instant. Without one (IGW sends
// `yyyy-MM-ddTHH:mm`; the API stores `2026-12-31T17:00:00`) it is a wall-clock time in
// `timeZoneId` — UTC when there is none — so `new Date(text)`, which reads it in the *caller's*
// zone, is wrong for it. The tree (remaining time), the client (enable-until bodies) and the local
// server (acting on the expiry) all read it here, so they agree. Dependency-free and outside
// src/api, so the activation bundle can take it without the client.
import type { AutoExpire, ExpiryAction } from '../api/types';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?$/i;

/** Windows zone IDs the API also takes (reference §3.1), mapped to the IANA zone they name. */
const WINDOWS_ZONES: Record<string, string> = {
  'UTC': 'Etc/UTC', 'GMT Standard Time': 'Europe/London', 'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris', 'Central European Standard Time': 'Europe/Warsaw',
  'Eastern Standard Time': 'America/New_York', 'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver', 'Pacific Standard Time': 'America/Los_Angeles',
  'AUS Eastern Standard Time': 'Australia/Sydney', 'Tokyo Standard Time': 'Asia/Tokyo',
  'India Standard Time': 'Asia/Kolkata', 'China Standard Time': 'Asia/Shanghai', 'Singapore Standard Time': 'Asia/Singapore',
};

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter that writes wall-clock fields in `zone`, or null when the zone is unknown. */
function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: WINDOWS_ZONES[zone] ?? zone, hourCycle: 'h23',
        year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** An IANA zone this runtime knows, or one of the common Windows zone IDs. */
export function isKnownTimeZone(zone: string): boolean {
  return zone.trim() !== '' && formatterFor(zone) !== null;
}

/** How far `zone`'s wall clock is ahead of UTC at the instant `ms`. */
function offsetAt(f: Intl.DateTimeFormat, ms: number): number {
  const part: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour % 24, part.minute, part.second);
  return wall - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * Epoch ms at which the expiry happens, or undefined when `expiryDateTime` is not an ISO 8601
 * date and time (up to 7 fractional digits) or names an unknown zone.
 */
export function expiryInstant(autoExpire: Pick<AutoExpire, 'expiryDateTime' | 'timeZoneId'>): number | undefined {
  const m = ISO.exec(autoExpire.expiryDateTime.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 February over into March: a date that does not exist is not a date.
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  const suffix = m[8];
  if (suffix) {
    if (suffix.toUpperCase() === 'Z') return wall;
    const sign = suffix.startsWith('-') ? -1 : 1;
    return wall - sign * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4, 6))) * 60_000;
  }
  const zone = autoExpire.timeZoneId?.trim();
  if (!zone) return wall;
  const f = formatterFor(zone);
  if (!f) return undefined;
  // The zone's offset at the wall time read as UTC is right except within hours of a DST
  // change; one more look at the candidate instant settles it.
  const guess = wall - offsetAt(f, wall);
  return wall - offsetAt(f, guess);
}

/** The body of an enable-until call that ends at `when` (sent as an instant, in UTC). */
export function autoExpireAt(when: Date, expiryAction: ExpiryAction, timeZoneId: string | null = null): AutoExpire {
  return { timeZoneId, expiryDateTime: when.toISOString(), expiryAction };
}
