import type { AccountOrganisation, EnclaveSystem, EnrolmentKey, UnapprovedSystem } from '../api/types';

/** The three lists under an organisation. */
export type ListKind = 'systems' | 'enrolmentKeys' | 'pending';

/**
 * What the tree shows, as plain data (no `vscode`), so commands can take any node as their
 * target and unit tests can check labels without a VS Code host. Ids are built from entity
 * ids only, so expansion and selection survive refreshes.
 */
export type EnclaveNode = OrgNode | ListNode | SystemNode | KeyNode | PendingNode | LoadMoreNode | MessageNode;

export interface OrgNode {
  readonly type: 'org';
  readonly id: string;
  readonly org: AccountOrganisation;
}

export interface ListNode {
  readonly type: 'list';
  readonly id: string;
  readonly orgId: string;
  readonly kind: ListKind;
}

export interface SystemNode {
  readonly type: 'system';
  readonly id: string;
  readonly orgId: string;
  readonly system: EnclaveSystem;
}

export interface KeyNode {
  readonly type: 'key';
  readonly id: string;
  readonly orgId: string;
  readonly key: EnrolmentKey;
}

export interface PendingNode {
  readonly type: 'pending';
  readonly id: string;
  readonly orgId: string;
  readonly system: UnapprovedSystem;
}

export interface LoadMoreNode {
  readonly type: 'loadMore';
  readonly id: string;
  readonly orgId: string;
  readonly kind: ListKind;
}

/** Loading, empty and error states are rows, never pop-ups. */
export interface MessageNode {
  readonly type: 'message';
  readonly id: string;
  readonly severity: 'loading' | 'empty' | 'error';
  readonly text: string;
  /** For error rows: what Retry reloads. */
  readonly retry?: { readonly orgId?: string; readonly kind?: ListKind };
  /** Clicking the row signs in again (the saved token was rejected). */
  readonly signIn?: boolean;
}

export const nodeId = {
  org: (orgId: string) => `org/${orgId}`,
  list: (orgId: string, kind: ListKind) => `org/${orgId}/${kind}`,
  system: (orgId: string, systemId: string) => `org/${orgId}/systems/${systemId}`,
  key: (orgId: string, keyId: number) => `org/${orgId}/enrolmentKeys/${keyId}`,
  pending: (orgId: string, systemId: string) => `org/${orgId}/pending/${systemId}`,
  loadMore: (orgId: string, kind: ListKind) => `org/${orgId}/${kind}/more`,
};
