/**
 * Finding a key by its description, for the check after a create whose answer was lost. The
 * API's `search` is best-effort (reference §3.13, open question 19), so the search sends one
 * plain word of the description — plain words match the description on every list — and the
 * exact description is compared here. No `vscode` here.
 */
import type { EnclaveClient } from '../api';
import type { EnrolmentKey, EnrolmentKeyCreate } from '../api/types';

/** The longest run of letters and digits: a plain search word no search key can swallow. */
export function searchWord(description: string): string | undefined {
  const words = description.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.sort((a, b) => b.length - a.length)[0];
}

async function withDescription(client: EnclaveClient, orgId: string, description: string): Promise<EnrolmentKey[]> {
  const page = await client.enrolmentKeys.list(orgId, { search: searchWord(description), includeDisabled: true, perPage: 200 });
  const wanted = description.trim();
  return page.items.filter((k) => typeof k.description === 'string' && k.description.trim() === wanted);
}

/** IDs of the keys that have this description now. */
export async function keysLike(client: EnclaveClient, orgId: string, description: string): Promise<Set<number>> {
  return new Set((await withDescription(client, orgId, description)).map((k) => k.id));
}

/**
 * The key a lost create made, if there is one: a key with the description that was not there
 * before. Without a "before" (it could not be read), a key with the same settings that nothing
 * has enrolled with yet is taken for it — a twin made earlier is then named, which is still
 * better than making a third.
 */
export async function newKeyLike(client: EnclaveClient, orgId: string, body: EnrolmentKeyCreate, before: Set<number> | undefined): Promise<EnrolmentKey | undefined> {
  const candidates = (await withDescription(client, orgId, body.description)).filter((k) =>
    before ? !before.has(k.id) : k.type === (body.type ?? k.type) && k.approvalMode === (body.approvalMode ?? k.approvalMode) && k.enrolledCount === 0,
  );
  return candidates.sort((a, b) => b.id - a.id)[0];
}
