// Rows 1, 2 and 5 from the samples: medians, ratios, and each target's pass/fail.
import { median } from './stats';
import { mb, ms, times, type Row } from './table';
import type { TimingSamples } from './timingRows';

export function timingRows(s: TimingSamples, concurrency: number): Row[] {
  const g1 = '1. All 20,000 systems (100 pages of 200)';
  const g2 = '2. First rows of a 20,000-system list';
  const parallel = median(s.parallel);
  const sequential = median(s.sequential);
  const floor = median(s.floor);
  const firstRows = median(s.firstRows);
  const barePage = median(s.barePage);
  return [
    { group: g1, label: `floor: bare undici Pool.request + JSON.parse, ${concurrency} at a time`, measured: ms(floor) },
    { group: g1, label: `client all-pages walk (systems.listAll, concurrency ${concurrency})`, measured: ms(parallel) },
    { group: g1, label: 'sequential links.next walk (walkLinksSequentially)', measured: ms(sequential) },
    { group: g1, label: 'client walk ÷ floor', measured: times(parallel / floor), target: '≤ 1.15×', pass: parallel / floor <= 1.15 },
    { group: g1, label: 'sequential walk ÷ client walk', measured: times(sequential / parallel), target: '≥ 4×', pass: sequential / parallel >= 4 },
    // The most any client could gain here: shows whether a miss is the client's or the setup's.
    { group: g1, label: 'sequential walk ÷ floor (the ceiling on this setup)', measured: times(sequential / floor) },
    { group: g2, label: 'one bare request for the first page (50)', measured: ms(barePage) },
    { group: g2, label: 'expand Systems in the tree → first rows (store + provider + client)', measured: ms(firstRows) },
    { group: g2, label: 'first rows ÷ bare page request', measured: times(firstRows / barePage), target: '≤ 1.2×', pass: firstRows / barePage <= 1.2 },
  ];
}

export function heapRows(bytes: readonly number[]): Row[] {
  const heap = median(bytes);
  return [
    { group: '5. Memory', label: 'heapUsed growth holding 20,000 systems in the store (after GC)', measured: mb(heap), target: '< 40 MB', pass: heap < 40 * 1024 * 1024 },
  ];
}
