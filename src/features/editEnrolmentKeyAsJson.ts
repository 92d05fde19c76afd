// Edit Enrolment Key as JSON: the key's patchable fields (never its secret) in an editor.
import type { CommandHandler } from '../commands/context';
import { resolveTargets } from '../commands/pickers';
import { openJsonDocument } from './json/open';

export const handler: CommandHandler = async (ctx, node) => {
  const targets = await resolveTargets(ctx, node, undefined, {
    kind: 'key', many: false, title: 'Edit Enrolment Key as JSON', placeholder: 'Pick the enrolment key to edit as JSON', nothing: 'no enrolment keys to edit',
  });
  if (!targets) return;
  await openJsonDocument(ctx, { kind: 'key', orgId: targets.orgId, id: String(targets.items[0].id) });
};
