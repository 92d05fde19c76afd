// A record of every API request (not /__sim/ ones) for assertions: what the client really sent.
import type { IncomingMessage } from 'node:http';
import type { FaultKind } from './faults';

export interface RequestLogEntry {
  method: string;
  path: string;
  /** Query parameters (for repeated names the last wins). */
  query: Record<string, string>;
  /** Lower-case names; `authorization` keeps its scheme only: `Bearer [redacted]`. */
  headers: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, undefined when empty. */
  body: unknown;
  /** Status sent; 0 when no response was sent (reset, stall) or it is still pending. */
  status: number;
  /** Epoch ms (real clock) when the request arrived. */
  timestamp: number;
  /** The injected fault, if one was applied. */
  fault?: FaultKind;
}

/** Oldest entries are dropped past this, so long benchmark runs stay bounded. */
const MAX_ENTRIES = 100_000;

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];

  record(req: IncomingMessage, url: URL, rawBody: string): RequestLogEntry {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    if (headers.authorization !== undefined) {
      // Keep a short scheme word; a bare token (no scheme) must not survive either.
      const scheme = /^([A-Za-z]{1,20})\s/.exec(headers.authorization)?.[1];
      headers.authorization = scheme ? `${scheme} [redacted]` : '[redacted]';
    }
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams),
      headers, body: parseBody(rawBody), status: 0, timestamp: Date.now(),
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
