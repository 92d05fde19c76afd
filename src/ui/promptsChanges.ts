// Change detection for the edit prompts: compare what the boxes held when they opened (the entity
// as fetched) with what the person left in them, and build a PATCH body of only the fields that
// really changed. Sending unchanged fields would overwrite a concurrent edit made in the portal
// between our GET and our PATCH, so "only what changed" is a correctness rule, not tidiness.
// No `vscode` here: unit-tested in plain Node.
import { parseIpRanges, parseTags, parseUses, UNLIMITED_WORD } from './validation';

/**
 * How a box's text maps to the wire:
 * - text: trimmed string, never cleared (the API requires it: key description, org name)
 * - clearable: trimmed string, empty → null (the API clears the field)
 * - tags: comma-separated names → string[] (the list replaces the old one; empty → [])
 * - uses: empty or "unlimited" → -1, else the number
 * - minutes: a whole number, empty → null
 * - choice: the value as picked (enum names such as "Manual")
 * - ranges: comma-separated IP ranges → string[] (the caller turns them into IP constraints)
 */
export type FieldKind = 'text' | 'clearable' | 'tags' | 'uses' | 'minutes' | 'choice' | 'ranges';

export interface FieldSpec {
  readonly label: string;
  readonly kind: FieldKind;
}

/** A form is the text of each box, keyed by the wire name of its field. */
export type Form = Record<string, string>;
export type FieldSpecs<F extends Form> = { readonly [K in keyof F]: FieldSpec };

export type WireValue = string | number | string[] | null;

export interface FieldChange {
  readonly key: string;
  readonly label: string;
  /** Display text (quoted, or "(empty)"/"(none)"/"unlimited"). */
  readonly before: string;
  readonly after: string;
}

export interface DetectedChanges {
  /** Only the changed fields, as the API takes them. */
  readonly patch: Record<string, WireValue>;
  readonly changes: readonly FieldChange[];
}

export function toWire(kind: FieldKind, text: string): WireValue {
  const t = text.trim();
  switch (kind) {
    case 'text':
    case 'choice':
      return t;
    case 'clearable':
      return t === '' ? null : t;
    case 'tags':
      return parseTags(t);
    case 'ranges':
      return parseIpRanges(t);
    case 'uses':
      return parseUses(t);
    case 'minutes':
      return t === '' ? null : Number(t);
  }
}

/** Equal as the API would see them: whitespace around text and the order of tags or ranges do not count. */
function same(kind: FieldKind, a: string, b: string): boolean {
  if (kind === 'tags' || kind === 'ranges') {
    const x = [...(toWire(kind, a) as string[])].sort();
    const y = [...(toWire(kind, b) as string[])].sort();
    return x.length === y.length && x.every((tag, i) => tag === y[i]);
  }
  return JSON.stringify(toWire(kind, a)) === JSON.stringify(toWire(kind, b));
}

const SHOWN_MAX = 60;

export function display(kind: FieldKind, text: string): string {
  const wire = toWire(kind, text);
  if (kind === 'tags' || kind === 'ranges') return (wire as string[]).length === 0 ? '(none)' : (wire as string[]).join(', ');
  if (kind === 'uses') return wire === -1 ? UNLIMITED_WORD : String(wire);
  if (wire === null || wire === '') return '(empty)';
  const shown = String(wire).replace(/\s+/g, ' ');
  return `'${shown.length > SHOWN_MAX ? `${shown.slice(0, SHOWN_MAX - 1)}…` : shown}'`;
}

export function detectChanges<F extends Form>(specs: FieldSpecs<F>, before: F, after: F): DetectedChanges {
  const patch: Record<string, WireValue> = {};
  const changes: FieldChange[] = [];
  for (const key of Object.keys(specs) as (keyof F & string)[]) {
    const { kind, label } = specs[key];
    const was = before[key] ?? '';
    const now = after[key] ?? '';
    if (same(kind, was, now)) continue;
    patch[key] = toWire(kind, now);
    changes.push({ key, label, before: display(kind, was), after: display(kind, now) });
  }
  return { patch, changes };
}

/** "Description: 'web-01' → 'web-02'" for the review step and the log. */
export function describeChange(change: FieldChange): string {
  return `${change.label}: ${change.before} → ${change.after}`;
}
