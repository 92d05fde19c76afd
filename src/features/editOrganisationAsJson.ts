// Edit Organisation as JSON: name, website and phone in an editor.
import type { CommandHandler } from '../commands/context';
import { resolveOrg } from '../commands/pickers';
import { openJsonDocument } from './json/open';

export const handler: CommandHandler = async (ctx, node) => {
  const org = await resolveOrg(ctx, node, 'Edit Organisation as JSON');
  if (!org) return;
  await openJsonDocument(ctx, { kind: 'org', orgId: org.orgId, id: '' });
};
