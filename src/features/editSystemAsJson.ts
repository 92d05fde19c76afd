// Edit System as JSON: the system's patchable fields in an editor, checked as you type.
import type { CommandHandler } from '../commands/context';
import { resolveTargets } from '../commands/pickers';
import { openJsonDocument } from './json/open';

export const handler: CommandHandler = async (ctx, node) => {
  const targets = await resolveTargets(ctx, node, undefined, {
    kind: 'system', many: false, title: 'Edit System as JSON', placeholder: 'Pick the system to edit as JSON', nothing: 'no systems to edit',
  });
  if (!targets) return;
  await openJsonDocument(ctx, { kind: 'system', orgId: targets.orgId, id: targets.items[0].systemId });
};
