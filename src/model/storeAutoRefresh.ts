/**
 * When the automatic refresh fires, without `vscode` (autoRefresh.ts wires it to the view, the
 * window and the setting). One timer at most; a tick never overlaps a fetch — it is skipped
 * while the store is busy and the next one is counted from when a refresh ended — and nothing
 * is scheduled while the gate is closed (view hidden, window unfocused, not connected).
 */
export interface AutoRefreshHooks {
  /** 0 turns the refresh off. */
  intervalMs(): number;
  /** True while refreshing makes sense: view visible, window focused, API connected. */
  active(): boolean;
  /** True while any fetch is in flight. */
  busy(): boolean;
  refresh(): Promise<void>;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class AutoRefreshScheduler {
  private timer: unknown;
  private refreshing = false;
  private lastRefresh: number;
  private disposed = false;

  constructor(private readonly hooks: AutoRefreshHooks, private readonly clock: Clock = realClock) {
    // What is on screen was just loaded: the first refresh is one interval away.
    this.lastRefresh = clock.now();
  }

  /** Re-reads the interval and the gate; call on every change of either. */
  update(): void {
    this.cancel();
    if (this.disposed || this.refreshing) return;
    const interval = this.hooks.intervalMs();
    if (interval <= 0 || !this.hooks.active()) return;
    // Coming back to a view whose data is older than one interval refreshes it at once.
    const due = Math.max(0, this.lastRefresh + interval - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.tick(), due);
  }

  dispose(): void {
    this.disposed = true;
    this.cancel();
  }

  private tick(): void {
    this.timer = undefined;
    if (this.disposed || !this.hooks.active()) return;
    if (this.hooks.busy()) {
      // Someone else is fetching (a manual refresh, an expansion): skip this tick.
      this.lastRefresh = this.clock.now();
      return this.update();
    }
    this.refreshing = true;
    this.hooks.refresh().catch(() => undefined).finally(() => {
      this.refreshing = false;
      this.lastRefresh = this.clock.now();
      this.update();
    });
  }

  private cancel(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }
}
