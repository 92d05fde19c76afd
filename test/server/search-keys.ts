// What `GET …/meta/search-keys` answers: the keys search.ts understands for each list.
import type { SearchKey } from '../../src/api/types';

function key(name: string, dataType: SearchKey['dataType'], description: string, hintText: string, more: Partial<SearchKey> = {}): SearchKey {
  return {
    name, modifiers: null, dataType, description, hintText, hintValues: null,
    canHaveMultiple: false, isDefault: false, useExactMatch: false, ...more,
  };
}

const TAGS = key('tags', 'Tags', 'Has all of the listed tags; start the list with | to match any of them.', 'tags:web-servers,prod',
  { modifiers: ['Or', 'Not'], canHaveMultiple: true, useExactMatch: true });
const ENROLMENT_KEY = key('key', 'EnrolmentKey', 'Enrolled with an enrolment key, by id or description.', 'key:12');
const OS = key('os', 'None', 'Platform (Windows, Linux, Mac …) or text in the OS version.', 'os:windows',
  { hintValues: ['windows', 'linux', 'mac'], modifiers: ['Not'] });
const PLATFORM = { ...OS, name: 'platform', hintText: 'platform:linux' };
const TYPE = key('type', 'None', 'System type.', 'type:ephemeral', { hintValues: ['general', 'ephemeral'], modifiers: ['Not'] });
const VERSION = key('version', 'None', 'Enclave version, optionally compared with < or >.', 'version:<2024.8.0',
  { modifiers: ['LessThan', 'GreaterThan', 'Not'] });

export const SYSTEM_SEARCH_KEYS: SearchKey[] = [
  ENROLMENT_KEY, TAGS,
  key('state', 'None', 'Connection state.', 'state:connected', { hintValues: ['connected', 'disconnected', 'disabled'], modifiers: ['Not'] }),
  OS, PLATFORM, TYPE,
  key('gateway', 'None', 'Whether the system routes traffic for other networks.', 'gateway:true', { hintValues: ['true', 'false'] }),
  VERSION,
];

/** The reference says "same keys as systems"; state and gateway mean nothing for a pending system. */
export const UNAPPROVED_SEARCH_KEYS: SearchKey[] = [ENROLMENT_KEY, TAGS, OS, PLATFORM, TYPE, VERSION];

export const KEY_SEARCH_KEYS: SearchKey[] = [
  key('name', 'None', 'Text in the key description (the default for plain words).', 'name:laptops', { isDefault: true }),
  key('uses', 'None', 'Uses remaining, optionally compared with < or >; unlimited counts as most.', 'uses:<5',
    { modifiers: ['LessThan', 'GreaterThan', 'Not'] }),
  key('type', 'None', 'Key type.', 'type:ephemeral', { hintValues: ['general', 'ephemeral'], modifiers: ['Not'] }),
  TAGS,
  key('approval', 'None', 'Approval mode.', 'approval:gated', { hintValues: ['automatic', 'gated'], modifiers: ['Not'] }),
  key('state', 'None', 'Key status.', 'state:enabled', { hintValues: ['enabled', 'disabled', 'nouses'], modifiers: ['Not'] }),
];

export const names = (keys: SearchKey[]): string[] => keys.map((k) => k.name);

/** Reference §3.13: tags take `tag` (the default for plain words) and `uses`. */
export const TAG_SEARCH_KEYS: SearchKey[] = [
  key('tag', 'None', 'Text in the tag name (the default for plain words).', 'tag:prod', { isDefault: true }),
  key('uses', 'None', 'How many systems and keys carry the tag, optionally compared with < or >.', 'uses:>10',
    { modifiers: ['LessThan', 'GreaterThan', 'Not'] }),
];
