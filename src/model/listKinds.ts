import type { EnclaveClient } from '../api';
import type { EnclaveSystem, EnrolmentKey, Page, UnapprovedSystem } from '../api/types';
import type { ListKind } from '../tree/nodes';
import type { FetchedPage } from './listSlot';
import type { ListQuery } from './listQuery';

/** First rows quickly: one page is small enough to answer fast even for a large organisation. */
export const PAGE_SIZE = 50;

/**
 * Pending approvals are loaded as soon as an organisation is expanded, only to learn whether
 * there are any (the "Pending approval" row is hidden when there are none): a small page.
 */
export const PENDING_PAGE_SIZE = 20;

export interface ListItemOf {
  systems: EnclaveSystem;
  enrolmentKeys: EnrolmentKey;
  pending: UnapprovedSystem;
}

interface KindSpec<K extends ListKind> {
  readonly perPage: number;
  readonly idOf: (item: ListItemOf[K]) => string;
  readonly fetch: (client: EnclaveClient, orgId: string, page: number, perPage: number, query: ListQuery) => Promise<Page<ListItemOf[K]>>;
}

/**
 * What each list asks the API for. Disabled systems and keys are included unless the user's
 * filter hides them, so that they stay visible (marked as disabled) and can be enabled again.
 */
/** The query without the parameters it leaves unset, so none is sent as `undefined`. */
function set<T extends object>(query: T): Partial<T> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export const LIST_KINDS: { readonly [K in ListKind]: KindSpec<K> } = {
  systems: {
    perPage: PAGE_SIZE,
    idOf: (system) => system.systemId,
    fetch: (client, orgId, page, perPage, query) =>
      client.systems.list(orgId, { ...set(query), sort: 'DescriptionOrHostname', page, perPage }),
  },
  enrolmentKeys: {
    perPage: PAGE_SIZE,
    idOf: (key) => String(key.id),
    fetch: (client, orgId, page, perPage, query) =>
      client.enrolmentKeys.list(orgId, { ...set({ search: query.search, includeDisabled: query.includeDisabled }), sort: 'Description', page, perPage }),
  },
  pending: {
    perPage: PENDING_PAGE_SIZE,
    idOf: (system) => system.systemId,
    fetch: (client, orgId, page, perPage, query) =>
      client.unapprovedSystems.list(orgId, { ...set({ search: query.search, enrolmentKey: query.enrolmentKey }), sort: 'RecentlyEnrolled', page, perPage }),
  },
};

export const LIST_KIND_NAMES: readonly ListKind[] = ['systems', 'enrolmentKeys', 'pending'];

/**
 * The API's envelope, reduced to what ListSlot pages with. The client checked only its outline
 * (an `items` array, `metadata.lastPage`): an item that is not an object cannot be a row and is
 * dropped, and a missing total is counted from the items when this is the last page — else an
 * empty list would wait for its total as "Loading…" forever.
 */
export function fetchedPage<T>(page: Page<T>): FetchedPage<T> {
  const { total, nextPage, lastPage } = page.metadata;
  const items = page.items.filter((item) => typeof item === 'object' && item !== null && !Array.isArray(item));
  const next = nextPage ?? null;
  const counted = Number.isInteger(total) ? total : next === null ? items.length : undefined;
  return { items, total: counted as number, nextPage: next, lastPage };
}
