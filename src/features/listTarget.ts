// Which list a list command works on: the row it was run from (a list, a group, a row inside
// the list), or — from the palette — the organisation (asked when there are several) and then
// the list.
import type { CommandContext } from '../commands/context';
import { resolveOrg } from '../commands/pickers';
import type { EnclaveNode, ListKind } from '../tree/nodes';
import { LIST_LABELS } from '../tree/words';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';

export interface ListTarget {
  readonly orgId: string;
  readonly kind: ListKind;
}

function kindOf(node: EnclaveNode): ListKind | undefined {
  switch (node.type) {
    case 'list':
    case 'group':
    case 'loadMore':
      return node.kind;
    case 'system':
      return 'systems';
    case 'key':
      return 'enrolmentKeys';
    case 'pending':
      return 'pending';
    default:
      return undefined;
  }
}

export async function resolveList(ctx: CommandContext, node: EnclaveNode | undefined, title: string, kinds: readonly ListKind[]): Promise<ListTarget | undefined> {
  const fromNode = node && kindOf(node);
  if (node && 'orgId' in node && fromNode && kinds.includes(fromNode)) return { orgId: node.orgId, kind: fromNode };
  const org = await resolveOrg(ctx, node, title);
  if (!org) return undefined;
  if (kinds.length === 1) return { orgId: org.orgId, kind: kinds[0] };
  const kind = await getPrompter().pick(kinds.map((k) => ({ label: LIST_LABELS[k], value: k })), { title, placeholder: 'Pick the list' });
  return kind === undefined || kind === BACK ? undefined : { orgId: org.orgId, kind };
}
