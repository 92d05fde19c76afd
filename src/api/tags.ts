// Tags: `/org/{orgId}/tags`. Read-only here: the list with usage counts, searched by name and
// sorted Alphabetical (the API's default), RecentlyUsed or ReferencedSystems.
import type { CallOptions, Transport } from './options';
import { OrgList } from './orgList';
import { anArray } from './shapes';
import type { SearchKey, TagListQuery, TagSummary } from './types';

export class TagsApi extends OrgList<TagSummary, TagListQuery> {
  constructor(t: Transport) {
    super(t, 'tags');
  }

  /** The search terms the tags list understands (`tag:`, `uses:`). */
  async searchKeys(orgId: string, options?: CallOptions): Promise<SearchKey[]> {
    return this.t.request('GET', `${this.base(orgId)}/meta/search-keys`, { ...options, expect: anArray });
  }
}
