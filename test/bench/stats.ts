// Small numeric helpers for the benchmark.
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds `fn` took, and what it returned. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** Runs the thunks in an order rotated by `round`, so no variant always goes first (warm caches, GC debt). */
export async function rotated(round: number, thunks: readonly (() => Promise<void>)[]): Promise<void> {
  for (let i = 0; i < thunks.length; i++) await thunks[(i + round) % thunks.length]();
}
