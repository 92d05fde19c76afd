// Route table and the request pipeline in front of every handler: User-Agent, route match,
// bearer token, organisation access, then the handler.
import type { IncomingHttpHeaders } from 'node:http';
import { accessibleOrg, DEFAULT_TOKEN_USER, isForbiddenOrg, TokenRegistry } from './auth';
import { HttpError, OrgContext, Reply, RequestContext } from './http';
import { notFound, problem } from './problems';
import type { Store } from './store';

type Handler = (ctx: RequestContext) => Reply;

interface Route { method: string; parts: string[]; handler: Handler }

export interface Incoming {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The caller's address, as the activity log records it. */
  remoteAddress?: string;
}

export interface Services { store: Store; tokens: TokenRegistry; baseUrl: string }

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): void {
    this.routes.push({ method, parts: split(pattern), handler });
  }

  /** A route under /org/{orgId}; the org is resolved (and access checked) before the handler runs. */
  org(method: string, pattern: string, handler: (ctx: OrgContext) => Reply): void {
    this.add(method, `/org/:orgId${pattern}`, (ctx) => {
      const org = accessibleOrg(ctx.grant, ctx.store, ctx.params.orgId);
      if (!org) throw new HttpError(notFound('organisation', ctx.params.orgId));
      if (isForbiddenOrg(ctx.grant, org.id)) {
        throw new HttpError(problem(403, `Your access rights do not allow this request in organisation ${org.id}.`));
      }
      return handler({ ...ctx, org });
    });
  }

  dispatch(req: Incoming, services: Services): Reply {
    // The API rejects requests without a User-Agent (DOCS); the status is a guess (open question 15).
    if (!req.headers['user-agent']) {
      return problem(400, 'All requests must send a User-Agent header that names your application.');
    }
    const parts = split(req.url.pathname);
    const candidates = this.routes.map((r) => ({ r, params: matchParts(r.parts, parts) })).filter((c) => c.params);
    const hit = candidates.find((c) => c.r.method === req.method);
    if (!hit) {
      // Unknown route: a bodiless 404 (SDK tests); a known path with the wrong method: 405.
      if (candidates.length === 0) return { status: 404 };
      return { status: 405, headers: { allow: [...new Set(candidates.map((c) => c.r.method))].join(', ') } };
    }
    const auth = services.tokens.authenticate(req.headers.authorization);
    if ('reply' in auth) return auth.reply;
    const ctx: RequestContext = {
      method: req.method, path: req.url.pathname, query: req.url.searchParams, headers: req.headers,
      params: hit.params ?? {}, rawBody: req.rawBody, baseUrl: services.baseUrl, store: services.store, grant: auth.grant,
    };
    // Whatever the handler changes is logged as this caller's doing.
    const actor = { userName: auth.grant.userName ?? DEFAULT_TOKEN_USER, ipAddress: plainAddress(req.remoteAddress) };
    try {
      return services.store.as(actor, () => hit.r.handler(ctx));
    } catch (e) {
      if (e instanceof HttpError) return e.reply;
      throw e;
    }
  }
}

/** `::ffff:127.0.0.1` → `127.0.0.1`: an IPv4 caller on a dual-stack socket, as a person writes it. */
function plainAddress(address: string | undefined): string | null {
  if (!address) return null;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}

function split(path: string): string[] {
  return path.split('/').filter((p, i, all) => p !== '' || (i > 0 && i < all.length - 1));
}

function matchParts(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(':')) {
      try {
        params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
      } catch {
        return undefined;
      }
    } else if (pattern[i].toLowerCase() !== parts[i].toLowerCase()) return undefined;
  }
  return params;
}
