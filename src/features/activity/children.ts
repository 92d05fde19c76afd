// Which rows the Activity view shows, from the loaded state alone: no `vscode`, no fetching.
// Loading, empty and error states are rows (an error row retries what failed), as in the
// Networks view (src/tree/children.ts).
import type { AccountOrganisation, LogEntry } from '../../api/types';
import type { ListState } from '../../commands/context';
import type { ConnectionState } from '../../model/connection';
import { activityId, type ActivityEntryNode, type ActivityMessageNode, type ActivityNode, type ActivityOrgNode } from './nodes';
import type { OrgActivity } from './orgActivity';

export type DescribeError = (error: Error) => string;

function message(scope: string | undefined, what: string, severity: ActivityMessageNode['severity'], text: string, extra: Partial<ActivityMessageNode> = {}): ActivityMessageNode {
  return { type: 'activityMessage', id: activityId.message(scope, what), orgId: scope, severity, text, ...extra };
}

/**
 * The view's top rows: one per organisation, or (with only one) that organisation's entries,
 * which `entries` supplies. Signed out the view is hidden (package.json `when`), so it is empty.
 */
export function activityRoots(
  state: ConnectionState,
  orgs: ListState<AccountOrganisation>,
  describe: DescribeError,
  rows: { readonly single: (org: AccountOrganisation) => ActivityNode[]; readonly org: (org: AccountOrganisation) => ActivityOrgNode },
): ActivityNode[] {
  if (state.kind === 'signedOut') return [];
  if (state.kind === 'rejected') return [message(undefined, 'rejected', 'error', 'The saved token was rejected — sign in again', { signIn: true })];
  const notices: ActivityNode[] = [];
  if (state.kind === 'unreachable') notices.push(message(undefined, 'unreachable', 'error', `Enclave is offline: ${state.message}`, { retry: 'reload' }));
  else if (orgs.error && !orgs.loading && orgs.items.length === 0) notices.push(message(undefined, 'error', 'error', `Could not load organisations: ${describe(orgs.error)}`, { retry: 'reload' }));
  if (orgs.items.length === 1) return [...notices, ...rows.single(orgs.items[0])];
  if (orgs.items.length > 1) return [...notices, ...orgs.items.map(rows.org)];
  if (notices.length > 0) return notices;
  if (orgs.total === 0) return [message(undefined, 'empty', 'empty', 'No organisations: this token has access to none')];
  return [message(undefined, 'loading', 'loading', 'Loading…')];
}

/** Entry rows with ids unique per time: the n-th entry of a given time stamp in the log as loaded. */
export function entryNodes(orgId: string, entries: readonly LogEntry[]): ActivityEntryNode[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const stamp = String(entry.timeStamp);
    const nth = seen.get(stamp) ?? 0;
    seen.set(stamp, nth + 1);
    return { type: 'activityEntry', id: activityId.entry(orgId, stamp, nth), orgId, entry };
  });
}

/** One organisation's rows: the matching entries newest first, then "Load more…" or where it ended. */
export function activityChildren(
  orgId: string,
  log: Pick<OrgActivity, 'entries' | 'hasMore' | 'loading' | 'error' | 'requested'>,
  test: (entry: LogEntry) => boolean,
  filtering: boolean,
  describe: DescribeError,
): ActivityNode[] {
  const failure = log.error;
  const errorRow = failure && !log.loading
    ? message(orgId, 'error', 'error', `Could not load the activity log: ${describe(failure.error)}`, { retry: failure.during === 'more' ? 'more' : 'reload' })
    : undefined;
  if (log.entries.length === 0) {
    if (errorRow) return [errorRow];
    if (log.loading || !log.requested) return [message(orgId, 'loading', 'loading', 'Loading…')];
    return [message(orgId, 'empty', 'empty', 'No activity yet')];
  }
  const rows: ActivityNode[] = [];
  // A failed refresh is about the top of the list; a failed "Load more" about its end.
  if (errorRow && failure?.during !== 'more') rows.push(errorRow);
  const shown = entryNodes(orgId, log.entries).filter((node) => test(node.entry));
  rows.push(...shown);
  if (errorRow && failure?.during === 'more') rows.push(errorRow);
  if (filtering && shown.length === 0) rows.push(message(orgId, 'nomatch', 'empty', log.hasMore ? `No match in the ${log.entries.length} entries loaded` : 'No entries match the filter'));
  else if (filtering && !log.hasMore) rows.push(message(orgId, 'end', 'empty', 'No more entries match'));
  if (log.hasMore && !(errorRow && failure?.during === 'more')) rows.push({ type: 'activityMore', id: activityId.more(orgId), orgId });
  return rows;
}
