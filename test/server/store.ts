// In-memory state of every organisation, plus the entity operations that keep derived fields
// (state, status, key counts, org counters) consistent. Routes validate; the store applies.
import type {
  AutoExpire, EnclaveSystem, EnrolmentKey, OrganisationProperties, Role, UnapprovedSystem, UsedTag,
} from '../../src/api/types';
import { TAGS } from './catalog';
import { keyStatus, makeSystem, systemState, virtualAddress } from './entities';
import { GeneratorOptions, SeedData, generate } from './generator';
import { tagRef } from './ids';
import { formatInstant, restyle, TimeStyle } from './time';
import { createKey, enrol, EnrolDetails, KeyCreateFields } from './store-enrol';

export interface TagInfo { ref: string; colour: string | null }

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
  /** Bumped on every change through the store; list caches key on it. */
  version: number;
  nextAddress: number;
}

export type SystemChanges = Partial<Pick<EnclaveSystem, 'description' | 'isEnabled' | 'gatewayRoutes' | 'tags' | 'notes'>>;
export type UnapprovedChanges = Partial<Pick<UnapprovedSystem, 'description' | 'tags' | 'notes'>>;
export type KeyChanges = Partial<Pick<EnrolmentKey, 'description' | 'isEnabled' | 'approvalMode' | 'usesRemaining'
  | 'ipConstraints' | 'tags' | 'disconnectedRetentionMinutes' | 'notes' | 'autoExpire'>>;

export class Store {
  readonly orgs: OrgState[] = [];
  /** Epoch ms of the seed data's "now"; the store clock runs on from it. */
  readonly clock: number;
  nextKeyId: number;
  private readonly byId = new Map<string, OrgState>();
  private readonly wallStart = Date.now();
  private tick = 0;

  constructor(data: SeedData) {
    this.clock = data.clock;
    this.nextKeyId = data.nextKeyId;
    for (const o of data.orgs) {
      const org: OrgState = {
        id: o.properties.id, properties: o.properties, role: o.role, partnerAccess: o.partnerAccess,
        systems: new Map(o.systems.map((s) => [s.systemId, s])),
        unapproved: new Map(o.unapproved.map((u) => [u.systemId, u])),
        keys: new Map(o.keys.map((k) => [k.id, k])),
        tags: new Map(o.tags.map((t) => [t.name, { ref: t.ref, colour: t.colour }])),
        version: 0, nextAddress: o.nextAddress,
      };
      this.orgs.push(org);
      this.byId.set(org.id, org);
    }
  }

  static generate(options: GeneratorOptions): Store {
    return new Store(generate(options));
  }

  /** The simulated current time (epoch ms): the seed clock plus real time elapsed since start. */
  now(): number {
    return this.clock + (Date.now() - this.wallStart);
  }

  timestamp(style: TimeStyle): string {
    this.tick = (this.tick + 1) % 10000;
    return formatInstant(this.now(), this.tick, style);
  }

  org(orgId: string): OrgState | undefined {
    return this.byId.get(orgId.toLowerCase());
  }
  systems(orgId: string): EnclaveSystem[] {
    return [...(this.org(orgId)?.systems.values() ?? [])];
  }
  system(orgId: string, systemId: string): EnclaveSystem | undefined {
    return this.org(orgId)?.systems.get(systemId.toUpperCase());
  }
  unapprovedSystems(orgId: string): UnapprovedSystem[] {
    return [...(this.org(orgId)?.unapproved.values() ?? [])];
  }
  unapprovedSystem(orgId: string, systemId: string): UnapprovedSystem | undefined {
    return this.org(orgId)?.unapproved.get(systemId.toUpperCase());
  }
  keys(orgId: string): EnrolmentKey[] {
    return [...(this.org(orgId)?.keys.values() ?? [])];
  }
  key(orgId: string, keyId: number): EnrolmentKey | undefined {
    return this.org(orgId)?.keys.get(keyId);
  }

  /** Tag names from a request body become UsedTag objects; new names get a stable ref and colour. */
  usedTags(org: OrgState, names: readonly string[]): UsedTag[] {
    return names.map((name) => {
      let info = org.tags.get(name);
      if (!info) {
        const ref = tagRef(org.id, name);
        // New tags get a palette colour picked by their ref, as the portal colours new tags.
        info = { ref, colour: TAGS[parseInt(ref.slice(4, 8), 16) % TAGS.length][1] };
        org.tags.set(name, info);
      }
      return { tag: name, ref: info.ref, colour: info.colour };
    });
  }

  /** Call after changing an org's entities, also when a test edits them directly. */
  changed(org: OrgState): void {
    org.version++;
    org.properties.enrolledSystems = org.systems.size;
    org.properties.unapprovedSystems = org.unapproved.size;
  }

  updateSystem(org: OrgState, s: EnclaveSystem, changes: SystemChanges): EnclaveSystem {
    const { isEnabled, ...rest } = changes;
    Object.assign(s, rest);
    if (isEnabled !== undefined) this.setSystemEnabled(org, s, isEnabled);
    this.changed(org);
    return s;
  }

