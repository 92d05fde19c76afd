// Personal access tokens: which organisations each may see and which scopes it lacks.
import type { Reply } from './http';
import { newToken } from './ids';
import { problem } from './problems';
import type { OrgState, Store } from './store';

export interface TokenGrant {
  /** 'all': every org; 'first': only the first org of the current data; or explicit org IDs. */
  orgs: 'all' | 'first' | readonly string[];
  /** Lacks the ReadOrgList scope: GET /account/orgs answers 403. */
  noOrgList: boolean;
  /**
   * Organisations the token lists but may not use: every `/org/{orgId}/…` request answers 403
   * (a role or partner grant that stops short of the API), while the others work as usual.
   */
  forbidden?: readonly string[];
  /** Whose changes the activity log says these are; default "API token". */
  userName?: string;
}

/** The log's userName for a token nobody named: the mock has no accounts behind its tokens. */
export const DEFAULT_TOKEN_USER = 'API token';

export type AuthResult = { grant: TokenGrant } | { reply: Reply };

export class TokenRegistry {
  private readonly grants = new Map<string, TokenGrant>();
  private readonly revoked = new Set<string>();

  issue(grant: TokenGrant): string {
    const token = newToken();
    this.grants.set(token, grant);
    return token;
  }

  revoke(token: string): void {
    if (this.grants.delete(token)) this.revoked.add(token);
  }

  /** Checks `Authorization: Bearer <token>`; failures are 401 problems. */
  authenticate(header: string | undefined): AuthResult {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) {
      return { reply: unauthorized("No bearer token was sent. Send 'Authorization: Bearer <personal access token>'.") };
    }
    const grant = this.grants.get(match[1]);
    if (grant) return { grant };
    return { reply: unauthorized(this.revoked.has(match[1]) ? 'The bearer token has been revoked.' : 'The bearer token is not valid.') };
  }
}

function unauthorized(detail: string): Reply {
  const reply = problem(401, detail);
  reply.headers = { 'www-authenticate': 'Bearer error="invalid_token"' };
  return reply;
}

export function visibleOrgs(grant: TokenGrant, store: Store): OrgState[] {
  if (grant.orgs === 'all') return [...store.orgs];
  if (grant.orgs === 'first') return store.orgs.slice(0, 1);
  const ids = new Set(grant.orgs.map((id) => id.toLowerCase()));
  return store.orgs.filter((o) => ids.has(o.id));
}

/** True when the token lists the organisation but may not use it (answered with 403). */
export function isForbiddenOrg(grant: TokenGrant, orgId: string): boolean {
  return (grant.forbidden ?? []).some((id) => id.toLowerCase() === orgId.toLowerCase());
}

/** The org when the token may see it; unknown and forbidden look the same (404) to the caller. */
export function accessibleOrg(grant: TokenGrant, store: Store, orgId: string): OrgState | undefined {
  const org = store.org(orgId);
  if (!org) return undefined;
  return visibleOrgs(grant, store).includes(org) ? org : undefined;
}
