// Enrolment keys: `/org/{orgId}/enrolment-keys`. Key IDs are integers; the `key` field of the
// model is the enrolment secret, so callers should treat these objects with care. Listing, get
// and patch come from OrgCollection.
import type { CallOptions, Transport } from './options';
import { OrgCollection } from './orgCollection';
import { anObject } from './shapes';
import type { AutoExpire, EnrolmentKey, EnrolmentKeyCreate, EnrolmentKeyListQuery, EnrolmentKeyPatch } from './types';

export class EnrolmentKeysApi extends OrgCollection<EnrolmentKey, EnrolmentKeyListQuery, EnrolmentKeyPatch, number> {
  constructor(t: Transport) {
    super(t, 'enrolment-keys', 'keyIds');
  }

  /** Creates a key. Never retried automatically: a lost answer must not make a second key. */
  async create(orgId: string, body: EnrolmentKeyCreate, options?: CallOptions): Promise<EnrolmentKey> {
    return this.t.request('POST', this.base(orgId), { ...options, body, expect: anObject });
  }

  async enable(orgId: string, keyId: number, options?: CallOptions): Promise<EnrolmentKey> {
    return this.put(orgId, keyId, 'enable', undefined, options);
  }

  async disable(orgId: string, keyId: number, options?: CallOptions): Promise<EnrolmentKey> {
    return this.put(orgId, keyId, 'disable', undefined, options);
  }

  async enableUntil(orgId: string, keyId: number, autoExpire: AutoExpire, options?: CallOptions): Promise<EnrolmentKey> {
    return this.put(orgId, keyId, 'enable-until', autoExpire, options);
  }

  /** Number of keys actually changed. */
  async enableMany(orgId: string, keyIds: readonly number[], options?: CallOptions): Promise<number> {
    return this.putMany(orgId, 'enable', 'keysModified', keyIds, options);
  }

  async disableMany(orgId: string, keyIds: readonly number[], options?: CallOptions): Promise<number> {
    return this.putMany(orgId, 'disable', 'keysModified', keyIds, options);
  }

  /** Deletes the key; resolves to the key as it was. */
  async delete(orgId: string, keyId: number, options?: CallOptions): Promise<EnrolmentKey> {
    return this.remove(orgId, keyId, options);
  }

  async deleteMany(orgId: string, keyIds: readonly number[], options?: CallOptions): Promise<number> {
    return this.removeMany(orgId, 'keysDeleted', keyIds, options);
  }
}
