// A SessionApi over one real EnclaveClient, always connected: what the store, the tree and the
// commands talk to in the extension, minus the token storage and the connection tracking (the
// bench measures requests and time, not state changes).
import type { EnclaveClient } from '../../src/api';
import type { AccountOrganisation } from '../../src/api/types';
import type { SessionApi } from '../../src/commands/context';
import type { ConnectionState } from '../../src/model/connection';
import type { Log } from '../../src/ui/log';

export class ClientSession implements SessionApi {
  readonly state: ConnectionState;

  constructor(private readonly client: EnclaveClient, readonly apiUrl: string, orgs: readonly AccountOrganisation[]) {
    this.state = { kind: 'connected', orgs, checkedAt: new Date() };
  }

  readonly onDidChangeState = (): { dispose(): void } => ({ dispose: () => undefined });

  call<T>(fn: (client: EnclaveClient) => Promise<T>): Promise<T> {
    return fn(this.client);
  }
}

/** The store logs failed loads as warnings; the bench reports failures itself. */
export const quietLog = {
  trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined,
  addSecret: () => undefined, redact: (s: string) => s,
} as unknown as Log;
