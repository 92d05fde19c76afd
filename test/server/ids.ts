// Identifier and secret formats used on the wire (reference §1 "GUID identifiers", "Other IDs").
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { Rng } from './rng';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const SYSTEM_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
// Key secrets avoid look-alike characters (0/O, 1/I) because people type them on servers.
const KEY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Runtime randomness (trace ids, tokens): not part of the deterministic seed data. */
export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2)).toString('hex').slice(0, length);
}

/** Personal access tokens are "63-character alpha-numeric strings" (DOCS). */
export function newToken(): string {
  let out = '';
  for (let i = 0; i < 63; i++) out += ALNUM[randomInt(ALNUM.length)];
  return out;
}

/** Enclave identity: 5 upper-case alphanumerics, e.g. `AB12C`. */
export function systemId(rng: Rng): string {
  return rng.chars(5, SYSTEM_ID_ALPHABET);
}

/**
 * Enrolment key secret. The real format is not documented (open question 18); this mock uses
 * six dash-separated groups of five, which reads like a licence key and is easy to spot in logs.
 */
export function keySecret(rng?: Rng): string {
  const groups: string[] = [];
  for (let g = 0; g < 6; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) {
      const n = rng ? rng.int(0, KEY_ALPHABET.length - 1) : randomInt(KEY_ALPHABET.length);
      group += KEY_ALPHABET[n];
    }
    groups.push(group);
  }
  return groups.join('-');
}

/** Tag refs are stable per tag name per organisation, so a hash of both is enough. */
export function tagRef(orgId: string, name: string): string {
  return 'ref:' + createHash('md5').update(`${orgId}/${name}`).digest('hex');
}

/** A system ID for a system enrolling at runtime (not part of the seed data). */
export function randomSystemId(): string {
  let out = '';
  for (let i = 0; i < 5; i++) out += SYSTEM_ID_ALPHABET[randomInt(SYSTEM_ID_ALPHABET.length)];
  return out;
}
