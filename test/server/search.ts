// The `search` grammar (reference §3.13, §7): whitespace-separated terms, `key:value` filters,
// plain words matching the main text fields. Value modifiers: `!` not, `<` `>` comparisons,
// `|` any-of (tags). Double quotes keep spaces inside a value: name:"Office laptops".
import type { UsedTag } from '../../src/api/types';
import { Errors } from './validation';

export interface Term {
  /** null for a plain word. */
  key: string | null;
  value: string;
  not: boolean;
  op: '=' | '<' | '>';
  any: boolean;
}

export type Predicate<T> = (item: T) => boolean;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const ch of text) {
    if (ch === '"') { quoted = !quoted; started = true; continue; }
    if (!quoted && /\s/.test(ch)) {
      if (started) tokens.push(current);
      current = '';
      started = false;
      continue;
    }
    current += ch;
    started = true;
  }
  if (started) tokens.push(current);
  return tokens;
}

/** Parses terms; unknown keys and empty values are validation errors on `Search`. */
export function parseSearch(text: string | null, keys: readonly string[], errors: Errors): Term[] {
  const tokens = tokenize(text ?? '');
  const terms: Term[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const m = /^([A-Za-z]+):(.*)$/s.exec(tokens[i]);
    if (!m) {
      terms.push({ key: null, value: tokens[i], not: false, op: '=', any: false });
      continue;
    }
    const key = m[1].toLowerCase();
    let value = m[2];
    // `tags: web` (a space after the colon, as one official script sends) takes the next token.
    if (value === '' && i + 1 < tokens.length) value = tokens[++i];
    if (!keys.includes(key)) {
      errors.add('Search', `Unknown search key '${m[1]}'. Known keys: ${keys.join(', ')}.`);
      continue;
    }
    const term: Term = { key, value: '', not: false, op: '=', any: false };
    let j = 0;
    for (; j < value.length && '!<>|'.includes(value[j]); j++) {
      if (value[j] === '!') term.not = true;
      else if (value[j] === '|') term.any = true;
      else term.op = value[j] as '<' | '>';
    }
    term.value = value.slice(j).trim();
    if (term.value === '') errors.add('Search', `Search key '${key}' needs a value.`);
    else terms.push(term);
  }
  return terms;
}

/** All terms must hold; each term's predicate comes from `forTerm`. */
export function matchAll<T>(terms: Term[], forTerm: (t: Term) => Predicate<T>): Predicate<T> | undefined {
  if (terms.length === 0) return undefined;
  const preds = terms.map((t) => {
    const p = forTerm(t);
    return t.not ? (item: T) => !p(item) : p;
  });
  return (item) => preds.every((p) => p(item));
}

export function contains(field: string | null | undefined, word: string): boolean {
  return !!field && field.toLowerCase().includes(word.toLowerCase());
}

/** `tags:a,b` needs all; `tags:|a,b` any. A tag matches by name or ref. */
export function tagsMatch(term: Term): Predicate<{ tags: UsedTag[] }> {
  const wanted = term.value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean);
  return (item) => {
    const has = (w: string): boolean => item.tags.some((t) => t.tag.toLowerCase() === w || t.ref.toLowerCase() === w);
    return term.any ? wanted.some(has) : wanted.every(has);
  };
}

/** Numeric or dotted-version comparison honouring `<` and `>`. */
export function compare(actual: string | number | null | undefined, term: Term): boolean {
  if (actual === null || actual === undefined || actual === '') return false;
  const a = String(actual).split('.').map(Number);
  const b = term.value.split('.').map(Number);
  if (b.some(Number.isNaN)) return false;
  let cmp = 0;
  for (let i = 0; i < Math.max(a.length, b.length) && cmp === 0; i++) cmp = (a[i] ?? 0) - (b[i] ?? 0);
  return term.op === '<' ? cmp < 0 : term.op === '>' ? cmp > 0 : cmp === 0;
}
