// Sort modes per reference §3.14, by name (any case) or ordinal, with a stable tie-break by id.
// Sorted orders are cached per collection and org version: paging 20,000 systems must not
// re-sort on every page.
import type { EnclaveSystem, EnrolmentKey, TagSummary, UnapprovedSystem } from '../../src/api/types';
import { instantMs } from './time';
import { Errors } from './validation';

type SortKey = string | number | null;
/** How to sort: the key, and whether larger keys come first. Null keys always sort last. */
export interface SortMode<T> { key: (t: T) => SortKey; desc?: boolean }
export type SortModes<T> = Record<string, SortMode<T>>;

const lower = (s: string | null | undefined): string | null => (s ? s.toLowerCase() : null);
const time = (s: string | null | undefined): number | null => (s ? instantMs(s) : null);

// First member = ordinal 0 = the C# default, which is the mock's default sort (open question 1).
export const SYSTEM_SORTS: SortModes<EnclaveSystem> = {
  RecentlyEnrolled: { key: (s) => time(s.enrolledAt), desc: true },
  RecentlyConnected: { key: (s) => time(s.lastSeen), desc: true },
  Description: { key: (s) => lower(s.description) },
  DescriptionOrHostname: { key: (s) => lower(s.description || s.hostname || s.systemId) },
  EnrolmentKeyUsed: { key: (s) => lower(s.enrolmentKeyDescription) },
};

export const UNAPPROVED_SORTS: SortModes<UnapprovedSystem> = {
  RecentlyEnrolled: { key: (s) => time(s.enrolledAt), desc: true },
  Description: { key: (s) => lower(s.description) },
  EnrolmentKeyUsed: { key: (s) => lower(s.enrolmentKeyDescription) },
};

export const KEY_SORTS: SortModes<EnrolmentKey> = {
  Description: { key: (k) => lower(k.description) },
  LastUsed: { key: (k) => time(k.lastUsed), desc: true },
  ApprovalMode: { key: (k) => k.approvalMode },
  // Fewest uses left first; unlimited (-1) counts as most.
  UsesRemaining: { key: (k) => (k.usesRemaining < 0 ? Number.MAX_SAFE_INTEGER : k.usesRemaining) },
};

// TagQuerySortOrder: by name, most recently referenced first, most systems first.
export const TAG_SORTS: SortModes<TagSummary> = {
  Alphabetical: { key: (t) => t.tag },
  RecentlyUsed: { key: (t) => time(t.lastReferenced), desc: true },
  ReferencedSystems: { key: (t) => t.systems, desc: true },
};

/** The sort mode name, or the default when `sort` is absent; unknown values are a 400. */
export function readSort<T>(query: URLSearchParams, modes: SortModes<T>, errors: Errors): string {
  const names = Object.keys(modes);
  const raw = query.get('sort');
  if (raw === null || raw === '') return names[0];
  const byOrdinal = /^\d+$/.test(raw) ? names[Number(raw)] : undefined;
  const found = byOrdinal ?? names.find((n) => n.toLowerCase() === raw.toLowerCase());
  if (!found) errors.add('sort', `The value '${raw}' is not valid. Use one of: ${names.join(', ')}.`);
  return found ?? names[0];
}

const cache = new WeakMap<object, Map<string, { version: number; items: unknown[] }>>();

export function sorted<T>(collection: Map<unknown, T>, version: number, modes: SortModes<T>, name: string, id: (t: T) => string | number): T[] {
  let perMode = cache.get(collection);
  if (!perMode) cache.set(collection, (perMode = new Map()));
  const hit = perMode.get(name);
  if (hit && hit.version === version && hit.items.length === collection.size) return hit.items as T[];
  const mode = modes[name];
  const dir = mode.desc ? -1 : 1;
  const rows = [...collection.values()].map((t) => ({ t, k: mode.key(t), id: id(t) }));
  rows.sort((a, b) => {
    if (a.k !== b.k) {
      if (a.k === null) return 1;
      if (b.k === null) return -1;
      return (a.k < b.k ? -1 : 1) * dir;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  const items = rows.map((r) => r.t);
  perMode.set(name, { version, items });
  return items;
}
