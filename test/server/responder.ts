// Turning replies (and injected faults) into bytes on the socket.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Fault, MALFORMED_JSON, nginxErrorPage, retryAfterHeader, WRONG_SHAPE } from './faults';
import type { Reply } from './http';
import { problem, problemBody } from './problems';

/** DOCS shows these on API responses (reference §6). */
const COMMON_HEADERS = {
  'cache-control': 'no-cache, no-store, must-revalidate', 'pragma': 'no-cache', 'expires': '0', 'server': 'nginx',
};
const JSON_TYPE = 'application/json; charset=utf-8';

export interface Wire { status: number; headers: Record<string, string>; body: Buffer }

export function toWire(reply: Reply): Wire {
  const headers: Record<string, string> = { ...COMMON_HEADERS, ...reply.headers };
  let body: Buffer = Buffer.alloc(0);
  if (reply.json !== undefined || reply.body !== undefined) {
    body = reply.json ?? Buffer.from(JSON.stringify(reply.body), 'utf8');
    headers['content-type'] = reply.problem ? 'application/problem+json; charset=utf-8' : JSON_TYPE;
  }
  return { status: reply.status, headers, body };
}

function raw(status: number, contentType: string, text: string, extra: Record<string, string> = {}): Wire {
  return { status, headers: { ...COMMON_HEADERS, 'content-type': contentType, ...extra }, body: Buffer.from(text, 'utf8') };
}

export function send(res: ServerResponse, wire: Wire): void {
  res.writeHead(wire.status, { ...wire.headers, 'content-length': String(wire.body.length) });
  res.end(wire.body);
}

export interface FaultTarget {
  req: IncomingMessage;
  res: ServerResponse;
  /** The real answer (runs the handler). */
  compute: () => Reply;
  /** Responses that will never finish; the server destroys them on close. */
  stalled: Set<ServerResponse>;
  /** Resolves false when the server closed meanwhile. */
  sleep: (ms: number) => Promise<boolean>;
}

/** Applies a fault; resolves with the status sent (0 when none was). */
export async function applyFault(fault: Fault, t: FaultTarget): Promise<number> {
  switch (fault.kind) {
    case 'rateLimit': {
      const reply = problem(429, 'Too many requests. Wait for the Retry-After period, then try again.');
      const wire = toWire(reply);
      wire.headers['retry-after'] = retryAfterHeader(fault.retryAfter ?? 1);
      send(t.res, wire);
      return 429;
    }
    case 'error': {
      const status = fault.status ?? 500;
      const style = fault.body ?? (status === 502 || status === 504 ? 'html' : 'problem');
      const extra: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': retryAfterHeader(fault.retryAfter) };
      const wire = style === 'html' ? raw(status, 'text/html', nginxErrorPage(status), extra)
        : style === 'empty' ? { status, headers: { ...COMMON_HEADERS, ...extra }, body: Buffer.alloc(0) }
          : fault.errors
            ? toWire({ status, problem: true, headers: extra, body: { ...problemBody(status, 'See the errors property for details.', 'One or more validation errors occurred.'), errors: fault.errors } })
            : toWire({ ...problem(status, 'The server hit an unexpected condition (injected fault).'), headers: extra });
      send(t.res, wire);
      return status;
    }
    case 'reset': {
      if (!fault.partial) {
        t.req.socket.resetAndDestroy();
        return 0;
      }
      const wire = toWire(t.compute());
      t.res.writeHead(wire.status, { ...wire.headers, 'content-length': String(wire.body.length) });
      t.res.write(wire.body.subarray(0, Math.max(1, Math.floor(wire.body.length / 2))), () => t.req.socket.resetAndDestroy());
      return 0;
    }
    case 'stall':
      if (fault.applied) t.compute();
      t.stalled.add(t.res);
      if (fault.afterHeaders) {
        t.res.writeHead(200, { ...COMMON_HEADERS, 'content-type': JSON_TYPE });
        t.res.flushHeaders();
      }
      return 0;
    case 'malformedJson':
      send(t.res, raw(200, JSON_TYPE, fault.body ?? MALFORMED_JSON));
      return 200;
    case 'wrongShape':
      send(t.res, raw(200, JSON_TYPE, JSON.stringify(fault.body ?? WRONG_SHAPE)));
      return 200;
    case 'delay': {
      if (!(await t.sleep(fault.ms))) return 0;
      const wire = toWire(t.compute());
      send(t.res, wire);
      return wire.status;
    }
  }
}
