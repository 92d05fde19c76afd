// `npm run demo`: the local Enclave-compatible API server with generated data, and a real VS Code
// running this extension in development mode against it.
//   - the `code` CLI when it is on PATH (a desktop window with a fresh profile), otherwise
//   - code-server on 127.0.0.1 (provisioned like the test host): open the printed URL in a browser.
// ENCLAVE_DEMO_HOST=code-server forces the second; ENCLAVE_DEMO_PORT picks code-server's port.
//
// The token reaches the extension without pasting: ENCLAVE_DEMO_TOKEN in the extension host's
// environment, which the extension stores in SecretStorage in development mode, for a loopback
// apiUrl only. It is printed too, for signing in by hand.
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MockEnclaveServer } from '../server';
import { startCodeServer } from './codeServer';
import { repoRoot } from './paths';
import { provision } from './provision';
import { seedUserSettings } from './settings';

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}

async function main(): Promise<void> {
  const server = await MockEnclaveServer.start({ port: 0, seed: 1, systemsPerOrg: 500, now: Date.now() });
  const settings = { 'enclave.apiUrl': server.url };
  const env = { ENCLAVE_DEMO_TOKEN: server.token };
  console.log(`Enclave API server: ${server.url}\nToken (to sign in by hand): ${server.token}`);

  const code = process.env.ENCLAVE_DEMO_HOST === 'code-server' ? undefined : onPath('code');
  if (code) {
    // A fresh profile: the seeded settings apply, and a new instance inherits ENCLAVE_DEMO_TOKEN.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-demo-'));
    seedUserSettings(path.join(root, 'user-data'), settings);
    fs.mkdirSync(path.join(root, 'workspace'));
    const child = spawn(code, ['--new-window', '--wait', `--extensionDevelopmentPath=${repoRoot}`,
      '--user-data-dir', path.join(root, 'user-data'), '--extensions-dir', path.join(root, 'extensions'),
      path.join(root, 'workspace')], { stdio: 'inherit', env: { ...process.env, ...env } });
    console.log('VS Code is opening. Close its window (or press Ctrl-C) to stop the API server.');
    await new Promise<void>((resolve) => child.once('exit', () => resolve()));
    fs.rmSync(root, { recursive: true, force: true }); // the window is closed: its profile is done
    return;
  }

  await provision();
  const port = Number(process.env.ENCLAVE_DEMO_PORT ?? 0);
  // The token goes in code-server's environment (inherited by the extension host), not the URL.
  const codeServer = await startCodeServer({ settings, port, env });
  console.log(`\nOpen in a browser (code-server, extension in development mode):\n\n  ${
    codeServer.workbenchUrl({ extensionDevelopmentPath: repoRoot })}\n\nCtrl-C stops everything.`);
  // Ctrl-C: codeServer.ts turns it into process.exit, whose hook kills code-server's process
  // group; the API server lives in this process and ends with it.
  await new Promise<never>(() => undefined);
}

process.once('SIGINT', () => console.log('\nstopping the demo'));
main().then(() => process.exit(0), (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
