// The organisation itself: `GET` and `PATCH /org/{orgId}`.
import type { CallOptions, Transport } from './options';
import { anObject } from './shapes';
import type { OrganisationPatch, OrganisationProperties } from './types';
import { seg } from './url';

export class OrganisationsApi {
  constructor(private readonly t: Transport) {}

  async get(orgId: string, options?: CallOptions): Promise<OrganisationProperties> {
    return this.t.request('GET', `/org/${seg(orgId)}`, { ...options, expect: anObject });
  }

  /** Changes only the fields present; `null` clears a field. Never retried automatically. */
  async patch(orgId: string, patch: OrganisationPatch, options?: CallOptions): Promise<OrganisationProperties> {
    return this.t.request('PATCH', `/org/${seg(orgId)}`, { ...options, body: patch, expect: anObject });
  }
}
