import type { AccountOrganisation, LogEntry } from '../../api/types';

/**
 * The Activity view's rows, as plain data. Every type starts with "activity" so a command run
 * from this view can tell its rows from the Networks view's (src/commands/registry.ts passes any
 * row on as a node). Entries have no IDs: a row's id is the organisation, the entry's time and
 * its place among entries of that same time — stable across refreshes and filters.
 */
export type ActivityNode = ActivityOrgNode | ActivityEntryNode | ActivityMoreNode | ActivityMessageNode;

export interface ActivityOrgNode {
  readonly type: 'activityOrg';
  readonly id: string;
  readonly orgId: string;
  readonly org: AccountOrganisation;
}

export interface ActivityEntryNode {
  readonly type: 'activityEntry';
  readonly id: string;
  readonly orgId: string;
  readonly entry: LogEntry;
}

export interface ActivityMoreNode {
  readonly type: 'activityMore';
  readonly id: string;
  readonly orgId: string;
}

export interface ActivityMessageNode {
  readonly type: 'activityMessage';
  readonly id: string;
  readonly orgId?: string;
  readonly severity: 'loading' | 'empty' | 'error';
  readonly text: string;
  /** Error rows: what a click runs again (the first load / a refresh, or the load-more that failed). */
  readonly retry?: 'reload' | 'more';
  /** The saved token was rejected: a click signs in again. */
  readonly signIn?: boolean;
}

export const activityId = {
  org: (orgId: string) => `activity/${orgId}`,
  entry: (orgId: string, timeStamp: string, nth: number) => `activity/${orgId}/entry/${timeStamp}/${nth}`,
  more: (orgId: string) => `activity/${orgId}/more`,
  message: (scope: string | undefined, what: string) => `activity/${scope ?? 'root'}/${what}`,
};

/** A row of this view, from whatever a command was handed (a tree click passes the row itself). */
export function asActivityNode(value: unknown): ActivityNode | undefined {
  const v = value as Partial<ActivityNode> | undefined;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.type === 'string' && v.type.startsWith('activity') ? (v as ActivityNode) : undefined;
}
