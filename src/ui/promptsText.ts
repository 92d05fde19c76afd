// The words of the entity actions: how an item is named in a message (a system by the tree's
// own systemLabel, src/tree/presentSystem.ts), and what a bulk call reports. Bulk endpoints
// answer with a count that can be lower than the number of IDs sent (already in that state, or
// gone), so the message says exactly what happened instead of claiming all. No `vscode` here:
// unit-tested in plain Node.
import type { EnrolmentKey } from '../api/types';

export interface Noun {
  readonly one: string;
  readonly many: string;
}

export const SYSTEM: Noun = { one: 'system', many: 'systems' };
export const KEY: Noun = { one: 'enrolment key', many: 'enrolment keys' };

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

/** Why a bulk call left an item as it was, found by reading the item back. */
export type Unchanged = 'already' | 'gone' | 'unchanged';

export interface NamedWords extends BulkWords {
  /** "disabled", for "was already disabled". */
  readonly participle: string;
  /** "no longer exists" / "is no longer waiting for approval", for one (n = 1) or several. */
  readonly gone: (n: number) => string;
}

export const NO_LONGER_EXISTS = (n: number): string => (n === 1 ? 'no longer exists' : 'no longer exist');
export const NO_LONGER_WAITING = (n: number): string => `${n === 1 ? 'is' : 'are'} no longer waiting for approval`;

const NAMES_SHOWN = 5;

/** "'a'", "'a' and 'b'", "'a', 'b' and 'c'", "'a', …, 'e' and 3 more". */
export function nameList(names: readonly string[]): string {
  const quoted = names.slice(0, NAMES_SHOWN).map((n) => `'${n}'`);
  if (names.length > NAMES_SHOWN) quoted.push(`${names.length - NAMES_SHOWN} more`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

function clause(words: NamedWords, why: Unchanged, names: readonly string[]): string {
  const n = names.length;
  if (why === 'already') return `${nameList(names)} ${n === 1 ? 'was' : 'were'} already ${words.participle}`;
  if (why === 'gone') return `${nameList(names)} ${words.gone(n)}`;
  return `${nameList(names)} ${words.notDone(n).replace(/ \(.*\)$/, '')}`;
}

/**
 * A bulk result whose count is lower than the items sent, with the items that did not change
 * named and why: "Disabled 2 of 3 systems; 'db-02' was already disabled." Items the read-back
 * could not account for are counted: "…; 1 more did not change."
 */
export function bulkNamedOutcome(
  words: NamedWords,
  noun: Noun,
  sent: number,
  counted: number,
  unchanged: readonly { readonly name: string; readonly why: Unchanged }[],
): string {
  if (unchanged.length === 0) return bulkOutcome(words, noun, sent, counted);
  const order: Unchanged[] = ['already', 'gone', 'unchanged'];
  const clauses = order
    .map((why) => clause(words, why, unchanged.filter((u) => u.why === why).map((u) => u.name)))
    .filter((_, i) => unchanged.some((u) => u.why === order[i]));
  const rest = sent - counted - unchanged.length;
  if (rest > 0) clauses.push(`${rest} more ${words.notDone(rest)}`);
  const head = counted === 0 ? `${words.done} none of the ${count(sent, noun)}: ` : `${words.done} ${counted} of ${count(sent, noun)}; `;
  return `${head}${clauses.join('; ')}.`;
}
