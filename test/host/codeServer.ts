// Starts a pinned code-server (a real VS Code server + web workbench) for one test run, and builds
// the workbench URL that loads this extension in development mode. See /work/shared/vscode-host.md.
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { codeServerEntry, node24Bin, node24Env } from './paths';
import { seedUserSettings } from './settings';

export interface CodeServerOptions {
  /** Merged over settings.ts's BASE_SETTINGS into the fresh profile's User/settings.json. */
  settings?: Record<string, unknown>;
  /** Folder the workbench opens; default: a fresh empty folder. */
  workspaceFolder?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /**
   * Environment for the code-server process; its extension hosts inherit it. Unlike the URL
   * payload's extensionEnvironment, it never appears in a URL or the browser history.
   */
  env?: Record<string, string>;
  /** Every line code-server prints (it is kept for error reports either way). */
  onLog?: (line: string) => void;
}

export interface WorkbenchPayload {
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  /** Environment variables for the extension host (its process.env), e.g. ENCLAVE_TEST_GREP. */
  extensionEnvironment?: Record<string, string>;
}

export interface CodeServer {
  readonly port: number;
  readonly baseUrl: string;
  readonly userDataDir: string;
  readonly workspaceFolder: string;
  /** The last lines code-server printed: for error messages. */
  recentLog(): string;
  workbenchUrl(payload?: WorkbenchPayload): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

/** Kills code-server's whole process group: it spawns the extension host, a file watcher, helpers. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch { /* already gone */ }
}

/**
 * code-server runs in its own process group, so a Ctrl-C in the terminal does not reach it. Turn
 * the first SIGINT/SIGTERM/SIGHUP into process.exit(), whose 'exit' hook kills the group.
 */
let signalsHooked = false;
function exitOnSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  const codes: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, code] of Object.entries(codes)) process.once(signal, () => process.exit(code));
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  if (!fs.existsSync(codeServerEntry)) {
    throw new Error(`code-server is not provisioned (${codeServerEntry} missing): run \`node out/test/host/provision.js\``);
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-code-server-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const workspaceFolder = options.workspaceFolder ?? path.join(root, 'workspace');
  for (const dir of [extensionsDir, workspaceFolder]) fs.mkdirSync(dir, { recursive: true });
  seedUserSettings(userDataDir, options.settings);

  const port = options.port || await freePort();
  const args = [codeServerEntry, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir, '--vscode-option', 'enable-smoke-test-driver', workspaceFolder];
  // detached: its own process group, so stop() can kill everything it spawned at once.
  const child = spawn(node24Bin, args, { env: node24Env(options.env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split(/\r?\n/)) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 200) lines.shift();
      options.onLog?.(line);
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let exitedEarly = false;
  void exited.then(() => { exitedEarly = true; });
  // If the runner itself exits without stop(), do not leave a server behind.
  const onExit = (): void => {
    killGroup(child, 'SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  exitOnSignals();

  const stop = async (): Promise<void> => {
    process.removeListener('exit', onExit);
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // helpers that ignored SIGTERM
    fs.rmSync(root, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  while (!(await healthy(port))) {
    if (exitedEarly || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start on 127.0.0.1:${port}:\n${lines.slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  const baseUrl = `http://127.0.0.1:${port}/`;
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
  return {
    port, baseUrl, userDataDir, workspaceFolder, stop,
    recentLog: () => lines.slice(-40).join('\n'),
    workbenchUrl(payload: WorkbenchPayload = {}): string {
      // The web workbench reads these only with --vscode-option enable-smoke-test-driver.
      const entries: [string, string][] = [];
      if (payload.extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)]);
      if (payload.extensionTestsPath) entries.push(['extensionTestsPath', remote(payload.extensionTestsPath)]);
      if (payload.extensionEnvironment) entries.push(['extensionEnvironment', JSON.stringify(payload.extensionEnvironment)]);
      const query = `folder=${encodeURIComponent(workspaceFolder)}`;
      return entries.length ? `${baseUrl}?${query}&payload=${encodeURIComponent(JSON.stringify(entries))}` : `${baseUrl}?${query}`;
    },
  };
}
