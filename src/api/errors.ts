// Typed errors of the Enclave client. Every error carries `kind` so callers can switch on it
// without instanceof (which breaks across bundles), and method + path (never the origin, never
// a header). Text that came from the server is passed through `redact` by the transport first,
// so a server echoing the token cannot leak it into a message.
import { describeProblem } from './problemMessage';
import type { ProblemDetails } from './types';

export type EnclaveErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'format' | 'config';

/** What a bulk call had already done when one of its chunks failed. */
export interface BulkProgress {
  /** Count reported by the chunks that succeeded. */
  count: number;
  /** IDs sent in chunks that succeeded. */
  idsDone: number;
  idsTotal: number;
}

/** The request an error is about: method and API-relative path + query (never the origin). */
export interface Where {
  method: string;
  path: string;
}

export abstract class EnclaveError extends Error {
  abstract readonly kind: EnclaveErrorKind;
  readonly method?: string;
  readonly path?: string;
  /** Set by bulk calls when earlier chunks had already been applied. */
  bulkProgress?: BulkProgress;

  constructor(message: string, where?: Where, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    if (where) {
      this.method = where.method;
      this.path = where.path;
    }
  }

  /** A plain object for logs: own fields only, no cause chain. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, kind: this.kind, message: this.message };
    for (const [k, v] of Object.entries(this)) if (v !== undefined && k !== 'problem') out[k] = v;
    return out;
  }
}

export function isEnclaveError(e: unknown): e is EnclaveError {
  return e instanceof EnclaveError;
}

// ---- HTTP status errors -------------------------------------------------------------

export interface ApiErrorInit extends Where {
  status: number;
  problem?: ProblemDetails;
  retryAfterMs?: number;
}

export class ApiError extends EnclaveError {
  readonly kind = 'http' as const;
  readonly status: number;
  readonly problem?: ProblemDetails;
  readonly type?: string;
  readonly title?: string;
  readonly detail?: string;
  readonly traceId?: string;
  readonly validationErrors?: Record<string, string[]>;
  readonly retryAfterMs?: number;

  constructor(init: ApiErrorInit) {
    super(describeProblem(init.status, init.problem), init);
    this.status = init.status;
    const p = init.problem;
    if (p) {
      this.problem = p;
      this.type = p.type;
      this.title = p.title;
      this.detail = p.detail;
      this.traceId = p.traceId;
      this.validationErrors = p.errors;
    }
    this.retryAfterMs = init.retryAfterMs;
  }
}

export class UnauthorizedError extends ApiError {}
export class ForbiddenError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ValidationError extends ApiError {}
export class RateLimitedError extends ApiError {}
export class ServerError extends ApiError {}

/** The subclass for a status, so callers can catch by class or by `status`. */
export function apiErrorFor(init: ApiErrorInit): ApiError {
  const s = init.status;
  if (s === 401) return new UnauthorizedError(init);
  if (s === 403) return new ForbiddenError(init);
  if (s === 404) return new NotFoundError(init);
  if (s === 429) return new RateLimitedError(init);
  if (s === 400 && init.problem?.errors && Object.keys(init.problem.errors).length > 0) return new ValidationError(init);
  if (s >= 500) return new ServerError(init);
  return new ApiError(init);
}

// ---- transport errors --------------------------------------------------------------

/** Connection refused or reset, DNS failure, TLS failure: the request got no HTTP answer. */
export class NetworkError extends EnclaveError {
  readonly kind = 'network' as const;
  constructor(
    readonly code: string,
    where: Where,
    cause?: unknown,
  ) {
    super(`Could not reach the Enclave API (${code}) for ${where.method} ${where.path}`, where, cause);
  }
}

export type TimeoutPhase = 'connect' | 'headers' | 'body';

export class TimeoutError extends EnclaveError {
  readonly kind = 'timeout' as const;
  constructor(
    readonly phase: TimeoutPhase,
    readonly timeoutMs: number | undefined,
    where: Where,
    cause?: unknown,
  ) {
    const what = phase === 'connect' ? 'connecting' : phase === 'headers' ? 'waiting for a response' : 'reading the response';
    const after = timeoutMs === undefined ? '' : ` after ${timeoutMs} ms`;
    super(`The Enclave API timed out ${what}${after} (${where.method} ${where.path})`, where, cause);
  }
}

/** The caller's AbortSignal fired. Never used for timeouts. */
export class AbortedError extends EnclaveError {
  readonly kind = 'aborted' as const;
  constructor(where?: Where, message?: string) {
    super(message ?? (where ? `Cancelled: ${where.method} ${where.path}` : 'Cancelled'), where);
  }
}

/** A 2xx answer that is not the JSON this call expects. */
export class ResponseFormatError extends EnclaveError {
  readonly kind = 'format' as const;
  constructor(
    readonly status: number,
    readonly reason: string,
    where: Where,
  ) {
    super(`The Enclave API sent an unexpected response to ${where.method} ${where.path}: ${reason}`, where);
  }
}

/** The client was configured wrongly (bad URL, empty token). Thrown from the constructor. */
export class ConfigError extends EnclaveError {
  readonly kind = 'config' as const;
}

/** An http: URL that is not loopback: the token would travel in clear text. */
export class InsecureUrlError extends ConfigError {
  constructor(readonly url: string) {
    super(`Refusing to send the Enclave token over plain HTTP to ${url}: use https (http is allowed only for loopback addresses)`);
  }
}
