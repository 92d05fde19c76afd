// Copy ID: the ID of an organisation, system, enrolment key or pending system — what the API,
// the CLI and support requests use. IDs are not secret, so the message shows the one copied.
import * as vscode from 'vscode';
import type { EnclaveNode } from '../tree/nodes';
import { systemLabel } from '../tree/presentSystem';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import { keyName } from '../ui/promptsText';
import type { CommandContext, CommandHandler } from './context';
import { say } from './mutate';
import { resolveOrg, resolveTargets, type EntityKind } from './pickers';

interface Copied {
  readonly what: string;
  readonly id: string;
  readonly name: string;
}

function fromNode(node: EnclaveNode | undefined): Copied | undefined {
  switch (node?.type) {
    case 'org':
      return { what: 'organisation ID', id: node.org.orgId, name: node.org.orgName };
    case 'system':
    case 'pending':
      return { what: 'system ID', id: node.system.systemId, name: systemLabel(node.system) };
    case 'key':
      return { what: 'enrolment key ID', id: String(node.key.id), name: keyName(node.key) };
    default:
      return undefined;
  }
}

type Choice = 'org' | EntityKind;

/** From the palette: which kind of ID, then which item. */
async function fromPalette(ctx: CommandContext, node: EnclaveNode | undefined): Promise<Copied | undefined> {
  const kind = await getPrompter().pick<Choice>(
    [
      { label: 'Organisation', value: 'org' },
      { label: 'System', value: 'system' },
      { label: 'Enrolment key', value: 'key' },
      { label: 'Pending system', value: 'pending' },
    ],
    { title: 'Copy ID', placeholder: 'Copy the ID of…' },
  );
  if (kind === undefined || kind === BACK) return undefined;
  if (kind === 'org') {
    const org = await resolveOrg(ctx, node, 'Copy ID');
    return org && { what: 'organisation ID', id: org.orgId, name: org.orgName };
  }
  const nouns = { system: 'system', key: 'enrolment key', pending: 'pending system' } as const;
  const targets = await resolveTargets(ctx, node, undefined, {
    kind,
    many: false,
    title: 'Copy ID',
    placeholder: `Pick the ${nouns[kind]}`,
    nothing: `no ${nouns[kind]}s`,
  });
  if (!targets) return undefined;
  const item = targets.items[0];
  if ('id' in item) return { what: 'enrolment key ID', id: String(item.id), name: keyName(item) };
  return { what: 'system ID', id: item.systemId, name: systemLabel(item) };
}

export const handler: CommandHandler = async (ctx, node) => {
  const copied = fromNode(node) ?? (await fromPalette(ctx, node));
  if (!copied) return undefined;
  await vscode.env.clipboard.writeText(copied.id);
  say(`Copied the ${copied.what} of '${copied.name}' to the clipboard: ${copied.id}`);
  return copied.id;
};
