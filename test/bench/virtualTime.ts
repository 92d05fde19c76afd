// Virtual time for "60 s of auto-refresh": while installed, the global setTimeout/clearTimeout
// and Date.now are a clock the bench advances by hand, so the extension's real scheduler
// (src/model/storeAutoRefresh.ts through src/ui/autoRefresh.ts, which use the globals) sees a
// minute pass in well under a second. Requests still go over real sockets; between two timers
// the bench waits for the fetches a timer started to finish.

interface Timer {
  readonly handle: object;
  readonly due: number;
  readonly fire: () => void;
}

export class VirtualTime {
  private virtualNow = 0;
  private timers: Timer[] = [];
  private restore: (() => void) | undefined;

  install(): void {
    const saved = { setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout, now: Date.now };
    const start = saved.now();
    const g = globalThis as unknown as Record<string, unknown>;
    g.setTimeout = (fn: (...args: unknown[]) => void, ms = 0, ...args: unknown[]): object => {
      const handle = { ref: () => handle, unref: () => handle, hasRef: () => false, refresh: () => handle };
      this.timers.push({ handle, due: this.virtualNow + Math.max(0, ms), fire: () => fn(...args) });
      return handle;
    };
    g.clearTimeout = (handle: unknown): void => {
      this.timers = this.timers.filter((t) => t.handle !== handle);
    };
    Date.now = () => start + this.virtualNow;
    this.restore = () => {
      g.setTimeout = saved.setTimeout;
      g.clearTimeout = saved.clearTimeout;
      Date.now = saved.now;
    };
  }

  uninstall(): void {
    this.restore?.();
    this.restore = undefined;
    this.timers = [];
  }

  /** Fires every timer due in the next `ms`, in order, awaiting `settle` after each. */
  async advance(ms: number, settle: () => Promise<void>): Promise<void> {
    const end = this.virtualNow + ms;
    for (;;) {
      const next = this.timers.filter((t) => t.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.virtualNow = next.due;
      next.fire();
      await settle();
    }
    this.virtualNow = end;
  }
}
