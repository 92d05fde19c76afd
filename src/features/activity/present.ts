// The Activity view's rows in words and icons, without `vscode`: the level shows by icon shape and
// by word (never by colour alone), times in local time with their age, and every API value in
// a tooltip escaped (src/tree/markdown.ts).
import type { LogEntry } from '../../api/types';
import type { ItemView } from '../../tree/itemView';
import { presentMessageRow } from '../../tree/presentRows';
import { field, tooltip } from '../../tree/markdown';
import { parseTime, relativeTime, whenText } from '../../tree/time';
import { countText, orgLabel } from '../../tree/words';
import { levelOf, type KnownLevel } from './filter';
import type { ActivityMessageNode, ActivityOrgNode } from './nodes';
import type { LoadOutcome } from './orgActivity';

const LEVEL_ICONS: Readonly<Record<KnownLevel, ItemView['icon']>> = {
  Information: { id: 'info' },
  Warning: { id: 'warning', color: 'list.warningForeground' },
  Error: { id: 'error', color: 'list.errorForeground' },
};

function userOf(entry: LogEntry): string | undefined {
  return typeof entry.userName === 'string' && entry.userName.trim() ? entry.userName.trim() : undefined;
}

/** "Disabled system 'web-01'", description "2 hours ago · alice@example.com" (warnings and errors say so first). */
export function presentEntry(entry: LogEntry, now: Date): ItemView {
  const level = levelOf(entry);
  const time = parseTime(entry.timeStamp);
  const user = userOf(entry);
  const message = typeof entry.message === 'string' && entry.message.trim() ? entry.message.trim() : '(no message)';
  const parts = [level === 'Information' ? undefined : level, time ? relativeTime(time, now) : entry.timeStamp, user];
  return {
    label: message.replace(/\s+/g, ' '),
    description: parts.filter((p): p is string => !!p).join(' · ') || undefined,
    icon: LEVEL_ICONS[level],
    contextValue: `activity.entry.${level.toLowerCase()}`,
    collapsible: 'none',
    tooltip: tooltip(message, [
      field('Time', whenText(entry.timeStamp, now)),
      field('Level', level === 'Information' ? 'Information' : level),
      field('User', user ?? 'none (done by Enclave itself)'),
      field('IP address', entry.ipAddress),
    ]),
  };
}

export function presentActivityOrg(node: ActivityOrgNode, loaded: number | undefined): ItemView {
  return {
    label: orgLabel(node.org),
    description: loaded === undefined ? undefined : `${countText(loaded)} loaded`,
    icon: { id: 'organization' },
    contextValue: 'activity.org',
    collapsible: 'collapsed',
    tooltip: tooltip(orgLabel(node.org), [field('Organisation ID', node.org.orgId)]),
  };
}

export interface MoreState {
  readonly loaded: number;
  readonly total: number | undefined;
  readonly shown: number;
  readonly filtering: boolean;
  readonly loading: boolean;
  readonly lastLoad: LoadOutcome | undefined;
  /** The oldest entry loaded: how far back a bounded search got. */
  readonly oldest: LogEntry | undefined;
}

/** The "Load more…" row; after a search the bound stopped, it says how far it got. */
export function presentMore(state: MoreState, now: Date): ItemView {
  const command = { id: 'enclave.loadMoreActivity', title: 'Load More', withNode: true };
  if (state.loading) return { label: 'Loading more…', icon: { id: 'loading~spin' }, contextValue: 'activity.more.loading', collapsible: 'none' };
  const of = state.total === undefined ? countText(state.loaded) : `${countText(state.loaded)} of ${countText(state.total)}`;
  let label = state.filtering ? `Load more… (${countText(state.shown)} matching in ${of} entries)` : `Load more… (${of} shown)`;
  let description: string | undefined;
  const last = state.lastLoad;
  if (state.filtering && last?.bounded) {
    const back = parseTime(state.oldest?.timeStamp);
    label = `Search further… (${countText(last.pages)} pages searched, ${last.matched === 0 ? 'no' : countText(last.matched)} new ${last.matched === 1 ? 'match' : 'matches'})`;
    description = back ? `back to ${relativeTime(back, now)}` : undefined;
  }
  return { label, description, icon: { id: 'ellipsis' }, contextValue: 'activity.more', collapsible: 'none', command };
}

export function presentActivityMessage(node: ActivityMessageNode): ItemView {
  return presentMessageRow(node, 'activity.message', node.retry === 'more' ? 'enclave.loadMoreActivity' : 'enclave.refreshActivity');
}
