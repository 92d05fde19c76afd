import type { CommandHandler } from '../commands/context';
import { NO_FILTER } from './activity/filter';
import { activityTree } from './activity/open';

/** Enclave: Clear Activity Filter: every entry loaded shows again. */
export const handler: CommandHandler = async () => {
  activityTree().setFilter(NO_FILTER);
};
