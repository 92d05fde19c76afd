import * as assert from 'node:assert/strict';
import { ListSlot, type FetchedPage } from '../../../src/model/listSlot';

interface Item { id: string }

/** A list of `size` items served page by page; each fetch can be held and released by the test. */
class FakeList {
  items: Item[];
  fetches: { page: number; perPage: number }[] = [];
  changes = 0;
  failNext: Error | undefined;
  private held: (() => void)[] = [];
  holding = false;
  inFlight = 0;
  mostInFlight = 0;

  constructor(size: number) {
    this.items = Array.from({ length: size }, (_, i) => ({ id: `i${i}` }));
  }

  slot(perPage = 10): ListSlot<Item> {
    return new ListSlot<Item>({
      perPage,
      idOf: (item) => item.id,
      onChange: () => void this.changes++,
      fetch: async (page, size): Promise<FetchedPage<Item>> => {
        this.fetches.push({ page, perPage: size });
        const failure = this.failNext;
        this.failNext = undefined;
        this.inFlight += 1;
        this.mostInFlight = Math.max(this.mostInFlight, this.inFlight);
        if (this.holding) await new Promise<void>((resolve) => this.held.push(resolve));
        else await new Promise<void>((resolve) => setImmediate(resolve));
        this.inFlight -= 1;
        if (failure) throw failure;
        const lastPage = Math.max(0, Math.ceil(this.items.length / size) - 1);
        return { items: this.items.slice(page * size, (page + 1) * size), total: this.items.length, lastPage, nextPage: page < lastPage ? page + 1 : null };
      },
    });
  }

  releaseOne(): void {
    this.held.shift()?.();
  }

  releaseAll(): void {
    this.holding = false;
    for (const release of this.held.splice(0)) release();
  }
}

