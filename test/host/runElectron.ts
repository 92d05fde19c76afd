// The same integration suite in a desktop VS Code downloaded by @vscode/test-electron, for
// machines that can reach Microsoft's update servers (this one cannot: use runIntegration.ts).
// Selected by ENCLAVE_TEST_HOST=electron. Optional: ENCLAVE_VSCODE_VERSION (default: stable),
// ENCLAVE_VSCODE_EXECUTABLE (a local VS Code binary instead of a download).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import type { IntegrationOptions, IntegrationResult } from './runIntegration';
import { integrationEntry, repoRoot } from './paths';
import { TestCounts } from './results';
import { seedUserSettings } from './settings';

export async function runElectron(options: IntegrationOptions = {}): Promise<IntegrationResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-electron-'));
  const userDataDir = path.join(root, 'user-data');
  const workspace = path.join(root, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  seedUserSettings(userDataDir, options.settings);
  // Electron's stdout is piped straight through, so the suite also writes its counts to a file.
  const resultFile = path.join(root, 'result.json');
  const launchArgs = [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${userDataDir}`,
    `--extensions-dir=${path.join(root, 'extensions')}`];
  if (process.getuid?.() === 0) launchArgs.push('--no-sandbox'); // Chromium refuses root otherwise
  let exitCode: number;
  try {
    exitCode = await runTests({
      version: process.env.ENCLAVE_VSCODE_VERSION,
      vscodeExecutablePath: process.env.ENCLAVE_VSCODE_EXECUTABLE,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: integrationEntry,
      extensionTestsEnv: { ...options.env, ENCLAVE_TEST_RESULT_FILE: resultFile },
      launchArgs,
    });
  } catch (err) {
    // runTests rejects on a non-zero exit (TestRunFailedError has .code) and on download failures.
    const code = (err as { code?: unknown }).code;
    if (typeof code !== 'number') throw err;
    exitCode = code;
  }
  const counts: TestCounts = fs.existsSync(resultFile)
    ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) as TestCounts
    : { passed: 0, failed: exitCode === 0 ? 0 : 1, pending: 0 };
  fs.rmSync(root, { recursive: true, force: true });
  return { exitCode, ...counts };
}
