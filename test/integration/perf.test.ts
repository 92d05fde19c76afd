// Performance facts only a real extension host can give, written to test-results/ for
// `npm run bench` (row 4) to print, marked with the run they came from:
//   - how long activate() took, from the host's own performance marks (it marks right before
//     calling activate() and when its promise resolves; Date.now resolution, 1 ms), and how long
//     loading dist/extension.js took;
//   - that activating did not load the HTTP layer (dist/api.js, which bundles undici) nor the
//     command handlers and features (dist/features.js: filter, grouping, JSON editing, …) — checkable
//     only when this suite activates the extension itself (`ENCLAVE_TEST_GREP=^perf`, as the
//     bench runs it); in the full suite an earlier test has activated it and signed in;
//   - that expanding a list of 20,000 systems in the real tree shows its first rows after one request.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { EXTENSION_ID, Harness, waitFor } from './support/harness';

const root = path.resolve(__dirname, '..', '..', '..');
const resultFile = process.env.ENCLAVE_PERF_RESULT_FILE || path.join(root, 'test-results', 'perf-integration.json');
const results: Record<string, unknown> = {
  run: { id: process.env.ENCLAVE_PERF_RUN_ID ?? null, at: new Date().toISOString(), vscode: vscode.version, appName: vscode.env.appName, host: process.env.ENCLAVE_TEST_HOST ?? 'code-server' },
};

interface Mark {
  name: string;
  startTime: number;
}

function markSpan(what: string): number | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): Mark[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
  const at = (name: string): number | undefined => marks.find((m) => m.name === `code/extHost/${name}/${EXTENSION_ID}`)?.startTime;
  const start = at(`will${what}`);
  const end = at(`did${what}`);
  return start === undefined || end === undefined ? undefined : end - start;
}

const loaded = (file: string): boolean => Object.keys(require.cache).some((f) => fs.realpathSync(f) === fs.realpathSync(file));

describe('perf', () => {
  after(() => {
    fs.mkdirSync(path.dirname(resultFile), { recursive: true });
    fs.writeFileSync(resultFile, `${JSON.stringify(results, null, 2)}\n`);
  });

  it('activate() is timed by the host and loads neither the HTTP layer nor the features', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const fresh = !extension.isActive;
    const started = performance.now();
    await extension.activate();
    const wallMs = performance.now() - started;
    const activateMs = markSpan('ActivateExtension');
    const codeLoadMs = markSpan('LoadExtensionCode');
    const main = path.join(root, 'dist', 'extension.js');
    const api = path.join(root, 'dist', 'api.js');
    const apiLoaded = fresh ? loaded(api) : undefined;
    const featuresLoaded = fresh ? loaded(path.join(root, 'dist', 'features.js')) : undefined;
    results.activation = {
      fresh, activateMs, codeLoadMs,
      // From this test's side: loading + context + activate() + the host's bookkeeping.
      extensionActivateWallMs: fresh ? Math.round(wallMs * 10) / 10 : undefined,
      apiLoadedByActivation: apiLoaded,
      featuresLoadedByActivation: featuresLoaded,
      bundleBytes: fs.statSync(main).size,
      // A production build has no source map comment (a stale .map file may still lie next to it).
      bundleMinified: !/\/\/# sourceMappingURL=/.test(fs.readFileSync(main, 'utf8')),
    };
    assert.ok(activateMs !== undefined, 'the extension host recorded no activation marks for the extension');
    if (fresh) assert.strictEqual(apiLoaded, false, 'activate() loaded dist/api.js (undici)');
    if (fresh) assert.strictEqual(featuresLoaded, false, 'activate() loaded dist/features.js');
  });

  describe('a list of 20,000 systems', function () {
    this.timeout(60_000);
    let h: Harness;
    before(async () => {
      h = await Harness.start({ server: { orgs: 1, systemsPerOrg: 20_000, keysPerOrg: 2_000, latencyMs: 20 } });
    });
    after(() => h.stop());

    it('shows its first rows after one request', async () => {
      const rows = await h.children(await h.orgNode(''));
      const systems = rows.find((r): r is Extract<EnclaveNode, { type: 'list' }> => r.type === 'list' && r.kind === 'systems');
      assert.ok(systems, 'no Systems row');
      h.server.clearRequests();
      const shown = (await h.children(systems)).filter((r) => r.type === 'system');
      const requests = h.requests().map((r) => `${r.method} ${r.path.replace(/^\/org\/[0-9a-f]+/, '/org/…')}?${new URLSearchParams(r.query).toString()}`);
      results.firstRows = { requests, rows: shown.length };
      assert.strictEqual(shown.length, 50);
      assert.deepStrictEqual(requests.length, 1, `requests: ${requests.join(', ')}`);
    });
  });
});

// The auto-refresh wiring in the real host: with `enclave.refreshInterval` set it polls while the
// view is shown, and sends nothing at all once the view is hidden — counted in the local
// server's request log. ~15 s: the shortest interval the setting allows is 10 s.
describe('auto-refresh', function () {
  this.timeout(60_000);
  let h: Harness;
  const setInterval = (seconds: number | undefined): Thenable<void> =>
    vscode.workspace.getConfiguration('enclave').update('refreshInterval', seconds, vscode.ConfigurationTarget.Global);

  before(async () => {
    h = await Harness.start();
  });
  after(async () => {
    await setInterval(undefined);
    await vscode.commands.executeCommand('enclave.networks.focus'); // as activation.test.ts leaves it
    await h.stop();
  });

  it('polls while the view is shown and makes no request while it is hidden', async function () {
    await h.children(await h.orgNode(''));
    await vscode.commands.executeCommand('enclave.networks.focus');
    if (!vscode.window.state.focused) this.skip(); // the host window has no focus: nothing would poll either way
    h.server.clearRequests();
    await setInterval(10);
    // Data older than one interval is refreshed at once when the gate opens.
    await waitFor('an automatic refresh while the view is shown', () => h.requests('GET').length > 0, 15_000);
    await vscode.commands.executeCommand('workbench.view.explorer');
    await new Promise((resolve) => setTimeout(resolve, 500)); // lets the refresh in flight end
    h.server.clearRequests();
    // Longer than one interval: a shown view would have polled again in this time.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    assert.deepStrictEqual(h.requests().map((r) => `${r.method} ${r.path}`), [], 'requests while the view was hidden');
  });
});
