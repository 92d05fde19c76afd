/**
 * The background reconnect after the API went offline: one attempt at a time, never more than
 * one timer, backing off 5 s → 10 s → 20 s → 40 s → 60 s (then every 60 s), until an attempt
 * succeeds or the loop is stopped (sign-out, dispose, or a success elsewhere). vscode-free so the
 * timing is unit-tested with fake timers.
 */
export interface RecoveryTiming {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RECOVERY_TIMING: RecoveryTiming = { firstDelayMs: 5_000, maxDelayMs: 60_000 };

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** setTimeout that does not keep the extension host alive (also the retry waits' timer). */
export const realTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** What the loop is doing, for tests and the log: proof that outages never stack up loops. */
export interface RecoveryStats {
  readonly running: boolean;
  /** Timers this loop set that have neither fired nor been cleared: 0 or 1. */
  readonly timers: number;
  readonly inFlight: boolean;
  /** Attempts started since the loop was created. */
  readonly attempts: number;
}

export class RecoveryLoop {
  private timer: unknown;
  private liveTimers = 0;
  private attempts = 0;
  private inFlight = false;
  private active = false;
  private failures = 0;

  /** `attempt` resolves true when the API answered again. It should not throw; if it does, that counts as a failure. */
  constructor(
    private readonly attempt: () => Promise<boolean>,
    /** Replaceable (tests shorten the waits); read at each scheduling. */
    public timing: RecoveryTiming = DEFAULT_RECOVERY_TIMING,
    private readonly timers: Timers = realTimers,
  ) {}

  get stats(): RecoveryStats {
    return { running: this.active, timers: this.liveTimers, inFlight: this.inFlight, attempts: this.attempts };
  }

  /** Starts waiting for the first attempt; a no-op while already running. */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.failures = 0;
    this.schedule();
  }

  /** Runs an attempt at once (the user clicked "offline"), keeping the loop if it fails. */
  retryNow(): void {
    this.active = true;
    this.clearTimer();
    void this.run();
  }

  stop(): void {
    this.active = false;
    this.failures = 0;
    this.clearTimer();
  }

  /** The wait before the next attempt: the first delay, doubled per failure, up to the maximum. */
  private nextDelayMs(): number {
    return Math.min(this.timing.maxDelayMs, this.timing.firstDelayMs * 2 ** this.failures);
  }

  private schedule(): void {
    this.clearTimer();
    this.liveTimers++;
    this.timer = this.timers.set(() => {
      this.liveTimers--;
      this.timer = undefined;
      void this.run();
    }, this.nextDelayMs());
  }

  private async run(): Promise<void> {
    if (this.inFlight || !this.active) return;
    this.inFlight = true;
    this.attempts++;
    let recovered = false;
    try {
      recovered = await this.attempt();
    } catch {
      recovered = false;
    } finally {
      this.inFlight = false;
    }
    if (recovered) {
      this.stop();
      return;
    }
    if (!this.active) return;
    this.failures++;
    this.schedule();
  }

  private clearTimer(): void {
    if (this.timer === undefined) return;
    this.timers.clear(this.timer);
    this.liveTimers--;
    this.timer = undefined;
  }
}
