import type { AccountOrganisation } from '../api/types';
import type { ListState } from '../commands/context';
import type { ItemView } from './itemView';
import { escapeMarkdown, field, tooltip } from './markdown';
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

/** "Systems" with the total as description, once the first page told it. */
export function presentList(kind: ListKind, state: ListState<unknown>): ItemView {
  const total = state.total;
  const loaded = total !== undefined && state.items.length < total ? ` (${countText(state.items.length)} loaded)` : '';
  return {
    label: LIST_LABELS[kind],
    description: total === undefined ? undefined : countText(total),
    icon: { id: LIST_ICONS[kind], color: kind === 'pending' ? 'list.warningForeground' : undefined },
    contextValue: `list.${kind}`,
    collapsible: 'collapsed',
    tooltip: total === undefined ? undefined : `${countText(total)} ${LIST_NOUNS[kind]}${loaded}`,
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
  if (node.signIn) {
    return {
      label: node.text,
      icon: { id: 'warning', color: 'list.warningForeground' },
      contextValue: 'message.signIn',
      collapsible: 'none',
      command: { id: 'enclave.signIn', title: 'Sign In', withNode: false },
    };
  }
  if (node.severity === 'error') {
    return {
      label: node.text,
      icon: { id: 'error', color: 'list.errorForeground' },
      contextValue: 'message.error',
      collapsible: 'none',
      tooltip: `${escapeMarkdown(node.text)}\n\nClick to retry.`,
      command: { id: 'enclave.refresh', title: 'Retry', withNode: true },
    };
  }
  return {
    label: node.text,
    icon: node.severity === 'loading' ? { id: 'loading~spin' } : { id: 'info' },
    contextValue: `message.${node.severity}`,
    collapsible: 'none',
  };
}
