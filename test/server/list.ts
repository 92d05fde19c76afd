// The shared list pipeline: validate query → sort (cached) → filter → page → JSON (items cached).
import type { OrgContext, Reply } from './http';
import { pageJson } from './listJson';
import { pageOf, readPaging } from './paging';
import { parseSearch, Predicate, Term } from './search';
import { SortModes, readSort, sorted } from './sorting';
import { Errors } from './validation';

export interface ListSpec<T> {
  collection: Map<unknown, T>;
  modes: SortModes<T>;
  id: (t: T) => string | number;
  searchKeys: string[];
  search: (terms: Term[]) => Predicate<T> | undefined;
  /** The list model of an item: a module constant, since the items' JSON is cached per view (listJson.ts). */
  view: (t: T) => unknown;
  /** Filters from other query parameters; report bad values into `errors`. */
  filters?: (errors: Errors) => Array<Predicate<T> | undefined>;
}

export function listReply<T>(ctx: OrgContext, spec: ListSpec<T>): Reply {
  const errors = new Errors();
  const paging = readPaging(ctx.query, errors);
  const sort = readSort(ctx.query, spec.modes, errors);
  const filters = spec.filters?.(errors) ?? [];
  filters.push(spec.search(parseSearch(ctx.query.get('search'), spec.searchKeys, errors)));
  errors.throwIfAny();
  const active = filters.filter((f): f is Predicate<T> => f !== undefined);
  const all = sorted(spec.collection, ctx.org.version, spec.modes, sort, spec.id);
  const items = active.length === 0 ? all : all.filter((t) => active.every((f) => f(t)));
  const { items: rows, ...envelope } = pageOf(items, paging, { baseUrl: ctx.baseUrl, path: ctx.path, query: ctx.query }, (t) => t);
  return { status: 200, json: pageJson(spec.collection, ctx.org.version, envelope, rows, spec.id, spec.view) };
}
