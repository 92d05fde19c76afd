import * as assert from 'node:assert/strict';
import { RecoveryLoop, type Timers } from '../../../src/model/recovery';

/** Timers run by hand: `fire()` runs the pending one; the test can see how many are pending. */
class FakeTimers implements Timers {
  pending: { callback: () => void; ms: number; id: number }[] = [];
  private next = 1;
  set(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.push({ callback, ms, id });
    return id;
  }
  clear(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }
  async fire(): Promise<number> {
    assert.equal(this.pending.length, 1, 'exactly one timer should be pending');
    const [timer] = this.pending;
    this.pending = [];
    timer.callback();
    await new Promise((r) => setImmediate(r));
    return timer.ms;
  }
}

describe('RecoveryLoop', () => {
  it('backs off 5 s → 60 s with one timer at a time, and stops on success', async () => {
    const timers = new FakeTimers();
    let attempts = 0;
    let succeedAt = 7;
    const loop = new RecoveryLoop(async () => ++attempts >= succeedAt, { firstDelayMs: 5_000, maxDelayMs: 60_000 }, timers);
    loop.start();
    loop.start(); // a second start while running adds nothing
    const delays: number[] = [];
    while (timers.pending.length > 0) delays.push(await timers.fire());
    assert.deepEqual(delays, [5_000, 10_000, 20_000, 40_000, 60_000, 60_000, 60_000]);
    assert.equal(attempts, 7);
    assert.equal(loop.stats.running, false);
    succeedAt = Infinity;
  });

  it('restarts from 5 s after a stop', async () => {
    const timers = new FakeTimers();
    const loop = new RecoveryLoop(async () => false, { firstDelayMs: 5_000, maxDelayMs: 60_000 }, timers);
    loop.start();
    await timers.fire();
    await timers.fire();
    assert.equal(timers.pending[0].ms, 20_000);
    loop.stop();
    assert.equal(timers.pending.length, 0);
    loop.start();
    assert.equal(timers.pending[0].ms, 5_000);
    loop.stop();
  });

  it('retryNow runs at once, never overlaps an attempt in flight, and keeps one timer', async () => {
    const timers = new FakeTimers();
    let running = 0;
    let overlapped = false;
    let release: (ok: boolean) => void = () => undefined;
    const loop = new RecoveryLoop(() => {
      running++;
      if (running > 1) overlapped = true;
      return new Promise<boolean>((resolve) => (release = (ok) => { running--; resolve(ok); }));
    }, { firstDelayMs: 5_000, maxDelayMs: 60_000 }, timers);
    loop.start();
    loop.retryNow();
    loop.retryNow();
    assert.equal(timers.pending.length, 0, 'retryNow replaces the pending timer');
    release(false);
    await new Promise((r) => setImmediate(r));
    assert.equal(overlapped, false);
    assert.equal(timers.pending.length, 1);
    await timers.fire();
    release(true);
    await new Promise((r) => setImmediate(r));
    assert.equal(timers.pending.length, 0);
    assert.equal(loop.stats.running, false);
  });

  it('counts a throwing attempt as a failure', async () => {
    const timers = new FakeTimers();
    const loop = new RecoveryLoop(async () => { throw new Error('boom'); }, { firstDelayMs: 10, maxDelayMs: 100 }, timers);
    loop.start();
    assert.equal(await timers.fire(), 10);
    assert.equal(timers.pending[0].ms, 20);
    loop.stop();
  });
});
