// The Activity view's logic without VS Code: paging through a log that grows while it is read,
// the bounded search behind "Load more" with a filter, refresh, the filters, rows and wording.
import * as assert from 'node:assert/strict';
import type { LogEntry, Page } from '../../../src/api/types';
import { activityChildren, entryNodes } from '../../../src/features/activity/children';
import { describeFilter, isFiltering, matcher, MAX_FILTER_TEXT, validateFilterText } from '../../../src/features/activity/filter';
import { ACTIVITY_PAGE_SIZE, MAX_PAGES_PER_LOAD, OrgActivity } from '../../../src/features/activity/orgActivity';
import { presentEntry, presentMore } from '../../../src/features/activity/present';

const T0 = Date.parse('2026-03-01T12:00:00Z');

function entry(i: number, extra: Partial<LogEntry> = {}): LogEntry {
  return { timeStamp: new Date(T0 + i * 60_000).toISOString(), level: 'Information', message: `event ${i}`, userName: 'alice@example.com', ipAddress: '203.0.113.7', ...extra };
}

/** A log served newest first, page by page, like GET /org/{id}/logs. */
class FakeLog {
  /** Oldest first. */
  entries: LogEntry[];
  fetched: number[] = [];
  failNext: Error | undefined;

  constructor(count: number, make: (i: number) => LogEntry = entry) {
    this.entries = Array.from({ length: count }, (_, i) => make(i));
  }

  add(e: LogEntry): void {
    this.entries.push(e);
  }

  activity(filter: (e: LogEntry) => boolean = () => true): OrgActivity {
    return new OrgActivity((page, perPage) => this.page(page, perPage), () => filter, () => undefined);
  }

  async page(page: number, perPage: number): Promise<Page<LogEntry>> {
    this.fetched.push(page);
    await new Promise((r) => setImmediate(r));
    const failure = this.failNext;
    this.failNext = undefined;
    if (failure) throw failure;
    const newest = [...this.entries].reverse();
    const total = newest.length;
    const lastPage = Math.max(0, Math.ceil(total / perPage) - 1);
    return {
      items: newest.slice(page * perPage, (page + 1) * perPage),
      metadata: { total, firstPage: 0, lastPage, prevPage: page > 0 ? page - 1 : null, nextPage: page < lastPage ? page + 1 : null },
      links: { first: '', last: '', prev: null, next: null },
    } as Page<LogEntry>;
  }
}

const messages = (a: OrgActivity) => a.entries.map((e) => e.message);

