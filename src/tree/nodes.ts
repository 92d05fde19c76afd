import type { AccountOrganisation, EnclaveSystem, EnrolmentKey, UnapprovedSystem } from '../api/types';
import { groupKey, type ListGroup } from '../model/listQuery';

/** The three lists under an organisation. */
export type ListKind = 'systems' | 'enrolmentKeys' | 'pending';

/**
 * What the tree shows, as plain data (no `vscode`), so commands can take any node as their
 * target and unit tests can check labels without a VS Code host. Ids are built from entity
 * ids only, so expansion and selection survive refreshes.
 */
export type EnclaveNode = OrgNode | ListNode | GroupNode | SystemNode | KeyNode | PendingNode | LoadMoreNode | MessageNode;

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

/** One group of a grouped list (by state, platform, tag or enrolment key). */
export interface GroupNode {
  readonly type: 'group';
  readonly id: string;
  readonly orgId: string;
  readonly kind: ListKind;
  readonly group: ListGroup;
}

export interface SystemNode {
  readonly type: 'system';
  readonly id: string;
  readonly orgId: string;
  readonly system: EnclaveSystem;
  /** The group it is listed under, when the list is grouped. */
  readonly group?: ListGroup;
}

export interface KeyNode {
  readonly type: 'key';
  readonly id: string;
  readonly orgId: string;
  readonly key: EnrolmentKey;
  readonly group?: ListGroup;
}

export interface PendingNode {
  readonly type: 'pending';
  readonly id: string;
  readonly orgId: string;
  readonly system: UnapprovedSystem;
  readonly group?: ListGroup;
}

export interface LoadMoreNode {
  readonly type: 'loadMore';
  readonly id: string;
  readonly orgId: string;
  readonly kind: ListKind;
  readonly group?: ListGroup;
}

/** Loading, empty and error states are rows, never pop-ups. */
export interface MessageNode {
  readonly type: 'message';
  readonly id: string;
  readonly severity: 'loading' | 'empty' | 'error';
  readonly text: string;
  /** For error rows: what Retry reloads. */
  readonly retry?: { readonly orgId?: string; readonly kind?: ListKind; readonly group?: ListGroup };
  /** Clicking the row signs in again (the saved token was rejected). */
  readonly signIn?: boolean;
}

/**
 * Under a grouped list, rows live under their group: `org/<o>/<kind>/group/<by>:<value>/…`, so a
 * system listed under two tags has two distinct ids.
 */
const underKey = (orgId: string, kind: ListKind, key: string): string => `org/${orgId}/${kind}/group/${key}`;
const under = (orgId: string, kind: ListKind, group: ListGroup | undefined): string =>
  group ? underKey(orgId, kind, groupKey(group)) : `org/${orgId}/${kind}`;

export const nodeId = {
  org: (orgId: string) => `org/${orgId}`,
  list: (orgId: string, kind: ListKind) => `org/${orgId}/${kind}`,
  group: (orgId: string, kind: ListKind, group: ListGroup) => under(orgId, kind, group),
  /** A group's id from its key (`groupKey`), as store changes name it. */
  groupByKey: underKey,
  system: (orgId: string, systemId: string, group?: ListGroup) => `${under(orgId, 'systems', group)}/${systemId}`,
  key: (orgId: string, keyId: number, group?: ListGroup) => `${under(orgId, 'enrolmentKeys', group)}/${keyId}`,
  pending: (orgId: string, systemId: string, group?: ListGroup) => `${under(orgId, 'pending', group)}/${systemId}`,
  loadMore: (orgId: string, kind: ListKind, group?: ListGroup) => `${under(orgId, kind, group)}/more`,
  /** The prefix of a list's (or group's) loading / empty / error rows. */
  rows: (orgId: string, kind: ListKind, group?: ListGroup) => under(orgId, kind, group),
};
