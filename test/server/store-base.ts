// The store's foundation: organisations by ID, the clock, tag refs, the change counter that list
// caches key on, and the activity log with the actor it is written for. The entity operations
// built on it are in store.ts.
import type { ActivityLogLevel, EnclaveSystem, EnrolmentKey, LogEntry, OrganisationProperties, Role, UnapprovedSystem, UsedTag } from '../../src/api/types';
import { Actor, ActivityLog, LogEntryInput, SERVER } from './activity';
import { TAGS } from './catalog';
import { SimClock } from './clock';
import type { SeedData } from './generator';
import { tagRef } from './ids';
import { formatInstant, TimeStyle } from './time';

export interface TagInfo {
  ref: string;
  colour: string | null;
  /** When a system or key last took the tag (epoch ms), null if never. */
  lastReferenced: number | null;
}

export interface OrgState {
  readonly id: string;
  properties: OrganisationProperties;
  role: Role;
  partnerAccess: boolean;
  readonly systems: Map<string, EnclaveSystem>;
  readonly unapproved: Map<string, UnapprovedSystem>;
  readonly keys: Map<number, EnrolmentKey>;
  /** Every tag name the org has used, so refs and colours stay stable. */
  readonly tags: Map<string, TagInfo>;
  /** The activity log (GET /logs). Not part of `version`: list caches do not depend on it. */
  readonly log: ActivityLog;
  /** Bumped on every change through the store; list caches key on it. */
  version: number;
  nextAddress: number;
}

export class StoreBase {
  readonly orgs: OrgState[] = [];
  /** Starts at the seed data's "now" and runs on in real time; tests move it (clock.ts). */
  readonly clock: SimClock;
  nextKeyId: number;
  private readonly byId = new Map<string, OrgState>();
  private tick = 0;
  private context: { actor: Actor; at?: number } = { actor: SERVER };

  constructor(data: SeedData) {
    this.clock = new SimClock(data.clock);
    this.nextKeyId = data.nextKeyId;
    for (const o of data.orgs) {
      const org: OrgState = {
        id: o.properties.id, properties: o.properties, role: o.role, partnerAccess: o.partnerAccess,
        systems: new Map(o.systems.map((s) => [s.systemId, s])),
        unapproved: new Map(o.unapproved.map((u) => [u.systemId, u])),
        keys: new Map(o.keys.map((k) => [k.id, k])),
        tags: new Map(o.tags.map((t) => [t.name, { ref: t.ref, colour: t.colour, lastReferenced: t.lastReferenced ? Date.parse(t.lastReferenced) : null }])),
        log: new ActivityLog(o.log), version: 0, nextAddress: o.nextAddress,
      };
      this.orgs.push(org);
      this.byId.set(org.id, org);
    }
  }

  /** The simulated current time (epoch ms), see `clock`. */
  now(): number {
    return this.clock.now();
  }

  timestamp(style: TimeStyle, at = this.now()): string {
    this.tick = (this.tick + 1) % 10000;
    return formatInstant(at, this.tick, style);
  }

  org(orgId: string): OrgState | undefined {
    return this.byId.get(orgId.toLowerCase());
  }

  /** Call after changing an org's entities, also when a test edits them directly. */
  changed(org: OrgState): void {
    org.version++;
    org.properties.enrolledSystems = org.systems.size;
    org.properties.unapprovedSystems = org.unapproved.size;
  }

  /** Tag names from a request body become UsedTag objects; new names get a stable ref and colour. */
  usedTags(org: OrgState, names: readonly string[]): UsedTag[] {
    return names.map((name) => {
      let info = org.tags.get(name);
      if (!info) {
        const ref = tagRef(org.id, name);
        // New tags get a palette colour picked by their ref, as the portal colours new tags.
        info = { ref, colour: TAGS[parseInt(ref.slice(4, 8), 16) % TAGS.length][1], lastReferenced: null };
        org.tags.set(name, info);
      }
      info.lastReferenced = this.now();
      return { tag: name, ref: info.ref, colour: info.colour };
    });
  }

  /** Runs `fn` with its changes logged in the name of `actor` (and dated `at`, epoch ms, if given). */
  as<T>(actor: Actor, fn: () => T, at?: number): T {
    const previous = this.context;
    this.context = { actor, at };
    try {
      return fn();
    } finally {
      this.context = previous;
    }
  }

  /** The organisation's activity log, newest first (what GET /logs pages through). */
  logEntries(orgId: string): readonly LogEntry[] {
    return this.org(orgId)?.log.newestFirst() ?? [];
  }

  /** Adds an entry as if the API had logged it, e.g. a Warning or an Error the server never makes itself. */
  addLogEntry(orgId: string, input: LogEntryInput): LogEntry {
    const org = this.org(orgId);
    if (!org) throw new Error(`No organisation ${orgId}`);
    const t = input.timeStamp;
    const at = t === undefined ? this.now() : typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
    if (!Number.isFinite(at)) throw new Error(`Not a time: ${String(t)}`);
    return org.log.add(at, {
      timeStamp: this.timestamp('Z', at), level: input.level ?? 'Information', message: input.message,
      userName: input.userName ?? null, ipAddress: input.ipAddress ?? null,
    });
  }

  /** Logs a change in the name of the current actor. */
  protected note(org: OrgState, message: string, level: ActivityLogLevel = 'Information'): void {
    const { actor, at = this.now() } = this.context;
    org.log.add(at, { timeStamp: this.timestamp('Z', at), level, message, userName: actor.userName, ipAddress: actor.ipAddress });
  }
}
