// Which rows appear where, from the store's state alone: no `vscode`, no fetching. Loading,
// empty and error states are rows (an error row retries its own scope when clicked).
import type { AccountOrganisation } from '../api/types';
import type { ListState } from '../commands/context';
import type { ConnectionState } from '../model/connection';
import type { ListItemOf } from '../model/listKinds';
import type { ListGroup } from '../model/listQuery';
import { LIST_NOUNS } from './words';
import type { NodeCache } from './nodeCache';
import { nodeId, type EnclaveNode, type ListKind, type ListNode, type MessageNode } from './nodes';

/** The reason part of "Could not load systems: <reason>". */
export type DescribeError = (error: Error) => string;

function message(id: string, severity: MessageNode['severity'], text: string, extra: Partial<MessageNode> = {}): MessageNode {
  return { type: 'message', id, severity, text, ...extra };
}

export const ROOT_ROW_IDS = {
  rejected: 'message/rejected',
  unreachable: 'message/unreachable',
  loading: 'message/loading',
  error: 'message/error',
  empty: 'message/empty',
};

export function rootNodes(state: ConnectionState, orgs: ListState<AccountOrganisation>, cache: NodeCache, describe: DescribeError): EnclaveNode[] {
  if (state.kind === 'signedOut') return []; // the welcome view shows instead
  if (state.kind === 'rejected') {
    return [message(ROOT_ROW_IDS.rejected, 'error', 'The saved token was rejected — sign in again', { signIn: true })];
  }
  const rows: EnclaveNode[] = [];
  // While the API is unreachable, organisations already loaded stay visible under the notice.
  if (state.kind === 'unreachable') {
    rows.push(message(ROOT_ROW_IDS.unreachable, 'error', `Enclave is offline: ${state.message}`, { retry: {} }));
  } else if (orgs.error && !orgs.loading) {
    rows.push(message(ROOT_ROW_IDS.error, 'error', `Could not load organisations: ${describe(orgs.error)}`, { retry: {} }));
  }
  if (orgs.items.length > 0) return [...rows, ...orgs.items.map((org) => cache.org(org))];
  if (state.kind === 'connecting' || orgs.loading || (rows.length === 0 && orgs.total === undefined)) return [...rows, message(ROOT_ROW_IDS.loading, 'loading', 'Loading…')];
  if (orgs.total === 0) rows.push(message(ROOT_ROW_IDS.empty, 'empty', 'No organisations: this token has access to none'));
  return rows;
}

/**
 * "Pending approval" only when something waits (or its count could not be loaded), or while it is
 * filtered: a filter matching nothing must not hide the row that clears it.
 */
export function showsPending(pending: ListState<unknown>, filtered = false): boolean {
  return filtered || (pending.total ?? 0) > 0 || pending.error !== undefined;
}

export function orgChildren(orgId: string, pending: ListState<unknown>, cache: NodeCache, filtered = false): ListNode[] {
  const lists = [cache.list(orgId, 'systems'), cache.list(orgId, 'enrolmentKeys')];
  return showsPending(pending, filtered) ? [...lists, cache.list(orgId, 'pending')] : lists;
}

export function entityNode<K extends ListKind>(orgId: string, kind: K, item: ListItemOf[K], group?: ListGroup): EnclaveNode {
  switch (kind) {
    case 'systems': {
      const system = item as ListItemOf['systems'];
      return { type: 'system', id: nodeId.system(orgId, system.systemId, group), orgId, system, group };
    }
    case 'enrolmentKeys': {
      const key = item as ListItemOf['enrolmentKeys'];
      return { type: 'key', id: nodeId.key(orgId, key.id, group), orgId, key, group };
    }
    default: {
      const system = item as ListItemOf['pending'];
      return { type: 'pending', id: nodeId.pending(orgId, system.systemId, group), orgId, system, group };
    }
  }
}

/** The rows of a list that is loading, failed or empty: undefined once it has items. */
function stateRows(prefix: string, state: ListState<unknown>, what: string, errorRow: (error: Error) => MessageNode, filtered: boolean): MessageNode[] | undefined {
  if (state.items.length > 0) return undefined;
  if (state.loading || (!state.error && state.total === undefined)) return [message(`${prefix}/loading`, 'loading', 'Loading…')];
  if (state.error) return [errorRow(state.error)];
  return [message(`${prefix}/empty`, 'empty', filtered ? `No ${what} match the filter` : `No ${what}`)];
}

/** A list's rows, or one group's (`group`). `filtered`: an empty list says no match, not none. */
export function listChildren<K extends ListKind>(orgId: string, kind: K, state: ListState<ListItemOf[K]>, describe: DescribeError, group?: ListGroup, filtered = false): EnclaveNode[] {
  const prefix = nodeId.rows(orgId, kind, group);
  const errorRow = (error: Error): MessageNode =>
    message(`${prefix}/error`, 'error', `Could not load ${LIST_NOUNS[kind]}: ${describe(error)}`, { retry: group ? { orgId, kind, group } : { orgId, kind } });
  const empty = stateRows(prefix, state, LIST_NOUNS[kind], errorRow, filtered || group !== undefined);
  if (empty) return empty;
  // A failed refresh or "load more" keeps the rows already shown, under the error.
  const rows: EnclaveNode[] = state.error && !state.loading ? [errorRow(state.error)] : [];
  rows.push(...state.items.map((item) => entityNode(orgId, kind, item, group)));
  if (state.hasMore) rows.push({ type: 'loadMore', id: nodeId.loadMore(orgId, kind, group), orgId, kind, group });
  return rows;
}

/** A grouped list's rows: its groups (found through the API for tags and keys). */
export function groupChildren(orgId: string, kind: ListKind, groups: ListState<ListGroup>, cache: NodeCache, describe: DescribeError): EnclaveNode[] {
  const prefix = `${nodeId.list(orgId, kind)}/groups`;
  const errorRow = (error: Error): MessageNode =>
    message(`${prefix}/error`, 'error', `Could not load the groups: ${describe(error)}`, { retry: { orgId, kind } });
  const empty = stateRows(prefix, groups, 'groups: no system has one', errorRow, false);
  if (empty) return empty;
  const rows: EnclaveNode[] = groups.error && !groups.loading ? [errorRow(groups.error)] : [];
  return [...rows, ...groups.items.map((group) => cache.group(orgId, kind, group))];
}
