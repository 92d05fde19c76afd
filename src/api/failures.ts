// Turns what undici throws and what a failed response carries into the typed errors of
// errors.ts. Kept apart from client.ts so the transport reads as a straight line.
import { AbortedError, ApiError, apiErrorFor, EnclaveError, NetworkError, TimeoutError, type TimeoutPhase, type Where } from './errors';
import type { ProblemDetails } from './types';

export interface Timeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

const TIMEOUT_CODES: Record<string, TimeoutPhase> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};

/** Maps a thrown transport error. `callerAborted` wins: a cancel is never reported as a failure. */
export function fromThrown(err: unknown, where: Where, timeouts: Timeouts, callerAborted: boolean): EnclaveError {
  if (callerAborted) return new AbortedError(where);
  if (err instanceof EnclaveError) return err;
  const code = errorCode(err);
  const phase = code ? TIMEOUT_CODES[code] : undefined;
  if (phase) return new TimeoutError(phase, timeouts[`${phase}Ms`], where, err);
  if (code === 'ETIMEDOUT') return new TimeoutError('connect', undefined, where, err);
  // 'other side closed' and friends arrive as UND_ERR_SOCKET; report them as the reset they are.
  if (code === 'UND_ERR_SOCKET') return new NetworkError('ECONNRESET', where, err);
  return new NetworkError(code ?? 'UNKNOWN', where, err);
}

function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The ApiError for a non-2xx answer. Problem text is redacted before it reaches a message. */
export function fromResponse(status: number, contentType: string, bodyText: string, where: Where, redact: (s: string) => string, retryAfterMs?: number): ApiError {
  return apiErrorFor({ ...where, status, problem: readProblem(contentType, bodyText, redact), retryAfterMs });
}

function readProblem(contentType: string, bodyText: string, redact: (s: string) => string): ProblemDetails | undefined {
  if (!/json/i.test(contentType) || bodyText.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(bodyText);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const text = (k: string): string | undefined => (typeof raw[k] === 'string' ? redact(raw[k] as string) : undefined);
  const problem: ProblemDetails = {
    type: text('type'),
    title: text('title'),
    detail: text('detail'),
    instance: text('instance'),
    traceId: text('traceId'),
    status: typeof raw.status === 'number' ? raw.status : undefined,
    errors: readValidationErrors(raw.errors, redact),
  };
  for (const k of Object.keys(problem) as (keyof ProblemDetails)[]) if (problem[k] === undefined) delete problem[k];
  return Object.keys(problem).length > 0 ? problem : undefined;
}

function readValidationErrors(value: unknown, redact: (s: string) => string): Record<string, string[]> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(value)) {
    const messages = (Array.isArray(list) ? list : [list]).filter((m): m is string => typeof m === 'string').map(redact);
    if (messages.length > 0) out[redact(field)] = messages;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Replaces every occurrence of the secret, in case a server or proxy echoes it back. */
export function redactor(secret: string): (s: string) => string {
  return (s) => (secret && s.includes(secret) ? s.split(secret).join('[redacted]') : s);
}
