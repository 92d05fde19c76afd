// What a list asks the API for beyond paging: the user's filter (the API's own `search` syntax
// and whether disabled items are shown), and, for a group under a grouped Systems list, the
// group's own term. No `vscode`: unit-tested.
import type { ListKind } from '../tree/nodes';

/** A list's filter, remembered per organisation and list. */
export interface ListFilter {
  /** In the API's search syntax, e.g. `state:connected tags:web`; empty: no filter. */
  readonly search: string;
  /** include_disabled: true shows disabled systems and keys (marked) — the default. */
  readonly showDisabled: boolean;
}

export const NO_FILTER: ListFilter = { search: '', showDisabled: true };

export function isFiltered(filter: ListFilter): boolean {
  return filter.search.trim() !== '' || !filter.showDisabled;
}

/** How a Systems list is grouped (view-title menu), remembered per workspace. */
export type GroupBy = 'state' | 'platform' | 'tag' | 'key';

export const GROUP_BYS: readonly GroupBy[] = ['state', 'platform', 'tag', 'key'];

/** One group: a server-side query of its own, combined with the list's filter. */
export interface ListGroup {
  readonly by: GroupBy;
  /** Unique among the groups of one list (a state, a platform, a tag name, a key id). */
  readonly value: string;
  readonly label: string;
  /** The group's search term, e.g. `state:connected` or `tags:web`. */
  readonly search?: string;
  /** The `enrolment_key` query parameter (grouping by enrolment key). */
  readonly enrolmentKey?: number;
  /** What the API already told about the group's size (a tag's or key's system count). */
  readonly count?: number;
}

/** The query parameters one list (or one group of it) is fetched with. */
export interface ListQuery {
  readonly search?: string;
  readonly includeDisabled: boolean;
  readonly enrolmentKey?: number;
}

export function queryFor(kind: ListKind, filter: ListFilter, group?: ListGroup): ListQuery {
  const search = [filter.search.trim(), group?.search ?? ''].filter((part) => part !== '').join(' ');
  return {
    search: search === '' ? undefined : search,
    // Pending systems have no disabled state (the API takes no include_disabled there).
    includeDisabled: kind === 'pending' ? false : filter.showDisabled,
    enrolmentKey: group?.enrolmentKey,
  };
}

/** The part of a store key and node id that tells one group from another ('' for the whole list). */
export function groupKey(group: Pick<ListGroup, 'by' | 'value'> | undefined): string {
  return group ? `${group.by}:${encodeURIComponent(group.value)}` : '';
}

export function sameFilter(a: ListFilter, b: ListFilter): boolean {
  return a.search.trim() === b.search.trim() && a.showDisabled === b.showDisabled;
}
