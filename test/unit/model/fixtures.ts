// Builders for wire entities and a scriptable fake session for store tests (no HTTP, no vscode).
import type { SessionApi } from '../../../src/commands/context';
import type { AccountOrganisation, EnclaveSystem, EnrolmentKey, Page, UnapprovedSystem } from '../../../src/api/types';
import type { ConnectionState } from '../../../src/model/connection';
import type { Log } from '../../../src/ui/log';

export function aSystem(over: Partial<EnclaveSystem> = {}): EnclaveSystem {
  return {
    systemId: 'AB12C', description: 'Web server', systemType: 'GeneralPurpose', state: 'Connected', isEnabled: true,
    enrolledAt: '2026-01-10T10:00:00+00:00', enrolmentKeyId: 3, enrolmentKeyDescription: 'Servers', connectedFrom: '203.0.113.10',
    virtualAddress: '100.64.0.2', virtualNetwork: '100.64.0.0/10', hostname: 'web-01', platformType: 'Linux', osVersion: 'Ubuntu 24.04',
    enclaveVersion: '2026.1.1', gatewayRoutes: [], tags: [{ tag: 'web', ref: 'ref:00' }], lastSeen: null, connectedAt: '2026-01-12T08:00:00+00:00',
    ...over,
  };
}

export function aKey(over: Partial<EnrolmentKey> = {}): EnrolmentKey {
  return {
    id: 12, created: '2026-01-01T00:00:00Z', lastUsed: null, type: 'GeneralPurpose', approvalMode: 'Automatic', status: 'Enabled',
    key: 'SECRET-KEY-VALUE-0123456789', description: 'Laptops', isEnabled: true, usesRemaining: 12, enrolledCount: 3, unapprovedCount: 1, tags: [],
    ...over,
  };
}

export function aPending(over: Partial<UnapprovedSystem> = {}): UnapprovedSystem {
  return {
    systemId: 'PD1XX', systemType: 'GeneralPurpose', description: null, hostname: 'new-laptop', enrolledAt: '2026-01-10T10:00:00Z',
    enrolledFrom: '198.51.100.7', tags: [], enrolmentKeyId: 12, enrolmentKeyDescription: 'Workstations', ...over,
  };
}

export function anOrg(orgId: string, orgName: string, role = 'Owner'): AccountOrganisation {
  return { orgId, orgName, role };
}

/** A page of `all` as the API would answer `page`/`perPage`. */
export function pageOf<T>(all: readonly T[], page: number, perPage: number): Page<T> {
  const lastPage = Math.max(0, Math.ceil(all.length / perPage) - 1);
  return {
    metadata: { total: all.length, firstPage: 0, prevPage: page > 0 ? page - 1 : null, lastPage, nextPage: page < lastPage ? page + 1 : null },
    links: { first: '', prev: null, next: null, last: '' },
    items: all.slice(page * perPage, page * perPage + perPage),
  };
}

export interface Call {
  what: 'orgs' | 'systems' | 'enrolmentKeys' | 'pending';
  orgId?: string;
  query?: Record<string, unknown>;
}

/** Data the fake API serves; tests mutate it between calls like the server's store. */
export interface FakeData {
  orgs: AccountOrganisation[];
  systems: Record<string, EnclaveSystem[]>;
  keys: Record<string, EnrolmentKey[]>;
  pending: Record<string, UnapprovedSystem[]>;
}

export class FakeSession implements SessionApi {
  state: ConnectionState = { kind: 'connected', orgs: [], checkedAt: new Date() };
  readonly apiUrl = 'https://api.enclave.test';
  readonly calls: Call[] = [];
  /** Set to make the next calls fail. */
  failWith: Error | undefined;
  /** When set, every call waits for `release()` before answering. */
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;
  private readonly listeners = new Set<(s: ConnectionState) => void>();

  constructor(readonly data: FakeData) {}

  readonly onDidChangeState = (listener: (s: ConnectionState) => unknown) => {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  };

  setState(state: ConnectionState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  count(what: Call['what'], orgId?: string): number {
    return this.calls.filter((c) => c.what === what && (orgId === undefined || c.orgId === orgId)).length;
  }

  call<T>(fn: (client: never) => Promise<T>): Promise<T> {
    return fn(this.client() as never);
  }

  private client(): unknown {
    const answer = async <T>(call: Call, value: () => T): Promise<T> => {
      this.calls.push(call);
      const failure = this.failWith;
      if (this.gate) await this.gate;
      if (failure) throw failure;
      return value();
    };
    const list = <T>(what: Call['what'], source: Record<string, T[]>) => ({
      list: (orgId: string, query: { page: number; perPage: number }) =>
        answer({ what, orgId, query }, () => pageOf(source[orgId] ?? [], query.page, query.perPage)),
    });
    return {
      getOrgs: () => answer({ what: 'orgs' }, () => [...this.data.orgs]),
      systems: list('systems', this.data.systems),
      enrolmentKeys: list('enrolmentKeys', this.data.keys),
      unapprovedSystems: list('pending', this.data.pending),
    };
  }
}

export const silentLog = { warn: () => undefined, info: () => undefined, debug: () => undefined, error: () => undefined } as unknown as Log;

/** n systems with ids S0001… in order. */
export function manySystems(n: number, prefix = 'S'): EnclaveSystem[] {
  return Array.from({ length: n }, (_, i) => aSystem({ systemId: `${prefix}${String(i).padStart(4, '0')}`, description: `System ${i}` }));
}

export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
