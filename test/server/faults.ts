// Fault injection: queued misbehaviours for the next N matching requests.
// Faults are applied after latency and before the request reaches auth/routing, like a proxy
// in front of the API would. Only `reset` with `partial` and `stall` with `applied` run the real
// handler (its side effects happen, then the answer is lost on the way back or never comes).

export type RetryAfter = number | Date | string;

export type Fault =
  /** 429 problem with Retry-After: a number is seconds, a Date is sent as an HTTP-date. */
  | { kind: 'rateLimit'; retryAfter?: RetryAfter }
  /**
   * 5xx (or any status); body 'problem' (default for 500/503) or 'html' as nginx sends (default
   * for 502/504). `errors` makes the problem a validation problem with that field → messages map,
   * for a refusal the mock's own rules would not make (the real API may be stricter).
   */
  | { kind: 'error'; status?: number; body?: 'problem' | 'html' | 'empty'; retryAfter?: RetryAfter; errors?: Record<string, string[]> }
  /** TCP reset; with `partial`, after the headers and half of the real body. */
  | { kind: 'reset'; partial?: boolean }
  /**
   * Accept and never answer (until the server closes); `afterHeaders` sends 200 headers first.
   * `applied` runs the real handler first, so its change happens although no answer ever comes
   * (a create that timed out on the client's side but was made all the same).
   */
  | { kind: 'stall'; afterHeaders?: boolean; applied?: boolean }
  /** 200 with a JSON content type and a body that is not JSON. */
  | { kind: 'malformedJson'; body?: string }
  /** 200 with valid JSON of the wrong shape. */
  | { kind: 'wrongShape'; body?: unknown }
  /** Hold this request for `ms`, then answer normally. */
  | { kind: 'delay'; ms: number };

export type FaultKind = Fault['kind'];
export const FAULT_KINDS: readonly FaultKind[] = ['rateLimit', 'error', 'reset', 'stall', 'malformedJson', 'wrongShape', 'delay'];

export interface FaultOptions {
  /** How many matching requests get the fault; default 1. */
  count?: number;
  /** Only requests with this method (any case). */
  method?: string;
  /** Only requests whose path (no query) matches; a string is a regular expression source. */
  path?: RegExp | string;
}

interface Entry { fault: Fault; remaining: number; method?: string; path?: RegExp }

export class FaultQueue {
  private entries: Entry[] = [];

  add(fault: Fault, options: FaultOptions = {}): void {
    if (!FAULT_KINDS.includes(fault.kind)) throw new Error(`Unknown fault kind '${String(fault.kind)}'`);
    const path = typeof options.path === 'string' ? new RegExp(options.path) : options.path;
    this.entries.push({ fault, remaining: Math.max(1, options.count ?? 1), method: options.method?.toUpperCase(), path });
  }

  /** The first queued fault matching this request, consuming one of its uses. */
  take(method: string, path: string): Fault | undefined {
    const e = this.entries.find((x) => (!x.method || x.method === method.toUpperCase()) && (!x.path || x.path.test(path)));
    if (!e) return undefined;
    if (--e.remaining <= 0) this.entries.splice(this.entries.indexOf(e), 1);
    return e.fault;
  }

  clear(): void {
    this.entries = [];
  }

  get pending(): number {
    return this.entries.reduce((n, e) => n + e.remaining, 0);
  }
}

export function retryAfterHeader(v: RetryAfter): string {
  return v instanceof Date ? v.toUTCString() : String(v);
}

const REASONS: Record<number, string> = {
  500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out',
};

/** The page nginx itself serves when the upstream fails. */
export function nginxErrorPage(status: number): string {
  const line = `${status} ${REASONS[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${line}</title></head>\r\n<body>\r\n<center><h1>${line}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

export const MALFORMED_JSON = '{"metadata":{"total":3,"firstPage":0,"prevPage":null,"lastPage":0,"nextPage":null},"items":[{"systemId":"AB12C",';
export const WRONG_SHAPE = { message: 'Unexpected shape', items: 'not-an-array', orgs: 42, metadata: null };
