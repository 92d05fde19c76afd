// Enrolled systems: `/org/{orgId}/systems`. Listing, get and patch come from OrgCollection.
import type { CallOptions, Transport } from './options';
import { OrgCollection } from './orgCollection';
import type { AutoExpire, EnclaveSystem, SystemListQuery, SystemPatch } from './types';

export class SystemsApi extends OrgCollection<EnclaveSystem, SystemListQuery, SystemPatch, string> {
  constructor(t: Transport) {
    super(t, 'systems', 'systemIds');
  }

  async enable(orgId: string, systemId: string, options?: CallOptions): Promise<EnclaveSystem> {
    return this.put(orgId, systemId, 'enable', undefined, options);
  }

  async disable(orgId: string, systemId: string, options?: CallOptions): Promise<EnclaveSystem> {
    return this.put(orgId, systemId, 'disable', undefined, options);
  }

  /** Enables the system now and applies `autoExpire.expiryAction` (Disable, or Delete = revoke) later. */
  async enableUntil(orgId: string, systemId: string, autoExpire: AutoExpire, options?: CallOptions): Promise<EnclaveSystem> {
    return this.put(orgId, systemId, 'enable-until', autoExpire, options);
  }

  /** Number of systems actually changed (already-enabled or unknown IDs are not counted). */
  async enableMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return this.putMany(orgId, 'enable', 'systemsUpdated', systemIds, options);
  }

  async disableMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return this.putMany(orgId, 'disable', 'systemsUpdated', systemIds, options);
  }

  /** Permanently removes the system; resolves to the system as it was. */
  async revoke(orgId: string, systemId: string, options?: CallOptions): Promise<EnclaveSystem> {
    return this.remove(orgId, systemId, options);
  }

  async revokeMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return this.removeMany(orgId, 'systemsRevoked', systemIds, options);
  }
}
