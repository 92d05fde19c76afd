// What a person may type into the entity prompts, checked as they type. No `vscode` here, so the
// rules are unit-tested in plain Node. Each validator returns a message for the person, or
// undefined when the value is acceptable.
//
// The API does not publish its limits. These numbers are the ones the local Enclave-compatible
// server implements (test/server/rules.ts LIMITS): keep the two in sync — unit tests compare the
// limits and send the same inputs to both (test/unit/reliability/validationParity.test.ts).
// Where the real API turns out stricter, its own validation message still reaches the person,
// on the field's box (Edit Again) and in the failure message.
import { isIP, isIPv4, isIPv6 } from 'node:net';

/** Longest description of a system or an enrolment key. */
export const DESCRIPTION_MAX = 100;
export const NOTES_MAX = 4000;
export const ORG_NAME_MAX = 100;
export const WEBSITE_MAX = 200;
export const PHONE_MAX = 50;
export const TAG_MAX = 64;
/**
 * Retention of disconnected ephemeral systems, in whole minutes. The mock allows up to a week;
 * the CLI's notes on the portal's validators say the real API refuses more than 30 days, so a
 * week is within both.
 */
export const RETENTION_MIN = 0;
export const RETENTION_MAX = 7 * 24 * 60;
/** The portal's tag-name rule: lower-case words of letters and digits joined by single '-' or '.'. */
export const TAG_PATTERN = /^([a-z0-9]+[-.])*[a-z0-9]+$/;
/** What the uses box accepts as "no limit", besides leaving it empty. */
export const UNLIMITED_WORD = 'unlimited';

export function validateDescription(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Enter a description.';
  if (text.length > DESCRIPTION_MAX) return `A description can be at most ${DESCRIPTION_MAX} characters; this one has ${text.length}.`;
  return undefined;
}

/** Optional description (systems): empty clears it. */
export function validateOptionalDescription(value: string): string | undefined {
  return value.trim() === '' ? undefined : validateDescription(value);
}

export function validateNotes(value: string): string | undefined {
  const length = value.trim().length;
  return length > NOTES_MAX ? `Notes can be at most ${NOTES_MAX} characters; these have ${length}.` : undefined;
}

/** Tag names from a comma-separated list; blanks between commas are ignored. */
export function parseTags(value: string): string[] {
  return value.split(',').map((t) => t.trim()).filter((t) => t !== '');
}

export function validateTags(value: string): string | undefined {
  const seen = new Set<string>();
  for (const tag of parseTags(value)) {
    if (!TAG_PATTERN.test(tag)) {
      return `'${tag}' is not a valid tag: use lower-case letters and digits, with single '-' or '.' between words (e.g. web-servers).`;
    }
    if (tag.length > TAG_MAX) return `A tag can be at most ${TAG_MAX} characters; '${tag.slice(0, 20)}…' has ${tag.length}.`;
    if (seen.has(tag)) return `'${tag}' is listed twice.`;
    seen.add(tag);
  }
  return undefined;
}

const WHOLE = /^\d+$/;

/** -1 (the API's "unlimited") for an empty box or the word "unlimited"; else the number typed. */
export function parseUses(value: string): number {
  const text = value.trim().toLowerCase();
  return text === '' || text === UNLIMITED_WORD ? -1 : Number(text);
}

const INT32_MAX = 2_147_483_647;

/** A new key: unlimited, or at least one use (a key nobody can use is refused by the API). */
export function validateUses(value: string): string | undefined {
  return checkUses(value, 1);
}

/** An existing key's remaining uses: 0 is allowed and means the key is used up. */
export function validateUsesLeft(value: string): string | undefined {
  return checkUses(value, 0);
}

function checkUses(value: string, min: number): string | undefined {
  const text = value.trim().toLowerCase();
  if (text === '' || text === UNLIMITED_WORD) return undefined;
  if (!WHOLE.test(text) || Number(text) < min || Number(text) > INT32_MAX) {
    return `Enter a whole number of uses (${min} or more), or leave it empty for unlimited uses.`;
  }
  return undefined;
}

