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
import { kb, ms, type Row } from './table';

const GROUP = '4. Activation';
export const HOST_RESULT_FILE = path.join(resultsDir, 'perf-integration.json');

export interface HostResult {
  run: { id: string | null; at: string; vscode: string; appName: string; host: string };
  activation?: { fresh: boolean; activateMs?: number; codeLoadMs?: number; extensionActivateWallMs?: number; apiLoadedByActivation?: boolean; bundleBytes: number; bundleMinified: boolean };
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

/** Runs the perf suite in the real host (unless `reuse`), then restores the development build. */
export async function hostResult(runId: string, reuse: boolean): Promise<{ result?: HostResult; note: string }> {
  try {
    if (!reuse) {
      if (!isProvisioned()) return { note: 'the VS Code test host is not provisioned: run `npm test` once (see test/host/README.md)' };
      fs.rmSync(HOST_RESULT_FILE, { force: true });
      const run = await runIntegration({ env: { ENCLAVE_TEST_GREP: '^perf ', ENCLAVE_PERF_RUN_ID: runId, ENCLAVE_PERF_RESULT_FILE: HOST_RESULT_FILE }, timeoutMs: 150_000 });
      if (run.exitCode !== 0) return { note: `the host run failed (${run.failed} failed); see its output above` };
    }
    if (!fs.existsSync(HOST_RESULT_FILE)) return { note: `${path.relative(repoRoot, HOST_RESULT_FILE)} is missing: run \`ENCLAVE_TEST_LAYERS=integration npm test\`` };
    const result = JSON.parse(fs.readFileSync(HOST_RESULT_FILE, 'utf8')) as HostResult;
    const from = result.run.id === runId ? 'this run' : `an earlier run (${result.run.at})`;
    return { result, note: `${result.run.appName} ${result.run.vscode} (${result.run.host}), ${from}` };
  } finally {
    esbuild(false);
  }
}

/** Activation rows, and the real-host check of first rows (printed with row 2). */
export function hostRows(host: { result?: HostResult; note: string }, firstRowsGroup: string): { activation: Row[]; firstRows: Row[] } {
  const a = host.result?.activation;
  const bundle = a ? `${a.bundleMinified ? 'production' : 'development'} bundle, ` : '';
  const label = `activate() in the real extension host (${bundle}the host's own marks, 1 ms resolution) — ${host.note}`;
  const first = host.result?.firstRows;
  const firstRows: Row[] = first
    ? [{ group: firstRowsGroup, label: 'the same in the real extension host: requests until the first rows', measured: String(first.requests.length), target: '1', pass: first.requests.length === 1 && first.rows > 0 }]
    : [];
  if (!a || a.activateMs === undefined) return { activation: [{ group: GROUP, label, measured: 'not measured', target: '< 10 ms', pass: false }], firstRows };
  const rows: Row[] = [
    { group: GROUP, label, measured: ms(a.activateMs), target: '< 10 ms', pass: a.activateMs < 10 },
    { group: GROUP, label: 'loading dist/extension.js in that host', measured: a.codeLoadMs === undefined ? '—' : ms(a.codeLoadMs) },
  ];
  if (a.extensionActivateWallMs !== undefined) {
    rows.push({ group: GROUP, label: 'extension.activate() seen by the test: load + context + activate()', measured: ms(a.extensionActivateWallMs) });
  }
  if (a.fresh) {
    rows.push({ group: GROUP, label: 'dist/api.js (undici) loaded by activation', measured: a.apiLoadedByActivation ? 'yes' : 'no', target: 'no', pass: a.apiLoadedByActivation === false });
  }
  return { activation: rows, firstRows };
}
