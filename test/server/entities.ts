// Wire-shaped entity builders and the fields the API derives rather than stores.
import type {
  EnclaveSystem, EnrolmentKey, EnrolmentKeyStatus, SystemState, UnapprovedSystem,
} from '../../src/api/types';

export const VIRTUAL_NETWORK = '100.64.0.0/10';

/** Disabled wins; otherwise a system with a live connection (connectedAt set) is Connected. */
export function systemState(s: Pick<EnclaveSystem, 'isEnabled' | 'connectedAt'>): SystemState {
  if (!s.isEnabled) return 'Disabled';
  return s.connectedAt ? 'Connected' : 'Disconnected';
}

/** Reference §3.7: disabled → Disabled; enabled and no uses left → NoUsesRemaining; else Enabled. */
export function keyStatus(k: Pick<EnrolmentKey, 'isEnabled' | 'usesRemaining'>): EnrolmentKeyStatus {
  if (!k.isEnabled) return 'Disabled';
  return k.usesRemaining === 0 ? 'NoUsesRemaining' : 'Enabled';
}

/** n-th address of 100.64.0.0/10 (n ≥ 1); the /10 holds about four million. */
export function virtualAddress(n: number): string {
  return `100.${64 + ((n >>> 16) & 63)}.${(n >>> 8) & 255}.${n & 255}`;
}

type SystemFields = Omit<EnclaveSystem, 'state'>;

/** Builds a system with the wire's property order and a derived state. */
export function makeSystem(f: SystemFields): EnclaveSystem {
  return {
    systemId: f.systemId, description: f.description ?? null, systemType: f.systemType,
    state: systemState(f), connectedAt: f.connectedAt ?? null, lastSeen: f.lastSeen ?? null,
    enrolledAt: f.enrolledAt, enrolmentKeyId: f.enrolmentKeyId,
    enrolmentKeyDescription: f.enrolmentKeyDescription ?? null, enrolmentKeyIsDeleted: f.enrolmentKeyIsDeleted ?? false,
    isEnabled: f.isEnabled, connectedFrom: f.connectedFrom ?? null, virtualAddress: f.virtualAddress ?? null,
    virtualNetwork: f.virtualNetwork ?? VIRTUAL_NETWORK, hostname: f.hostname ?? null,
    platformType: f.platformType ?? null, osVersion: f.osVersion ?? null, enclaveVersion: f.enclaveVersion ?? null,
    gatewayRoutes: f.gatewayRoutes, tags: f.tags, dns: f.dns ?? [], knownSubnets: f.knownSubnets ?? [],
    notes: f.notes ?? null, disconnectedRetentionMinutes: f.disconnectedRetentionMinutes ?? null,
    autoExpire: f.autoExpire ?? null,
  };
}

export function makeUnapproved(f: UnapprovedSystem): UnapprovedSystem {
  return {
    systemId: f.systemId, systemType: f.systemType, description: f.description ?? null,
    enrolledFrom: f.enrolledFrom ?? null, enrolledAt: f.enrolledAt, tags: f.tags,
    enrolmentKeyId: f.enrolmentKeyId, enrolmentKeyDescription: f.enrolmentKeyDescription ?? null,
    enrolmentKeyIsDeleted: f.enrolmentKeyIsDeleted ?? false, notes: f.notes ?? null, hostname: f.hostname ?? null,
    platformType: f.platformType ?? null, osVersion: f.osVersion ?? null, enclaveVersion: f.enclaveVersion ?? null,
    connectedFrom: f.connectedFrom ?? null,
  };
}

type KeyFields = Omit<EnrolmentKey, 'status'>;

export function makeKey(f: KeyFields): EnrolmentKey {
  return {
    id: f.id, created: f.created, lastUsed: f.lastUsed ?? null, type: f.type, approvalMode: f.approvalMode,
    status: keyStatus(f), key: f.key, description: f.description, isEnabled: f.isEnabled,
    usesRemaining: f.usesRemaining, enrolledCount: f.enrolledCount, unapprovedCount: f.unapprovedCount,
    tags: f.tags, disconnectedRetentionMinutes: f.disconnectedRetentionMinutes ?? null,
    ipConstraints: f.ipConstraints ?? [], notes: f.notes ?? null, autoExpire: f.autoExpire ?? null,
  };
}

// List items use the summary models: types.ts marks these fields "detail model only".
// State and status are re-derived on the way out in case a test edited the store directly.

export function systemView(s: EnclaveSystem, detail: boolean): EnclaveSystem {
  const out = { ...s, state: systemState(s) };
  if (!detail) {
    delete out.dns;
    delete out.knownSubnets;
  }
  return out;
}

export function unapprovedView(u: UnapprovedSystem, detail: boolean): UnapprovedSystem {
  const out = { ...u };
  if (!detail) delete out.notes;
  return out;
}

export function keyView(k: EnrolmentKey, detail: boolean): EnrolmentKey {
  const out = { ...k, status: keyStatus(k) };
  if (!detail) {
    delete out.ipConstraints;
    delete out.notes;
  }
  return out;
}
