// Runs the integration suite (test/integration/index.ts) in code-server's real Node extension
// host: code-server serves the workbench, headless Chromium opens it with the extension in
// development mode, and the smoke-test driver reports the suite's output and exit code to us.
import * as fs from 'fs';
import { launchChromium } from './chromium';
import { startCodeServer } from './codeServer';
import { integrationEntry, repoRoot } from './paths';
import { TestCounts, parseResult } from './results';
import { formatConsoleArgs, isNoise } from './workbenchLog';

export interface IntegrationOptions {
  /** Seeded into the fresh profile's User/settings.json. */
  settings?: Record<string, unknown>;
  /** process.env of the extension host (and so of the tests running in it). */
  env?: Record<string, string>;
  /** Whole run, from starting code-server to the suite's end. */
  timeoutMs?: number;
  /** Print every workbench and server line, not only the extension host's. */
  verbose?: boolean;
}

export interface IntegrationResult extends TestCounts {
  exitCode: number;
}

export async function runIntegration(options: IntegrationOptions = {}): Promise<IntegrationResult> {
  if (!fs.existsSync(integrationEntry)) throw new Error(`${integrationEntry} missing: run \`npx tsc -p .\` first`);
  const timeoutMs = options.timeoutMs ?? 180_000;
  const verbose = options.verbose ?? false;
  const server = await startCodeServer({ settings: options.settings, onLog: (l) => verbose && console.log(`[code-server] ${l}`) });
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let output = '';
  const recent: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    browser = await launchChromium();
    const { page } = browser;
    let exited: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => { exited = resolve; });
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(code));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const message = formatConsoleArgs(args);
      output += `${message}\n`;
      if (!verbose && isNoise(message)) return;
      recent.push(`${type}: ${message}`);
      if (recent.length > 60) recent.shift();
      console.log(message.replace(/^/gm, '  '));
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(
        `integration tests did not finish within ${timeoutMs / 1000} s (the workbench or extension host may not `
        + `have started). Last workbench lines:\n${recent.join('\n')}\nLast code-server lines:\n${server.recentLog()}`)),
      timeoutMs);
    });
    // The clock covers opening the page too: a workbench that never loads must also time out.
    const finished = page.goto(server.workbenchUrl({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: integrationEntry,
      extensionEnvironment: options.env,
    })).then(() => exitCode);
    const code = await Promise.race([finished, timeout]);
    const counts = parseResult(output) ?? { passed: 0, failed: code === 0 ? 0 : 1, pending: 0 };
    if (code !== 0 && counts.failed === 0) counts.failed = 1; // the suite crashed before reporting
    return { exitCode: code, ...counts };
  } finally {
    clearTimeout(timer);
    await browser?.close();
    await server.stop();
  }
}

if (require.main === module) {
  const env: Record<string, string> = {};
  if (process.env.ENCLAVE_TEST_GREP) env.ENCLAVE_TEST_GREP = process.env.ENCLAVE_TEST_GREP;
  runIntegration({ env, verbose: !!process.env.ENCLAVE_TEST_VERBOSE }).then(
    (r) => { console.log(`integration: exit ${r.exitCode}, passed ${r.passed}, failed ${r.failed}`); process.exit(r.exitCode); },
    (err: unknown) => { console.error(err instanceof Error ? err.message : err); process.exit(1); },
  );
}
