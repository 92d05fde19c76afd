// Option and event types of the client, apart from the implementation so resource modules and
// callers can import them as types only.
import type { Dispatcher } from 'undici';
import type { EnclaveError } from './errors';
import type { ProxyOptions } from './proxy';
import type { RetryOptions } from './retry';
import type { ShapeCheck } from './shapes';
import type { QueryValue } from './url';

/** One HTTP attempt, reported after it finished (successfully or not). */
export interface RequestEvent {
  method: string;
  /** Path and query relative to the API root; never the origin, never a header. */
  path: string;
  status?: number;
  durationMs: number;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  error?: EnclaveError;
}

export interface RetryInfo {
  method: string;
  path: string;
  /** The attempt that is about to be made (2 = first retry). */
  attempt: number;
  delayMs: number;
  reason: string;
}

export interface ClientTimeouts {
  /** TCP + TLS connect. Applies to the client's own pool only. Default 10 s. */
  connectMs?: number;
  /** From sending the request to the end of the response headers. Default 30 s. */
  headersMs?: number;
  /** Longest gap between two body chunks. Default 30 s. */
  bodyMs?: number;
}

export interface ClientOptions {
  /** Default 'https://api.enclave.io'. http: is accepted only for loopback hosts. */
  baseUrl?: string;
  token: string;
  /** Sent on every request; the API rejects requests without one. */
  userAgent: string;
  timeouts?: ClientTimeouts;
  retry?: RetryOptions;
  /** Parallel page requests in `all()`. Default 10: enough to keep a ~20 ms round trip busy (6 left the walk waiting on round trips; README › Performance). */
  pageConcurrency?: number;
  /** Connections of the client's own pool. Default 16. Ignored with `dispatcher`. */
  maxConnections?: number;
  /** Tunnel through this proxy (CONNECT) unless the API host is loopback or in `noProxy`. Ignored with `dispatcher`. */
  proxy?: ProxyOptions;
  /** Extra PEM CA certificates to trust on top of Node's defaults (e.g. a company CA). Ignored with `dispatcher`. */
  ca?: readonly string[];
  /** Also trust the OS certificate store where this Node can read it (Node ≥ 22.15). Default true. */
  systemCertificates?: boolean;
  /** Injected transport. The caller owns it: `dispose()` does not close it. */
  dispatcher?: Dispatcher;
  onRequest?: (event: RequestEvent) => void;
  onRetry?: (info: RetryInfo) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface WalkOptions extends CallOptions {
  /** Parallel page requests; defaults to the client's `pageConcurrency`. */
  concurrency?: number;
}

export interface RequestOptions extends CallOptions {
  query?: Record<string, QueryValue>;
  /** Serialised as JSON (also on DELETE, for bulk calls). */
  body?: unknown;
  /** 'json' (default): a JSON body is required. 'optional': an empty 2xx body yields undefined. */
  response?: 'json' | 'optional';
  /** Top-level shape the 2xx JSON must have; a mismatch is a ResponseFormatError. */
  expect?: ShapeCheck;
}

/** What resource modules need from the client: one authenticated, retried JSON request. */
export interface Transport {
  readonly pageConcurrency: number;
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  /** The API-relative path + query of a link the API returned (e.g. `links.next`). */
  relativeLink(link: string): string;
}
