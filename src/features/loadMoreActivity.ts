import type { CommandHandler } from '../commands/context';
import { asActivityNode } from './activity/nodes';
import { activityTree } from './activity/open';

/**
 * Enclave: Load More Activity, the "Load more…" row's click (and the retry of a failed one):
 * older entries until a page's worth of matches was added, the end, or the per-click bound.
 */
export const handler: CommandHandler = async (_ctx, node) => {
  const row = asActivityNode(node);
  if (row?.orgId === undefined) return;
  await activityTree().loadMore(row.orgId);
};
