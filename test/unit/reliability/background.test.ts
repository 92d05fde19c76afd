// The background machinery must not pile up across outages and rate limits: one recovery loop
// with one timer however often the API goes away (and whatever starts, stops and "retry now"s
// arrive meanwhile), and one timer for the "retrying in N s" notice however many calls wait.
import * as assert from 'node:assert/strict';
import type { RetryInfo } from '../../../src/api/options';
import { RecoveryLoop, type Timers } from '../../../src/model/recovery';
import { RetryWaits } from '../../../src/model/retryWait';

class CountingTimers implements Timers {
  readonly pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  set(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Runs every pending timer once (the ones they set stay pending). */
  async fireAll(): Promise<void> {
    const due = [...this.pending];
    for (const [id] of due) this.pending.delete(id);
    for (const [, t] of due) t.callback();
    await new Promise((r) => setImmediate(r));
  }
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('reliability: background loops stay single', () => {
  it('keeps one recovery timer through many outages, retry-nows and overlapping attempts', async () => {
    const timers = new CountingTimers();
    let up = false;
    let resolveAttempt: ((ok: boolean) => void) | undefined;
    let attempts = 0;
    let inFlight = 0;
    let mostInFlight = 0;
    const loop = new RecoveryLoop(() => {
      attempts++;
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      return new Promise<boolean>((resolve) => (resolveAttempt = (ok) => { inFlight--; resolve(ok); }));
    }, { firstDelayMs: 10, maxDelayMs: 40 }, timers);

    for (let outage = 0; outage < 20; outage++) {
      const attemptsBefore = attempts;
      up = false;
      // The API goes away: every failing call starts the loop, the person clicks "retry now" twice.
      for (let i = 0; i < 5; i++) loop.start();
      loop.retryNow();
      loop.retryNow();
      assert.ok(timers.pending.size <= 1, `outage ${outage}: ${timers.pending.size} timers`);
      assert.ok(loop.stats.timers <= 1);
      // The attempt in flight fails; a timer is set for the next one; more starts change nothing.
      resolveAttempt?.(up);
      await tick();
      loop.start();
      assert.equal(timers.pending.size, 1, `outage ${outage}: one timer after a failed attempt`);
      assert.equal(loop.stats.timers, 1);
      await timers.fireAll();
      // The API is back: the next attempt succeeds and everything stops.
      up = true;
      resolveAttempt?.(up);
      await tick();
      assert.equal(timers.pending.size, 0, `outage ${outage}: no timer once recovered`);
      assert.deepEqual({ ...loop.stats, attempts: 0 }, { running: false, timers: 0, inFlight: false, attempts: 0 });
      assert.equal(attempts - attemptsBefore, 2, `outage ${outage}: one failed attempt, one that succeeded`);
    }
    assert.equal(loop.stats.attempts, attempts);
    assert.equal(mostInFlight, 1, 'attempts never overlap');
  });

  it('counts a timer the loop forgot to clear (the counter can catch a leak)', () => {
    const timers = new CountingTimers();
    const loop = new RecoveryLoop(async () => false, { firstDelayMs: 10, maxDelayMs: 40 }, timers);
    loop.start();
    assert.equal(loop.stats.timers, 1);
    loop.stop();
    assert.equal(loop.stats.timers, 0);
    assert.equal(timers.pending.size, 0);
  });

  it('shows the retry wait that ends last, with one timer, and clears itself when it is over', async () => {
    const timers = new CountingTimers();
    let now = 1_000;
    let changes = 0;
    const waits = new RetryWaits(() => changes++, timers, () => now);
    const info = (delayMs: number, reason = 'HTTP 429'): RetryInfo => ({ method: 'GET', path: '/org/x/systems', attempt: 2, delayMs, reason });
    waits.add(info(5_000));
    assert.deepEqual([waits.current?.rateLimited, waits.current?.until, timers.pending.size], [true, 6_000, 1]);
    waits.add(info(2_000)); // ends sooner: the longer wait stays on show
    assert.equal(waits.current?.until, 6_000);
    now = 2_000;
    waits.add(info(8_000, 'HTTP 503'));
    assert.deepEqual([waits.current?.rateLimited, waits.current?.until, timers.pending.size], [false, 10_000, 1]);
    const [[, timer]] = [...timers.pending];
    assert.equal(timer.ms, 8_000);
    await timers.fireAll();
    assert.equal(waits.current, undefined);
    assert.equal(waits.timerSet, false);
    assert.equal(changes, 3, 'shown, replaced, cleared (a shorter wait changes nothing)');
    waits.add(info(1_000));
    waits.clear();
    assert.deepEqual([waits.current, timers.pending.size], [undefined, 0]);
  });
});
