import * as assert from 'node:assert/strict';
import { AutoRefreshScheduler } from '../../../src/model/storeAutoRefresh';
import { FakeClock } from '../support/fakeClock';

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
