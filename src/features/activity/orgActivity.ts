// One organisation's activity log as loaded so far: entries newest first, where the next older page
// starts, and what the last "Load more" achieved. No `vscode`, so paging is unit-tested.
//
// Entries have no IDs and every new entry pushes the older ones down a place, so a page fetched
// after a change repeats the entries that slid over its boundary: they are recognised by their
// whole content (time, level, message, user, address) and dropped. Nothing is ever skipped that
// way, because the shift only moves entries to later pages, never to earlier ones.
import type { LogEntry, Page } from '../../api/types';

/** One page of the API's size for the first rows; also how many matches one "Load more" aims to add. */
export const ACTIVITY_PAGE_SIZE = 50;
/** A rare filter must not fetch thousands of pages on one click: this many at most, then the row says so. */
export const MAX_PAGES_PER_LOAD = 10;

export type FetchLogPage = (page: number, perPage: number) => Promise<Page<LogEntry>>;

/** What the last load did, for the "Load more" row. */
export interface LoadOutcome {
  readonly pages: number;
  /** Entries added that pass the filter in force. */
  readonly matched: number;
  /** Stopped by MAX_PAGES_PER_LOAD before a page's worth of matches was found. */
  readonly bounded: boolean;
}

type Operation = 'load' | 'more' | 'refresh';

export function entryKey(e: LogEntry): string {
  return JSON.stringify([e.timeStamp, e.level, e.message, e.userName ?? null, e.ipAddress ?? null]);
}

export class OrgActivity {
  private list: LogEntry[] = [];
  private keys = new Set<string>();
  private next: number | null = 0;
  private count: number | undefined;
  private failure: { error: Error; during: Operation } | undefined;
  private outcome: LoadOutcome | undefined;
  private running: Promise<void> | undefined;
  private runningOp: Operation | undefined;
  private started = false;
  private disposed = false;

  constructor(
    private readonly fetch: FetchLogPage,
    /** The filter in force, asked at each page: a load counts the matches it adds. */
    private readonly matches: () => (entry: LogEntry) => boolean,
    private readonly onChange: () => void,
  ) {}

  get entries(): readonly LogEntry[] { return this.list; }
  /** metadata.total of the last page fetched. */
  get total(): number | undefined { return this.count; }
  /** Older entries exist that are not loaded yet. */
  get hasMore(): boolean { return this.next !== null; }
  get loading(): Operation | undefined { return this.runningOp; }
  get error(): { readonly error: Error; readonly during: Operation } | undefined { return this.failure; }
  get lastLoad(): LoadOutcome | undefined { return this.outcome; }
  get requested(): boolean { return this.started; }

  /** The first rows, once: later calls share the load in flight or resolve at once. */
  load(): Promise<void> {
    if (!this.started) return this.run('load');
    return this.running ?? Promise.resolve();
  }

  /**
   * Older entries until `wanted` matches were added (a click: a page's worth; a new filter: what
   * the rows lack of a page), the end was reached, or the bound.
   */
  loadMore(wanted = ACTIVITY_PAGE_SIZE): Promise<void> {
    if (this.running) return this.runningOp === 'more' ? this.running : this.running.then(() => this.loadMore(wanted));
    if (!this.started || this.list.length === 0) return this.run('load');
    if (this.next === null) return Promise.resolve();
    return this.run('more', wanted);
  }

  /** Newer entries on top, keeping what was loaded below them. */
  refresh(): Promise<void> {
    if (this.running) return this.running.then(() => this.refresh());
    return this.run(this.list.length === 0 ? 'load' : 'refresh');
  }

  /** Results of requests still in flight are dropped (signed out, another account). */
  dispose(): void {
    this.disposed = true;
  }

  private run(op: Operation, wanted = ACTIVITY_PAGE_SIZE): Promise<void> {
    this.started = true;
    this.runningOp = op;
    const task = this.execute(op, wanted).finally(() => {
      if (this.running === task) {
        this.running = undefined;
        this.runningOp = undefined;
      }
      if (!this.disposed) this.onChange();
    });
    this.running = task;
    // The row under the click turns into "Loading…" at once.
    if (!this.disposed) this.onChange();
    return task;
  }

  private async execute(op: Operation, wanted: number): Promise<void> {
    try {
      if (op === 'refresh') await this.fetchNewer();
      else {
        if (op === 'load') this.reset();
        await this.fetchOlder(Math.max(1, wanted));
      }
      this.failure = undefined;
    } catch (thrown) {
      if (this.disposed) return;
      this.failure = { error: thrown instanceof Error ? thrown : new Error(String(thrown)), during: op };
    }
  }

  private reset(): void {
    this.list = [];
    this.keys = new Set();
    this.next = 0;
    this.outcome = undefined;
  }

  private async fetchOlder(wanted: number): Promise<void> {
    let pages = 0;
    let matched = 0;
    while (this.next !== null && pages < MAX_PAGES_PER_LOAD && matched < wanted) {
      const page = await this.fetch(this.next, ACTIVITY_PAGE_SIZE);
      if (this.disposed) return;
      pages += 1;
      const test = this.matches();
      const added = this.append(page.items);
      matched += added.filter(test).length;
      this.count = page.metadata.total;
      // An empty page is past the end, whatever its metadata says: never ask for the next one.
      this.next = page.items.length === 0 ? null : (page.metadata.nextPage ?? null);
      // Keep the rows visible as they come: a bounded search of ten pages shows progress.
      if (this.next !== null && matched < wanted) this.onChange();
    }
    this.outcome = { pages, matched, bounded: this.next !== null && matched < wanted };
  }

  /**
   * Page 0 onwards until an entry already shown appears: everything above it is new. If none
   * appears within the bound, so much happened that the old rows are dropped and the pages just
   * fetched become the list.
   */
  private async fetchNewer(): Promise<void> {
    const fresh: LogEntry[] = [];
    for (let page = 0; page < MAX_PAGES_PER_LOAD; page++) {
      const answer = await this.fetch(page, ACTIVITY_PAGE_SIZE);
      if (this.disposed) return;
      this.count = answer.metadata.total;
      const known = answer.items.findIndex((e) => this.keys.has(entryKey(e)));
      if (known >= 0) {
        fresh.push(...answer.items.slice(0, known));
        this.list = [...fresh, ...this.list];
        for (const e of fresh) this.keys.add(entryKey(e));
        this.outcome = undefined;
        return;
      }
      fresh.push(...answer.items);
      const next = answer.items.length === 0 ? null : (answer.metadata.nextPage ?? null);
      if (next === null || page === MAX_PAGES_PER_LOAD - 1) {
        // The log was emptied or rewritten, or more changed than the bound: start over from these.
        this.reset();
        this.append(fresh);
        this.next = next === null ? null : page + 1;
        return;
      }
    }
  }

  /** Adds the entries not already loaded; returns those added. */
  private append(items: readonly LogEntry[]): LogEntry[] {
    const added: LogEntry[] = [];
    for (const item of items) {
      if (typeof item !== 'object' || item === null) continue;
      const key = entryKey(item);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      added.push(item);
    }
    this.list = [...this.list, ...added];
    return added;
  }
}
