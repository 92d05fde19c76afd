// Open in Portal: the page of the clicked item in the Enclave Portal. The portal's routes are not
// documented anywhere we could find; these paths are a best guess from its navigation (systems,
// enrolment keys) and may need correcting. The API's IDs are all the path needs.
import * as vscode from 'vscode';
import type { EnclaveNode, ListKind } from '../tree/nodes';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import type { CommandHandler } from './context';
import { resolveOrg } from './pickers';

export const PORTAL = 'https://portal.enclave.io';

const LIST_PATHS: Record<ListKind, string> = {
  systems: 'systems',
  enrolmentKeys: 'enrolment-keys',
  pending: 'systems?pending',
};

const org = (orgId: string): string => `${PORTAL}/org/${encodeURIComponent(orgId)}`;

/** The portal page for a tree node, or undefined for rows that have none (messages, load more). */
export function portalUrl(node: EnclaveNode): string | undefined {
  switch (node.type) {
    case 'org':
      return org(node.org.orgId);
    case 'list':
      return `${org(node.orgId)}/${LIST_PATHS[node.kind]}`;
    case 'system':
      return `${org(node.orgId)}/systems/${encodeURIComponent(node.system.systemId)}`;
    case 'key':
      return `${org(node.orgId)}/enrolment-keys/${node.key.id}`;
    case 'pending':
      return `${org(node.orgId)}/${LIST_PATHS.pending}`;
    default:
      return undefined;
  }
}

export const handler: CommandHandler = async (ctx, node) => {
  let url = node ? portalUrl(node) : undefined;
  if (!url) {
    const chosen = await resolveOrg(ctx, node, 'Open in Portal');
    if (!chosen) return undefined;
    const page = await getPrompter().pick<ListKind | 'org'>(
      [
        { label: 'Organisation', description: chosen.orgName, value: 'org' },
        { label: 'Systems', value: 'systems' },
        { label: 'Enrolment keys', value: 'enrolmentKeys' },
        { label: 'Pending approval', value: 'pending' },
      ],
      { title: 'Open in Portal', placeholder: 'Which page of the Enclave Portal?' },
    );
    if (page === undefined || page === BACK) return undefined;
    url = page === 'org' ? org(chosen.orgId) : `${org(chosen.orgId)}/${LIST_PATHS[page]}`;
  }
  ctx.log.info(`Opening ${url} in the browser`);
  // Not awaited: it settles only when the browser (or a "open this link?" prompt) has answered,
  // and the command has nothing left to do either way.
  const target = url;
  void vscode.env.openExternal(vscode.Uri.parse(target, true)).then((opened) => opened || ctx.log.warn(`The browser did not open ${target}`));
  return url;
};
