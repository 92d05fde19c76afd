// An organisation's activity log (reference §2.10, §3.12): entries kept oldest first, served
// newest first. Every change the store makes is written here with who made it: the caller of
// the API request being answered (the token's user name and the caller's address), or nobody
// for what the server does by itself (expiries) or an agent does (enrolling).
import type { ActivityLogLevel, EnclaveSystem, EnrolmentKey, LogEntry, UnapprovedSystem } from '../../src/api/types';

export interface Actor {
  userName: string | null;
  ipAddress: string | null;
}

/** What the server does on its own: no user, no address. */
export const SERVER: Actor = { userName: null, ipAddress: null };

/** What a test may pass to Store.addLogEntry; missing fields default to now / Information / null. */
export interface LogEntryInput {
  message: string;
  level?: ActivityLogLevel;
  userName?: string | null;
  ipAddress?: string | null;
  /** Epoch ms, a Date, or wire text; default the store's now. */
  timeStamp?: number | Date | string;
}

export class ActivityLog {
  /** Ascending by time; entries with equal times keep their insertion order. */
  private readonly entries: Array<{ at: number; entry: LogEntry }>;
  private newest?: LogEntry[];

  constructor(seed: readonly LogEntry[] = []) {
    this.entries = seed.map((entry) => ({ at: Date.parse(entry.timeStamp), entry }));
    this.entries.sort((a, b) => a.at - b.at);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Inserted in time order, so an entry dated in the past (a test's, or a late expiry) sorts right. */
  add(at: number, entry: LogEntry): LogEntry {
    let i = this.entries.length;
    while (i > 0 && this.entries[i - 1].at > at) i--;
    this.entries.splice(i, 0, { at, entry });
    this.newest = undefined;
    return entry;
  }

  /** Newest first, as the API serves it. The array is shared until the next add: do not modify it. */
  newestFirst(): readonly LogEntry[] {
    this.newest ??= this.entries.map((e) => e.entry).reverse();
    return this.newest;
  }
}

// Messages in the portal's manner: the kind of item, its name in quotes, what happened, e.g.
// "System 'Web Server' (AB12C) disabled", "Enrolment key 'Laptops' created".

/** `'Web Server' (AB12C)`, or just the ID when the system has no name. */
export function systemName(s: Pick<EnclaveSystem | UnapprovedSystem, 'systemId' | 'description' | 'hostname'>): string {
  const name = s.description || s.hostname;
  return name ? `'${name}' (${s.systemId})` : s.systemId;
}

export function keyName(k: Pick<EnrolmentKey, 'description'>): string {
  return `'${k.description}'`;
}

/** "until 2030-01-15 13:30 UTC, then disabled". */
export function untilText(expiryMs: number | undefined, raw: string, then: string): string {
  const when = expiryMs === undefined ? raw : `${new Date(expiryMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `until ${when}, then ${then}`;
}

/** " (description, tags)" for an update message; empty when nothing named was sent. */
export function fieldsText(fields: readonly string[]): string {
  return fields.length > 0 ? ` (${fields.join(', ')})` : '';
}