describe('ListSlot: one list, page by page', () => {
  it('shares the first load between concurrent callers: one fetch', async () => {
    const list = new FakeList(25);
    const slot = list.slot();
    list.holding = true;
    const a = slot.load();
    const b = slot.load();
    assert.equal(slot.loading, true);
    list.releaseAll();
    await Promise.all([a, b]);
    assert.equal(list.fetches.length, 1);
    assert.deepEqual(slot.items.map((i) => i.id).slice(0, 3), ['i0', 'i1', 'i2']);
    assert.equal(slot.total, 25);
    assert.equal(slot.hasMore, true);
    assert.equal(slot.loading, false);
    await slot.load();
    assert.equal(list.fetches.length, 1, 'a loaded list is not fetched again by load()');
  });

  it('appends the next page with loadMore and stops at the end', async () => {
    const list = new FakeList(25);
    const slot = list.slot();
    await slot.load();
    await slot.loadMore();
    assert.equal(slot.items.length, 20);
    await slot.loadMore();
    assert.equal(slot.items.length, 25);
    assert.equal(slot.hasMore, false);
    await slot.loadMore();
    assert.deepEqual(list.fetches.map((f) => f.page), [0, 1, 2], 'no fetch past the last page');
  });

  it('fetches one page for two clicks on "Load more" while it loads', async () => {
    const list = new FakeList(30);
    const slot = list.slot();
    await slot.load();
    list.holding = true;
    const a = slot.loadMore();
    const b = slot.loadMore();
    list.releaseAll();
    await Promise.all([a, b]);
    assert.deepEqual(list.fetches.map((f) => f.page), [0, 1]);
    assert.equal(slot.items.length, 20);
  });

  it('coalesces refreshes asked for during a fetch into one follow-up', async () => {
    const list = new FakeList(5);
    const slot = list.slot();
    await slot.load();
    list.holding = true;
    const first = slot.refresh();
    const followUps = [slot.refresh(), slot.refresh(), slot.refresh()];
    assert.equal(list.fetches.length, 2, 'the follow-up waits for the fetch in flight');
    list.releaseOne();
    await first;
    assert.equal(list.fetches.length, 3, 'the follow-up starts when the fetch in flight ends');
    list.items.push({ id: 'new' });
    list.releaseAll();
    await Promise.all(followUps);
    assert.equal(list.fetches.length, 3, 'initial load + refresh + exactly one follow-up');
    assert.ok(slot.items.some((i) => i.id === 'new'), 'the follow-up sees changes made during the first refresh');
  });

  it('reloads as many pages as were loaded and keeps the old items visible meanwhile', async () => {
    const list = new FakeList(45);
    const slot = list.slot();
    await slot.load();
    await slot.loadMore();
    await slot.loadMore();
    assert.equal(slot.items.length, 30);
    list.fetches = [];
    list.holding = true;
    const changesBefore = list.changes;
    const refreshing = slot.refresh();
    assert.equal(slot.items.length, 30, 'old items stay while reloading');
    assert.equal(list.changes, changesBefore, 'no change event (no flicker to "Loading…") when a reload starts');
    await new Promise((r) => setImmediate(r));
    list.releaseAll();
    await refreshing;
    assert.deepEqual(list.fetches, [{ page: 0, perPage: 30 }], 'the three loaded pages in one request');
    assert.equal(slot.items.length, 30);
    assert.equal(slot.pagesLoaded, 3);
    assert.equal(slot.hasMore, true);
  });

  describe('a reload asks for the loaded items in pages of 200, at most 10 at a time', () => {
    /** A list of `size` items with `pages` pages of 50 loaded ("Load more" until then). */
    async function loaded(pages: number, size = 20_000) {
      const list = new FakeList(size);
      const slot = list.slot(50);
      await slot.load();
      while (slot.pagesLoaded < pages) await slot.loadMore();
      list.fetches = [];
      list.mostInFlight = 0;
      return { list, slot };
    }

    /** Loads `pages` pages of 50, then reloads once. */
    async function reloadAfter(pages: number, size = 20_000) {
      const { list, slot } = await loaded(pages, size);
      await slot.refresh();
      return { list, slot, fetches: list.fetches };
    }

    for (const [pages, requests, perPage] of [[1, 1, 50], [3, 1, 150], [4, 1, 200], [5, 2, 200], [40, 10, 200], [400, 100, 200]] as const) {
      it(`${pages * 50} items loaded: ${requests} request(s) of ${perPage}`, async () => {
        const { list, slot, fetches } = await reloadAfter(pages);
        assert.equal(fetches.length, requests);
        assert.ok(fetches.every((f) => f.perPage === perPage));
        assert.deepEqual(fetches.map((f) => f.page).sort((a, b) => a - b), Array.from({ length: requests }, (_, i) => i));
        assert.ok(list.mostInFlight <= 10, `${list.mostInFlight} requests in flight`);
        assert.equal(slot.items.length, pages * 50, 'as many items as before the reload');
        assert.equal(slot.pagesLoaded, pages);
        assert.equal(slot.hasMore, pages * 50 < 20_000);
      });
    }

    it('keeps exactly the items shown when the last page of 200 reaches past them, and "Load more" goes on after them', async () => {
      const { list, slot } = await reloadAfter(5, 1000);
      assert.deepEqual(slot.items.map((i) => i.id), Array.from({ length: 250 }, (_, i) => `i${i}`));
      list.fetches = [];
      await slot.loadMore();
      assert.deepEqual(list.fetches, [{ page: 5, perPage: 50 }]);
      assert.deepEqual(slot.items.map((i) => i.id), Array.from({ length: 300 }, (_, i) => `i${i}`));
    });

    it('knows the end when the loaded items were exactly all there is', async () => {
      const { slot, fetches } = await reloadAfter(8, 400);
      assert.equal(fetches.length, 2);
      assert.equal(slot.items.length, 400);
      assert.equal(slot.hasMore, false);
    });

    it('stops at the page that says it is the last when the list shrank meanwhile', async () => {
      const { list, slot } = await loaded(400);
      list.items = list.items.slice(0, 130);
      await slot.refresh();
      assert.equal(list.fetches.length, 10, 'the first batch, not the 100 pages loaded before');
      assert.equal(slot.items.length, 130);
      assert.equal(slot.pagesLoaded, 3);
      assert.equal(slot.hasMore, false);
    });

    it('fails the reload on the first failed page, starts no page after it, and keeps the old items', async () => {
      const { list, slot } = await loaded(400);
      list.failNext = new Error('HTTP 503');
      await slot.refresh();
      assert.equal(slot.error?.message, 'HTTP 503');
      assert.equal(list.fetches.length, 10, 'the first batch only');
      assert.equal(slot.items.length, 20_000);
      assert.equal(slot.pagesLoaded, 400);
    });
  });

  it('counts fewer pages when the list shrank, and never shows an item twice', async () => {
    const list = new FakeList(30);
    const slot = list.slot();
    await slot.load();
    await slot.loadMore();
    await slot.loadMore();
    list.items = list.items.slice(0, 12);
    await slot.refresh();
    assert.equal(slot.items.length, 12);
    assert.equal(slot.pagesLoaded, 2);
    assert.equal(slot.hasMore, false);
    // Items shifted between two page fetches: the overlap is not shown twice.
    list.items = Array.from({ length: 30 }, (_, i) => ({ id: `i${i}` }));
    const fresh = list.slot();
    await fresh.load();
    list.items.unshift({ id: 'x1' }, { id: 'x2' });
    await fresh.loadMore();
    const ids = fresh.items.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('keeps the error and the old items when a refresh fails, and clears it on success', async () => {
    const list = new FakeList(5);
    const slot = list.slot();
    await slot.load();
    list.failNext = new Error('HTTP 500');
    await slot.refresh();
    assert.equal(slot.error?.message, 'HTTP 500');
    assert.equal(slot.items.length, 5);
    await slot.refresh();
    assert.equal(slot.error, undefined);
  });

  it('keeps a first-load error until asked again (rendering does not retry in a loop)', async () => {
    const list = new FakeList(5);
    const slot = list.slot();
    list.failNext = new Error('down');
    await slot.load();
    assert.equal(slot.error?.message, 'down');
    await slot.load();
    assert.equal(list.fetches.length, 1);
    const changes = list.changes;
    list.holding = true;
    const retry = slot.refresh();
    assert.equal(list.changes, changes + 1, 'a retry of an empty error row announces "Loading…"');
    assert.equal(slot.loading, true);
    list.releaseAll();
    await retry;
    assert.equal(slot.error, undefined);
    assert.equal(slot.items.length, 5);
  });

  it('drops results that arrive after dispose, without a change event', async () => {
    const list = new FakeList(5);
    const slot = list.slot();
    list.holding = true;
    const loading = slot.load();
    slot.dispose();
    const changes = list.changes;
    list.releaseAll();
    await loading;
    assert.equal(slot.items.length, 0);
    assert.equal(list.changes, changes);
  });
});
