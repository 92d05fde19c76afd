// Search predicates per list. Unknown values of a known key match nothing (only unknown keys
// are a 400), which is the most forgiving reading of the CLI's description of the server.
import type { EnclaveSystem, EnrolmentKey, TagSummary, UnapprovedSystem } from '../../src/api/types';
import { keyStatus, systemState } from './entities';
import { Predicate, Term, compare, contains, matchAll, tagsMatch } from './search';

const MAC = ['darwin', 'macosx', 'mac', 'macos', 'osx'];

function systemType(v: string): string {
  const l = v.toLowerCase();
  return l === 'general' || l === 'generalpurpose' ? 'generalpurpose' : l;
}

type Pending = EnclaveSystem | UnapprovedSystem;

/** Terms shared by enrolled and pending systems. */
function commonSystemTerm(t: Term): Predicate<Pending> {
  const v = t.value.toLowerCase();
  switch (t.key) {
    case null:
      return (s) => contains(s.description, v) || contains(s.systemId, v) || contains(s.hostname, v);
    case 'key':
      return (s) => String(s.enrolmentKeyId) === v || contains(s.enrolmentKeyDescription, v);
    case 'tags':
      return tagsMatch(t);
    case 'os':
    case 'platform':
      if (MAC.includes(v)) return (s) => MAC.includes((s.platformType ?? '').toLowerCase());
      return (s) => (s.platformType ?? '').toLowerCase() === v || contains(s.osVersion, v);
    case 'type':
      return (s) => s.systemType.toLowerCase() === systemType(v);
    case 'version':
      return (s) => compare(s.enclaveVersion, t);
    default:
      return () => false;
  }
}

export function systemPredicate(terms: Term[]): Predicate<EnclaveSystem> | undefined {
  return matchAll<EnclaveSystem>(terms, (t) => {
    const v = t.value.toLowerCase();
    if (t.key === 'state') return (s) => systemState(s).toLowerCase() === v;
    if (t.key === 'gateway') return (s) => (s.gatewayRoutes.length > 0) === (v === 'true' || v === 'yes');
    return commonSystemTerm(t);
  });
}

export function unapprovedPredicate(terms: Term[]): Predicate<UnapprovedSystem> | undefined {
  return matchAll<UnapprovedSystem>(terms, commonSystemTerm);
}

const KEY_STATES: Record<string, string> = { enabled: 'Enabled', disabled: 'Disabled', nouses: 'NoUsesRemaining', nousesremaining: 'NoUsesRemaining' };
const APPROVAL: Record<string, string> = { automatic: 'Automatic', auto: 'Automatic', gated: 'Manual', manual: 'Manual' };

export function keyPredicate(terms: Term[]): Predicate<EnrolmentKey> | undefined {
  return matchAll<EnrolmentKey>(terms, (t) => {
    const v = t.value.toLowerCase();
    switch (t.key) {
      case null:
      case 'name':
        return (k) => contains(k.description, v) || String(k.id) === v;
      case 'type':
        return (k) => k.type.toLowerCase() === systemType(v);
      case 'approval':
        return (k) => k.approvalMode === APPROVAL[v];
      case 'state':
        return (k) => keyStatus(k) === KEY_STATES[v];
      case 'tags':
        return tagsMatch(t);
      case 'uses': {
        const target = v === 'unlimited' ? { ...t, value: '-1' } : t;
        return (k) => (k.usesRemaining < 0 && target.value !== '-1'
          ? target.op === '>' // unlimited is more than any number
          : compare(k.usesRemaining, target));
      }
      default:
        return () => false;
    }
  });
}

export function tagPredicate(terms: Term[]): Predicate<TagSummary> | undefined {
  return matchAll<TagSummary>(terms, (t) => {
    if (t.key === null || t.key === 'tag') return (tag) => contains(tag.tag, t.value);
    if (t.key === 'uses') return (tag) => compare(tag.systems + tag.keys, t);
    return () => false;
  });
}
