// Refusals in the middle of a session, in the real extension host against the local server: a
// token revoked while many lists are open (one "token rejected" state, one warning, no storm of
// requests, the tree says why), one organisation that answers 403 while the others work, and an
// item deleted elsewhere (404: the tree reloads and says it is gone).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

describe('reliability: 401, 403 and 404 mid-session', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start();
  });
  beforeEach(async () => {
    h.prompter.reset();
    await h.signIn(h.server.token);
    h.server.clearRequests();
  });
  after(() => h.stop());

  async function lists(orgName: string): Promise<Of<'list'>[]> {
    return (await h.children(await h.orgNode(orgName))).filter((n): n is Of<'list'> => n.type === 'list');
  }
  const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('a revoked token: one rejected state, one warning, no request storm, the tree says why', async function () {
    this.timeout(20_000);
    const token = h.server.addToken();
    await h.signIn(token);
    h.prompter.reset();
    let open = 0;
    for (const org of h.server.store.orgs) {
      for (const list of await lists(org.properties.name)) {
        await h.children(list);
        open++;
      }
    }
    h.server.revokeToken(token);
    h.server.clearRequests();

    await vscode.commands.executeCommand('enclave.refresh');
    await h.waitForState('rejected');
    const first = h.server.requests.length;
    assert.ok(h.server.requests.every((r) => r.status === 401));
    assert.ok(first <= open + 1, `the refresh sent ${first} requests for ${open} open lists and the organisations`);

    // While rejected: the tree names the problem and asks nothing of the API.
    const root = await h.children();
    assert.deepStrictEqual(root.map((n) => n.type === 'message' && n.text), ['The saved token was rejected — sign in again']);
    const row = await h.api.tree.getTreeItem(root[0]);
    assert.strictEqual(row.command?.command, 'enclave.signIn');
    assert.strictEqual(h.api.status().text, '$(warning) Enclave: token rejected');
    // Refreshing again sends one probe each time, not one request per list; nothing runs in the background.
    h.server.clearRequests();
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('enclave.refresh');
    await settle(1_500);
    assert.deepStrictEqual(h.server.requests.map((r) => `${r.method} ${r.path} ${r.status}`), Array(3).fill('GET /account/orgs 401'));
    const warnings = h.prompter.messagesOf('warn');
    assert.strictEqual(warnings.length, 1, JSON.stringify(warnings));
    assert.deepStrictEqual(warnings[0].actions, ['Sign In']);
    assert.deepStrictEqual(h.prompter.messagesOf('error'), [], 'no error pop-up per failed list');

    // A new token brings the tree back.
    await h.signIn(h.server.token);
    assert.strictEqual((await h.children()).filter((n) => n.type === 'org').length, 3);
  });

  it('403 for one organisation: its lists say so, the others load, the session stays connected', async () => {
    const [allowed, forbidden] = [h.server.store.orgs[0], h.server.store.orgs[1]];
    // The view (shown) has its badge read every organisation's pending count with the first
    // token: let that finish, so that only the limited token's requests are counted below.
    await vscode.commands.executeCommand('enclave.networks.focus');
    await waitFor('the pending counts', () => h.api.badge()?.value === h.server.store.orgs.length * 4);
    h.server.clearRequests();
    await h.signIn(h.server.addToken({ forbiddenOrgIds: [forbidden.id] }));
    assert.strictEqual((await h.children()).filter((n) => n.type === 'org').length, 3, 'every organisation is listed');

    const denied = await lists(forbidden.properties.name);
    assert.deepStrictEqual(denied.map((l) => l.kind), ['systems', 'enrolmentKeys', 'pending'], 'Pending approval shows, to carry its error');
    for (const list of denied) {
      const [error] = (await h.children(list)) as Of<'message'>[];
      assert.match(error.text, /^Could not load .+: your token is not allowed to do this \(HTTP 403\)$/);
    }
    for (const list of (await lists(allowed.properties.name)).filter((l) => l.kind !== 'pending')) {
      assert.ok((await h.children(list)).some((n) => n.type === 'system' || n.type === 'key'), `${allowed.properties.name} ${list.kind} loads`);
    }
    assert.strictEqual(h.api.session.state.kind, 'connected');
    assert.strictEqual(h.api.status().text, '$(shield) Enclave: 3 orgs');
    assert.deepStrictEqual(h.prompter.messages, []);
    assert.ok(h.requests('GET', new RegExp(`^/org/${forbidden.id}/`)).every((r) => r.status === 403));
  });

  it('404 on edit: a key deleted in the portal meanwhile is said to be gone and leaves the tree', async () => {
    const org = h.server.store.orgs[0];
    const keysList = (await lists(org.properties.name)).find((l) => l.kind === 'enrolmentKeys')!;
    const node = (await h.children(keysList)).find((n): n is Of<'key'> => n.type === 'key')!;
    h.server.store.deleteKey(org, node.key.id);
    await vscode.commands.executeCommand('enclave.editEnrolmentKey', node);
    const [error] = h.prompter.messagesOf('error');
    assert.strictEqual(error?.message, 'Enclave: Edit Enrolment Key failed: it no longer exists — it may have been removed in the portal.');
    assert.deepStrictEqual(h.prompter.inputs, [], 'no box opened for a key that is gone');
    await waitFor('the deleted key to leave the tree', async () => !(await h.children(keysList)).some((n) => n.id === node.id));
  });

  it('404 on enable: the same for a change', async () => {
    const org = h.server.store.orgs[0];
    const key = h.server.store.keys(org.id).find((k) => !k.isEnabled) ?? h.server.store.keys(org.id)[0];
    key.isEnabled = false;
    h.server.store.changed(org);
    const keysList = (await lists(org.properties.name)).find((l) => l.kind === 'enrolmentKeys')!;
    await vscode.commands.executeCommand('enclave.refresh', keysList);
    const node = (await h.children(keysList)).find((n): n is Of<'key'> => n.type === 'key' && n.key.id === key.id)!;
    h.server.store.deleteKey(org, key.id);
    await vscode.commands.executeCommand('enclave.enableEnrolmentKey', node, [node]);
    assert.match(h.prompter.messagesOf('error')[0]?.message ?? '', /could not be enabled: it no longer exists — it may have been removed in the portal\.$/);
    await waitFor('the deleted key to leave the tree', async () => !(await h.children(keysList)).some((n) => n.id === node.id));
  });
});
