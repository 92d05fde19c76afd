// The words of the entity actions: how an item is named in a message, and what a bulk call
// reports. Bulk endpoints answer with a count that can be lower than the number of IDs sent
// (already in that state, or gone), so the message says exactly what happened instead of
// claiming all. No `vscode` here: unit-tested in plain Node.
import type { EnclaveSystem, EnrolmentKey, UnapprovedSystem } from '../api/types';

export interface Noun {
  readonly one: string;
  readonly many: string;
}

export const SYSTEM: Noun = { one: 'system', many: 'systems' };
export const KEY: Noun = { one: 'enrolment key', many: 'enrolment keys' };

/** As the tree labels a system: its description, else its hostname, else its ID. */
export function systemName(system: Pick<EnclaveSystem | UnapprovedSystem, 'systemId' | 'description' | 'hostname'>): string {
  return system.description?.trim() || system.hostname?.trim() || system.systemId;
}

export function keyName(key: Pick<EnrolmentKey, 'id' | 'description'>): string {
  return key.description?.trim() || `#${key.id}`;
}

export function count(n: number, noun: Noun): string {
  return `${n} ${n === 1 ? noun.one : noun.many}`;
}

/** "system 'web-01'" for one, "3 systems" for several: the object of a question or message. */
export function subject(names: readonly string[], noun: Noun): string {
  return names.length === 1 ? `${noun.one} '${names[0]}'` : count(names.length, noun);
}

/** Capitalises the first letter ("Disable system 'web-01'?"). */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface BulkWords {
  /** Past tense shown first: "Disabled". */
  readonly done: string;
  /** What the ones not counted did: "did not change", "were not approved". */
  readonly notDone: (n: number) => string;
}

export const DID_NOT_CHANGE = (): string => 'did not change';
export const WAS_NOT = (verb: string) => (n: number): string => `${n === 1 ? 'was' : 'were'} not ${verb} (already ${verb} or gone)`;

/** "Disabled 3 systems." or "Disabled 2 of 3 systems; 1 did not change." */
export function bulkOutcome(words: BulkWords, noun: Noun, sent: number, counted: number): string {
  if (counted >= sent) return `${words.done} ${count(sent, noun)}.`;
  const missed = sent - counted;
  if (counted === 0) return `${words.done} none of the ${count(sent, noun)}: ${missed === 1 ? 'it' : 'they'} ${words.notDone(missed)}.`;
  return `${words.done} ${counted} of ${count(sent, noun)}; ${missed} ${words.notDone(missed)}.`;
}
