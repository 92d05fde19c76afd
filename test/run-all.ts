// `npm test` (after `pretest` built dist/ and out/): the unit, integration and browser layers in
// that order, a result per layer, and one closing `N passed, N failed` line for CI.
//
// Env knobs (all optional):
//   ENCLAVE_TEST_LAYERS=unit,integration,browser   which layers run (default: all three)
//   ENCLAVE_TEST_HOST=electron                      integration in @vscode/test-electron (needs a download)
//   ENCLAVE_TEST_GREP=pattern                       only tests whose title matches, in every layer
//   ENCLAVE_TEST_TIMEOUT=seconds                    whole integration run (default 300)
//   ENCLAVE_TEST_VERBOSE=1                          every workbench and code-server line
//   ENCLAVE_TEST_SETTINGS='{"enclave.apiUrl":…}'    extra user settings for the integration host
//   ENCLAVE_TEST_ENV='{"KEY":"value"}'              extra extension-host env for the integration host
import { spawn } from 'child_process';
import * as path from 'path';
import { repoRoot } from './host/paths';
import { provision } from './host/provision';
import { parseResult } from './host/results';
import { runElectron } from './host/runElectron';
import { runIntegration } from './host/runIntegration';

interface LayerResult {
  passed: number;
  failed: number;
  pending: number;
  note?: string;
}

const LAYERS = ['unit', 'integration', 'browser'] as const;
type Layer = typeof LAYERS[number];
/** These layers prove the extension runs in VS Code: zero tests there is a failure, not a pass. */
const MUST_RUN: Layer[] = ['integration', 'browser'];
const grep = process.env.ENCLAVE_TEST_GREP;

/** The mocha CLI in a child process, so its config file is honoured exactly like `npm run test:unit`. */
function mochaLayer(config: string, allowNoFiles: boolean): Promise<LayerResult> {
  const args = [path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--config', config,
    '--reporter', path.join(repoRoot, 'out', 'test', 'host', 'resultReporter.js')];
  if (process.stdout.isTTY) args.push('--color');
  if (grep) args.push('--grep', grep);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const relay = (stream: NodeJS.WriteStream) => (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('error', reject);
    child.on('close', (code) => {
      const counts = parseResult(output);
      if (counts) return resolve(code === 0 || counts.failed > 0 ? counts : { ...counts, failed: counts.failed + 1 });
      if (allowNoFiles && /No test files found/.test(output)) return resolve({ passed: 0, failed: 0, pending: 0, note: 'no spec files yet' });
      resolve({ passed: 0, failed: 1, pending: 0, note: `mocha exited ${code} without a result` });
    });
  });
}

function jsonEnv(name: string): Record<string, unknown> {
  const raw = process.env[name];
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    throw new Error(`${name} is not a JSON object: ${raw}`);
  }
}

/** Both VS Code layers need the host; provision (idempotent) once and remember the outcome. */
let provisioned: Promise<void> | undefined;
const ensureHost = (): Promise<void> => (provisioned ??= provision());

async function integrationLayer(): Promise<LayerResult> {
  const env = { ...jsonEnv('ENCLAVE_TEST_ENV') as Record<string, string>, ...(grep ? { ENCLAVE_TEST_GREP: grep } : {}) };
  const options = { env, settings: jsonEnv('ENCLAVE_TEST_SETTINGS'), timeoutMs: Number(process.env.ENCLAVE_TEST_TIMEOUT ?? 300) * 1000, verbose: !!process.env.ENCLAVE_TEST_VERBOSE };
  if (process.env.ENCLAVE_TEST_HOST === 'electron') return runElectron(options);
  await ensureHost();
  return runIntegration(options);
}

async function runLayer(layer: Layer): Promise<LayerResult> {
  switch (layer) {
    case 'unit': return mochaLayer(path.join('test', 'unit', '.mocharc.json'), true);
    case 'integration': return integrationLayer();
    case 'browser': await ensureHost(); return mochaLayer(path.join('test', 'browser', '.mocharc.json'), false);
  }
}

async function main(): Promise<number> {
  const wanted = (process.env.ENCLAVE_TEST_LAYERS ?? LAYERS.join(',')).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = wanted.filter((l) => !(LAYERS as readonly string[]).includes(l));
  if (unknown.length) throw new Error(`ENCLAVE_TEST_LAYERS: unknown layer(s) ${unknown.join(', ')}; use ${LAYERS.join(',')}`);
  const summary: string[] = [];
  let passed = 0, failed = 0, pending = 0;
  for (const layer of LAYERS.filter((l) => wanted.includes(l))) {
    console.log(`\n=== ${layer} ===`);
    const started = Date.now();
    const result = await runLayer(layer).catch((err: unknown): LayerResult => {
      console.error(`[${layer}] ${err instanceof Error ? err.message : String(err)}`);
      return { passed: 0, failed: 1, pending: 0, note: 'could not run (see above)' };
    });
    if (MUST_RUN.includes(layer) && result.passed + result.failed === 0) {
      Object.assign(result, { failed: 1, note: 'ran no tests' });
    }
    passed += result.passed; failed += result.failed; pending += result.pending;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    // Deliberately not in the "N passed, N failed" shape: CI must read only the closing total.
    summary.push(`  ${layer.padEnd(12)} passed ${String(result.passed).padStart(4)}   failed ${String(result.failed).padStart(3)}`
      + `   ${seconds.padStart(6)} s${result.note ? `   (${result.note})` : ''}`);
  }
  console.log(`\n=== summary ===\n${summary.join('\n')}`);
  console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
  return failed > 0 ? 1 : 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
