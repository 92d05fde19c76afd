import type { CommandHandler } from '../commands/context';
import { asActivityNode } from './activity/nodes';
import { activityTree } from './activity/open';

/**
 * Enclave: Refresh Activity. From the view title or palette: every organisation's log that was
 * loaded gets its newer entries on top; from a row (an organisation, an error row): that one.
 * Failures become error rows in the view, so nothing is thrown at the user here.
 */
export const handler: CommandHandler = async (_ctx, node) => {
  const row = asActivityNode(node);
  await activityTree().refresh(row?.orgId);
};
