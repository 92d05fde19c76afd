// GET /org/{orgId}/tags (reference §2.7): search, sort, page, per_page; no include_disabled.
// Create, patch and delete of tags are not simulated.
import { ok } from '../http';
import { listReply } from '../list';
import type { Router } from '../router';
import { names, TAG_SEARCH_KEYS } from '../search-keys';
import { tagPredicate } from '../search-match';
import { TAG_SORTS } from '../sorting';
import { tagSummaries } from '../tags';
import type { TagSummary } from '../../../src/api/types';

const listItem = (t: TagSummary): TagSummary => t;

export function registerTags(router: Router): void {
  router.org('GET', '/tags', (ctx) => listReply(ctx, {
    collection: tagSummaries(ctx.org), modes: TAG_SORTS, id: (t) => t.tag,
    searchKeys: names(TAG_SEARCH_KEYS), search: tagPredicate, view: listItem,
  }));

  router.org('GET', '/tags/meta/search-keys', () => ok(TAG_SEARCH_KEYS));
}
