// npm run sim -- --port 8787 --seed 1 --systems 500 [--orgs N --keys N --unapproved N --latency MS --host H --now now|seed|ISO]
// Starts the mock Enclave API and prints how to point the extension at it. Ctrl-C stops it.
// Unlike the programmatic default, the CLI times the data against the real clock (--now now) so
// a person looking at the extension sees "connected a minute ago"; --now seed gives the seed's clock.
import { MockEnclaveServer, MockServerOptions } from './index';

const FLAGS: Record<string, keyof MockServerOptions> = {
  port: 'port', seed: 'seed', orgs: 'orgs', systems: 'systemsPerOrg', keys: 'keysPerOrg',
  unapproved: 'unapprovedPerOrg', latency: 'latencyMs', host: 'host', now: 'now',
};

function parseArgs(argv: string[]): MockServerOptions {
  const options: Record<string, string | number | undefined> = { port: 8787, now: Date.now() };
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    const name = m ? FLAGS[m[1]] : undefined;
    if (!m || !name) throw new Error(`Unknown argument '${argv[i]}'. Flags: ${Object.keys(FLAGS).map((f) => `--${f}`).join(' ')}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${m[1]} needs a value`);
    if (name === 'host') options.host = value;
    else if (name === 'now') options.now = value === 'now' ? Date.now() : value === 'seed' ? undefined : Date.parse(value);
    else options[name] = Number(value);
    if (typeof options[name] === 'number' && !Number.isFinite(options[name] as number)) throw new Error(`--${m[1]}: '${value}' is not a number`);
  }
  return options as MockServerOptions;
}

async function main(): Promise<void> {
  const server = await MockEnclaveServer.start(parseArgs(process.argv.slice(2)));
  const org = server.store.orgs[0];
  console.log(`Enclave mock API listening on ${server.url}`);
  console.log(`  token (all ${server.store.orgs.length} orgs):  ${server.token}`);
  console.log(`  limited token (${org?.properties.name ?? 'first org'} only): ${server.limitedToken}`);
  console.log(`Hint: set "enclave.apiUrl": "${server.url}" and sign in with the token; /__sim/ routes inject faults. Ctrl-C stops.`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: shutting down`);
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(`sim: ${(e as Error).message}`);
  process.exit(1);
});
