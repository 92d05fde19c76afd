// Which rows appear where, from the store's state alone: no `vscode`, no fetching. Loading,
// empty and error states are rows (an error row retries its own scope when clicked).
import type { AccountOrganisation } from '../api/types';
import type { ListState } from '../commands/context';
import type { ConnectionState } from '../model/connection';
import type { ListItemOf } from '../model/listKinds';
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

/** "Pending approval" only when something waits (or its count could not be loaded). */
export function showsPending(pending: ListState<unknown>): boolean {
  return (pending.total ?? 0) > 0 || pending.error !== undefined;
}

export function orgChildren(orgId: string, pending: ListState<unknown>, cache: NodeCache): ListNode[] {
  const lists = [cache.list(orgId, 'systems'), cache.list(orgId, 'enrolmentKeys')];
  return showsPending(pending) ? [...lists, cache.list(orgId, 'pending')] : lists;
}

export function entityNode<K extends ListKind>(orgId: string, kind: K, item: ListItemOf[K]): EnclaveNode {
  switch (kind) {
    case 'systems': {
      const system = item as ListItemOf['systems'];
      return { type: 'system', id: nodeId.system(orgId, system.systemId), orgId, system };
    }
    case 'enrolmentKeys': {
      const key = item as ListItemOf['enrolmentKeys'];
      return { type: 'key', id: nodeId.key(orgId, key.id), orgId, key };
    }
    default: {
      const system = item as ListItemOf['pending'];
      return { type: 'pending', id: nodeId.pending(orgId, system.systemId), orgId, system };
    }
  }
}

export function listChildren<K extends ListKind>(orgId: string, kind: K, state: ListState<ListItemOf[K]>, describe: DescribeError): EnclaveNode[] {
  const listId = nodeId.list(orgId, kind);
  const errorRow = (error: Error): MessageNode =>
    message(`${listId}/error`, 'error', `Could not load ${LIST_NOUNS[kind]}: ${describe(error)}`, { retry: { orgId, kind } });
  if (state.items.length === 0) {
    if (state.loading || (!state.error && state.total === undefined)) return [message(`${listId}/loading`, 'loading', 'Loading…')];
    if (state.error) return [errorRow(state.error)];
    return [message(`${listId}/empty`, 'empty', `No ${LIST_NOUNS[kind]}`)];
  }
  // A failed refresh or "load more" keeps the rows already shown, under the error.
  const rows: EnclaveNode[] = state.error && !state.loading ? [errorRow(state.error)] : [];
  rows.push(...state.items.map((item) => entityNode(orgId, kind, item)));
  if (state.hasMore) rows.push({ type: 'loadMore', id: nodeId.loadMore(orgId, kind), orgId, kind });
  return rows;
}
