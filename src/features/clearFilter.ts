// Enclave: Clear Filter — one click on the filtered list's inline button: the whole list again,
// disabled items shown as before.
import type { CommandHandler } from '../commands/context';
import { resolveList } from './listTarget';

export const handler: CommandHandler = async (ctx, node) => {
  const target = await resolveList(ctx, node, 'Clear a Filter', ['systems', 'enrolmentKeys', 'pending']);
  if (target) await ctx.store.setFilter(target.orgId, target.kind, undefined);
};
