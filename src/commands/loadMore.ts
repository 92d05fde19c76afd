import type { CommandHandler } from './context';
import type { PagedStoreApi } from '../model/store';

function isPaged(store: unknown): store is PagedStoreApi {
  return typeof (store as Partial<PagedStoreApi>).loadMore === 'function';
}

/**
 * Enclave: Load More, the "Load more…" row's click: appends the next page of that list. Only
 * reachable from the row (hidden from the palette), so without a row there is nothing to do.
 */
export const handler: CommandHandler = async (ctx, node) => {
  if (node?.type !== 'loadMore' || !isPaged(ctx.store)) return;
  await ctx.store.loadMore(node.orgId, node.kind, node.group);
};
