// Paging per reference §4 and the query parameters lists share.
import type { Page } from '../../src/api/types';
import { Errors } from './validation';

/** Max per the portal's PaginationDefaults. Above it the mock answers 400 rather than clamping. */
export const MAX_PER_PAGE = 200;
/** Not documented anywhere (open question 1); 50 is the mock's choice. */
export const DEFAULT_PER_PAGE = 50;

export interface PageRequest { page: number; perPage: number }

export interface LinkBase { baseUrl: string; path: string; query: URLSearchParams }

export function readQueryInt(query: URLSearchParams, name: string, errors: Errors): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(Number(raw))) {
    errors.add(name, `The value '${raw}' is not valid.`);
    return undefined;
  }
  return Number(raw);
}

/** C# sends `True`, Go and scripts `true`: any case binds. */
export function readQueryBool(query: URLSearchParams, name: string, errors: Errors): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return false;
  if (/^true$/i.test(raw)) return true;
  if (/^false$/i.test(raw)) return false;
  errors.add(name, `The value '${raw}' is not valid.`);
  return false;
}

export function readPaging(query: URLSearchParams, errors: Errors): PageRequest {
  const page = readQueryInt(query, 'page', errors) ?? 0;
  const perPage = readQueryInt(query, 'per_page', errors) ?? DEFAULT_PER_PAGE;
  if (page < 0) errors.add('page', 'The field Page must be 0 or more.');
  if (perPage < 1 || perPage > MAX_PER_PAGE) errors.add('per_page', `The field PerPage must be between 1 and ${MAX_PER_PAGE}.`);
  return { page, perPage };
}

/**
 * One page of already filtered and sorted items. Links are absolute on this server and repeat
 * the request's query with `page` replaced; page 0 links carry no `page` (as the DOCS example).
 */
export function pageOf<T, R>(items: readonly T[], req: PageRequest, base: LinkBase, view: (t: T) => R): Page<R> {
  const total = items.length;
  const lastPage = total === 0 ? 0 : Math.ceil(total / req.perPage) - 1;
  const prevPage = req.page > 0 ? req.page - 1 : null;
  const nextPage = req.page < lastPage ? req.page + 1 : null;
  const start = req.page * req.perPage;
  return {
    metadata: { total, firstPage: 0, prevPage, lastPage, nextPage },
    links: {
      first: link(base, 0), prev: prevPage === null ? null : link(base, prevPage),
      next: nextPage === null ? null : link(base, nextPage), last: link(base, lastPage),
    },
    items: start >= total ? [] : items.slice(start, start + req.perPage).map(view),
  };
}

function link(base: LinkBase, page: number): string {
  const q = new URLSearchParams(base.query);
  if (page === 0) q.delete('page');
  else q.set('page', String(page));
  const s = q.toString();
  return `${base.baseUrl}${base.path}${s ? `?${s}` : ''}`;
}