describe('activity log: paging, filters and rows', () => {
  it('loads the first page newest first, then the next page on load more, then stops at the end', async () => {
    const log = new FakeLog(120);
    const a = log.activity();
    await a.load();
    assert.equal(a.entries.length, ACTIVITY_PAGE_SIZE);
    assert.equal(a.entries[0].message, 'event 119');
    assert.equal(a.total, 120);
    assert.equal(a.hasMore, true);
    await a.loadMore();
    assert.equal(a.entries.length, 100);
    assert.equal(a.entries[99].message, 'event 20');
    await a.loadMore();
    assert.deepEqual(log.fetched, [0, 1, 2]);
    assert.equal(a.entries.length, 120);
    assert.equal(a.hasMore, false);
    await a.loadMore();
    assert.deepEqual(log.fetched, [0, 1, 2], 'nothing is fetched past the end');
  });

  it('drops the entries that slid over a page boundary when new ones arrived in between', async () => {
    const log = new FakeLog(100);
    const a = log.activity();
    await a.load();
    log.add(entry(500));
    log.add(entry(501));
    await a.loadMore();
    const seen = messages(a);
    assert.equal(new Set(seen).size, seen.length, 'no entry twice');
    // Page 1 repeated two entries of page 0, so it added 48: the click went on to page 2 for the rest.
    assert.deepEqual(log.fetched, [0, 1, 2]);
    assert.equal(seen.length, 100);
    assert.deepEqual(seen.slice(48, 52), ['event 51', 'event 50', 'event 49', 'event 48']);
    assert.equal(seen[99], 'event 0');
    assert.equal(a.hasMore, false);
  });

  it('with a filter, load more fetches until a page of matches was added, at most 10 pages per click, and says so', async () => {
    // One error every 40 entries: 50 errors need 2,000 entries = 40 pages.
    const log = new FakeLog(3000, (i) => entry(i, i % 40 === 0 ? { level: 'Error' } : {}));
    const errors = matcher({ levels: ['Error'] });
    const a = log.activity(errors);
    await a.load();
    assert.equal(log.fetched.length, MAX_PAGES_PER_LOAD, 'the first load stops at the bound');
    assert.equal(a.lastLoad?.bounded, true);
    assert.equal(a.lastLoad?.matched, 12);
    assert.equal(a.entries.filter(errors).length, 12);
    const row = presentMore({ loaded: a.entries.length, total: a.total, shown: 12, filtering: true, loading: false, lastLoad: a.lastLoad, oldest: a.entries.at(-1) }, new Date(T0 + 3000 * 60_000));
    assert.equal(row.label, 'Search further… (10 pages searched, 12 new matches)');
    assert.match(row.description ?? '', /^back to .* ago$/);
    await a.loadMore();
    assert.equal(log.fetched.length, 20);
    assert.deepEqual(log.fetched.slice(10, 12), [10, 11], 'it continues where it stopped');
  });

  it('without a filter one click is one page; with a common match it stops once a page of matches is in', async () => {
    const log = new FakeLog(400, (i) => entry(i, i % 2 === 0 ? { level: 'Warning' } : {}));
    const a = log.activity(matcher({ levels: ['Warning'] }));
    await a.load();
    assert.deepEqual(log.fetched, [0, 1]);
    assert.equal(a.entries.filter(matcher({ levels: ['Warning'] })).length, 50);
    assert.equal(a.lastLoad?.bounded, false);
  });

  it('refresh puts new entries on top and keeps the older pages that were loaded', async () => {
    const log = new FakeLog(150);
    const a = log.activity();
    await a.load();
    await a.loadMore();
    log.add(entry(900, { message: 'System disabled' }));
    log.fetched = [];
    await a.refresh();
    assert.deepEqual(log.fetched, [0]);
    assert.equal(a.entries[0].message, 'System disabled');
    assert.equal(a.entries.length, 101);
    assert.equal(a.total, 151);
  });

  it('refresh starts over when more changed than the bound can reach', async () => {
    const log = new FakeLog(60);
    const a = log.activity();
    await a.load();
    for (let i = 0; i < ACTIVITY_PAGE_SIZE * MAX_PAGES_PER_LOAD + 5; i++) log.add(entry(1000 + i));
    await a.refresh();
    assert.equal(a.entries.length, ACTIVITY_PAGE_SIZE * MAX_PAGES_PER_LOAD);
    assert.equal(a.entries[0].message, `event ${1000 + ACTIVITY_PAGE_SIZE * MAX_PAGES_PER_LOAD + 4}`);
    assert.equal(a.hasMore, true);
    await a.loadMore();
    assert.equal(new Set(messages(a)).size, a.entries.length);
  });

  it('keeps a failure with what failed, keeps the rows, and a retry clears it', async () => {
    const log = new FakeLog(120);
    const a = log.activity();
    await a.load();
    log.failNext = new Error('boom');
    await a.loadMore();
    assert.equal(a.error?.during, 'more');
    assert.equal(a.entries.length, 50);
    const rows = activityChildren('o', a, () => true, false, (e) => e.message);
    assert.equal(rows.at(-1)?.type, 'activityMessage');
    assert.deepEqual(rows.at(-1), { type: 'activityMessage', id: 'activity/o/error', orgId: 'o', severity: 'error', text: 'Could not load the activity log: boom', retry: 'more' });
    await a.loadMore();
    assert.equal(a.error, undefined);
    assert.equal(a.entries.length, 100);
  });

  it('rows: loading, empty, matches only, "No more entries match" at the end, load more while there is more', async () => {
    const empty = new FakeLog(0).activity();
    assert.equal(activityChildren('o', empty, () => true, false, String)[0].id, 'activity/o/loading');
    await empty.load();
    assert.deepEqual(activityChildren('o', empty, () => true, false, String).map((r) => r.id), ['activity/o/empty']);

    const log = new FakeLog(60, (i) => entry(i, { level: i % 10 === 0 ? 'Error' : 'Information' }));
    const a = log.activity();
    await a.load();
    const errors = matcher({ levels: ['Error'] });
    const some = activityChildren('o', a, errors, true, String);
    assert.deepEqual(some.map((r) => r.type), ['activityEntry', 'activityEntry', 'activityEntry', 'activityEntry', 'activityEntry', 'activityMore']);
    await a.loadMore();
    const all = activityChildren('o', a, errors, true, String);
    assert.equal(all.filter((r) => r.type === 'activityEntry').length, 6);
    assert.deepEqual(all.at(-1), { type: 'activityMessage', id: 'activity/o/end', orgId: 'o', severity: 'empty', text: 'No more entries match' });
    const none = activityChildren('o', a, matcher({ text: 'nowhere' }), true, String);
    assert.deepEqual(none.map((r) => r.type === 'activityMessage' && r.text), ['No entries match the filter']);
  });

  it('gives entries of the same time distinct, stable ids', () => {
    const same = entry(1);
    const ids = entryNodes('o', [same, { ...same, message: 'other' }, entry(2)]).map((n) => n.id);
    assert.equal(new Set(ids).size, 3);
    assert.equal(ids[0], `activity/o/entry/${same.timeStamp}/0`);
  });

  it('filters: levels and case-insensitive text in message, user or IP; described; validated for length', () => {
    const e = entry(1, { level: 'Warning', message: 'Disabled System web-01' });
    assert.equal(matcher({ text: 'disabled system' })(e), true);
    assert.equal(matcher({ text: 'ALICE@' })(e), true);
    assert.equal(matcher({ text: '203.0.113' })(e), true);
    assert.equal(matcher({ text: 'bob' })(e), false);
    assert.equal(matcher({ levels: ['Error'] })(e), false);
    assert.equal(matcher({ levels: ['Warning', 'Error'], text: 'web' })(e), true);
    assert.equal(matcher({ text: 'x' })({ ...e, userName: null, ipAddress: null, message: 'y' }), false);
    assert.equal(isFiltering({ levels: ['Information', 'Warning', 'Error'] }), false, 'every level is no filter');
    assert.equal(isFiltering({ text: '   ' }), false);
    assert.equal(describeFilter({}), undefined);
    assert.equal(describeFilter({ levels: ['Error', 'Warning'], text: 'web' }), 'Filtered: Warning, Error · "web"');
    assert.equal(validateFilterText('a'.repeat(MAX_FILTER_TEXT)), undefined);
    assert.match(validateFilterText('a'.repeat(MAX_FILTER_TEXT + 1)) ?? '', /At most 100 characters/);
  });

  it('entry rows: level by icon shape and word, relative time and user, escaped tooltip with local time and IP', () => {
    const now = new Date(T0 + 2 * 3_600_000 + 60_000);
    const info = presentEntry(entry(1), now);
    const warn = presentEntry(entry(1, { level: 'Warning' }), now);
    const error = presentEntry(entry(1, { level: 'Error', message: '**bold** [x](command:evil)', userName: null }), now);
    assert.deepEqual([info.icon?.id, warn.icon?.id, error.icon?.id], ['info', 'warning', 'error']);
    assert.equal(info.description, '2 hours ago · alice@example.com');
    assert.equal(warn.description, 'Warning · 2 hours ago · alice@example.com');
    assert.equal(error.description, 'Error · 2 hours ago');
    assert.equal(error.label, '**bold** [x](command:evil)');
    assert.ok(error.tooltip?.includes('\\*\\*bold\\*\\* \\[x\\]\\(command\\:evil\\)'), error.tooltip);
    assert.ok(!error.tooltip?.includes('](command:'), 'no link can form');
    assert.match(info.tooltip ?? '', /\*\*Time:\*\* .*\\\(2 hours ago\\\)/);
    assert.match(info.tooltip ?? '', /\*\*IP address:\*\* 203\\\.0\\\.113\\\.7/);
    assert.match(error.tooltip ?? '', /\*\*Level:\*\* Error/);
  });
});
