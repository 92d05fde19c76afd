import type { ListState } from '../commands/context';
import type { ItemView } from './itemView';
import type { GroupBy, ListFilter, ListGroup } from '../model/listQuery';
import type { EnclaveNode, ListKind } from './nodes';
import { presentKey } from './presentKey';
import { presentPending } from './presentPending';
import { presentGroup, presentList, presentLoadMore, presentMessage, presentOrg } from './presentRows';
import { presentSystem } from './presentSystem';

/** What the presentation needs to know about the lists (the store provides it). */
export interface ListLookup {
  list(orgId: string, kind: ListKind, group?: ListGroup): ListState<unknown>;
  filter(orgId: string, kind: ListKind): ListFilter;
  grouping(): GroupBy | undefined;
}

/** Any node as a row: one switch, so a new node type cannot be forgotten here. */
export function present(node: EnclaveNode, lists: ListLookup, now: Date): ItemView {
  switch (node.type) {
    case 'org':
      return presentOrg(node.org);
    case 'list':
      return presentList(node.kind, lists.list(node.orgId, node.kind), lists.filter(node.orgId, node.kind), node.kind === 'systems' ? lists.grouping() : undefined);
    case 'group':
      return presentGroup(node.group, lists.list(node.orgId, node.kind, node.group), lists.filter(node.orgId, node.kind));
    case 'system':
      return presentSystem(node.system, now);
    case 'key':
      return presentKey(node.key, now);
    case 'pending':
      return presentPending(node.system, now);
    case 'loadMore':
      return presentLoadMore(lists.list(node.orgId, node.kind, node.group));
    case 'message':
      return presentMessage(node);
  }
}

/** The id a row is known by, for a row whose data could not be presented. */
function idText(node: EnclaveNode): string {
  switch (node.type) {
    case 'org':
      return String(node.org?.orgId ?? node.id);
    case 'system':
    case 'pending':
      return String(node.system?.systemId ?? node.id);
    case 'key':
      return `#${String(node.key?.id ?? node.id)}`;
    default:
      return node.id;
  }
}

/**
 * `present`, but a row whose data has a shape nothing here expected (a number where text should
 * be, say) still shows — by its ID, saying so — instead of failing the whole tree.
 */
export function presentSafely(node: EnclaveNode, lists: ListLookup, now: Date, onError?: (error: unknown) => void): ItemView {
  try {
    return present(node, lists, now);
  } catch (error) {
    onError?.(error);
    return {
      label: idText(node),
      description: 'the API sent data this version cannot show',
      icon: { id: 'question' },
      contextValue: `${node.type}.unreadable`,
      collapsible: node.type === 'org' || node.type === 'list' || node.type === 'group' ? 'collapsed' : 'none',
    };
  }
}
