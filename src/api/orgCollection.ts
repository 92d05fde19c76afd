// What the three collections under an organisation (systems, unapproved systems, enrolment keys)
// share: paged listing (orgList.ts), get and patch by ID, the search keys, and the two shapes of
// a state change — one item (`PUT {id}/{action}`, or `DELETE {id}`) and many (the bulk endpoints
// of bulk.ts). Each resource module adds only its own routes.
import { bulk } from './bulk';
import type { CallOptions, Transport } from './options';
import { OrgList, type ListQuery } from './orgList';
import { anArray, anObject } from './shapes';
import type { SearchKey } from './types';
import { seg } from './url';

export abstract class OrgCollection<Item, Query extends ListQuery, Patch, Id extends string | number> extends OrgList<Item, Query> {
  /** `idsField`: the body field of this collection's bulk calls, e.g. 'systemIds'. */
  protected constructor(t: Transport, collection: string, private readonly idsField: string) {
    super(t, collection);
  }

  async get(orgId: string, id: Id, options?: CallOptions): Promise<Item> {
    return this.t.request('GET', this.one(orgId, id), { ...options, expect: anObject });
  }

  /** Changes only the fields present; a list field (tags, routes, IP constraints) replaces the whole list. Never retried. */
  async patch(orgId: string, id: Id, patch: Patch, options?: CallOptions): Promise<Item> {
    return this.t.request('PATCH', this.one(orgId, id), { ...options, body: patch, expect: anObject });
  }

  /** The search terms the `search` query understands (e.g. `tags:`, `state:`). */
  async searchKeys(orgId: string, options?: CallOptions): Promise<SearchKey[]> {
    return this.t.request('GET', `${this.base(orgId)}/meta/search-keys`, { ...options, expect: anArray });
  }

  protected one(orgId: string, id: Id): string {
    return `${this.base(orgId)}/${seg(id)}`;
  }

  /** `PUT {id}/{action}` (enable, disable, enable-until): resolves to the item as it is now. */
  protected put(orgId: string, id: Id, action: string, body: unknown, options: CallOptions | undefined): Promise<Item> {
    return this.t.request('PUT', `${this.one(orgId, id)}/${action}`, { ...options, body, expect: anObject });
  }

  /** `DELETE {id}`: resolves to the item as it was. */
  protected remove(orgId: string, id: Id, options: CallOptions | undefined): Promise<Item> {
    return this.t.request('DELETE', this.one(orgId, id), { ...options, expect: anObject });
  }

  /** Bulk `PUT {collection}/{action}`: resolves to the API's `countField`, the items actually changed. */
  protected putMany(orgId: string, action: string, countField: string, ids: readonly Id[], options: CallOptions | undefined): Promise<number> {
    return bulk(this.t, { method: 'PUT', path: `${this.base(orgId)}/${action}`, idsField: this.idsField, countField }, ids, options);
  }

  /** Bulk `DELETE {collection}`: resolves to the API's `countField`, the items actually removed. */
  protected removeMany(orgId: string, countField: string, ids: readonly Id[], options: CallOptions | undefined): Promise<number> {
    return bulk(this.t, { method: 'DELETE', path: this.base(orgId), idsField: this.idsField, countField }, ids, options);
  }
}
