// Copy Enrolment Key: the secret goes to the clipboard only — never into a message or the log.
// It is read from the key's detail, fetched now, rather than from the tree's list row.
import * as vscode from 'vscode';
import type { CommandHandler } from './context';
import { say } from './mutate';
import { resolveTargets } from './pickers';

export const handler: CommandHandler = async (ctx, node) => {
  const targets = await resolveTargets(ctx, node, undefined, {
    kind: 'key',
    many: false,
    title: 'Copy Enrolment Key',
    placeholder: 'Pick the enrolment key to copy',
    nothing: 'no enrolment keys to copy',
  });
  if (!targets) return;
  const { orgId } = targets;
  const detail = await ctx.session.call((client) => client.enrolmentKeys.get(orgId, targets.items[0].id));
  await vscode.env.clipboard.writeText(detail.key);
  ctx.log.info(`Copied the secret of enrolment key #${detail.id} to the clipboard`);
  say('Enrolment key copied to the clipboard.');
};
