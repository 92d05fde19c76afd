// Systems waiting for approval: `/org/{orgId}/unapproved-systems`.
import { bulk } from './bulk';
import type { CallOptions, Transport, WalkOptions } from './options';
import { collect, fetchPage, walkPages } from './pagination';
import { anArray, anObject } from './shapes';
import type { Page, SearchKey, UnapprovedSystem, UnapprovedSystemListQuery, UnapprovedSystemPatch } from './types';
import { listQuery, seg } from './url';

export class UnapprovedSystemsApi {
  constructor(private readonly t: Transport) {}

  async list(orgId: string, query?: UnapprovedSystemListQuery, options?: CallOptions): Promise<Page<UnapprovedSystem>> {
    return fetchPage(this.t, this.base(orgId), listQuery(query), options);
  }

  /** Every matching pending system, pages fetched in parallel, yielded in order. */
  async *all(orgId: string, query?: UnapprovedSystemListQuery, options?: WalkOptions): AsyncIterable<UnapprovedSystem> {
    yield* walkPages(this.t, this.base(orgId), listQuery({ ...query, page: undefined }), options);
  }

  async listAll(orgId: string, query?: UnapprovedSystemListQuery, options?: WalkOptions): Promise<UnapprovedSystem[]> {
    return collect(this.all(orgId, query, options));
  }

  async get(orgId: string, systemId: string, options?: CallOptions): Promise<UnapprovedSystem> {
    return this.t.request('GET', this.one(orgId, systemId), { ...options, expect: anObject });
  }

  async patch(orgId: string, systemId: string, patch: UnapprovedSystemPatch, options?: CallOptions): Promise<UnapprovedSystem> {
    return this.t.request('PATCH', this.one(orgId, systemId), { ...options, body: patch, expect: anObject });
  }

  /** Moves the system to the enrolled list. The API's answer body is not relied on. */
  async approve(orgId: string, systemId: string, options?: CallOptions): Promise<void> {
    await this.t.request('PUT', `${this.one(orgId, systemId)}/approve`, { ...options, response: 'optional' });
  }

  /** Number actually approved; the call succeeds even when some IDs were not. */
  async approveMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return bulk(this.t, { method: 'PUT', path: `${this.base(orgId)}/approve`, idsField: 'systemIds', countField: 'systemsApproved' }, systemIds, options);
  }

  /** Rejects the enrolment; resolves to the system as it was. */
  async decline(orgId: string, systemId: string, options?: CallOptions): Promise<UnapprovedSystem> {
    return this.t.request('DELETE', this.one(orgId, systemId), { ...options, expect: anObject });
  }

  async declineMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return bulk(this.t, { method: 'DELETE', path: this.base(orgId), idsField: 'systemIds', countField: 'systemsDeclined' }, systemIds, options);
  }

  async searchKeys(orgId: string, options?: CallOptions): Promise<SearchKey[]> {
    return this.t.request('GET', `${this.base(orgId)}/meta/search-keys`, { ...options, expect: anArray });
  }

  private base(orgId: string): string {
    return `/org/${seg(orgId)}/unapproved-systems`;
  }

  private one(orgId: string, systemId: string): string {
    return `${this.base(orgId)}/${seg(systemId)}`;
  }
}
