// A MockEnclaveServer plus a client on its token, for tests of each method's effect on state.
import { EnclaveClient, type ClientOptions, type RequestEvent } from '../../../src/api';
import { MockEnclaveServer } from '../../server';
import type { OrgState } from '../../server';

export interface MockFixture {
  server: MockEnclaveServer;
  client: EnclaveClient;
  events: RequestEvent[];
  /** The first organisation (the limited token sees only this one). */
  org: OrgState;
  orgId: string;
  client2(overrides?: Partial<ClientOptions>): EnclaveClient;
  close(): Promise<void>;
}

export const USER_AGENT = 'enclave-vscode/0.1.0 (VS Code 1.139; tests)';

export async function startMock(options: Parameters<typeof MockEnclaveServer.start>[0] = {}, overrides: Partial<ClientOptions> = {}): Promise<MockFixture> {
  const server = await MockEnclaveServer.start({ seed: 7, orgs: 2, systemsPerOrg: 450, keysPerOrg: 12, unapprovedPerOrg: 5, ...options });
  const events: RequestEvent[] = [];
  const extra: EnclaveClient[] = [];
  const make = (o: Partial<ClientOptions> = {}): EnclaveClient =>
    new EnclaveClient({
      baseUrl: server.url,
      token: server.token,
      userAgent: USER_AGENT,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      onRequest: (e) => events.push(e),
      ...overrides,
      ...o,
    });
  const client = make();
  const org = server.store.orgs[0];
  return {
    server,
    client,
    events,
    org,
    orgId: org.id,
    client2: (o) => {
      const c = make(o);
      extra.push(c);
      return c;
    },
    close: async () => {
      await Promise.all([client, ...extra].map((c) => c.dispose()));
      await server.close();
    },
  };
}
