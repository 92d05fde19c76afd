import type { AccountOrganisation } from '../api/types';

/**
 * Where the extension stands with the API. The status bar, the welcome view (through the
 * `enclave.state` context key) and the tree all follow this one value.
 */
export type ConnectionState =
  | { readonly kind: 'signedOut' }
  | { readonly kind: 'connecting' }
  | { readonly kind: 'connected'; readonly orgs: readonly AccountOrganisation[]; readonly checkedAt: Date }
  /** The API answered 401: the token was revoked or is wrong. Only signing in again helps. */
  | { readonly kind: 'rejected' }
  /** Network failure, timeout or 5xx: retried in the background until the API answers. */
  | { readonly kind: 'unreachable'; readonly message: string; readonly since: Date };
