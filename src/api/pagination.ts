// Page envelopes → async iterators.
//
// `walkPages` is the fast walk: page 0 tells us `metadata.lastPage`, then pages 1..lastPage are
// fetched in parallel (at most `concurrency` fetched-but-not-yet-consumed pages, which also
// bounds memory) and their items are yielded strictly in page order. One failed page fails the
// walk: a partial list is never presented as complete. Every outstanding request is aborted
// when the walk ends for any reason — error, the consumer's `break`, or the caller's signal.
import { setMaxListeners } from 'node:events';
import { AbortedError, type Where } from './errors';
import type { CallOptions, Transport, WalkOptions } from './options';
import { aPage } from './shapes';
import type { Page } from './types';
import { withQuery, type QueryValue } from './url';

/** The API's maximum page size: the fewest requests for a full walk. */
export const MAX_PER_PAGE = 200;

type Query = Record<string, QueryValue>;

export function fetchPage<T>(t: Transport, path: string, query: Query, options?: CallOptions): Promise<Page<T>> {
  return t.request<Page<T>>('GET', path, { query, signal: options?.signal, expect: aPage });
}

export async function* walkPages<T>(t: Transport, path: string, query: Query, options: WalkOptions = {}): AsyncGenerator<T, void, undefined> {
  const where = { method: 'GET', path: withQuery(path, query) };
  const caller = options.signal;
  if (caller?.aborted) throw new AbortedError(where);
  const concurrency = Math.max(1, options.concurrency ?? t.pageConcurrency);
  const perPage = query.per_page ?? MAX_PER_PAGE;
  const controller = new AbortController();
  // Private to this walk and gone with it: one listener per page request is expected, not a leak.
  setMaxListeners(0, controller.signal);
  const onAbort = (): void => controller.abort();
  caller?.addEventListener('abort', onAbort, { once: true });
  const pending = new Map<number, Promise<Page<T>>>();
  // The first page to fail ends the walk at once, even while an earlier, slower page is still
  // awaited: everything else is aborted and this error (not the aborts) is what the caller sees.
  let failure: { error: unknown } | undefined;
  const get = (page: number): Promise<Page<T>> => fetchPage<T>(t, path, { ...query, page, per_page: perPage }, { signal: controller.signal });
  try {
    const first = await get(0);
    let lastPage = first.metadata.lastPage;
    let next = 1;
    const launch = (): void => {
      for (; next <= lastPage && pending.size < concurrency; next++) {
        const request = get(next);
        request.catch((error: unknown) => {
          if (!failure && !controller.signal.aborted) failure = { error };
          controller.abort();
        });
        pending.set(next, request);
      }
    };
    launch();
    yield* itemsOf(first, caller, where);
    for (let page = 1; page <= lastPage; page++) {
      const result = await (pending.get(page) as Promise<Page<T>>);
      pending.delete(page);
      // Items added during the walk may add pages; later pages report the newer count.
      lastPage = Math.max(lastPage, result.metadata.lastPage);
      launch();
      yield* itemsOf(result, caller, where);
    }
  } catch (err) {
    if (caller?.aborted) throw new AbortedError(where);
    throw failure ? failure.error : err;
  } finally {
    controller.abort();
    caller?.removeEventListener('abort', onAbort);
  }
}

function* itemsOf<T>(page: Page<T>, caller: AbortSignal | undefined, where: Where): Generator<T> {
  for (const item of page.items) {
    if (caller?.aborted) throw new AbortedError(where);
    yield item;
  }
}

/**
 * The walk the official scripts do: follow `links.next` one page at a time. Slower than
 * `walkPages` (one round trip per page, in series); kept for comparison in the benchmark.
 * Only the path and query of each link are used, against the client's own origin.
 */
export async function* walkLinksSequentially<T>(t: Transport, path: string, query: Query = {}, options: CallOptions = {}): AsyncGenerator<T, void, undefined> {
  let page = await fetchPage<T>(t, path, { per_page: MAX_PER_PAGE, ...query }, options);
  const seen = new Set<string>();
  for (;;) {
    yield* itemsOf(page, options.signal, { method: 'GET', path });
    const next = page.links?.next;
    if (!next || page.items.length === 0) return;
    const relative = t.relativeLink(next);
    if (seen.has(relative)) return; // a server repeating a link must not make us loop forever
    seen.add(relative);
    page = await fetchPage<T>(t, relative, {}, options);
  }
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
