// Row 4: what activation costs. The bytes loaded at activation come from a production build
// (`node esbuild.mjs --production`, what the VSIX ships); activate()'s duration comes from the
// real extension host: the bench runs test/integration/perf.test.ts there (code-server, see
// test/host/README.md) against that same build and reads what it wrote to test-results/.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isProvisioned } from '../host/provision';
import { repoRoot, resultsDir } from '../host/paths';
import { runIntegration } from '../host/runIntegration';
import { median } from './stats';
import { kb, ms, type Row } from './table';

const GROUP = '4. Activation';
/** What the integration layer writes in any run (`npm test`); `--no-host` reads it. */
export const HOST_RESULT_FILE = path.join(resultsDir, 'perf-integration.json');
/** The bench's own host runs write here, so a concurrent `npm test` cannot overwrite them. */
const BENCH_HOST_FILE = path.join(resultsDir, 'perf-integration-bench.json');

export interface HostResult {
  run: { id: string | null; at: string; vscode: string; appName: string; host: string };
  activation?: { fresh: boolean; activateMs?: number; codeLoadMs?: number; extensionActivateWallMs?: number; apiLoadedByActivation?: boolean; featuresLoadedByActivation?: boolean; bundleBytes: number; bundleMinified: boolean };
  firstRows?: { requests: string[]; rows: number };
}

function esbuild(production: boolean): void {
  const result = spawnSync(process.execPath, ['esbuild.mjs', ...(production ? ['--production'] : [])], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`esbuild failed:\n${result.stderr}`);
}

export function bundleRows(): Row[] {
  esbuild(true);
  const main = fs.readFileSync(path.join(repoRoot, 'dist', 'extension.js'), 'utf8');
  const bytes = Buffer.byteLength(main);
  const undici = /undici/.test(main);
  return [
    { group: GROUP, label: 'dist/extension.js (production), loaded at activation', measured: kb(bytes), target: '< 100 KB', pass: bytes < 100 * 1024 },
    { group: GROUP, label: 'undici in dist/extension.js', measured: undici ? 'present' : 'absent', target: 'absent (in dist/api.js, loaded on first request)', pass: !undici },
  ];
}

export interface HostRuns {
  /** The first run's results (activation and first rows); undefined when none could be read. */
  readonly result?: HostResult;
  /** activate() of every fresh host that was started, in ms. */
  readonly activateMs: readonly number[];
  readonly note: string;
}

/**
 * Starts a fresh host `runs` times (unless `reuse`): the first runs the whole perf suite, the
 * others only the activation test — one activation per host, so several hosts give a median.
 * Restores the development build afterwards.
 */
export async function hostRuns(runId: string, runs: number, reuse: boolean, progress: (what: string) => void): Promise<HostRuns> {
  const read = (file: string): HostResult | undefined => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as HostResult) : undefined);
  try {
    if (reuse) {
      const result = read(HOST_RESULT_FILE);
      if (!result) return { activateMs: [], note: `${path.relative(repoRoot, HOST_RESULT_FILE)} is missing: run \`ENCLAVE_TEST_LAYERS=integration npm test\`` };
      const activateMs = result.activation?.activateMs === undefined ? [] : [result.activation.activateMs];
      return { result, activateMs, note: `${describeRun(result)}, ${result.run.id === runId ? 'this run' : `an earlier run (${result.run.at})`}` };
    }
    if (!isProvisioned()) return { activateMs: [], note: 'the VS Code test host is not provisioned: run `npm test` once (see test/host/README.md)' };
    let first: HostResult | undefined;
    const activateMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      progress(`real VS Code extension host, fresh start ${i + 1}/${runs}`);
      fs.rmSync(BENCH_HOST_FILE, { force: true });
      const grep = i === 0 ? '^perf ' : '^perf activate';
      const run = await runIntegration({ env: { ENCLAVE_TEST_GREP: grep, ENCLAVE_PERF_RUN_ID: runId, ENCLAVE_PERF_RESULT_FILE: BENCH_HOST_FILE }, timeoutMs: 150_000 });
      const result = read(BENCH_HOST_FILE);
      if (run.exitCode !== 0) return { result: first, activateMs, note: `host run ${i + 1} failed (exit ${run.exitCode}, ${run.failed} failed); see its output above` };
      if (result?.run.id !== runId) return { result: first, activateMs, note: `host run ${i + 1} wrote no result to ${path.relative(repoRoot, BENCH_HOST_FILE)}` };
      first ??= result;
      if (result.activation?.fresh && result.activation.activateMs !== undefined) activateMs.push(result.activation.activateMs);
    }
    return { result: first, activateMs, note: first ? `${describeRun(first)}, this run` : 'no host run' };
  } finally {
    esbuild(false);
  }
}

const describeRun = (r: HostResult): string => `${r.run.appName} ${r.run.vscode}`;

/** Activation rows, and the real-host check of first rows (printed with row 2). */
export function hostRows(host: HostRuns, firstRowsGroup: string): { activation: Row[]; firstRows: Row[] } {
  const a = host.result?.activation;
  const first = host.result?.firstRows;
  const firstRows: Row[] = first
    ? [{ group: firstRowsGroup, label: 'the same in the real extension host: requests until the first rows', measured: String(first.requests.length), target: '1', pass: first.requests.length === 1 && first.rows > 0 }]
    : [];
  const bundle = a ? `${a.bundleMinified ? 'production' : 'development'} bundle; ` : '';
  const samples = host.activateMs.length > 1 ? `median of ${host.activateMs.length} fresh hosts: ${host.activateMs.join(', ')} ms; ` : '';
  const label = `activate() in the real extension host (${bundle}${samples}host marks, 1 ms resolution) — ${host.note}`;
  if (!a || host.activateMs.length === 0) return { activation: [{ group: GROUP, label, measured: 'not measured', target: '< 10 ms', pass: false }], firstRows };
  const activate = median(host.activateMs);
  const rows: Row[] = [
    { group: GROUP, label, measured: ms(activate), target: '< 10 ms', pass: activate < 10 },
    { group: GROUP, label: 'loading dist/extension.js in that host (first start)', measured: a.codeLoadMs === undefined ? '—' : ms(a.codeLoadMs) },
  ];
  if (a.extensionActivateWallMs !== undefined) {
    rows.push({ group: GROUP, label: 'extension.activate() seen by the test: load + context + activate()', measured: ms(a.extensionActivateWallMs) });
  }
  if (a.fresh) {
    rows.push({ group: GROUP, label: 'dist/api.js (undici) loaded by activation', measured: a.apiLoadedByActivation ? 'yes' : 'no', target: 'no', pass: a.apiLoadedByActivation === false });
    rows.push({ group: GROUP, label: 'dist/features.js (every command handler and feature) loaded by activation', measured: a.featuresLoadedByActivation ? 'yes' : 'no', target: 'no', pass: a.featuresLoadedByActivation === false });
  }
  return { activation: rows, firstRows };
}
