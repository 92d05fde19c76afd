// Shapes shared by the router, the routes and the server: a request context and a reply.
import type { IncomingHttpHeaders } from 'node:http';
import type { TokenGrant } from './auth';
import type { OrgState, Store } from './store';

/** What a handler answers; server.ts turns it into bytes. No `body` means a bodiless reply. */
export interface Reply {
  status: number;
  body?: unknown;
  /** The body already serialised as JSON (list pages, see listJson.ts); sent instead of `body`. */
  json?: Buffer;
  /** Serialise as application/problem+json. */
  problem?: boolean;
  headers?: Record<string, string>;
}

/** Thrown by handlers to answer early (404, 400 …); the router catches it. */
export class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
  }
}

export interface RequestContext {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  rawBody: string;
  /** This server's own origin, e.g. http://127.0.0.1:8787, for absolute paging links. */
  baseUrl: string;
  store: Store;
  grant: TokenGrant;
}

export interface OrgContext extends RequestContext {
  org: OrgState;
}

export function ok(body: unknown): Reply {
  return { status: 200, body };
}
