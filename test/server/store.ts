// In-memory state of every organisation, plus the entity operations that keep derived fields
// (state, status, key counts, org counters) consistent. Routes validate; the store applies.
// Every operation that changes something writes an activity log entry (activity.ts) in the name
// of the current actor: the API caller while a request is answered (StoreBase.as), else nobody
// (the server itself, e.g. a timed expiry).
import { expiryInstant } from '../../src/time/expiry';
import type { AutoExpire, EnclaveSystem, EnrolmentKey, OrganisationPatch, OrganisationProperties, UnapprovedSystem } from '../../src/api/types';
import { fieldsText, keyName, systemName, untilText } from './activity';
import { keyStatus, makeSystem, systemState, virtualAddress } from './entities';
import { GeneratorOptions, SeedData, generate } from './generator';
import { restyle } from './time';
import { createKey, enrol, EnrolDetails, KeyCreateFields } from './store-enrol';
import { OrgState, StoreBase } from './store-base';
import { expireDue } from './store-expiry';

export type { OrgState, TagInfo } from './store-base';

export type SystemChanges = Partial<Pick<EnclaveSystem, 'description' | 'isEnabled' | 'gatewayRoutes' | 'tags' | 'notes'>>;
export type UnapprovedChanges = Partial<Pick<UnapprovedSystem, 'description' | 'tags' | 'notes'>>;
export type KeyChanges = Partial<Pick<EnrolmentKey, 'description' | 'isEnabled' | 'approvalMode' | 'usesRemaining'
  | 'ipConstraints' | 'tags' | 'disconnectedRetentionMinutes' | 'notes' | 'autoExpire'>>;

/** "enabled until 2030-01-15 13:30 UTC, then disabled" */
function enabledUntil(autoExpire: AutoExpire, deleted: string): string {
  return `enabled ${untilText(expiryInstant(autoExpire), autoExpire.expiryDateTime, autoExpire.expiryAction === 'Delete' ? deleted : 'disabled')}`;
}

export class Store extends StoreBase {
  constructor(data: SeedData) {
    super(data);
    // A test that moves the clock sees the expiries it passed applied before its next assertion.
    this.clock.onMove(() => this.expireDue());
  }

  static generate(options: GeneratorOptions): Store {
    return new Store(generate(options));
  }

