/**
 * The wait before an automatic retry, as the status bar shows it: the client reports each retry
 * it is about to make (429 with Retry-After, 502/503/504, a dropped connection) through
 * `onRetry`, and while one is pending the person sees "rate limited, retrying in 5 s" instead of
 * nothing — or an error that the retry may yet avoid. One timer at most: several calls waiting
 * at once show the wait that ends last, and it clears itself when that wait is over (the retry
 * is then on its way; if it is turned away again, the client reports a new wait).
 * vscode-free so the timing is unit-tested with fake timers.
 */
import type { RetryInfo } from '../api/options';
import { realTimers, type Timers } from './recovery';

export interface RetryWait {
  /** HTTP 429: the API asked us to slow down. */
  readonly rateLimited: boolean;
  /** Why the call is retried, as the client says it ("HTTP 503", "ECONNRESET"). */
  readonly reason: string;
  readonly method: string;
  readonly path: string;
  readonly delayMs: number;
  /** When the retry is sent (epoch ms). */
  readonly until: number;
}

export class RetryWaits {
  private wait: RetryWait | undefined;
  private timer: unknown;

  constructor(
    private readonly onChange: () => void,
    private readonly timers: Timers = realTimers,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): RetryWait | undefined {
    return this.wait;
  }

  /** True while the clear-up timer is set (for the diagnostics: at most one). */
  get timerSet(): boolean {
    return this.timer !== undefined;
  }

  add(info: RetryInfo): void {
    const until = this.now() + Math.max(0, info.delayMs);
    if (this.wait && this.wait.until > until) return; // a longer wait is already shown
    this.wait = { rateLimited: info.reason === 'HTTP 429', reason: info.reason, method: info.method, path: info.path, delayMs: info.delayMs, until };
    this.clearTimer();
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      this.wait = undefined;
      this.onChange();
    }, until - this.now());
    this.onChange();
  }

  /** A new token or URL, or shutting down: nothing of the old client's waits is true any more. */
  clear(): void {
    const had = this.wait !== undefined;
    this.clearTimer();
    this.wait = undefined;
    if (had) this.onChange();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }
}
