// The API's search syntax as the filter box knows it: completion of keys and values from the
// `meta/search-keys` answer, and checks as the user types. Whitespace separates terms, a term is
// a plain word or `key:value`, `!` `<` `>` `|` prefix a value, double quotes keep spaces in it
// (reference §3.13). No `vscode`: unit-tested.
import type { SearchKey } from '../api/types';
import type { PickItem } from '../ui/prompter';

/** Extra values to offer for a key beyond its hintValues (tag names, enrolment keys). */
export type ValueSource = (key: SearchKey) => readonly { readonly value: string; readonly description?: string }[];

interface Token {
  readonly text: string;
  readonly start: number;
}

function tokens(text: string): Token[] {
  const found: Token[] = [];
  let quoted = false;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    const boundary = i === text.length || (!quoted && /\s/.test(ch));
    if (boundary && start >= 0) {
      found.push({ text: text.slice(start, i), start });
      start = -1;
    } else if (!boundary && start < 0) start = i;
  }
  return found;
}

const MODIFIERS = '!<>|';

/** The word being typed: the last one, unless the text ends with a space (then a new, empty one). */
function current(text: string): Token {
  const all = tokens(text);
  const last = all[all.length - 1];
  if (!last || /\s$/.test(text)) return { text: '', start: text.length };
  return last;
}

function replaceCurrent(text: string, word: Token, replacement: string): string {
  return text.slice(0, word.start) + replacement;
}

function quote(value: string): string {
  return /\s/.test(value) ? `"${value.replace(/"/g, '')}"` : value;
}

/**
 * Completions for the word being typed: key names (`sta` → `state:`), then, after `key:`, that
 * key's values (`state:c` → `state:connected `). Each item's value is the whole new text.
 */
export function completions(text: string, keys: readonly SearchKey[], values: ValueSource = () => []): PickItem<string>[] {
  const word = current(text);
  const colon = word.text.indexOf(':');
  if (colon < 0) {
    const typed = word.text.toLowerCase();
    return keys
      .filter((k) => k.name.toLowerCase().startsWith(typed) && k.name.toLowerCase() !== typed)
      .map((k) => ({ label: `${k.name}:`, description: k.description, detail: k.hintText ? `e.g. ${k.hintText}` : undefined, value: replaceCurrent(text, word, `${k.name}:`) }));
  }
  const name = word.text.slice(0, colon).toLowerCase();
  const key = keys.find((k) => k.name.toLowerCase() === name);
  if (!key) return [];
  let rest = word.text.slice(colon + 1);
  let prefix = '';
  while (rest && MODIFIERS.includes(rest[0])) {
    prefix += rest[0];
    rest = rest.slice(1);
  }
  const typed = rest.replace(/^"/, '').toLowerCase();
  const offered = [...(key.hintValues ?? []).map((value) => ({ value, description: undefined as string | undefined })), ...values(key)];
  const seen = new Set<string>();
  return offered
    .filter((v) => {
      const lower = v.value.toLowerCase();
      if (seen.has(lower) || !lower.startsWith(typed) || lower === typed) return false;
      seen.add(lower);
      return true;
    })
    .map((v) => ({ label: `${word.text.slice(0, colon)}:${prefix}${v.value}`, description: v.description, value: `${replaceCurrent(text, word, `${word.text.slice(0, colon)}:${prefix}${quote(v.value)}`)} ` }));
}

/** Why the text cannot be sent yet, or undefined. Checks only what the keys tell for sure. */
export function searchProblem(text: string, keys: readonly SearchKey[]): string | undefined {
  if ((text.match(/"/g) ?? []).length % 2 === 1) return 'A quote is not closed: add the closing ".';
  if (text.length > 500) return 'The filter is too long (500 characters at most).';
  const words = tokens(text).map((t) => t.text);
  for (let i = 0; i < words.length; i++) {
    const m = /^([A-Za-z]+):(.*)$/s.exec(words[i]);
    if (!m) continue;
    const key = keys.find((k) => k.name.toLowerCase() === m[1].toLowerCase());
    if (!key && keys.length > 0) return `Unknown search key '${m[1]}'. Known keys: ${keys.map((k) => k.name).join(', ')}.`;
    const value = m[2].replace(/^[!<>|]+/, '').replace(/"/g, '').trim();
    // `tags: web` (a space after the colon) is allowed: the next word is the value.
    if (value === '' && i === words.length - 1) return `'${m[1]}:' needs a value${key?.hintText ? `, e.g. ${key.hintText}` : ''}.`;
  }
  return undefined;
}
