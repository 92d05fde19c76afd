// Systems waiting for approval: `/org/{orgId}/unapproved-systems`. Listing, get and patch come
// from OrgCollection.
import type { CallOptions, Transport } from './options';
import { OrgCollection } from './orgCollection';
import type { UnapprovedSystem, UnapprovedSystemListQuery, UnapprovedSystemPatch } from './types';

export class UnapprovedSystemsApi extends OrgCollection<UnapprovedSystem, UnapprovedSystemListQuery, UnapprovedSystemPatch, string> {
  constructor(t: Transport) {
    super(t, 'unapproved-systems', 'systemIds');
  }

  /** Moves the system to the enrolled list. The API's answer body is not relied on. */
  async approve(orgId: string, systemId: string, options?: CallOptions): Promise<void> {
    await this.t.request('PUT', `${this.one(orgId, systemId)}/approve`, { ...options, response: 'optional' });
  }

  /** Number actually approved; the call succeeds even when some IDs were not. */
  async approveMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return this.putMany(orgId, 'approve', 'systemsApproved', systemIds, options);
  }

  /** Rejects the enrolment; resolves to the system as it was. */
  async decline(orgId: string, systemId: string, options?: CallOptions): Promise<UnapprovedSystem> {
    return this.remove(orgId, systemId, options);
  }

  async declineMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return this.removeMany(orgId, 'systemsDeclined', systemIds, options);
  }
}
