// `npm run bench`: the performance table of the issue, every row measured in this run, against
// the local Enclave-compatible server (own process; one organisation with 20,000 systems and
// 2,000 keys; a fixed 20 ms per request to model the network). Timed variants are interleaved
// round by round and reported as medians. Each target is printed next to its measurement with
// a pass/fail mark; the exit code is non-zero when one is missed. The table is also written into
// the README's performance section (unless --no-readme).
//
//   node --expose-gc out/test/bench/run.js [--rounds N] [--host-runs N] [--no-host] [--no-readme]
//     --host-runs  fresh VS Code hosts started for activate()'s median (default 5, ~10 s each)
//     --no-host    reuse test-results/perf-integration.json instead of starting the VS Code host
import './vscodeStub';
import { spawnSync } from 'node:child_process';
import { EnclaveClient } from '../../src/api';
import { bundleRows, hostRows, hostRuns } from './activationRow';
import { ClientSession } from './clientSession';
import { BareApi } from './floor';
import { heapRows, timingRows } from './results';
import { LocalServer } from './localServer';
import { load, machine } from './machine';
import { writeReadmeSection } from './readme';
import { requestRows } from './requestRows';
import { storeHeapBytes } from './heapRow';
import { markdownTable, printTable, type Row } from './table';
import { checkOrder, emptySamples, timingRound } from './timingRows';

const SEED = { seed: 1, orgs: 1, systemsPerOrg: 20_000, keysPerOrg: 2_000, latencyMs: 20 };
const USER_AGENT = 'enclave-vscode-bench/0.1.0';
/** The client's own Pool size, given to the floor's pool too. */
const CONNECTIONS = 16;

const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(name);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

async function main(): Promise<number> {
  const rounds = Math.max(5, option('--rounds', 7));
  const runId = new Date().toISOString();
  const loadBefore = load();
  const started = Date.now();
  const progress = (what: string): void => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}`);

  progress(`starting the local server: ${SEED.systemsPerOrg} systems, ${SEED.keysPerOrg} keys, ${SEED.latencyMs} ms per request`);
  const server = await LocalServer.start(SEED);
  const client = new EnclaveClient({ baseUrl: server.url, token: server.token, userAgent: USER_AGENT, maxConnections: CONNECTIONS });
  const bare = new BareApi(server.url, server.token, USER_AGENT, CONNECTIONS);
  let rows: Row[];
  const heap: number[] = [];
  try {
    const session = new ClientSession(client, server.url, await client.getOrgs());
    const env = { client, bare, session, orgId: server.orgIds[0], systems: SEED.systemsPerOrg, concurrency: client.pageConcurrency };
    progress('warming up (JIT on both sides) and checking the walk keeps page order');
    await checkOrder(env);
    for (let i = 0; i < 2; i++) await timingRound(env, i, undefined);
    const samples = emptySamples();
    for (let round = 0; round < rounds; round++) {
      progress(`timing round ${round + 1}/${rounds}`);
      await server.clearRequests(); // keeps the server's log (and heap) small
      await timingRound(env, round, samples);
    }
    progress('request counts (store, tree, commands, auto-refresh)');
    const requests = await requestRows(server, session, env.orgId);
    progress('heap of 20,000 systems in the store');
    await server.setLatency(0); // heap does not depend on latency; 400 pages go faster without it
    for (let i = 0; i < 5; i++) heap.push(await storeHeapBytes(session, env.orgId, SEED.systemsPerOrg));
    rows = [...timingRows(samples, env.concurrency), ...requests];
  } finally {
    await client.dispose();
    await bare.close();
    await server.stop();
  }

  // Built just before the host run, so that run activates the very bundle that was measured.
  progress('production build (bundle size)');
  const bundle = bundleRows();
  const host = hostRows(await hostRuns(runId, Math.max(1, option('--host-runs', 5)), flag('--no-host'), progress), '2. First rows of a 20,000-system list');
  const firstGroupEnd = rows.findIndex((r) => r.group.startsWith('3.'));
  rows.splice(firstGroupEnd, 0, ...host.firstRows);
  rows.push(...bundle, ...host.activation, ...heapRows(heap));

  const heading = `Measured ${runId.slice(0, 10)} on ${machine()}; 1-min load average ${loadBefore} at start, ${load()} at end. `
    + `Local server in its own process: 1 organisation, ${SEED.systemsPerOrg.toLocaleString('en')} systems, ${SEED.keysPerOrg.toLocaleString('en')} keys, `
    + `${SEED.latencyMs} ms per request; medians of ${rounds} interleaved rounds (heap: of ${heap.length}).`;
  console.log(`\n${heading}\n\n${printTable(rows)}\n`);
  const failed = rows.filter((r) => r.pass === false);
  const how = '`npm run bench` measures this table again (row 4 runs test/integration/perf.test.ts in the VS Code test host, '
    + 'which `npm test` provisions). Rows 2 and 3 drive the extension\'s own store, tree provider, commands and auto-refresh wiring '
    + 'over a real client; the floor is bare undici `Pool.request` + `JSON.parse` at the same concurrency. '
    + 'Timings move with other load on the machine (see the load average).';
  if (!flag('--no-readme')) console.log(`Written to ${writeReadmeSection(`${heading}\n\n${markdownTable(rows)}\n\n${how}\n`)}`);
  console.log(failed.length === 0 ? 'All targets met.' : `${failed.length} target(s) missed: ${failed.map((r) => r.label).join('; ')}`);
  return failed.length === 0 ? 0 : 1;
}

if (!(globalThis as { gc?: unknown }).gc) {
  // The heap row needs explicit garbage collections: relaunch with the flag.
  const child = spawnSync(process.execPath, ['--expose-gc', __filename, ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
} else {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.stack : error);
      process.exit(2);
    },
  );
}
