// Creating keys and enrolling agents with them: the two ways new entities appear in an org.
import type {
  AutoExpire, EnclaveSystem, EnrolmentKey, IpConstraint, SystemType, ApprovalMode, UnapprovedSystem, UsedTag,
} from '../../src/api/types';
import { makeKey, makeSystem, makeUnapproved, keyStatus, virtualAddress } from './entities';
import { keySecret, randomSystemId } from './ids';
import type { OrgState, Store } from './store';

export interface KeyCreateFields {
  description: string;
  type: SystemType;
  approvalMode: ApprovalMode;
  usesRemaining: number;
  ipConstraints: IpConstraint[];
  tags: UsedTag[];
  disconnectedRetentionMinutes: number | null;
  notes: string | null;
  autoExpire: AutoExpire | null;
}

export interface EnrolDetails {
  systemId?: string;
  description?: string | null;
  hostname?: string | null;
  platformType?: string | null;
  osVersion?: string | null;
  enclaveVersion?: string | null;
  connectedFrom?: string | null;
}

export function createKey(store: Store, f: KeyCreateFields): EnrolmentKey {
  return makeKey({
    id: store.nextKeyId++, created: store.timestamp('Z'), lastUsed: null, type: f.type, approvalMode: f.approvalMode,
    key: keySecret(), description: f.description, isEnabled: true, usesRemaining: f.usesRemaining,
    enrolledCount: 0, unapprovedCount: 0, tags: f.tags, disconnectedRetentionMinutes: f.disconnectedRetentionMinutes,
    ipConstraints: f.ipConstraints, notes: f.notes, autoExpire: f.autoExpire,
  });
}

/**
 * An agent enrols: the key must be enabled with uses left; one use is consumed. Manual keys put
 * the system in the pending list, automatic keys enrol it (connected) straight away.
 */
export function enrol(store: Store, org: OrgState, keyId: number, d: EnrolDetails): EnclaveSystem | UnapprovedSystem {
  const key = org.keys.get(keyId);
  if (!key) throw new Error(`No enrolment key ${keyId} in organisation ${org.id}`);
  if (!key.isEnabled || key.usesRemaining === 0) throw new Error(`Enrolment key ${keyId} is ${keyStatus(key)}`);
  if (key.usesRemaining > 0) key.usesRemaining--;
  key.lastUsed = store.timestamp('Z');
  key.status = keyStatus(key);
  let systemId = d.systemId?.toUpperCase() ?? randomSystemId();
  while (!d.systemId && (org.systems.has(systemId) || org.unapproved.has(systemId))) systemId = randomSystemId();
  const common = {
    systemId, systemType: key.type, description: d.description ?? null, tags: key.tags.map((t) => ({ ...t })),
    enrolmentKeyId: key.id, enrolmentKeyDescription: key.description, enrolmentKeyIsDeleted: false,
    hostname: d.hostname ?? `host-${systemId.toLowerCase()}`, platformType: d.platformType ?? 'Linux',
    osVersion: d.osVersion ?? 'Ubuntu 24.04 LTS', enclaveVersion: d.enclaveVersion ?? '2026.1.1',
    connectedFrom: d.connectedFrom ?? '203.0.113.200',
  };
  if (key.approvalMode === 'Manual') {
    const u = makeUnapproved({ ...common, enrolledFrom: common.connectedFrom, enrolledAt: store.timestamp('Z'), notes: null });
    org.unapproved.set(u.systemId, u);
    key.unapprovedCount++;
    return u;
  }
  const now = store.timestamp('offset');
  const s = makeSystem({
    ...common, connectedAt: now, lastSeen: now, enrolledAt: now, isEnabled: true,
    virtualAddress: virtualAddress(org.nextAddress++), gatewayRoutes: [], notes: null,
    disconnectedRetentionMinutes: key.type === 'Ephemeral' ? key.disconnectedRetentionMinutes ?? 15 : null,
  });
  org.systems.set(s.systemId, s);
  key.enrolledCount++;
  return s;
}
