// Virtual time for unit tests of timer-driven code (the auto-refresh scheduler, the expiry
// ticker): timers fire only when the test advances the clock, in the order they are due.
import type { Clock } from '../../../src/model/storeAutoRefresh';

export class FakeClock implements Clock {
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  constructor(public time = 0) {}

  now(): number { return this.time; }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void { this.timers.delete(handle as number); }

  /** How many timers are set. */
  get pending(): number { return this.timers.size; }

  /**
   * Moves time on by `ms`, firing each timer that falls due on the way at its own instant, and
   * lets the promise callbacks a timer started run before the next one fires.
   */
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
