// The API's enum values and counts in words. Values the API adds later are shown as they
// come (trimmed), never dropped and never a crash.
import type { AccountOrganisation } from '../api/types';
import type { ListKind } from './nodes';

const COUNT = new Intl.NumberFormat('en-US');

/** 20000 → "20,000". */
export function countText(n: number): string {
  return COUNT.format(n);
}

/** A count as the API sends it, or undefined when the field is missing or not a number. */
export function countOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function known(value: string | null | undefined, words: Record<string, string>, fallback: string): string {
  const text = value?.trim() ?? '';
  if (text === '') return fallback;
  return words[text.toLowerCase()] ?? text;
}

export function platformText(platform: string | null | undefined): string | undefined {
  if (!platform?.trim()) return undefined;
  return known(platform, { windows: 'Windows', linux: 'Linux', darwin: 'macOS', macosx: 'macOS', mac: 'macOS', macos: 'macOS', osx: 'macOS', android: 'Android', ios: 'iOS' }, '');
}

export function systemTypeText(type: string | null | undefined): string {
  return known(type, { generalpurpose: 'General purpose', ephemeral: 'Ephemeral' }, 'Unknown type');
}

export function approvalText(mode: string | null | undefined): string {
  return known(mode, { automatic: 'Automatic approval', manual: 'Manual approval' }, 'Unknown approval');
}

/** An organisation by its name, or by its ID when it came without one (or with a blank one). */
export function orgLabel(org: Pick<AccountOrganisation, 'orgId' | 'orgName'>): string {
  return (typeof org.orgName === 'string' && org.orgName.trim()) || String(org.orgId ?? '');
}

/** By name as the tree shows it, ignoring case: the order of the tree and of every organisation pick. */
export function compareOrgs(a: Pick<AccountOrganisation, 'orgId' | 'orgName'>, b: Pick<AccountOrganisation, 'orgId' | 'orgName'>): number {
  return orgLabel(a).localeCompare(orgLabel(b), undefined, { sensitivity: 'base' });
}

export function roleText(role: string | null | undefined): string {
  return known(role, { owner: 'Owner', admin: 'Admin' }, '');
}

export function usesText(usesRemaining: number): string {
  if (usesRemaining < 0) return 'unlimited uses';
  return usesRemaining === 1 ? '1 use left' : `${countText(usesRemaining)} uses left`;
}

export const LIST_LABELS: Readonly<Record<ListKind, string>> = {
  systems: 'Systems',
  enrolmentKeys: 'Enrolment keys',
  pending: 'Pending approval',
};

/** What a list holds, for "Could not load …" and "No …". */
export const LIST_NOUNS: Readonly<Record<ListKind, string>> = {
  systems: 'systems',
  enrolmentKeys: 'enrolment keys',
  pending: 'systems waiting for approval',
};
