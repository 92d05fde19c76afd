import type { AccountOrganisation } from '../api/types';
import { isUnauthorized, reasonFor } from '../commands/describeError';
import { createClient, type ClientFactoryOptions } from '../model/clientFactory';

export type Verification =
  | { readonly kind: 'accepted'; readonly orgs: readonly AccountOrganisation[] }
  | { readonly kind: 'rejected' }
  /** Anything else (offline, 403, 5xx): the token's worth is unknown, so it is not saved either. */
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Checks a pasted token live with GET /account/orgs before anything is saved, using a throwaway
 * client (the session's client keeps serving the current token meanwhile). One quick retry
 * only: the user is waiting in front of the input box.
 */
export async function verifyToken(factory: ClientFactoryOptions, apiUrl: string, token: string): Promise<Verification> {
  let client: ReturnType<typeof createClient> | undefined;
  try {
    client = createClient(factory, apiUrl, token, { retry: { maxRetries: 1 }, timeouts: { connectMs: 10_000, headersMs: 20_000 } });
    const orgs = await client.getOrgs();
    return { kind: 'accepted', orgs };
  } catch (error) {
    factory.log.warn(`Sign-in: the token could not be verified with ${apiUrl}: ${error instanceof Error ? error.message : String(error)}`);
    if (isUnauthorized(error)) return { kind: 'rejected' };
    return { kind: 'failed', reason: reasonFor(error, apiUrl) };
  } finally {
    await client?.dispose();
  }
}
