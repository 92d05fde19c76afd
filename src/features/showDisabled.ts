// Enclave: Show Disabled / Hide Disabled — the "show disabled" toggle of the Systems and
// Enrolment keys lists (the API's include_disabled), remembered with the list's filter.
import type { CommandContext, CommandHandler } from '../commands/context';
import type { EnclaveNode } from '../tree/nodes';
import { resolveList } from './listTarget';

export async function setShowDisabled(ctx: CommandContext, node: EnclaveNode | undefined, showDisabled: boolean): Promise<void> {
  const target = await resolveList(ctx, node, showDisabled ? 'Show Disabled Items' : 'Hide Disabled Items', ['systems', 'enrolmentKeys']);
  if (!target) return;
  await ctx.store.setFilter(target.orgId, target.kind, { ...ctx.store.filter(target.orgId, target.kind), showDisabled });
}

export const handler: CommandHandler = (ctx, node) => setShowDisabled(ctx, node, true);
