// The groups of a grouped Systems list. Every group is a server-side query (a search term or
// the enrolment_key parameter), so each one pages on its own and shows its first rows after one
// request, however large the organisation. States and platforms are fixed sets (the search keys
// the reference lists); tags and enrolment keys come from the API, with their system counts.
import type { EnclaveClient } from '../api';
import type { EnrolmentKey } from '../api/types';
import type { GroupBy, ListGroup } from './listQuery';

export const GROUP_BY_LABELS: Readonly<Record<GroupBy, string>> = {
  state: 'State',
  platform: 'Platform',
  tag: 'Tag',
  key: 'Enrolment key',
};

const STATE_GROUPS: readonly ListGroup[] = [
  { by: 'state', value: 'connected', label: 'Connected', search: 'state:connected' },
  { by: 'state', value: 'disconnected', label: 'Disconnected', search: 'state:disconnected' },
  { by: 'state', value: 'disabled', label: 'Disabled', search: 'state:disabled' },
];

/** The platforms the `os` search key names, and everything else. */
const PLATFORMS: readonly [value: string, label: string][] = [['windows', 'Windows'], ['linux', 'Linux'], ['mac', 'macOS']];
const PLATFORM_GROUPS: readonly ListGroup[] = [
  ...PLATFORMS.map(([value, label]): ListGroup => ({ by: 'platform', value, label, search: `os:${value}` })),
  { by: 'platform', value: 'other', label: 'Other platforms', search: PLATFORMS.map(([value]) => `os:!${value}`).join(' ') },
];

/** Tag names follow `^([a-z0-9]+[-.])*[a-z0-9]+$`; anything else is quoted to stay one term. */
function tagTerm(tag: string): string {
  return /^[a-z0-9.-]+$/i.test(tag) ? `tags:${tag}` : `tags:"${tag.replace(/"/g, '')}"`;
}

function keyLabel(key: Pick<EnrolmentKey, 'id' | 'description'>): string {
  return key.description?.trim() || `Key #${key.id}`;
}

/**
 * The groups for `by`, in the order they show. `showDisabled` false drops the Disabled state
 * (the filter hides those systems anyway). Tags and keys that no system uses are left out.
 */
export async function discoverGroups(client: EnclaveClient, orgId: string, by: GroupBy, showDisabled: boolean, signal?: AbortSignal): Promise<ListGroup[]> {
  switch (by) {
    case 'state':
      return STATE_GROUPS.filter((g) => showDisabled || g.value !== 'disabled');
    case 'platform':
      return [...PLATFORM_GROUPS];
    case 'tag': {
      const tags = await client.tags.listAll(orgId, { sort: 'Alphabetical' }, { signal });
      return tags
        .filter((t) => typeof t.tag === 'string' && (t.systems ?? 0) > 0)
        .map((t): ListGroup => ({ by: 'tag', value: t.tag, label: t.tag, search: tagTerm(t.tag), count: t.systems }));
    }
    case 'key': {
      const keys = await client.enrolmentKeys.listAll(orgId, { includeDisabled: true, sort: 'Description' }, { signal });
      return keys
        .filter((k) => (k.enrolledCount ?? 0) > 0)
        .map((k): ListGroup => ({ by: 'key', value: String(k.id), label: keyLabel(k), enrolmentKey: k.id, count: k.enrolledCount }));
    }
  }
}
