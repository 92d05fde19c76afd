// Enrolment keys: `/org/{orgId}/enrolment-keys`. Key IDs are integers; the `key` field of the
// model is the enrolment secret, so callers should treat these objects with care.
import { bulk } from './bulk';
import type { CallOptions, Transport, WalkOptions } from './options';
import { collect, fetchPage, walkPages } from './pagination';
import { anArray, anObject } from './shapes';
import type { AutoExpire, EnrolmentKey, EnrolmentKeyCreate, EnrolmentKeyListQuery, EnrolmentKeyPatch, Page, SearchKey } from './types';
import { listQuery, seg } from './url';

export class EnrolmentKeysApi {
  constructor(private readonly t: Transport) {}

  async list(orgId: string, query?: EnrolmentKeyListQuery, options?: CallOptions): Promise<Page<EnrolmentKey>> {
    return fetchPage(this.t, this.base(orgId), listQuery(query), options);
  }

  /** Every matching key, pages fetched in parallel, yielded in order. */
  async *all(orgId: string, query?: EnrolmentKeyListQuery, options?: WalkOptions): AsyncIterable<EnrolmentKey> {
    yield* walkPages(this.t, this.base(orgId), listQuery({ ...query, page: undefined }), options);
  }

  async listAll(orgId: string, query?: EnrolmentKeyListQuery, options?: WalkOptions): Promise<EnrolmentKey[]> {
    return collect(this.all(orgId, query, options));
  }

  async get(orgId: string, keyId: number, options?: CallOptions): Promise<EnrolmentKey> {
    return this.t.request('GET', this.one(orgId, keyId), { ...options, expect: anObject });
  }

  /** Creates a key. Never retried automatically: a lost answer must not make a second key. */
  async create(orgId: string, body: EnrolmentKeyCreate, options?: CallOptions): Promise<EnrolmentKey> {
    return this.t.request('POST', this.base(orgId), { ...options, body, expect: anObject });
  }

  async patch(orgId: string, keyId: number, patch: EnrolmentKeyPatch, options?: CallOptions): Promise<EnrolmentKey> {
    return this.t.request('PATCH', this.one(orgId, keyId), { ...options, body: patch, expect: anObject });
  }

  async enable(orgId: string, keyId: number, options?: CallOptions): Promise<EnrolmentKey> {
    return this.t.request('PUT', `${this.one(orgId, keyId)}/enable`, { ...options, expect: anObject });
  }

  async disable(orgId: string, keyId: number, options?: CallOptions): Promise<EnrolmentKey> {
    return this.t.request('PUT', `${this.one(orgId, keyId)}/disable`, { ...options, expect: anObject });
  }

  async enableUntil(orgId: string, keyId: number, autoExpire: AutoExpire, options?: CallOptions): Promise<EnrolmentKey> {
    return this.t.request('PUT', `${this.one(orgId, keyId)}/enable-until`, { ...options, body: autoExpire, expect: anObject });
  }

  /** Number of keys actually changed. */
  async enableMany(orgId: string, keyIds: readonly number[], options?: CallOptions): Promise<number> {
    return bulk(this.t, { method: 'PUT', path: `${this.base(orgId)}/enable`, idsField: 'keyIds', countField: 'keysModified' }, keyIds, options);
  }

  async disableMany(orgId: string, keyIds: readonly number[], options?: CallOptions): Promise<number> {
    return bulk(this.t, { method: 'PUT', path: `${this.base(orgId)}/disable`, idsField: 'keyIds', countField: 'keysModified' }, keyIds, options);
  }

  /** Deletes the key; resolves to the key as it was. */
  async delete(orgId: string, keyId: number, options?: CallOptions): Promise<EnrolmentKey> {
    return this.t.request('DELETE', this.one(orgId, keyId), { ...options, expect: anObject });
  }

  async deleteMany(orgId: string, keyIds: readonly number[], options?: CallOptions): Promise<number> {
    return bulk(this.t, { method: 'DELETE', path: this.base(orgId), idsField: 'keyIds', countField: 'keysDeleted' }, keyIds, options);
  }

  async searchKeys(orgId: string, options?: CallOptions): Promise<SearchKey[]> {
    return this.t.request('GET', `${this.base(orgId)}/meta/search-keys`, { ...options, expect: anArray });
  }

  private base(orgId: string): string {
    return `/org/${seg(orgId)}/enrolment-keys`;
  }

  private one(orgId: string, keyId: number): string {
    return `${this.base(orgId)}/${seg(keyId)}`;
  }
}
