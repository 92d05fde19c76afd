import type { AccountOrganisation } from '../api/types';
import type { ListState } from '../commands/context';
import type { ItemView } from './itemView';
import { escapeMarkdown, field, tooltip } from './markdown';
import { GROUP_BY_LABELS } from '../model/groups';
import { isFiltered, type GroupBy, type ListFilter, type ListGroup } from '../model/listQuery';
import type { ListKind, MessageNode } from './nodes';
import { countText, LIST_LABELS, LIST_NOUNS, orgLabel, roleText } from './words';

export function presentOrg(org: AccountOrganisation): ItemView {
  const role = roleText(org.role);
  return {
    label: orgLabel(org),
    description: role || undefined,
    icon: { id: 'organization' },
    contextValue: 'org',
    collapsible: 'collapsed',
    tooltip: tooltip(orgLabel(org), [
      field('Role', role),
      field('Organisation ID', org.orgId),
      org.partnerAccess ? field('Access', 'through a partner') : undefined,
    ]),
  };
}

const LIST_ICONS: Readonly<Record<ListKind, string>> = { systems: 'vm', enrolmentKeys: 'key', pending: 'bell' };

/** "state:connected · enabled only": what a filter does, in the list's description. */
export function filterText(filter: ListFilter): string | undefined {
  const parts = [filter.search.trim() ? `filter: ${filter.search.trim()}` : '', filter.showDisabled ? '' : 'enabled only'].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

/**
 * "Systems" with the total as description, once the first page told it, and the filter or
 * grouping in force. The contextValue says whether a filter is on (`.filtered`, for the clear
 * button) and whether disabled items are hidden (`.enabledOnly`, for the toggle).
 */
export function presentList(kind: ListKind, state: ListState<unknown>, filter: ListFilter, groupedBy?: GroupBy): ItemView {
  const total = groupedBy ? undefined : state.total;
  const loaded = total !== undefined && state.items.length < total ? ` (${countText(state.items.length)} loaded)` : '';
  const filtering = filterText(filter);
  const grouping = groupedBy ? `by ${GROUP_BY_LABELS[groupedBy].toLowerCase()}` : undefined;
  const description = [total === undefined ? '' : countText(total), grouping ?? '', filtering ?? ''].filter(Boolean).join(' · ');
  const lines = [
    total === undefined ? '' : `${countText(total)} ${filtering ? 'matching ' : ''}${LIST_NOUNS[kind]}${loaded}`,
    grouping ? `Grouped ${grouping}` : '',
    filter.search.trim() ? `Filter: ${escapeMarkdown(filter.search.trim())}` : '',
    filter.showDisabled || kind === 'pending' ? '' : 'Disabled ones hidden',
  ].filter(Boolean);
  return {
    label: LIST_LABELS[kind],
    description: description || undefined,
    icon: { id: LIST_ICONS[kind], color: kind === 'pending' ? 'list.warningForeground' : undefined },
    contextValue: `list.${kind}${isFiltered(filter) ? '.filtered' : ''}${filter.showDisabled ? '' : '.enabledOnly'}`,
    collapsible: 'collapsed',
    tooltip: lines.length > 0 ? lines.join('\n\n') : undefined,
  };
}

const GROUP_ICONS: Readonly<Record<GroupBy, string>> = { state: 'pulse', platform: 'device-desktop', tag: 'tag', key: 'key' };

/** A group: its total once its first page came (or the count the API gave with the group). */
export function presentGroup(group: ListGroup, state: ListState<unknown>, filter: ListFilter): ItemView {
  // A tag's or key's own count ignores the filter: shown only until the group's total is known, and only unfiltered.
  const total = state.total ?? (isFiltered(filter) ? undefined : group.count);
  return {
    label: group.label,
    description: total === undefined ? undefined : countText(total),
    icon: { id: GROUP_ICONS[group.by] },
    contextValue: `group.${group.by}`,
    collapsible: 'collapsed',
    tooltip: `${GROUP_BY_LABELS[group.by]}: ${escapeMarkdown(group.label)}${total === undefined ? '' : ` — ${countText(total)} ${total === 1 ? 'system' : 'systems'}`}`,
  };
}

export function loadMoreLabel(shown: number, total: number | undefined): string {
  return total === undefined ? 'Load more…' : `Load more… (${countText(shown)} of ${countText(total)} shown)`;
}

export function presentLoadMore(state: ListState<unknown>): ItemView {
  return {
    label: loadMoreLabel(state.items.length, state.total),
    icon: { id: 'ellipsis' },
    contextValue: 'loadMore',
    collapsible: 'none',
    command: { id: 'enclave.loadMore', title: 'Load More', withNode: true },
  };
}

export function presentMessage(node: MessageNode): ItemView {
  return presentMessageRow(node, 'message', 'enclave.refresh');
}

/**
 * A row that stands for a list's state (loading, empty, failed, signed out) in the Networks or
 * the Activity view: `prefix` starts its contextValue ("message.error"), `retry` is the command
 * a failed row's click runs (with the row).
 */
export function presentMessageRow(
  node: { readonly text: string; readonly severity: MessageNode['severity']; readonly signIn?: boolean },
  prefix: string,
  retry: string,
): ItemView {
  if (node.signIn) {
    return {
      label: node.text,
      icon: { id: 'warning', color: 'list.warningForeground' },
      contextValue: `${prefix}.signIn`,
      collapsible: 'none',
      command: { id: 'enclave.signIn', title: 'Sign In', withNode: false },
    };
  }
  if (node.severity === 'error') {
    return {
      label: node.text,
      icon: { id: 'error', color: 'list.errorForeground' },
      contextValue: `${prefix}.error`,
      collapsible: 'none',
      tooltip: `${escapeMarkdown(node.text)}\n\nClick to retry.`,
      command: { id: retry, title: 'Retry', withNode: true },
    };
  }
  return {
    label: node.text,
    icon: node.severity === 'loading' ? { id: 'loading~spin' } : { id: 'info' },
    contextValue: `${prefix}.${node.severity}`,
    collapsible: 'none',
  };
}
