// Enrolled systems: `/org/{orgId}/systems`.
import { bulk } from './bulk';
import type { CallOptions, Transport, WalkOptions } from './options';
import { collect, fetchPage, walkPages } from './pagination';
import { anArray, anObject } from './shapes';
import type { AutoExpire, EnclaveSystem, Page, SearchKey, SystemListQuery, SystemPatch } from './types';
import { listQuery, seg } from './url';

export class SystemsApi {
  constructor(private readonly t: Transport) {}

  /** One page (0-based `page`, `perPage` up to 200). */
  async list(orgId: string, query?: SystemListQuery, options?: CallOptions): Promise<Page<EnclaveSystem>> {
    return fetchPage(this.t, this.base(orgId), listQuery(query), options);
  }

  /** Every matching system, pages fetched in parallel, yielded in order. `query.page` is ignored. */
  async *all(orgId: string, query?: SystemListQuery, options?: WalkOptions): AsyncIterable<EnclaveSystem> {
    yield* walkPages(this.t, this.base(orgId), listQuery({ ...query, page: undefined }), options);
  }

  async listAll(orgId: string, query?: SystemListQuery, options?: WalkOptions): Promise<EnclaveSystem[]> {
    return collect(this.all(orgId, query, options));
  }

  async get(orgId: string, systemId: string, options?: CallOptions): Promise<EnclaveSystem> {
    return this.t.request('GET', this.one(orgId, systemId), { ...options, expect: anObject });
  }

  /** Changes only the fields present; lists (tags, routes) replace the whole list. Never retried. */
  async patch(orgId: string, systemId: string, patch: SystemPatch, options?: CallOptions): Promise<EnclaveSystem> {
    return this.t.request('PATCH', this.one(orgId, systemId), { ...options, body: patch, expect: anObject });
  }

  async enable(orgId: string, systemId: string, options?: CallOptions): Promise<EnclaveSystem> {
    return this.t.request('PUT', `${this.one(orgId, systemId)}/enable`, { ...options, expect: anObject });
  }

  async disable(orgId: string, systemId: string, options?: CallOptions): Promise<EnclaveSystem> {
    return this.t.request('PUT', `${this.one(orgId, systemId)}/disable`, { ...options, expect: anObject });
  }

  /** Enables the system now and applies `autoExpire.expiryAction` (Disable, or Delete = revoke) later. */
  async enableUntil(orgId: string, systemId: string, autoExpire: AutoExpire, options?: CallOptions): Promise<EnclaveSystem> {
    return this.t.request('PUT', `${this.one(orgId, systemId)}/enable-until`, { ...options, body: autoExpire, expect: anObject });
  }

  /** Number of systems actually changed (already-enabled or unknown IDs are not counted). */
  async enableMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return bulk(this.t, { method: 'PUT', path: `${this.base(orgId)}/enable`, idsField: 'systemIds', countField: 'systemsUpdated' }, systemIds, options);
  }

  async disableMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return bulk(this.t, { method: 'PUT', path: `${this.base(orgId)}/disable`, idsField: 'systemIds', countField: 'systemsUpdated' }, systemIds, options);
  }

  /** Permanently removes the system; resolves to the system as it was. */
  async revoke(orgId: string, systemId: string, options?: CallOptions): Promise<EnclaveSystem> {
    return this.t.request('DELETE', this.one(orgId, systemId), { ...options, expect: anObject });
  }

  async revokeMany(orgId: string, systemIds: readonly string[], options?: CallOptions): Promise<number> {
    return bulk(this.t, { method: 'DELETE', path: this.base(orgId), idsField: 'systemIds', countField: 'systemsRevoked' }, systemIds, options);
  }

  /** The search terms the `search` query understands (e.g. `tags:`, `state:`). */
  async searchKeys(orgId: string, options?: CallOptions): Promise<SearchKey[]> {
    return this.t.request('GET', `${this.base(orgId)}/meta/search-keys`, { ...options, expect: anArray });
  }

  private base(orgId: string): string {
    return `/org/${seg(orgId)}/systems`;
  }

  private one(orgId: string, systemId: string): string {
    return `${this.base(orgId)}/${seg(systemId)}`;
  }
}
