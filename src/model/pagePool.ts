import type { FetchedPage, PageFetcher } from './listSlot';

/**
 * The API's largest page (MAX_PER_PAGE in src/api/pagination.ts, written again because code
 * outside src/api imports only types from it): the fewest requests for a reload.
 */
export const RELOAD_PAGE_SIZE = 200;

/** As many pages in flight as the client's own walk keeps (its default `pageConcurrency`). */
export const RELOAD_CONCURRENCY = 10;

/**
 * Pages 0..count-1 of `size` items, at most `concurrency` requests at a time, in page order.
 * A page that says it is the last (the list shrank) ends the walk: no page after it is asked
 * for. The first failure rejects, and no further page is started after it.
 */
export async function fetchPages<T>(fetch: PageFetcher<T>, count: number, size: number, concurrency = RELOAD_CONCURRENCY): Promise<FetchedPage<T>[]> {
  const pages: FetchedPage<T>[] = [];
  let end = count;
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < end && !failed) {
      const index = next++;
      try {
        const page = await fetch(index, size);
        pages[index] = page;
        if (page.nextPage === null) end = Math.min(end, index + 1);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return pages.slice(0, end);
}
