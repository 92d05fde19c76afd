// Sign-in and sign-out as a user does them (the command, with scripted answers), checked against
// what SecretStorage holds, what the mock API saw, and what the user was shown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Harness, setApiUrl, waitFor } from './support/harness';
import { TcpProxy } from './support/tcpProxy';

const REJECTED = 'Enclave rejected this token: it may have been revoked or mistyped. Paste another one.';

describe('sign in', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start({ signIn: false });
  });
  beforeEach(() => h.resetTo('signedOut'));
  after(() => h.stop());

  it('refuses badly formed tokens as the user types, and sends and saves nothing', async () => {
    h.prompter.answerPick('I have a token').answerInput('abc123', `${'x'.repeat(62)}-`, undefined);
    await vscode.commands.executeCommand('enclave.signIn');

    assert.strictEqual(h.prompter.inputs.length, 1);
    const box = h.prompter.inputs[0];
    assert.strictEqual(box.options.password, true);
    assert.strictEqual(box.options.ignoreFocusOut, true);
    assert.deepStrictEqual(box.tried.map((t) => t.validation), [
      'Enclave tokens are 63 letters and digits; this one has 6 characters.',
      'Enclave tokens are 63 letters and digits; this one contains characters other than letters and digits.',
    ]);
    assert.strictEqual(await h.api.storedToken(h.origin), undefined);
    assert.deepStrictEqual(h.requests(), [], 'no request may be sent for a malformed token');
    assert.strictEqual(h.api.session.state.kind, 'signedOut');
  });

  it('keeps the box open with the value when the API rejects the token, and saves nothing', async () => {
    const wrong = 'Z'.repeat(63);
    // The second box comes back with the value kept; accepting it as is stays refused.
    h.prompter.answerPick('I have a token').answerInput(wrong, (o) => o.value, undefined);
    await vscode.commands.executeCommand('enclave.signIn');

    assert.strictEqual(h.prompter.inputs.length, 2, 'the box should come back after the 401');
    const again = h.prompter.inputs[1];
    assert.strictEqual(again.options.value, wrong);
    assert.ok(again.options.prompt?.startsWith(REJECTED), again.options.prompt);
    assert.strictEqual(again.tried[0]?.validation, REJECTED);
    assert.deepStrictEqual(h.requests('GET', /^\/account\/orgs$/).map((r) => r.status), [401]);
    assert.strictEqual(await h.api.storedToken(h.origin), undefined);
    assert.strictEqual(h.api.session.state.kind, 'signedOut');
    assert.deepStrictEqual(h.prompter.messagesOf('info'), [], 'no "Signed in" for a rejected token');
  });

  it('stores a good token in SecretStorage under the API origin, then signs out', async () => {
    h.prompter.answerPick('I have a token').answerInput(`  ${h.server.token}\n`);
    await vscode.commands.executeCommand('enclave.signIn');

    assert.strictEqual(await h.api.storedToken(h.origin), h.server.token, 'trimmed token stored for the origin');
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), ['Signed in to Enclave: 3 organisations.']);
    const state = await h.waitForState('connected');
    assert.strictEqual(state.orgs.length, 3);
    assert.strictEqual(h.api.contextKeys()?.signedIn, true);
    assert.ok(h.requests('GET', /^\/account\/orgs$/).every((r) => r.headers.authorization === 'Bearer [redacted]'));

    await vscode.commands.executeCommand('enclave.signOut');
    assert.strictEqual(await h.api.storedToken(h.origin), undefined);
    await h.waitForState('signedOut');
    await waitFor('enclave.signedIn false', () => h.api.contextKeys()?.signedIn === false);
    assert.match(h.prompter.messagesOf('info')[1]?.message ?? '', /^Signed out of Enclave \(127\.0\.0\.1:\d+\)/);
  });

  it('says where the API could not be reached, keeps the value, and saves nothing', async () => {
    const dead = await TcpProxy.start(h.server.url);
    await dead.stop(); // a port on which nothing listens
    await setApiUrl(h.api, dead.url);
    h.prompter.answerPick('I have a token').answerInput(h.server.token, undefined);
    await vscode.commands.executeCommand('enclave.signIn');

    assert.strictEqual(h.prompter.inputs.length, 2);
    const again = h.prompter.inputs[1];
    assert.strictEqual(again.options.value, h.server.token);
    assert.match(again.options.prompt ?? '', new RegExp(`the Enclave API at ${new URL(dead.url).host} could not be reached`));
    assert.strictEqual(await h.api.storedToken(new URL(dead.url).origin), undefined);
    assert.strictEqual(h.api.session.state.kind, 'signedOut');
  });

  it('refuses to sign in to a plain-http API that is not on loopback', async () => {
    await setApiUrl(h.api, 'http://api.example.com');
    await vscode.commands.executeCommand('enclave.signIn');

    assert.deepStrictEqual(h.prompter.picks, [], 'no token may be asked for');
    const [error] = h.prompter.messagesOf('error');
    assert.match(error?.message ?? '', /http:\/\/api\.example\.com does not use HTTPS/);
    assert.deepStrictEqual(error.actions, ['Open Settings']);
  });

  it('cancelling the first question is silent', async () => {
    h.prompter.answerPick(undefined);
    await vscode.commands.executeCommand('enclave.signIn');
    assert.deepStrictEqual(h.prompter.messages, []);
    assert.deepStrictEqual(h.prompter.inputs, []);
  });

  it('never shows or logs a token, good or bad', async () => {
    const wrong = 'Q'.repeat(63);
    h.prompter.answerPick('I have a token').answerInput(wrong, h.server.token);
    await vscode.commands.executeCommand('enclave.signIn');
    await h.waitForState('connected');
    for (const token of [wrong, h.server.token]) {
      assert.deepStrictEqual(h.api.logLines().filter((l) => l.includes(token)), []);
      assert.deepStrictEqual(h.prompter.shownTexts().filter((t) => t.includes(token)), []);
    }
    assert.ok(h.api.logLines().some((l) => /GET \/account\/orgs → 200/.test(l)), 'requests are logged');
  });
});
