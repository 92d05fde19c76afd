import type { AccountOrganisation } from '../api/types';
import { LIST_KIND_NAMES } from '../model/listKinds';
import type { ListGroup } from '../model/listQuery';
import { nodeId, type GroupNode, type ListKind, type ListNode, type OrgNode } from './nodes';

/**
 * VS Code finds the element to refresh by object identity, so an organisation or list row must
 * be the same object every time it is returned and fired. This keeps one instance per id (a
 * renamed organisation gets a new one; the whole tree is refreshed then anyway).
 */
export class NodeCache {
  private readonly orgs = new Map<string, OrgNode>();
  private readonly lists = new Map<string, ListNode>();
  private readonly groups = new Map<string, GroupNode>();

  org(org: AccountOrganisation): OrgNode {
    const known = this.orgs.get(org.orgId);
    if (known && known.org.orgName === org.orgName && known.org.role === org.role && known.org.partnerAccess === org.partnerAccess) return known;
    const node: OrgNode = { type: 'org', id: nodeId.org(org.orgId), org };
    this.orgs.set(org.orgId, node);
    return node;
  }

  knownOrg(orgId: string): OrgNode | undefined {
    return this.orgs.get(orgId);
  }

  /** A group row: the same object while its label and count stay the same. */
  group(orgId: string, kind: ListKind, group: ListGroup): GroupNode {
    const id = nodeId.group(orgId, kind, group);
    const known = this.groups.get(id);
    if (known && known.group.label === group.label && known.group.count === group.count) return known;
    const node: GroupNode = { type: 'group', id, orgId, kind, group };
    this.groups.set(id, node);
    return node;
  }

  knownGroup(id: string): GroupNode | undefined {
    return this.groups.get(id);
  }

  list(orgId: string, kind: ListKind): ListNode {
    const id = nodeId.list(orgId, kind);
    let node = this.lists.get(id);
    if (!node) {
      node = { type: 'list', id, orgId, kind };
      this.lists.set(id, node);
    }
    return node;
  }
}

/**
 * The parts of a node id: `org/<orgId>[/<kind>[/<entity id | more | loading | empty | error>]]`,
 * where a grouped list's rows have `group/<by>:<value>/` before their last part.
 */
export interface ParsedId {
  readonly orgId: string;
  readonly kind?: ListKind;
  readonly rest?: string;
}

export function parseNodeId(id: string): ParsedId | undefined {
  const parts = id.split('/');
  if (parts[0] !== 'org' || !parts[1]) return undefined;
  if (parts.length === 2) return { orgId: parts[1] };
  const kind = parts[2] as ListKind;
  if (!LIST_KIND_NAMES.includes(kind)) return undefined;
  return parts.length === 3 ? { orgId: parts[1], kind } : { orgId: parts[1], kind, rest: parts.slice(3).join('/') };
}
