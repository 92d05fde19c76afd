// When a failed attempt may be repeated, and how long to wait first.
//
// Only idempotent methods are retried: GET, and the PUT/DELETE routes of this API (enable,
// disable, approve, enable-until, revoke, decline, delete), which leave the same state when
// repeated. POST (create) and PATCH are never retried: a lost response does not mean a lost
// write, and a second create makes a second key.
//
// What is retried:
// - 429, 502, 503, 504: the request was turned away (rate limit, proxy, deploy) before doing work.
// - connection refused / reset / DNS hiccups and connect timeouts, for every idempotent method:
//   a refused or timed-out connect never carried the request; a reset one may have, but
//   repeating an idempotent call is harmless (the worst case is a bulk count that reports 0 for
//   items the first attempt already changed, which the caller then sees on refresh).
// - headers/body timeouts: GET only. A server that sat on a PUT/DELETE for the whole timeout may
//   still be applying it; repeating it would pile a second slow write on a struggling server and
//   triple the user's wait. For a read, a fresh attempt is cheap and often lands elsewhere.
// Not retried: other 4xx (the answer will not change), 500 (usually a deterministic server bug),
// malformed responses, and the caller's abort.
import { AbortedError, ApiError, EnclaveError, NetworkError, TimeoutError, type Where } from './errors';

export interface RetryOptions {
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetryOptions = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 4000, maxRetryAfterMs: 30_000 };

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRY_STATUS = new Set([429, 502, 503, 504]);
// Transient network failures. Certificate errors, a closed client and the like are not: the
// next attempt would fail the same way.
const RETRY_NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN', 'ENOTFOUND']);

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.has(method.toUpperCase());
}

/** Why `error` may be retried for `method`, or undefined when it must not be. */
export function retryReason(method: string, error: EnclaveError): string | undefined {
  if (!isIdempotent(method)) return undefined;
  if (error instanceof ApiError) return RETRY_STATUS.has(error.status) ? `HTTP ${error.status}` : undefined;
  if (error instanceof NetworkError) return RETRY_NETWORK.has(error.code) ? error.code : undefined;
  if (error instanceof TimeoutError) {
    if (error.phase === 'connect') return 'connect timeout';
    return method.toUpperCase() === 'GET' ? `${error.phase} timeout` : undefined;
  }
  return undefined;
}

/**
 * Delay before retry number `retry` (1-based): exponential, capped, with "equal jitter" (half
 * fixed, half random) so that clients which failed together do not come back together.
 */
export function backoffDelay(retry: number, options: ResolvedRetryOptions, random: () => number = Math.random): number {
  const exp = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * Retry-After as milliseconds: delta-seconds or an HTTP-date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/^[A-Za-z]{3},/.test(text)) return undefined; // IMF-fixdate starts with the day name
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Resolves after `ms`, or rejects with AbortedError the moment `signal` fires. */
export function sleep(ms: number, signal?: AbortSignal, where?: Where): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError(where));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError(where));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
