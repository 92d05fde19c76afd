// Where the test hosts live. Everything downloaded or built for them goes under `.vscode-test/`
// (gitignored), the same cache folder @vscode/test-electron uses, so one `rm -rf` resets it.
import * as path from 'path';

/** The extension's root: this file runs from out/test/host/, three levels below it. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const cacheDir = path.join(repoRoot, '.vscode-test');

/** Pinned: the route depends on code-server's smoke-test-driver hook and `payload` URL parameter. */
export const CODE_SERVER_VERSION = '4.139.1';
/** code-server's postinstall accepts only Node 24; this npm package ships its binary and headers. */
export const NODE24_VERSION = '24.22.3';

export const node24Dir = path.join(cacheDir, `node-v${NODE24_VERSION}`);
export const node24Bin = path.join(node24Dir, 'bin', 'node');
export const codeServerDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** Debian's Chromium: playwright-core drives it; no browser download is possible here. */
export const chromiumPath = process.env.ENCLAVE_CHROMIUM || '/usr/bin/chromium';

/** The compiled integration suite's entry point (exports `run()`), shared by both runners. */
export const integrationEntry = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
export const resultsDir = path.join(repoRoot, 'test-results');

/** PATH with Node 24 first, so code-server, its helpers and node-gyp all use the same Node. */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(node24Bin)}${path.delimiter}${process.env.PATH ?? ''}`,
    ...extra,
  };
}
