import * as assert from 'node:assert/strict';
import type { Clock } from '../../../src/model/storeAutoRefresh';
import { ExpiryTicker } from '../../../src/tree/expiryTicker';

/** Virtual time: timers fire only when the test advances the clock. */
class FakeClock implements Clock {
  time = 1_000_000;
  readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;
  now(): number { return this.time; }
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void { this.timers.delete(handle as number); }
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = end;
  }
}

describe('remaining times on screen: the re-render timer', () => {
  let clock: FakeClock;
  let fired: string[][];
  let ticker: ExpiryTicker<string>;

  beforeEach(() => {
    clock = new FakeClock();
    fired = [];
    ticker = new ExpiryTicker<string>((lists) => fired.push([...lists]), clock);
  });

  it('keeps one timer for the earliest change and re-renders only the lists that are due', () => {
    ticker.setVisible(true);
    ticker.note('systems', clock.time + 30_000);
    ticker.note('keys', clock.time + 90_000);
    ticker.note('systems', clock.time + 50_000); // a later row of the same list changes nothing
    assert.equal(clock.timers.size, 1);
    clock.advance(29_999);
    assert.deepEqual(fired, []);
    clock.advance(1);
    assert.deepEqual(fired, [['systems']]);
    assert.equal(clock.timers.size, 1, 'the next one is scheduled');
    clock.advance(60_000);
    assert.deepEqual(fired, [['systems'], ['keys']]);
    assert.equal(clock.timers.size, 0, 'nothing left to count down until rows are rendered again');
  });

  it('moves the timer earlier for an earlier change', () => {
    ticker.setVisible(true);
    ticker.note('keys', clock.time + 60_000);
    ticker.note('systems', clock.time + 10_000);
    assert.equal(clock.timers.size, 1);
    clock.advance(10_000);
    assert.deepEqual(fired, [['systems']]);
  });

  it('runs no timer while the view is hidden, and catches up at once when it is shown', () => {
    ticker.note('systems', clock.time + 30_000);
    assert.equal(clock.timers.size, 0);
    ticker.setVisible(true);
    assert.equal(clock.timers.size, 1);
    ticker.setVisible(false);
    assert.equal(clock.timers.size, 0);
    clock.advance(120_000);
    assert.deepEqual(fired, []);
    ticker.setVisible(true);
    clock.advance(0);
    assert.deepEqual(fired, [['systems']]);
  });

  it('stops for good on dispose', () => {
    ticker.setVisible(true);
    ticker.note('systems', clock.time + 1_000);
    ticker.dispose();
    assert.equal(clock.timers.size, 0);
    clock.advance(5_000);
    assert.deepEqual(fired, []);
  });
});