  /** Applies every timed expiry that is due (store-expiry.ts); the server calls it before each request. Returns how many. */
  expireDue(): number {
    return expireDue(this, this.now());
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

  updateOrganisation(org: OrgState, changes: OrganisationPatch): OrganisationProperties {
    const name = org.properties.name;
    Object.assign(org.properties, changes);
    this.changed(org);
    this.note(org, `Organisation '${name}' updated${fieldsText(Object.keys(changes))}`);
    return org.properties;
  }

  updateSystem(org: OrgState, s: EnclaveSystem, changes: SystemChanges): EnclaveSystem {
    const { isEnabled, ...rest } = changes;
    Object.assign(s, rest);
    if (Object.keys(rest).length > 0) this.note(org, `System ${systemName(s)} updated${fieldsText(Object.keys(rest))}`);
    if (isEnabled !== undefined) this.setSystemEnabled(org, s, isEnabled);
    this.changed(org);
    return s;
  }

  /**
   * Enabling or disabling clears any timed expiry (enable-until sets one afterwards).
   * @param why added to the log entry, e.g. why the server did it
   * @returns whether isEnabled changed, which is what bulk counts count
   */
  setSystemEnabled(org: OrgState, s: EnclaveSystem, enabled: boolean, autoExpire: AutoExpire | null = null, why = ''): boolean {
    const changed = s.isEnabled !== enabled;
    const hadExpiry = !!s.autoExpire;
    if (changed && !enabled && s.connectedAt) s.lastSeen = this.timestamp('offset');
    if (changed) s.connectedAt = null; // disabling drops the tunnel; an enabled system has to reconnect
    s.isEnabled = enabled;
    s.autoExpire = autoExpire;
    s.state = systemState(s);
    this.changed(org);
    if (autoExpire) this.note(org, `System ${systemName(s)} ${enabledUntil(autoExpire, 'revoked')}`);
    else if (changed || hadExpiry) this.note(org, `System ${systemName(s)} ${enabled ? 'enabled' : 'disabled'}${why}`);
    return changed;
  }

  revokeSystem(org: OrgState, systemId: string, why = ''): EnclaveSystem | undefined {
    const s = org.systems.get(systemId.toUpperCase());
    if (!s) return undefined;
    org.systems.delete(s.systemId);
    const key = org.keys.get(s.enrolmentKeyId);
    if (key && !s.enrolmentKeyIsDeleted) key.enrolledCount = Math.max(0, key.enrolledCount - 1);
    this.changed(org);
    this.note(org, `System ${systemName(s)} revoked${why}`);
    return s;
  }

  updateUnapproved(org: OrgState, u: UnapprovedSystem, changes: UnapprovedChanges): UnapprovedSystem {
    Object.assign(u, changes);
    this.changed(org);
    this.note(org, `Pending system ${systemName(u)} updated${fieldsText(Object.keys(changes))}`);
    return u;
  }

  declineSystem(org: OrgState, systemId: string): UnapprovedSystem | undefined {
    const u = org.unapproved.get(systemId.toUpperCase());
    if (!u) return undefined;
    org.unapproved.delete(u.systemId);
    const key = org.keys.get(u.enrolmentKeyId);
    if (key && !u.enrolmentKeyIsDeleted) key.unapprovedCount = Math.max(0, key.unapprovedCount - 1);
    this.changed(org);
    this.note(org, `System ${systemName(u)} declined`);
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
    this.note(org, `System ${systemName(s)} approved`);
    return s;
  }

  createKey(org: OrgState, fields: KeyCreateFields): EnrolmentKey {
    const key = createKey(this, fields);
    org.keys.set(key.id, key);
    this.changed(org);
    this.note(org, `Enrolment key ${keyName(key)} created`);
    return key;
  }

  updateKey(org: OrgState, k: EnrolmentKey, changes: KeyChanges): EnrolmentKey {
    const [name, wasEnabled] = [keyName(k), k.isEnabled];
    Object.assign(k, changes);
    k.status = keyStatus(k);
    if (changes.description !== undefined) {
      for (const s of org.systems.values()) if (s.enrolmentKeyId === k.id) s.enrolmentKeyDescription = k.description;
      for (const u of org.unapproved.values()) if (u.enrolmentKeyId === k.id) u.enrolmentKeyDescription = k.description;
    }
    this.changed(org);
    const fields = Object.keys(changes).filter((f) => f !== 'isEnabled');
    if (fields.length > 0) this.note(org, `Enrolment key ${name} updated${fieldsText(fields)}`);
    if (k.isEnabled !== wasEnabled) this.note(org, `Enrolment key ${keyName(k)} ${k.isEnabled ? 'enabled' : 'disabled'}`);
    return k;
  }

  /**
   * @param why added to the log entry, e.g. why the server did it
   * @returns whether isEnabled changed
   */
  setKeyEnabled(org: OrgState, k: EnrolmentKey, enabled: boolean, autoExpire: AutoExpire | null = null, why = ''): boolean {
    const changed = k.isEnabled !== enabled;
    const hadExpiry = !!k.autoExpire;
    k.isEnabled = enabled;
    k.autoExpire = autoExpire;
    k.status = keyStatus(k);
    this.changed(org);
    if (autoExpire) this.note(org, `Enrolment key ${keyName(k)} ${enabledUntil(autoExpire, 'deleted')}`);
    else if (changed || hadExpiry) this.note(org, `Enrolment key ${keyName(k)} ${enabled ? 'enabled' : 'disabled'}${why}`);
    return changed;
  }

  /** Systems enrolled with a deleted key keep its id and description and say it is deleted. */
  deleteKey(org: OrgState, keyId: number, why = ''): EnrolmentKey | undefined {
    const k = org.keys.get(keyId);
    if (!k) return undefined;
    org.keys.delete(keyId);
    for (const s of org.systems.values()) if (s.enrolmentKeyId === keyId) s.enrolmentKeyIsDeleted = true;
    for (const u of org.unapproved.values()) if (u.enrolmentKeyId === keyId) u.enrolmentKeyIsDeleted = true;
    this.changed(org);
    this.note(org, `Enrolment key ${keyName(k)} deleted${why}`);
    return k;
  }

  /** Simulates an agent enrolling with a key (no management route does this); logged with the agent's address. */
  enrol(orgId: string, keyId: number, details: EnrolDetails = {}): EnclaveSystem | UnapprovedSystem {
    const org = this.org(orgId);
    if (!org) throw new Error(`No organisation ${orgId}`);
    const result = enrol(this, org, keyId, details);
    this.changed(org);
    const key = `enrolment key ${keyName(org.keys.get(keyId) as EnrolmentKey)}`;
    const message = 'virtualAddress' in result
      ? `System ${systemName(result)} enrolled with ${key}`
      : `System ${systemName(result)} enrolled with ${key} and is waiting for approval`;
    this.as({ userName: null, ipAddress: result.connectedFrom ?? null }, () => this.note(org, message));
    return result;
  }
}
