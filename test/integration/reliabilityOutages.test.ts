// The API goes down and comes back, again and again, in the real extension host: the local
// server sits behind a TCP proxy that refuses connections while "down". The status bar goes
// offline and recovers by itself every time, and however many outages, failing calls and
// "retry now" clicks there were, there is one recovery loop with one timer — counted through the
// session's diagnostics and in the server's request log.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Harness, waitFor } from './support/harness';

const TIMING = { firstDelayMs: 200, maxDelayMs: 800 };

describe('reliability: API down, then back, many times', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start({ proxy: true });
    h.api.session.setRecoveryTiming(TIMING);
  });
  beforeEach(async () => {
    h.prompter.reset();
    h.server.clearFaults();
    if (!h.proxy!.listening) await h.proxy!.restart();
    if (h.api.session.state.kind !== 'connected') await h.waitForState('connected', 10_000);
  });
  after(async () => {
    h.api.session.setRecoveryTiming(undefined);
    await h.stop();
  });

  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const getOrgs = () => h.api.session.call((client) => client.getOrgs()).then(() => 'ok', (e: { kind?: string }) => e.kind);

  /** Samples the diagnostics while `ms` pass: the most timers and loops seen at once. */
  async function watch(ms: number): Promise<{ maxTimers: number; stoppedAtSomePoint: boolean }> {
    let maxTimers = 0;
    let stoppedAtSomePoint = false;
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const { recovery } = h.api.session.diagnostics();
      maxTimers = Math.max(maxTimers, recovery.timers);
      if (!recovery.running) stoppedAtSomePoint = true;
      await settle(10);
    }
    return { maxTimers, stoppedAtSomePoint };
  }

  it('goes offline and recovers by itself after each of 6 outages, with one loop and at most one timer throughout', async function () {
    this.timeout(90_000);
    for (let outage = 1; outage <= 6; outage++) {
      await h.proxy!.stop();
      // What a busy window does during an outage: several calls fail, the person clicks "offline".
      assert.deepStrictEqual(await Promise.all([getOrgs(), getOrgs(), getOrgs()]), ['network', 'network', 'network']);
      await h.waitForState('unreachable');
      assert.strictEqual(h.api.status().text, '$(error) Enclave: offline', `outage ${outage}`);
      await vscode.commands.executeCommand('enclave.showLog');
      await vscode.commands.executeCommand('enclave.showLog');
      void vscode.commands.executeCommand('enclave.refresh');
      const seen = await watch(1_500);
      assert.ok(seen.maxTimers <= 1, `outage ${outage}: ${seen.maxTimers} recovery timers at once`);
      assert.strictEqual(seen.stoppedAtSomePoint, false, `outage ${outage}: the loop stopped while the API was down`);

      await h.proxy!.restart();
      await h.waitForState('connected', 10_000);
      await waitFor(`the shield after outage ${outage}`, () => h.api.status().text === '$(shield) Enclave: 3 orgs');
      const { recovery } = h.api.session.diagnostics();
      assert.deepStrictEqual([recovery.running, recovery.timers], [false, 0], `outage ${outage}: no recovery loop left running`);
      // The refresh clicked during the outage may still wait for one of its retries; that wait ends by itself.
      await waitFor(`no retry wait after outage ${outage}`, () => !h.api.session.diagnostics().retryTimer, 5_000);
    }
    // Connected again: no loop left over from any outage keeps knocking. (The refresh clicked
    // during the last outage may still be finishing its own retries: wait for it first.)
    await waitFor('the store to be idle', () => !(h.api.store as unknown as { busy: boolean }).busy);
    await settle(300);
    h.server.clearRequests();
    const attempts = h.api.session.diagnostics().recovery.attempts;
    await settle(TIMING.maxDelayMs * 4);
    assert.strictEqual(h.api.session.diagnostics().recovery.attempts, attempts, 'recovery attempts while connected');
    assert.deepStrictEqual(h.server.requests.map((r) => `${r.method} ${r.path}`), [], `requests while connected and idle:\n${h.api.logLines().slice(-15).join('\n')}`);
    assert.deepStrictEqual(h.prompter.messagesOf('warn'), [], 'outages show no pop-ups');
  });

  it('while the API stays down, attempts back off: a bounded number of requests per interval', async function () {
    this.timeout(30_000);
    // Down at the HTTP level this time (503 on everything), so every attempt reaches the request log.
    h.server.injectFault({ kind: 'error', status: 503 }, { count: 10_000 });
    assert.strictEqual(await getOrgs(), 'http');
    await h.waitForState('unreachable');
    const before = h.api.session.diagnostics().recovery.attempts;
    h.server.clearRequests();
    // More failing calls meanwhile must not start more loops.
    await Promise.all(Array.from({ length: 5 }, getOrgs));
    h.server.clearRequests();
    const windowMs = 6_000;
    await settle(windowMs);
    const attempts = h.api.session.diagnostics().recovery.attempts - before;
    const requests = h.requests('GET', /^\/account\/orgs$/);
    // One loop: each attempt is one GET plus at most 3 client retries; with 200 → 400 → 800 ms
    // waits and ~1.75 s of client back-off per attempt, 6 s hold at most 6 attempts.
    assert.ok(attempts >= 1 && attempts <= 6, `${attempts} attempts in ${windowMs} ms`);
    assert.ok(requests.length <= 4 * (attempts + 1), `${requests.length} requests for ${attempts} attempts`);
    assert.strictEqual(h.server.requests.length, requests.length, 'only the recovery probe is sent');
    assert.ok(h.api.session.diagnostics().recovery.timers <= 1);

    h.server.clearFaults();
    await h.waitForState('connected', 10_000);
    const { running, timers } = h.api.session.diagnostics().recovery;
    assert.deepStrictEqual({ running, timers }, { running: false, timers: 0 });
  });
});
