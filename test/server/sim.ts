// Unauthenticated control routes under /__sim/ for tests and demos driving the server over HTTP.
// Loopback callers only; these requests are not written to the request log.
//   GET /__sim/requests            → { requests }        DELETE /__sim/requests → { cleared }
//   PUT /__sim/latency {ms}        → { latencyMs }
//   POST /__sim/faults {fault, count?, method?, path?} → { pending }   DELETE /__sim/faults
//   POST /__sim/reset {seed?, orgs?, systemsPerOrg?, keysPerOrg?, unapprovedPerOrg?, now?} → { orgs }
//   POST /__sim/tokens {orgIds?, noOrgList?, forbiddenOrgIds?} → { token }   DELETE /__sim/tokens {token}
//   POST /__sim/enrol {orgId, keyId, systemId?, description?, hostname?, platformType?, …} → the new entity
//   GET /__sim/clock → { now }      PUT /__sim/clock {advanceMs? | now?, frozen?} → { now }   (now: ISO text)
//   POST /__sim/logs {orgId, message, level?, userName?, ipAddress?, timeStamp?} → the new log entry
import type { Fault, FaultOptions } from './faults';
import type { Reply } from './http';
import type { MockServerOptions, TokenOptions } from './server';
import { problem } from './problems';
import type { RequestLogEntry } from './request-log';
import type { EnrolDetails } from './store-enrol';
import type { LogEntryInput } from './activity';
import type { Store } from './store';
import type { SimClock } from './clock';
import { isObject } from './validation';

/** The parts of MockEnclaveServer the control routes drive. */
export interface SimTarget {
  readonly store: Store;
  readonly clock: SimClock;
  readonly requests: ReadonlyArray<RequestLogEntry>;
  clearRequests(): void;
  setLatency(ms: number): void;
  injectFault(fault: Fault, options?: FaultOptions): void;
  clearFaults(): void;
  readonly pendingFaults: number;
  reset(options?: Partial<MockServerOptions>): void;
  addToken(options?: TokenOptions): string;
  revokeToken(token: string): void;
}

export function isLoopback(address: string | undefined): boolean {
  return !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));
}

export function simRoute(target: SimTarget, method: string, path: string, rawBody: string): Reply {
  let body: Record<string, unknown> = {};
  if (rawBody.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(rawBody);
      if (isObject(parsed)) body = parsed;
    } catch {
      return problem(400, 'The control request body is not valid JSON.');
    }
  }
  const route = `${method} ${path.replace(/\/+$/, '')}`;
  try {
    switch (route) {
      case 'GET /__sim/requests': return { status: 200, body: { requests: target.requests } };
      case 'DELETE /__sim/requests': {
        const cleared = target.requests.length;
        target.clearRequests();
        return { status: 200, body: { cleared } };
      }
      case 'PUT /__sim/latency':
        target.setLatency(Number(body.ms ?? 0));
        return { status: 200, body: { latencyMs: Number(body.ms ?? 0) } };
      case 'POST /__sim/faults':
        if (!isObject(body.fault)) return problem(400, "Send { fault: { kind: … }, count?, method?, path? }.");
        target.injectFault(body.fault as unknown as Fault, {
          count: body.count as number | undefined, method: body.method as string | undefined, path: body.path as string | undefined,
        });
        return { status: 200, body: { pending: target.pendingFaults } };
      case 'DELETE /__sim/faults':
        target.clearFaults();
        return { status: 200, body: { pending: 0 } };
      case 'POST /__sim/reset':
        target.reset(body as Partial<MockServerOptions>);
        return { status: 200, body: { orgs: target.store.orgs.map((o) => o.id) } };
      case 'POST /__sim/tokens':
        return { status: 200, body: { token: target.addToken(body as TokenOptions) } };
      case 'DELETE /__sim/tokens':
        target.revokeToken(String(body.token));
        return { status: 200, body: { revoked: true } };
      case 'POST /__sim/enrol':
        return { status: 200, body: target.store.enrol(String(body.orgId), Number(body.keyId), body as EnrolDetails) };
      case 'GET /__sim/clock':
        return { status: 200, body: { now: new Date(target.clock.now()).toISOString() } };
      case 'PUT /__sim/clock':
        if (typeof body.frozen === 'boolean') target.clock.freeze(body.frozen);
        if (body.advanceMs !== undefined) target.clock.advance(Number(body.advanceMs));
        else if (body.now !== undefined) target.clock.set(body.now as string | number);
        return { status: 200, body: { now: new Date(target.clock.now()).toISOString() } };
      case 'POST /__sim/logs':
        return { status: 200, body: target.store.addLogEntry(String(body.orgId), body as unknown as LogEntryInput) };
      default:
        return { status: 404 };
    }
  } catch (e) {
    return problem(400, (e as Error).message);
  }
}
