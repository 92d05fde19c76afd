// Row 5: the heap that 20,000 systems cost as the store holds them — loaded page by page through
// the real EnclaveStore and client ("Load more" until the end), measured as the growth of
// heapUsed after full garbage collections. Needs --expose-gc (run.ts relaunches itself with it).
import * as assert from 'node:assert/strict';
import { EnclaveStore } from '../../src/model/store';
import { quietLog, type ClientSession } from './clientSession';

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  // Twice: weak references and finalizers freed by the first pass are reclaimed by the second.
  gc();
  gc();
}

/** Bytes of heap the store's 20,000 systems take, one repetition. */
export async function storeHeapBytes(session: ClientSession, orgId: string, expected: number): Promise<number> {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const store = new EnclaveStore(session, quietLog);
  await store.load(orgId, 'systems');
  while (store.systems(orgId).hasMore) await store.loadMore(orgId, 'systems');
  assert.equal(store.systems(orgId).items.length, expected, 'every system is loaded');
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  // Still referenced here, so the measurement above could not have collected it.
  assert.equal(store.systems(orgId).error, undefined);
  store.dispose();
  return after - before;
}
