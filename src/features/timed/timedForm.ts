// The answers of "Enable for…" and the AutoExpire body they make. A duration ("1 hour") is
// counted from the moment the request is sent — also on Retry — while a typed date and time is
// absolute. No `vscode` here.
import type { AutoExpire, ExpiryAction } from '../../api/types';
import { autoExpireAt } from '../../time/expiry';
import { localZone, parseExpiryText } from './expiryInput';

const HOUR = 3_600_000;

/** Every field a string, so Back and Edit Again keep them in the multi-step state. */
export interface TimedForm {
  /** A DURATIONS value. */
  duration: string;
  /** The typed date and time, when duration is 'until'. */
  until: string;
  /** 'Disable' or 'Delete' (revoke, for systems). */
  action: string;
}

export const UNTIL = 'until';

export const DURATIONS: readonly { readonly value: string; readonly label: string; readonly ms?: number }[] = [
  { value: '1h', label: '1 hour', ms: HOUR },
  { value: '8h', label: '8 hours', ms: 8 * HOUR },
  { value: '1d', label: '1 day', ms: 24 * HOUR },
  { value: UNTIL, label: 'Until a date and time…' },
];

export function initialForm(): TimedForm {
  return { duration: '1h', until: '', action: 'Disable' };
}

/** When access ends for these answers, counted from `now`; undefined for an unreadable typed time. */
export function expiryOf(form: TimedForm, now: Date): Date | undefined {
  const preset = DURATIONS.find((d) => d.value === form.duration && d.ms !== undefined);
  if (preset?.ms !== undefined) return new Date(now.getTime() + preset.ms);
  const parsed = parseExpiryText(form.until);
  return 'date' in parsed ? parsed.date : undefined;
}

/** The enable-until body: the instant in UTC, this machine's zone, the action. */
export function autoExpireOf(form: TimedForm, now: Date): AutoExpire {
  const at = expiryOf(form, now);
  if (!at) throw new Error(`'${form.until}' is not a date and time`);
  return autoExpireAt(at, form.action as ExpiryAction, localZone());
}

/** "2026-12-05 18:00" in local time: how the date box is pre-filled. */
export function localInputText(date: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
