import type { ListState } from '../commands/context';
import { fetchPages, RELOAD_PAGE_SIZE } from './pagePool';

/** One page, reduced to what paging needs from the API's envelope. */
export interface FetchedPage<T> {
  readonly items: readonly T[];
  readonly total: number;
  /** Null on the last page (and past the end). */
  readonly nextPage: number | null;
  readonly lastPage: number;
}

/** Fetches one 0-based page. Rejections are kept as the list's error, never thrown on. */
export type PageFetcher<T> = (page: number, perPage: number) => Promise<FetchedPage<T>>;

export interface ListSlotOptions<T> {
  readonly fetch: PageFetcher<T>;
  readonly perPage: number;
  /** Entity id: pages fetched at different moments may overlap, and tree ids must be unique. */
  readonly idOf: (item: T) => string;
  /** Called after every fetch ends (and when a retry turns an error row into "Loading…"). */
  readonly onChange: () => void;
  readonly onError?: (error: Error) => void;
}

type Operation = 'reload' | 'more';

/**
 * One list (e.g. the systems of one organisation), page by page. Operations run one at a time:
 * callers asking for the same thing while it is in flight share it, a refresh asked for during
 * a fetch becomes at most one follow-up, and a reload keeps the pages the user had loaded and
 * the old items visible until the new ones arrive.
 */
export class ListSlot<T> implements ListState<T> {
  private currentItems: readonly T[] = [];
  private currentTotal: number | undefined;
  private currentError: Error | undefined;
  private more = false;
  private pages = 0;
  private running: Promise<void> | undefined;
  private runningOperation: Operation | undefined;
  private followUp: Promise<void> | undefined;
  private started = false;
  private disposed = false;

  constructor(private readonly options: ListSlotOptions<T>) {}

  get items(): readonly T[] { return this.currentItems; }
  get total(): number | undefined { return this.currentTotal; }
  get error(): Error | undefined { return this.currentError; }
  get hasMore(): boolean { return this.more; }
  get loading(): boolean { return this.running !== undefined; }
  /** True once a first load was asked for: only such lists are re-fetched by a refresh. */
  get requested(): boolean { return this.started; }
  get pagesLoaded(): number { return this.pages; }

  /** Loads the first page once; later calls share the fetch in flight or resolve at once. */
  load(): Promise<void> {
    if (!this.started) return this.run('reload');
    return this.running ?? Promise.resolve();
  }

  /** Re-fetches the pages loaded so far. During a fetch: one follow-up, shared by every caller. */
  refresh(): Promise<void> {
    if (!this.running) return this.run('reload');
    this.followUp ??= this.running.then(() => {
      this.followUp = undefined;
      // A reload that started after this request was made already answers it.
      return this.running && this.runningOperation === 'reload' ? this.running : this.refresh();
    });
    return this.followUp;
  }

  /** Appends the next page. Clicking "Load more" twice while it loads fetches it once. */
  loadMore(): Promise<void> {
    if (this.running) return this.runningOperation === 'more' ? this.running : this.running.then(() => this.loadMore());
    if (!this.started) return this.load();
    if (!this.more) return Promise.resolve();
    return this.run('more');
  }

  /**
   * Takes a complete first answer that was fetched elsewhere (the session's own organisation
   * list) instead of asking again. Only before anything was loaded; later refreshes fetch.
   */
  prime(items: readonly T[]): void {
    if (this.started) return;
    this.started = true;
    this.currentItems = this.unique(items);
    this.currentTotal = this.currentItems.length;
    this.pages = 1;
    this.more = false;
  }

  /** Stops reporting: results of fetches still in flight are dropped (e.g. after sign-out). */
  dispose(): void {
    this.disposed = true;
  }

  private run(operation: Operation): Promise<void> {
    this.started = true;
    this.runningOperation = operation;
    const retryingFromError = this.currentError !== undefined && this.currentItems.length === 0;
    const task: Promise<void> = this.execute(operation).finally(() => {
      if (this.running === task) {
        this.running = undefined;
        this.runningOperation = undefined;
      }
      if (!this.disposed) this.options.onChange();
    });
    this.running = task;
    // An error row with nothing under it becomes "Loading…" while the retry runs.
    if (retryingFromError && !this.disposed) this.options.onChange();
    return task;
  }

  private async execute(operation: Operation): Promise<void> {
    try {
      if (operation === 'reload') await this.reload();
      else await this.appendNextPage();
      if (!this.disposed) this.currentError = undefined;
    } catch (thrown) {
      if (this.disposed) return;
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      this.currentError = error;
      this.options.onError?.(error);
    }
  }

  /**
   * Fetches again the first `pages × perPage` items the user had loaded, in pages as large as
   * the API allows (a list loaded to 20,000 systems by "Load more": 100 requests, not 400), at
   * most RELOAD_CONCURRENCY at a time. Exactly as many items are kept as before, and `pages`
   * stays counted in `perPage` pages, so the next "Load more" asks for the page after them.
   */
  private async reload(): Promise<void> {
    const { perPage } = this.options;
    const count = Math.max(1, this.pages);
    const wanted = count * perPage;
    // A list with pages as large as the API's (the organisations, in one answer) cannot merge.
    const size = perPage < RELOAD_PAGE_SIZE ? Math.min(RELOAD_PAGE_SIZE, wanted) : perPage;
    const requests = size === perPage ? count : Math.ceil(wanted / size);
    const fetched = await fetchPages(this.options.fetch, requests, size);
    if (this.disposed) return;
    const last = fetched[fetched.length - 1];
    const received = fetched.flatMap((page) => page.items);
    const kept = received.slice(0, wanted);
    this.currentItems = this.unique(kept);
    this.currentTotal = last.total;
    // The list may have shrunk: pages past its end are not counted as loaded.
    this.pages = Math.max(1, Math.min(count, Math.ceil(kept.length / perPage)));
    // The last large page may reach past what was shown: then more is there to load.
    this.more = received.length > wanted || last.nextPage !== null;
  }

  private async appendNextPage(): Promise<void> {
    const page = await this.options.fetch(this.pages, this.options.perPage);
    if (this.disposed) return;
    this.currentItems = this.unique([...this.currentItems, ...page.items]);
    this.currentTotal = page.total;
    if (page.items.length > 0) this.pages += 1;
    this.more = page.nextPage !== null;
  }

  private unique(items: readonly T[]): T[] {
    const seen = new Set<string>();
    return items.filter((item) => {
      const id = this.options.idOf(item);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
}

/** A list the API returns whole in one call (the organisations, a list's groups): one "page". */
export function wholeListSlot<T>(fetchAll: () => Promise<T[]>, options: Omit<ListSlotOptions<T>, 'fetch' | 'perPage'>): ListSlot<T> {
  return new ListSlot<T>({
    ...options,
    fetch: async () => {
      const items = await fetchAll();
      return { items, total: items.length, nextPage: null, lastPage: 0 };
    },
    perPage: Number.MAX_SAFE_INTEGER,
  });
}
