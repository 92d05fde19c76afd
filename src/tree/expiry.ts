// When an item's time-boxed access ends (its `autoExpire`), and how the tree says so: "disables
// in 3 h" in the description, "Disables at 4 Dec 2026, 21:55 (in 3 h 12 min)" in the tooltip.
// Pure and `vscode`-free, with `now` passed in, so it is unit-tested; both bundles use it. It reads
// the instant with src/time/expiry.ts, as the client and the local server do.
import { expiryInstant as instantOf } from '../time/expiry';
import type { AutoExpire } from '../api/types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The instant access ends, read as the local server reads it (`src/time/expiry.ts`: a time
 * without an offset is wall-clock time in `timeZoneId`). A zone unknown here falls back to UTC,
 * so the row still says roughly when; undefined when the time itself is unreadable.
 */
export function expiryInstant(autoExpire: AutoExpire | null | undefined): Date | undefined {
  if (!autoExpire || typeof autoExpire.expiryDateTime !== 'string') return undefined;
  const ms = instantOf(autoExpire) ?? instantOf({ ...autoExpire, timeZoneId: null });
  return ms === undefined ? undefined : new Date(ms);
}

/** "3 d", "3 h", "25 min", "<1 min": the description's remaining time, one unit. */
export function shortDuration(ms: number): string {
  if (ms < MINUTE) return '<1 min';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h`;
  return `${Math.floor(ms / DAY)} d`;
}

/** "3 h 12 min", "2 d 5 h", "25 min": the tooltip's remaining time, two units. */
export function longDuration(ms: number): string {
  if (ms < HOUR) return shortDuration(ms);
  const [big, small, bigUnit, smallUnit] = ms < DAY ? [HOUR, MINUTE, 'h', 'min'] : [DAY, HOUR, 'd', 'h'];
  const rest = Math.floor((ms % big) / small);
  return `${Math.floor(ms / big)} ${bigUnit}${rest > 0 ? ` ${rest} ${smallUnit}` : ''}`;
}

/** What happens at expiry, for an item of this kind: a system is revoked, a key deleted. */
export type DeleteWord = 'revoked' | 'deleted';

interface Shown {
  readonly at: Date;
  readonly left: number;
  /** "disables", "revoked", "deleted". */
  readonly verb: string;
}

function shown(autoExpire: AutoExpire | null | undefined, enabled: boolean, deleted: DeleteWord, now: Date): Shown | undefined {
  const at = expiryInstant(autoExpire);
  if (!at || !autoExpire) return undefined;
  const action = autoExpire.expiryAction;
  // A disabled item that would be disabled at expiry has nothing left to lose.
  if (action === 'Disable' && !enabled) return undefined;
  const verb = action === 'Disable' ? 'disables' : action === 'Delete' ? deleted : String(action ?? '').toLowerCase() || 'expires';
  return { at, left: at.getTime() - now.getTime(), verb };
}

/** "disables in 3 h", "revoked in 25 min", "expired"; undefined without an expiry to show. */
export function expiryDescription(autoExpire: AutoExpire | null | undefined, enabled: boolean, deleted: DeleteWord, now: Date): string | undefined {
  const s = shown(autoExpire, enabled, deleted, now);
  if (!s) return undefined;
  return s.left <= 0 ? 'expired' : `${s.verb} in ${shortDuration(s.left)}`;
}

/** The tooltip line as [label, value]: ["Disables at", "4 Dec 2026, 21:55 (in 3 h 12 min)"]. */
export function expiryTooltip(autoExpire: AutoExpire | null | undefined, enabled: boolean, deleted: DeleteWord, now: Date): [string, string] | undefined {
  const s = shown(autoExpire, enabled, deleted, now);
  if (!s) return undefined;
  const local = s.at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const label = s.verb.charAt(0).toUpperCase() + s.verb.slice(1);
  if (s.left > 0) return [`${label} at`, `${local} (in ${longDuration(s.left)})`];
  const then = s.verb === 'disables' ? 'disabled' : s.verb;
  return ['Expired at', `${local} (${longDuration(-s.left)} ago), to be ${then}`];
}

/**
 * When the shown remaining time next changes (epoch ms): each minute within the last day (the
 * tooltip counts minutes), each hour before that; the moment of expiry itself; undefined once
 * expired ("expired" stays as it is).
 */
export function nextExpiryChange(autoExpire: AutoExpire | null | undefined, enabled: boolean, now: number): number | undefined {
  const s = shown(autoExpire, enabled, 'deleted', new Date(now));
  if (!s || s.left <= 0) return undefined;
  const step = s.left <= DAY ? MINUTE : HOUR;
  return now + (s.left % step || step);
}
