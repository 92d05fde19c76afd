// The tags list (reference §2.7, §3.9), derived from what uses the tags: a tag exists while a
// system or a key carries it. Policies, DNS zones and records are not simulated, so their counts
// are 0. Summaries are computed once per data version and the same Map is handed out until the
// data changes, so the list's sorted-order and JSON caches (sorting.ts, listJson.ts) hold.
import type { TagSummary, UsedTag } from '../../src/api/types';
import type { OrgState } from './store';
import { formatInstant } from './time';

const cache = new WeakMap<OrgState, { version: number; tags: Map<string, TagSummary> }>();

export function tagSummaries(org: OrgState): Map<string, TagSummary> {
  const hit = cache.get(org);
  if (hit && hit.version === org.version) return hit.tags;
  const tags = new Map<string, TagSummary>();
  const count = (used: readonly UsedTag[], field: 'systems' | 'keys'): void => {
    for (const { tag, ref, colour } of used) {
      let t = tags.get(tag);
      if (!t) {
        const info = org.tags.get(tag);
        const last = info?.lastReferenced ?? null;
        t = {
          tag, ref: info?.ref ?? ref, colour: info?.colour ?? colour ?? null, lastReferenced: last === null ? null : formatInstant(last, 0, 'Z'),
          systems: 0, keys: 0, policies: 0, dnsZones: 0, dnsRecords: 0,
        };
        tags.set(tag, t);
      }
      t[field]++;
    }
  };
  for (const s of org.systems.values()) count(s.tags, 'systems');
  for (const k of org.keys.values()) count(k.tags, 'keys');
  cache.set(org, { version: org.version, tags });
  return tags;
}
