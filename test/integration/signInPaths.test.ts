// Three ways into and out of a session that the sign-in suite does not walk: another window
// signing in or out (SecretStorage is shared, so its change event is all this window gets), a
// command's 401 after the session has already warned about the rejected token, and the sign-in
// route through the Enclave Portal.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { Harness, waitFor } from './support/harness';
import type { EnclaveNode } from '../../src/tree/nodes';

/** Where TokenStore keeps an origin's token: what another window of this extension writes. */
const tokenKey = (origin: string): string => `enclave.token:${origin}`;
const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sign-in paths', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start({ signIn: false });
    // The view is open, as it is for someone watching this window while signing in elsewhere.
    await vscode.commands.executeCommand('enclave.networks.focus');
  });
  after(() => h.stop());

  describe('another window signs in or out', () => {
    it('follows a token stored by another window at once: connected, organisations in the tree', async () => {
      await h.resetTo('signedOut');
      assert.deepStrictEqual(await h.api.tree.getChildren(), [], 'signed out: the welcome view shows');

      await h.api.secrets.store(tokenKey(h.origin), h.server.token);

      const state = await h.waitForState('connected');
      assert.strictEqual(state.orgs.length, h.server.store.orgs.length);
      const names = (await h.children()).flatMap((r) => (r.type === 'org' ? [r.org.orgName] : [])).sort();
      assert.deepStrictEqual(names, h.server.store.orgs.map((o) => o.properties.name).sort());
      await waitFor('the connected status', () => h.api.status().text === '$(shield) Enclave: 3 orgs');
      await waitFor('enclave.signedIn true', () => h.api.contextKeys()?.signedIn === true);
      assert.deepStrictEqual(h.prompter.messages, [], 'another window’s sign-in is not announced here');
    });

    it('follows a token deleted by another window at once: signed out, tree empty, status "sign in"', async () => {
      await h.resetTo('connected');
      assert.ok((await h.children()).some((r) => r.type === 'org'));

      await h.api.secrets.delete(tokenKey(h.origin));

      await h.waitForState('signedOut');
      assert.deepStrictEqual(await h.api.tree.getChildren(), [], 'an empty tree: the welcome view shows');
      await waitFor('enclave.signedIn false', () => h.api.contextKeys()?.signedIn === false);
      const status = await waitFor('the sign-in status', () => (h.api.status().text === '$(key) Enclave: Sign in' ? h.api.status() : undefined));
      assert.strictEqual(status.command, 'enclave.signIn');
      h.server.clearRequests();
      await settle(300);
      assert.deepStrictEqual(h.requests(), [], 'nothing is sent once signed out');
    });
  });

  describe('the funnel does not repeat a 401', () => {
    /** Signed in with a token of its own, which the server then revokes: the next call gets a 401. */
    async function signInThenRevoke(): Promise<Extract<EnclaveNode, { type: 'org' }>> {
      await h.resetTo('connected');
      const token = h.server.addToken();
      await h.signIn(token);
      const org = await h.orgNode(h.server.store.orgs[0].properties.name);
      h.prompter.reset();
      h.server.revokeToken(token);
      return org;
    }

    it('a command failing with 401 after the "token rejected" warning logs it and shows nothing more', async () => {
      const org = await signInThenRevoke();

      // The session finds out first (a refresh), and warns once.
      await vscode.commands.executeCommand('enclave.refresh');
      await h.waitForState('rejected');
      await waitFor('the rejected warning', () => h.prompter.messagesOf('warn').length === 1);

      h.server.clearRequests();
      const logged = h.api.logLines().length;
      await vscode.commands.executeCommand('enclave.editOrganisation', org);

      assert.deepStrictEqual(h.requests().map((r) => `${r.method} ${r.path} ${r.status}`), [`GET /org/${org.org.orgId} 401`], 'the command did reach the API');
      const errors = h.api.logLines().slice(logged).filter((l) => l.startsWith('[error]'));
      assert.ok(errors.some((l) => /Edit Organisation/.test(l) && /401/.test(l)), `the 401 is logged: ${JSON.stringify(errors)}`);
      await settle(200); // room for a wrongly repeated message to show up
      const warnings = h.prompter.messagesOf('warn');
      assert.strictEqual(warnings.length, 1, JSON.stringify(warnings));
      assert.match(warnings[0].message, /^Enclave rejected the saved token/);
      assert.deepStrictEqual(h.prompter.messagesOf('error'), [], 'no error message for the command’s 401');
      assert.deepStrictEqual(h.prompter.messagesOf('info'), []);
      assert.deepStrictEqual(h.prompter.inputs, [], 'no edit box for an organisation that could not be read');
      assert.strictEqual(h.api.session.state.kind, 'rejected');
    });

    it('the command whose 401 reveals the rejection shows the warning only', async () => {
      const org = await signInThenRevoke();

      await vscode.commands.executeCommand('enclave.editOrganisation', org);
      await h.waitForState('rejected');
      await settle(200);
      assert.strictEqual(h.prompter.messagesOf('warn').length, 1, JSON.stringify(h.prompter.messages));
      assert.deepStrictEqual(h.prompter.messagesOf('error'), []);
    });
  });

  describe('sign in through the Enclave Portal', () => {
    // The test workbench refuses VS Code's "open external website?" dialog, so the real
    // openExternal would fail here before opening anything: a recording opener stands in.
    const opened: string[] = [];
    before(() => h.api.setExternalOpener((url) => (opened.push(url), true)));
    after(() => h.api.setExternalOpener(undefined));

    it('offers the portal, then asks for the token, and a good token signs in', async () => {
      await h.resetTo('signedOut');
      opened.length = 0;
      h.prompter.answerPick('Open the Enclave Portal to create a token').answerInput(h.server.token);
      await vscode.commands.executeCommand('enclave.signIn');

      const [question] = h.prompter.picks;
      assert.strictEqual(question?.options.title, 'Sign in to Enclave');
      assert.deepStrictEqual(question.labels, ['$(link-external) Open the Enclave Portal to create a token', '$(key) I have a token']);
      assert.strictEqual(question.answer, 'portal');
      assert.deepStrictEqual(opened, ['https://portal.enclave.io/account'], 'the portal’s account page opens');

      assert.strictEqual(h.prompter.inputs.length, 1, 'the token box opens after the portal');
      const box = h.prompter.inputs[0].options;
      assert.strictEqual(box.title, 'Sign in to Enclave');
      assert.match(box.prompt ?? '', /^Paste your Enclave personal access token\. It is checked with 127\.0\.0\.1:\d+ and kept in VS Code's secret storage\.$/);
      assert.strictEqual(box.password, true);
      assert.strictEqual(box.ignoreFocusOut, true, 'the box survives the trip to the browser');

      assert.strictEqual(await h.api.storedToken(h.origin), h.server.token);
      const state = await h.waitForState('connected');
      assert.strictEqual(state.orgs.length, 3);
      assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), ['Signed in to Enclave: 3 organisations.']);
      assert.deepStrictEqual(h.prompter.unanswered, []);
    });
  });
});
