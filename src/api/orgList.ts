// A paged list under an organisation, `GET /org/{orgId}/{collection}`: one page, or every page
// walked in parallel (pagination.ts). The collections with items to act on (orgCollection.ts)
// build on it; read-only lists (tags, the activity log) use it as it is.
import type { CallOptions, Transport, WalkOptions } from './options';
import { collect, fetchPage, walkPages } from './pagination';
import type { Page } from './types';
import { listQuery, seg } from './url';

export type ListQuery = NonNullable<Parameters<typeof listQuery>[0]>;

export class OrgList<Item, Query extends ListQuery> {
  constructor(protected readonly t: Transport, private readonly collection: string) {}

  /** One page (0-based `page`, `perPage` up to 200). */
  async list(orgId: string, query?: Query, options?: CallOptions): Promise<Page<Item>> {
    return fetchPage(this.t, this.base(orgId), listQuery(query), options);
  }

  /** Every matching item, pages fetched in parallel, yielded in order. `query.page` is ignored. */
  async *all(orgId: string, query?: Query, options?: WalkOptions): AsyncIterable<Item> {
    yield* walkPages(this.t, this.base(orgId), listQuery({ ...query, page: undefined }), options);
  }

  async listAll(orgId: string, query?: Query, options?: WalkOptions): Promise<Item[]> {
    return collect(this.all(orgId, query, options));
  }

  protected base(orgId: string): string {
    return `/org/${seg(orgId)}/${this.collection}`;
  }
}
