// The status bar item through every connection state, driven by the real API (mock server behind
// a TCP proxy so the API can go offline and come back on the same address by itself).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Harness, waitFor } from './support/harness';

describe('status bar', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start({ proxy: true });
  });
  beforeEach(async () => {
    h.prompter.reset();
    if (!h.proxy?.listening) await h.proxy?.restart();
    if (h.api.session.state.kind !== 'connected') await h.signIn();
  });
  after(() => h.stop());

  it('shows the organisations when connected, with a tooltip naming them', async () => {
    const status = await waitFor('the connected status', () => (h.api.status().text.startsWith('$(shield)') ? h.api.status() : undefined));
    assert.strictEqual(status.text, '$(shield) Enclave: 3 orgs');
    assert.strictEqual(status.background, undefined);
    for (const org of h.server.store.orgs) assert.ok(status.tooltip.includes(org.properties.name), `${org.properties.name} missing from ${status.tooltip}`);
    assert.match(status.tooltip, /Last checked/);
  });

  it('checks the API when the view is shown only once the last answer is a minute old', async function () {
    this.timeout(30_000);
    const orgsRequests = (): number => h.requests('GET', /^\/account\/orgs$/).length;
    const checkedAt = (): number => (h.api.session.state as { checkedAt?: Date }).checkedAt?.getTime() ?? NaN;
    /** Hides the view (another side bar) and shows it again. */
    const showAgain = async (): Promise<void> => {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await new Promise((r) => setTimeout(r, 300));
      await vscode.commands.executeCommand('enclave.networks.focus');
      await new Promise((r) => setTimeout(r, 300));
    };
    await vscode.commands.executeCommand('enclave.networks.focus');
    try {
      // Control: with no allowance, each showing sends GET /account/orgs and moves "Last checked".
      h.api.session.setLivenessMaxAge(0);
      h.server.clearRequests();
      for (let shown = 1; shown <= 2; shown++) {
        const before = checkedAt();
        await showAgain();
        await waitFor(`request ${shown} of GET /account/orgs`, () => orgsRequests() === shown);
        await waitFor('"Last checked" to move', () => checkedAt() > before);
      }

      // The default: the answer just received is under a minute old, so showing sends nothing.
      h.api.session.setLivenessMaxAge(undefined);
      h.server.clearRequests();
      const answered = checkedAt();
      for (let shown = 0; shown < 3; shown++) await showAgain();
      assert.strictEqual(orgsRequests(), 0, 'no GET /account/orgs for a view shown 3 times within a minute');
      assert.strictEqual(h.api.session.state.kind, 'connected');
      assert.strictEqual(checkedAt(), answered, '"Last checked" still says when the API last answered');
      assert.match(h.api.status().tooltip, /Last checked/);
    } finally {
      h.api.session.setLivenessMaxAge(undefined);
    }
  });

  it('counts connected systems in the tooltip once an organisation’s systems are loaded', async () => {
    const org = h.server.store.orgs[0];
    const orgRow = await h.orgNode(org.properties.name);
    const systemsRow = (await h.children(orgRow)).find((n) => n.type === 'list' && n.kind === 'systems');
    assert.ok(systemsRow, 'the organisation has a Systems row');
    await h.children(systemsRow);
    const all = [...org.systems.values()];
    const line = await waitFor('a systems count in the tooltip', () => h.api.status().tooltip.split('\n').find((l) => l.includes(org.properties.name) && /systems? connected/.test(l)));
    const m = /— (at least )?(\d+) of (\d+) systems? connected/.exec(line);
    assert.ok(m, line);
    assert.strictEqual(Number(m[3]), all.length);
    const connected = all.filter((s) => s.isEnabled && s.state === 'Connected').length;
    if (m[1]) assert.ok(Number(m[2]) <= connected, line);
    else assert.strictEqual(Number(m[2]), connected, line);
  });

  it('shows the single organisation’s name for a token that sees one', async () => {
    await h.signIn(h.server.limitedToken);
    const only = h.server.store.orgs[0].properties.name;
    await waitFor(`"$(shield) ${only}"`, () => h.api.status().text === `$(shield) ${only}`);
    await h.signIn(h.server.token);
  });

  it('goes offline when the API cannot be reached and recovers by itself when it is back', async function () {
    this.timeout(60_000);
    await h.proxy!.stop();
    await h.api.session.call((client) => client.getOrgs()).then(
      () => assert.fail('the call should fail while the API is down'),
      (error: Error) => assert.strictEqual((error as { kind?: string }).kind, 'network'),
    );
    await h.waitForState('unreachable');
    const offline = h.api.status();
    assert.strictEqual(offline.text, '$(error) Enclave: offline');
    assert.strictEqual(offline.background, 'statusBarItem.errorBackground');
    assert.strictEqual(offline.command, 'enclave.showLog');
    assert.match(offline.tooltip, new RegExp(`could not be reached`));

    h.server.clearRequests();
    await h.proxy!.restart();
    // Nothing in the test calls the API again: the extension must find it by itself (its
    // recovery loop probes the organisations; a poll of its own that gets through, such as the
    // approvals badge's, ends the loop just as well).
    await h.waitForState('connected', 30_000);
    await waitFor('the shield back', () => h.api.status().text === '$(shield) Enclave: 3 orgs');
    assert.ok(h.requests('GET').some((r) => r.status === 200), `no answered GET after the restart: ${h.requests().map((r) => `${r.method} ${r.path} ${r.status}`).join(', ')}`);
    assert.deepStrictEqual(h.prompter.messagesOf('warn'), [], 'going offline shows no pop-up');
  });

  it('retries at once when the offline item is clicked (Show Log), without waiting for the back-off', async function () {
    this.timeout(30_000);
    await h.proxy!.stop();
    await h.api.session.call((client) => client.getOrgs()).catch(() => undefined);
    await h.waitForState('unreachable');
    await h.proxy!.restart();
    const clicked = Date.now();
    await vscode.commands.executeCommand(h.api.status().command!);
    // The loop's first attempt is 5 s after going offline; the click must not wait for it.
    await h.waitForState('connected', 3_000);
    assert.ok(Date.now() - clicked < 3_000);
  });

  it('shows a revoked token as rejected, with exactly one warning however many calls fail', async () => {
    const token = h.server.addToken();
    await h.signIn(token);
    h.prompter.reset();
    h.server.revokeToken(token);
    for (let i = 0; i < 4; i++) await h.api.session.call((client) => client.getOrgs()).catch(() => undefined);
    await h.waitForState('rejected');
    const status = h.api.status();
    assert.strictEqual(status.text, '$(warning) Enclave: token rejected');
    assert.strictEqual(status.background, 'statusBarItem.warningBackground');
    assert.strictEqual(status.command, 'enclave.signIn');
    await waitFor('the warning', () => h.prompter.messagesOf('warn').length > 0);
    await new Promise((r) => setTimeout(r, 200)); // room for a wrongly repeated warning to show up
    const warnings = h.prompter.messagesOf('warn');
    assert.strictEqual(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0].message, /^Enclave rejected the saved token/);
    assert.deepStrictEqual(warnings[0].actions, ['Sign In']);
    assert.strictEqual(h.requests('GET', /^\/account\/orgs$/).filter((r) => r.status === 401).length >= 4, true);
  });

  it('runs Sign In from the rejected-token warning', async () => {
    const token = h.server.addToken();
    await h.signIn(token);
    h.prompter.reset();
    h.prompter.answerWarn('Sign In'); // the sign-in flow that follows is cancelled (nothing scripted)
    h.server.revokeToken(token);
    await h.api.session.call((client) => client.getOrgs()).catch(() => undefined);
    await waitFor('the sign-in question', () => h.prompter.picks.some((p) => p.options.title === 'Sign in to Enclave'));
  });

  it('offers sign-in when signed out, and follows a new sign-in at once', async () => {
    await h.signOut();
    const status = h.api.status();
    assert.strictEqual(status.text, '$(key) Enclave: Sign in');
    assert.strictEqual(status.command, 'enclave.signIn');
    await h.signIn();
    await waitFor('the shield', () => h.api.status().text.startsWith('$(shield)'));
  });
});
