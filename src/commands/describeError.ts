/**
 * Turns any thrown value into words: `reasonFor` is the half-sentence a person reads after
 * "<what> could not be done: ", `detailsFor` is the line the log gets. No `vscode` here, so the
 * sentences are unit-tested in plain Node. Errors are read by their fields (`kind`, `status`),
 * not by instanceof, because the API classes live in a separately loaded bundle.
 */
import { isNotSignedIn } from '../model/notSignedIn';

/** The fields of the API client's errors (src/api/errors.ts) that matter for wording. */
interface ClientErrorFields {
  kind?: string;
  status?: number;
  title?: string;
  detail?: string;
  traceId?: string;
  validationErrors?: Record<string, string[]>;
  retryAfterMs?: number;
  method?: string;
  path?: string;
  code?: string;
  phase?: string;
  message?: string;
}

function fields(error: unknown): ClientErrorFields {
  return typeof error === 'object' && error !== null ? (error as ClientErrorFields) : {};
}

/** The host of the API URL for messages ("api.enclave.io"), or the URL itself if unparsable. */
export function hostOf(apiUrl: string): string {
  try {
    return new URL(apiUrl).host;
  } catch {
    return apiUrl;
  }
}

function trimSentence(text: string): string {
  return text.trim().replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
}

/** The validation messages of a 400, one readable list. */
function validationReason(errors: Record<string, string[]>): string | undefined {
  const messages = Object.values(errors).flat().map(trimSentence).filter((m) => m !== '');
  return messages.length > 0 ? messages.join('; ') : undefined;
}

function httpReason(f: ClientErrorFields, host: string): string {
  const status = f.status ?? 0;
  const said = f.detail ?? f.title;
  if (status === 401) return 'the saved token was rejected';
  if (status === 403) return 'your token is not allowed to do this (HTTP 403)';
  if (status === 404) return 'it no longer exists — it may have been removed in the portal';
  if (status === 429) {
    const seconds = f.retryAfterMs !== undefined ? Math.max(1, Math.ceil(f.retryAfterMs / 1000)) : undefined;
    return `the Enclave API is limiting requests (HTTP 429) — try again ${seconds ? `in ${seconds} second${seconds === 1 ? '' : 's'}` : 'in a moment'}`;
  }
  if (status >= 500) return `the Enclave API at ${host} had a problem (HTTP ${status}) — try again shortly`;
  const validation = f.validationErrors ? validationReason(f.validationErrors) : undefined;
  if (validation) return validation;
  if (said) return `${trimSentence(said)} (HTTP ${status})`;
  return `the Enclave API refused the request (HTTP ${status})`;
}

/** Node's codes for a certificate that failed verification (CERT_HAS_EXPIRED, SELF_SIGNED_CERT_IN_CHAIN, UNABLE_TO_VERIFY_LEAF_SIGNATURE, ERR_TLS_CERT_ALTNAME_INVALID, …). */
const TLS_TRUST_CODE = /CERT|SIGNATURE|ISSUER|ALTNAME/;

/** Why something failed, as a person would say it. `apiUrl` names the server in network errors. */
export function reasonFor(error: unknown, apiUrl: string): string {
  const host = hostOf(apiUrl);
  if (isNotSignedIn(error)) return 'you are not signed in to Enclave';
  const f = fields(error);
  switch (f.kind) {
    case 'http':
      return httpReason(f, host);
    case 'network':
      // A certificate failure is not an outage: say so, since the fix (trusting a CA) differs.
      if (TLS_TRUST_CODE.test(f.code ?? '')) return `the certificate of the Enclave API at ${host} is not trusted — if a proxy inspects TLS, trust its CA (NODE_EXTRA_CA_CERTS or the system store)`;
      return `the Enclave API at ${host} could not be reached`;
    case 'timeout':
      return `the Enclave API at ${host} did not answer in time`;
    case 'format':
      return 'the API sent a response the extension could not read';
    case 'aborted':
      return 'it was cancelled';
    case 'config':
      return f.message ? trimSentence(f.message) : 'the Enclave API URL or token is not usable';
  }
  if (error instanceof Error && error.message) return trimSentence(error.message);
  return 'an unexpected error occurred';
}

/** True for what the user did on purpose (a cancelled request): never reported as a failure. */
export function isCancellation(error: unknown): boolean {
  const f = fields(error);
  return f.kind === 'aborted' || (error instanceof Error && (error.name === 'Canceled' || error.name === 'AbortError'));
}

/** True when the API turned the token away (HTTP 401). */
export function isUnauthorized(error: unknown): boolean {
  const f = fields(error);
  return f.kind === 'http' && f.status === 401;
}

/** Codes of a request that never left this machine: nothing reached the API. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN']);

/**
 * True when a failed create may still have made the item: the request left, but no clear "no"
 * came back — a timeout after sending, a connection cut mid-answer, a 5xx (a proxy's 502/504
 * says nothing of what the API behind it did), or a 2xx that could not be read. False for a
 * refusal (4xx), a request that never got out, and a cancel.
 */
export function mayHaveBeenApplied(error: unknown): boolean {
  const f = fields(error);
  switch (f.kind) {
    case 'http':
      return (f.status ?? 0) >= 500;
    case 'network':
      return !NOT_SENT.has(f.code ?? '');
    case 'timeout':
      return f.phase !== 'connect';
    case 'format':
      return true;
    default:
      return false;
  }
}

/** HTTP 404: the item was deleted elsewhere (the portal, another window) or never existed. */
export function isGone(error: unknown): boolean {
  const f = fields(error);
  return f.kind === 'http' && f.status === 404;
}

/** Network failure, timeout or 5xx: the API is not answering properly, so it is "offline". */
export function isUnreachable(error: unknown): boolean {
  const f = fields(error);
  return f.kind === 'network' || f.kind === 'timeout' || (f.kind === 'http' && (f.status ?? 0) >= 500);
}

/** One log line with everything a support person needs; never a header, never the token. */
export function detailsFor(error: unknown): string {
  const f = fields(error);
  const parts: string[] = [];
  if (f.method && f.path) parts.push(`${f.method} ${f.path}`);
  if (f.status !== undefined) parts.push(`HTTP ${f.status}`);
  if (f.kind) parts.push(`kind=${f.kind}`);
  if (f.code) parts.push(`code=${f.code}`);
  if (f.title) parts.push(`title: ${f.title}`);
  if (f.detail) parts.push(`detail: ${f.detail}`);
  if (f.validationErrors) {
    const list = Object.entries(f.validationErrors).map(([field, messages]) => `${field || '(body)'}: ${messages.join(' / ')}`);
    parts.push(`validation: ${list.join('; ')}`);
  }
  if (f.traceId) parts.push(`traceId=${f.traceId}`);
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return parts.length > 0 ? `${message} [${parts.join(', ')}]` : message;
}
