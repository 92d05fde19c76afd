// The local Enclave-compatible server in its own process, so that serving pages does not share
// the benchmark's event loop (a real API is not in the caller's process either). Started by
// localServer.ts with the options as argv[2]; reports { url, token, orgIds } over IPC once it
// listens and exits when the parent disconnects. Control goes through the /__sim/ routes.
import { MockEnclaveServer, type MockServerOptions } from '../server';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as MockServerOptions;
  const server = await MockEnclaveServer.start({ port: 0, ...options });
  process.send?.({ url: server.url, token: server.token, orgIds: server.store.orgs.map((o) => o.id) });
  process.on('disconnect', () => void server.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
