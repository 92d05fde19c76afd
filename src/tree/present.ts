import type { ListState } from '../commands/context';
import type { ItemView } from './itemView';
import type { EnclaveNode, ListKind } from './nodes';
import { presentKey } from './presentKey';
import { presentPending } from './presentPending';
import { presentList, presentLoadMore, presentMessage, presentOrg } from './presentRows';
import { presentSystem } from './presentSystem';

/** What the presentation needs to know about the lists (the store provides it). */
export interface ListLookup {
  list(orgId: string, kind: ListKind): ListState<unknown>;
}

/** Any node as a row: one switch, so a new node type cannot be forgotten here. */
export function present(node: EnclaveNode, lists: ListLookup, now: Date): ItemView {
  switch (node.type) {
    case 'org':
      return presentOrg(node.org);
    case 'list':
      return presentList(node.kind, lists.list(node.orgId, node.kind));
    case 'system':
      return presentSystem(node.system, now);
    case 'key':
      return presentKey(node.key, now);
    case 'pending':
      return presentPending(node.system, now);
    case 'loadMore':
      return presentLoadMore(lists.list(node.orgId, node.kind));
    case 'message':
      return presentMessage(node);
  }
}
