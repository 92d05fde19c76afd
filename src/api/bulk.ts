// Bulk calls (enable/disable/approve/revoke/decline/delete many): the API takes at most 200 IDs
// per request, so longer lists are sent as consecutive chunks and the counts added up. Chunks go
// one after another, not in parallel: the API does the work per call, and a failure then leaves
// a clear "first N done" state, which the thrown error reports in `bulkProgress`.
import { isEnclaveError } from './errors';
import type { CallOptions, Transport } from './options';
import { withCount } from './shapes';

/** The API's hard limit on IDs per bulk call. */
export const MAX_BULK_IDS = 200;

export interface BulkCall {
  method: 'PUT' | 'DELETE';
  path: string;
  /** Body field holding the IDs, e.g. 'systemIds'. */
  idsField: string;
  /** Result field holding the count, e.g. 'systemsUpdated'. */
  countField: string;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Sends `ids` (deduplicated, order kept) in chunks of at most 200; resolves to the summed count. */
export async function bulk<Id extends string | number>(t: Transport, call: BulkCall, ids: readonly Id[], options?: CallOptions): Promise<number> {
  const unique = [...new Set(ids)];
  let count = 0;
  let idsDone = 0;
  for (const ids of chunk(unique, MAX_BULK_IDS)) {
    try {
      const result = await t.request<Record<string, number>>(call.method, call.path, {
        body: { [call.idsField]: ids },
        signal: options?.signal,
        expect: withCount(call.countField),
      });
      count += result[call.countField];
      idsDone += ids.length;
    } catch (err) {
      if (isEnclaveError(err) && idsDone > 0) err.bulkProgress = { count, idsDone, idsTotal: unique.length };
      throw err;
    }
  }
  return count;
}
