import type { CommandHandler } from '../commands/context';
import { setShowDisabled } from './showDisabled';

export const handler: CommandHandler = (ctx, node) => setShowDisabled(ctx, node, false);
