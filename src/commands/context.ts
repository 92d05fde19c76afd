import type * as vscode from 'vscode';
import type { EnclaveClient } from '../api';
import type { Log } from '../ui/log';
import type { ConnectionState } from '../model/connection';
import type { RetryWait } from '../model/retryWait';
import type { EnclaveNode, ListKind } from '../tree/nodes';
import type { AccountOrganisation, EnclaveSystem, EnrolmentKey, UnapprovedSystem } from '../api/types';
import type { GroupBy, ListFilter } from '../model/listQuery';

/** The session owns the token and the client; every API call goes through `call`. */
export interface SessionApi {
  readonly state: ConnectionState;
  readonly onDidChangeState: vscode.Event<ConnectionState>;
  /** The API base URL in force (from the user-level setting). */
  readonly apiUrl: string;
  /**
   * Runs one API call with the current client and keeps the connection state true:
   * success → connected; 401 → rejected (once, with a single offer to sign in); network
   * failure / 5xx → unreachable (with background recovery). Rethrows the error for the caller.
   * Throws NotSignedInError (from src/model/session.ts) when there is no token.
   */
  call<T>(fn: (client: EnclaveClient) => Promise<T>): Promise<T>;
  /** A retry the client is waiting to send (429 Retry-After, back-off), if any. */
  readonly retryWait?: RetryWait;
  readonly onDidChangeRetryWait?: vscode.Event<void>;
}

/** A page-by-page view of one list, kept by the store. */
export interface ListState<T> {
  readonly items: readonly T[];
  /** metadata.total from the API; undefined before the first page arrives. */
  readonly total: number | undefined;
  readonly loading: boolean;
  readonly error: Error | undefined;
  /** True while more pages exist than are loaded (a "Load more" row). */
  readonly hasMore: boolean;
}

export interface StoreChange {
  /** Undefined: everything (organisations list) changed. */
  readonly orgId?: string;
  readonly kind?: ListKind;
  /** One group of a grouped list (its groupKey, src/model/listQuery.ts); undefined: the list itself. */
  readonly group?: string;
}

/** The cache between the API and the tree. Mutations never patch it: they invalidate. */
export interface StoreApi {
  readonly onDidChange: vscode.Event<StoreChange>;
  orgs(): ListState<AccountOrganisation>;
  systems(orgId: string): ListState<EnclaveSystem>;
  enrolmentKeys(orgId: string): ListState<EnrolmentKey>;
  pending(orgId: string): ListState<UnapprovedSystem>;
  /** Re-fetches what was loaded in that scope (only lists that were expanded). */
  invalidate(orgId?: string, kinds?: readonly ListKind[]): Promise<void>;
  /** A list's filter (remembered per organisation); NO_FILTER when none is set. */
  filter(orgId: string, kind: ListKind): ListFilter;
  /** Sets or (undefined) clears it; resolves once the lists that were shown have reloaded. */
  setFilter(orgId: string, kind: ListKind, filter: ListFilter | undefined): Promise<void>;
  /** How Systems lists are grouped (remembered per workspace); undefined: not grouped. */
  grouping(): GroupBy | undefined;
  setGrouping(by: GroupBy | undefined): void;
}

/** What every command handler receives. */
export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly session: SessionApi;
  readonly store: StoreApi;
  readonly log: Log;
  /** Reveals (and selects) a node in the tree, e.g. a newly created key. */
  reveal(node: EnclaveNode): Promise<void>;
  /** The tree's current selection, for actions on many. */
  selection(): readonly EnclaveNode[];
}

/**
 * A handler as VS Code calls it from a tree menu: (clicked node, selected nodes). From the
 * palette both are undefined and the handler asks with quick picks.
 */
export type CommandHandler = (ctx: CommandContext, node?: EnclaveNode, selected?: readonly EnclaveNode[]) => unknown;