  /**
   * Enabling or disabling clears any timed expiry (enable-until sets one afterwards).
   * @returns whether isEnabled changed, which is what bulk counts count
   */
  setSystemEnabled(org: OrgState, s: EnclaveSystem, enabled: boolean, autoExpire: AutoExpire | null = null): boolean {
    const changed = s.isEnabled !== enabled;
    if (changed && !enabled && s.connectedAt) s.lastSeen = this.timestamp('offset');
    if (changed) s.connectedAt = null; // disabling drops the tunnel; an enabled system has to reconnect
    s.isEnabled = enabled;
    s.autoExpire = autoExpire;
    s.state = systemState(s);
    this.changed(org);
    return changed;
  }

  revokeSystem(org: OrgState, systemId: string): EnclaveSystem | undefined {
    const s = org.systems.get(systemId.toUpperCase());
    if (!s) return undefined;
    org.systems.delete(s.systemId);
    const key = org.keys.get(s.enrolmentKeyId);
    if (key && !s.enrolmentKeyIsDeleted) key.enrolledCount = Math.max(0, key.enrolledCount - 1);
    this.changed(org);
    return s;
  }

  updateUnapproved(org: OrgState, u: UnapprovedSystem, changes: UnapprovedChanges): UnapprovedSystem {
    Object.assign(u, changes);
    this.changed(org);
    return u;
  }

  declineSystem(org: OrgState, systemId: string): UnapprovedSystem | undefined {
    const u = org.unapproved.get(systemId.toUpperCase());
    if (!u) return undefined;
    org.unapproved.delete(u.systemId);
    const key = org.keys.get(u.enrolmentKeyId);
    if (key && !u.enrolmentKeyIsDeleted) key.unapprovedCount = Math.max(0, key.unapprovedCount - 1);
    this.changed(org);
    return u;
  }

  /** Approval moves the pending system into the enrolled list; its agent, waiting, connects at once. */
  approveSystem(org: OrgState, systemId: string): EnclaveSystem | undefined {
    const u = org.unapproved.get(systemId.toUpperCase());
    if (!u) return undefined;
    const key = u.enrolmentKeyIsDeleted ? undefined : org.keys.get(u.enrolmentKeyId);
    const now = this.timestamp('offset');
    const s = makeSystem({
      systemId: u.systemId, description: u.description, systemType: u.systemType, connectedAt: now, lastSeen: now,
      enrolledAt: restyle(u.enrolledAt, 'offset'), enrolmentKeyId: u.enrolmentKeyId,
      enrolmentKeyDescription: u.enrolmentKeyDescription, enrolmentKeyIsDeleted: u.enrolmentKeyIsDeleted, isEnabled: true,
      connectedFrom: u.connectedFrom, virtualAddress: virtualAddress(org.nextAddress++), hostname: u.hostname,
      platformType: u.platformType, osVersion: u.osVersion, enclaveVersion: u.enclaveVersion, gatewayRoutes: [],
      tags: u.tags, notes: u.notes,
      disconnectedRetentionMinutes: u.systemType === 'Ephemeral' ? key?.disconnectedRetentionMinutes ?? 15 : null,
    });
    org.unapproved.delete(u.systemId);
    org.systems.set(s.systemId, s);
    if (key) {
      key.unapprovedCount = Math.max(0, key.unapprovedCount - 1);
      key.enrolledCount++;
    }
    this.changed(org);
    return s;
  }

  createKey(org: OrgState, fields: KeyCreateFields): EnrolmentKey {
    const key = createKey(this, fields);
    org.keys.set(key.id, key);
    this.changed(org);
    return key;
  }

  updateKey(org: OrgState, k: EnrolmentKey, changes: KeyChanges): EnrolmentKey {
    Object.assign(k, changes);
    k.status = keyStatus(k);
    if (changes.description !== undefined) {
      for (const s of org.systems.values()) if (s.enrolmentKeyId === k.id) s.enrolmentKeyDescription = k.description;
      for (const u of org.unapproved.values()) if (u.enrolmentKeyId === k.id) u.enrolmentKeyDescription = k.description;
    }
    this.changed(org);
    return k;
  }

  /** @returns whether isEnabled changed */
  setKeyEnabled(org: OrgState, k: EnrolmentKey, enabled: boolean, autoExpire: AutoExpire | null = null): boolean {
    const changed = k.isEnabled !== enabled;
    k.isEnabled = enabled;
    k.autoExpire = autoExpire;
    k.status = keyStatus(k);
    this.changed(org);
    return changed;
  }

  /** Systems enrolled with a deleted key keep its id and description and say it is deleted. */
  deleteKey(org: OrgState, keyId: number): EnrolmentKey | undefined {
    const k = org.keys.get(keyId);
    if (!k) return undefined;
    org.keys.delete(keyId);
    for (const s of org.systems.values()) if (s.enrolmentKeyId === keyId) s.enrolmentKeyIsDeleted = true;
    for (const u of org.unapproved.values()) if (u.enrolmentKeyId === keyId) u.enrolmentKeyIsDeleted = true;
    this.changed(org);
    return k;
  }

  /** Simulates an agent enrolling with a key (no management route does this). */
  enrol(orgId: string, keyId: number, details: EnrolDetails = {}): EnclaveSystem | UnapprovedSystem {
    const org = this.org(orgId);
    if (!org) throw new Error(`No organisation ${orgId}`);
    const result = enrol(this, org, keyId, details);
    this.changed(org);
    return result;
  }
}
