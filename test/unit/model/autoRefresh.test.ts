import * as assert from 'node:assert/strict';
import { AutoRefreshScheduler, type Clock } from '../../../src/model/storeAutoRefresh';

/** Virtual time: timers fire only when the test advances the clock. */
class FakeClock implements Clock {
  time = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now(): number { return this.time; }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void { this.timers.delete(handle as number); }
  get pending(): number { return this.timers.size; }
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    this.time = end;
  }
}

describe('auto-refresh scheduling', () => {
  let clock: FakeClock;
  let refreshes: number;
  let gate: { interval: number; active: boolean; busy: boolean; hold?: Promise<void> };
  let scheduler: AutoRefreshScheduler;

  beforeEach(() => {
    clock = new FakeClock();
    refreshes = 0;
    gate = { interval: 10_000, active: true, busy: false };
    scheduler = new AutoRefreshScheduler({
      intervalMs: () => gate.interval,
      active: () => gate.active,
      busy: () => gate.busy,
      refresh: async () => {
        refreshes++;
        await gate.hold;
      },
    }, clock);
  });

  afterEach(() => scheduler.dispose());

  it('refreshes every interval while active, with one timer at a time', async () => {
    scheduler.update();
    scheduler.update();
    assert.equal(clock.pending, 1);
    await clock.advance(9_999);
    assert.equal(refreshes, 0);
    await clock.advance(1);
    assert.equal(refreshes, 1);
    await clock.advance(30_000);
    assert.equal(refreshes, 4);
    assert.equal(clock.pending, 1);
  });

  it('is off at 0 and sends nothing while hidden or unfocused', async () => {
    gate.interval = 0;
    scheduler.update();
    await clock.advance(60_000);
    assert.equal(refreshes, 0);
    gate.interval = 10_000;
    gate.active = false;
    scheduler.update();
    assert.equal(clock.pending, 0);
    await clock.advance(60_000);
    assert.equal(refreshes, 0);
  });

  it('stops when the gate closes and catches up at once when it opens on stale data', async () => {
    scheduler.update();
    await clock.advance(5_000);
    gate.active = false;
    scheduler.update();
    await clock.advance(60_000);
    assert.equal(refreshes, 0);
    gate.active = true;
    scheduler.update();
    await clock.advance(0);
    assert.equal(refreshes, 1);
  });

  it('never overlaps a fetch: skips a busy tick and waits for its own refresh to end', async () => {
    gate.busy = true;
    scheduler.update();
    await clock.advance(10_000);
    assert.equal(refreshes, 0, 'skipped while the store was busy');
    gate.busy = false;
    let release!: () => void;
    gate.hold = new Promise((r) => (release = r));
    await clock.advance(10_000);
    assert.equal(refreshes, 1);
    scheduler.update(); // e.g. the window regains focus mid-refresh
    await clock.advance(60_000);
    assert.equal(refreshes, 1, 'no second refresh while the first is in flight');
    assert.equal(clock.pending, 0);
    release();
    gate.hold = undefined;
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await clock.advance(10_000);
    assert.equal(refreshes, 2);
  });

  it('follows a changed interval', async () => {
    scheduler.update();
    gate.interval = 30_000;
    scheduler.update();
    await clock.advance(29_000);
    assert.equal(refreshes, 0);
    await clock.advance(1_000);
    assert.equal(refreshes, 1);
  });
});
