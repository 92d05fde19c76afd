// Our own check of an edited document before anything is sent. The JSON schema (media/schemas)
// gives the same verdicts as the user types; this is the gate at save, so an invalid PATCH is
// never sent whatever the editor showed. The rules are those of the edit prompts
// (src/ui/validation.ts), so both ways of editing accept exactly the same values.
// No `vscode` here: unit-tested in plain Node.
import {
  TAG_MAX, TAG_PATTERN, validateDescription, validateIpRanges, validateNotes, validateOptionalDescription,
  validateOrgName, validatePhone, validateRetentionMinutes, validateUsesLeft, validateWebsite,
} from '../../ui/validation';
import { READ_ONLY, type Json, type JsonObject } from './documents';
import type { DocKind } from './uris';

/** "tags[1]: 'Web Servers' is not a valid tag …" */
export interface Problem {
  readonly at: string;
  readonly message: string;
}

type Check = (value: Json) => string | undefined;

const isString = (v: Json): v is string => typeof v === 'string';
const kindOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `${typeof v === 'string' ? 'text' : typeof v}`);

const text = (validate: (s: string) => string | undefined, nullable: boolean): Check => (v) => {
  if (v === null && nullable) return undefined;
  if (!isString(v)) return `must be text${nullable ? ' or null (to clear it)' : ''}, not ${kindOf(v)}.`;
  return validate(v);
};
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : `must be true or false, not ${kindOf(v)}.`);
const oneOf = (values: readonly string[]): Check => (v) => (isString(v) && values.includes(v) ? undefined : `must be one of ${values.map((x) => `"${x}"`).join(', ')}, not ${JSON.stringify(v)}.`);
const uses: Check = (v) => (Number.isInteger(v) && (v as number) >= -1 ? validateUsesLeft(v === -1 ? '' : String(v)) : 'must be a whole number: -1 for unlimited, or 0 or more.');
const minutes: Check = (v) => (v === null ? undefined : Number.isInteger(v) ? validateRetentionMinutes(String(v)) : `must be a whole number of minutes, not ${kindOf(v)}.`);

const tags: Check = (v) => {
  if (!Array.isArray(v)) return `must be a list of tag names, e.g. ["web-servers"], not ${kindOf(v)}.`;
  const seen = new Set<string>();
  for (const tag of v) {
    if (!isString(tag) || !TAG_PATTERN.test(tag) || tag.length > TAG_MAX) {
      return `${JSON.stringify(tag)} is not a valid tag: use lower-case letters and digits, with single '-' or '.' between words (e.g. web-servers), at most ${TAG_MAX} characters.`;
    }
    if (seen.has(tag)) return `'${tag}' is listed twice.`;
    seen.add(tag);
  }
  return undefined;
};

/** A list of objects with exactly these members, each checked; plus a check of the whole list. */
const objects = (members: Record<string, Check>, whole?: (items: JsonObject[]) => string | undefined): Check => (v) => {
  if (!Array.isArray(v)) return `must be a list, not ${kindOf(v)}.`;
  for (const [i, item] of v.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return `item ${i + 1} must be an object, not ${kindOf(item)}.`;
    const problem = memberProblem(item, members);
    if (problem) return `item ${i + 1}: ${problem}`;
  }
  return whole?.(v as JsonObject[]);
};

function memberProblem(item: JsonObject, members: Record<string, Check>): string | undefined {
  const unknown = Object.keys(item).find((k) => !(k in members));
  if (unknown) return `'${unknown}' is not one of its fields (${Object.keys(members).join(', ')}).`;
  for (const [name, check] of Object.entries(members)) {
    if (!(name in item)) return `'${name}' is missing.`;
    const problem = check(item[name]);
    if (problem) return `${name} ${problem}`;
  }
  return undefined;
}

const CIDR_V4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}\/(3[0-2]|[12]?\d)$/;
const optionalText = text(() => undefined, true);

const gatewayRoutes = objects(
  {
    subnet: (v) => (isString(v) && CIDR_V4.test(v) ? undefined : `must be an IPv4 subnet in CIDR form such as "192.168.1.0/24", not ${JSON.stringify(v)}.`),
    userEntered: bool,
    weight: (v) => (Number.isInteger(v) && (v as number) >= 0 ? undefined : 'must be a whole number, 0 or more.'),
    name: optionalText,
  },
  (items) => duplicate(items.map((r) => r.subnet as string), 'subnet'),
);

const ipConstraints = objects(
  { range: (v) => (isString(v) ? validateIpRanges(v) ?? (v.includes(',') ? 'must be one range per item.' : undefined) : `must be text, not ${kindOf(v)}.`), description: optionalText },
  (items) => duplicate(items.map((c) => c.range as string), 'range'),
);

function duplicate(values: string[], what: string): string | undefined {
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  return twice === undefined ? undefined : `the ${what} '${twice}' is listed twice.`;
}

const autoExpire: Check = (v) => {
  if (v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) return `must be null (no expiry) or an object with expiryDateTime, expiryAction and timeZoneId, not ${kindOf(v)}.`;
  return memberProblem(v, {
    timeZoneId: optionalText,
    expiryDateTime: (d) => (isString(d) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(d) && !Number.isNaN(Date.parse(d)) ? undefined : 'must be a date and time such as "2026-12-31T17:00:00".'),
    expiryAction: oneOf(['Disable', 'Delete']),
  });
};

const CHECKS: Record<DocKind, Record<string, Check>> = {
  system: { description: text(validateOptionalDescription, true), isEnabled: bool, tags, notes: text(validateNotes, true), gatewayRoutes },
  key: {
    description: text(validateDescription, false), isEnabled: bool, approvalMode: oneOf(['Automatic', 'Manual']), usesRemaining: uses,
    tags, ipConstraints, disconnectedRetentionMinutes: minutes, notes: text(validateNotes, true), autoExpire,
  },
  org: { name: text(validateOrgName, false), website: text(validateWebsite, true), phone: text(validatePhone, true) },
};

/** What is wrong with `edit`, given the copy it was opened from (which decides the fields it may hold). */
export function check(kind: DocKind, edit: JsonObject, base: JsonObject): Problem[] {
  const problems: Problem[] = [];
  const fields = Object.keys(base).filter((k) => k !== READ_ONLY);
  for (const key of Object.keys(edit)) {
    if (key !== READ_ONLY && !fields.includes(key)) {
      const hint = kind === 'key' && key === 'disconnectedRetentionMinutes' ? ' (only ephemeral keys have a retention period)' : '';
      problems.push({ at: key, message: `'${key}' is not a field you can edit here${hint}: remove it.` });
    }
  }
  for (const key of fields) {
    if (!(key in edit)) {
      problems.push({ at: key, message: `'${key}' is missing: put it back (null clears a field that can be empty).` });
      continue;
    }
    const problem = CHECKS[kind][key]?.(edit[key]);
    if (problem) problems.push({ at: key, message: `${key} ${problem}` });
  }
  if (READ_ONLY in edit && JSON.stringify(edit[READ_ONLY]) !== JSON.stringify(base[READ_ONLY])) {
    problems.push({ at: READ_ONLY, message: `'${READ_ONLY}' shows the server's data and cannot be changed: undo the edits in it.` });
  }
  return problems;
}