/** What the uses box shows for a count from the API. */
export function usesText(usesRemaining: number): string {
  return usesRemaining < 0 ? '' : String(usesRemaining);
}

export function validateRetentionMinutes(value: string): string | undefined {
  const text = value.trim();
  const n = Number(text);
  if (!WHOLE.test(text) || n < RETENTION_MIN || n > RETENTION_MAX) {
    return `Enter a whole number of minutes from ${RETENTION_MIN} to ${RETENTION_MAX} (one week).`;
  }
  return undefined;
}

export function validateOrgName(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return 'Enter a name for the organisation.';
  if (text.length > ORG_NAME_MAX) return `An organisation name can be at most ${ORG_NAME_MAX} characters; this one has ${text.length}.`;
  return undefined;
}

/** A web address; the scheme may be left out ("example.com"). Empty clears the website. */
export function validateWebsite(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  const message = 'Enter a web address such as https://example.com, or leave it empty.';
  if (text.length > WEBSITE_MAX) return `A web address can be at most ${WEBSITE_MAX} characters; this one has ${text.length}.`;
  if (/\s/.test(text)) return message;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return message;
    // A host needs a dot (example.com) unless it is localhost: catches "https://acme" typos.
    if (!url.hostname.includes('.') && url.hostname !== 'localhost') return message;
  } catch {
    return message;
  }
  return undefined;
}

/**
 * IP constraints of an enrolment key, comma-separated. Each is a CIDR block (IPv4 /0–32, IPv6
 * /0–128), a single IPv4 or IPv6 address, or an IPv4 range `a.b.c.d - e.f.g.h` whose start is
 * not after its end — what the API accepts (reference §3.7). Spaces around '-' are tidied.
 */
export function parseIpRanges(value: string): string[] {
  return value.split(',').map((r) => r.trim().replace(/\s*-\s*/, ' - ')).filter((r) => r !== '');
}

export function validateIpRanges(value: string): string | undefined {
  const seen = new Set<string>();
  for (const range of parseIpRanges(value)) {
    const problem = ipRangeProblem(range);
    if (problem) return problem;
    if (seen.has(range)) return `'${range}' is listed twice.`;
    seen.add(range);
  }
  return undefined;
}

function ipRangeProblem(range: string): string | undefined {
  const invalid = `'${range}' is not an IP address, a CIDR block (e.g. 203.0.113.0/24) or a range such as 203.0.113.10 - 203.0.113.20.`;
  const slash = range.lastIndexOf('/');
  if (slash >= 0) {
    const address = range.slice(0, slash);
    const prefix = range.slice(slash + 1);
    const max = isIPv4(address) ? 32 : isIPv6(address) ? 128 : -1;
    return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max ? undefined : invalid;
  }
  if (isIP(range) !== 0) return undefined;
  const ends = range.split(' - ');
  if (ends.length !== 2 || !ends.every((end) => isIPv4(end))) return invalid;
  const [start, end] = ends.map((a) => a.split('.').reduce((n, octet) => n * 256 + Number(octet), 0));
  return start <= end ? undefined : `'${range}' starts after it ends: put the lower address first.`;
}

/** Loose on purpose: phone formats differ by country; only obvious mistakes are refused. */
export function validatePhone(value: string): string | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  if (text.length > PHONE_MAX) return `A phone number can be at most ${PHONE_MAX} characters; this one has ${text.length}.`;
  if (!/^\+?[0-9 ()./-]+((ext\.?|x)\s*[0-9]+)?$/i.test(text)) {
    return 'A phone number may contain digits, spaces and + ( ) - . only (e.g. +44 20 7946 0000).';
  }
  const digits = text.replace(/\D/g, '').length;
  if (digits < 3 || digits > 20) return 'A phone number needs between 3 and 20 digits.';
  return undefined;
}
