// Refresh, load-more and error rows against the local API server: a refresh fetches only what
// the tree had loaded (checked in the server's request log), keeps the pages the user loaded,
// coalesces repeats, and a failed list becomes an error row whose Retry recovers it.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode, ListKind } from '../../src/tree/nodes';
import { Harness, waitFor } from './support/harness';

type Node<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

describe('refresh', () => {
  let h: Harness;

  beforeEach(async () => {
    // A fresh server (new URL) per test: the extension drops its cache and nothing is loaded.
    h = await Harness.start();
  });
  afterEach(() => h.stop());

  const orgs = () => [...h.server.store.orgs].sort((a, b) => a.properties.name.localeCompare(b.properties.name, undefined, { sensitivity: 'base' }));

  async function expand(orgIndex: number, kind: ListKind): Promise<Node<'list'>> {
    const org = orgs()[orgIndex];
    const rows = await h.children(await h.orgNode(org.properties.name));
    const node = rows.find((r): r is Node<'list'> => r.type === 'list' && r.kind === kind)!;
    await h.children(node);
    return node;
  }

  /** "GET /org/<id>/systems" per request since the last clearRequests(), orgs by their index. */
  function requested(): string[] {
    const index = new Map(orgs().map((o, i) => [o.id, i]));
    return h.server.requests
      .filter((r) => r.method === 'GET')
      .map((r) => r.path.replace(/^\/org\/([0-9a-f]{32})/, (_, id: string) => `/org/${index.get(id)}`))
      .sort();
  }

  it('re-fetches only the lists that were expanded, and the organisations', async () => {
    await vscode.commands.executeCommand('enclave.networks.focus');
    await expand(0, 'systems');
    await expand(1, 'enrolmentKeys');
    await waitFor('the badge\'s pending counts', () => h.api.badge()?.value === h.server.store.orgs.length * 4);
    h.server.clearRequests();
    await vscode.commands.executeCommand('enclave.refresh');
    // The view's badge loads every organisation's pending count, so those lists count as loaded.
    assert.deepStrictEqual(requested(), [
      '/account/orgs',
      '/org/0/systems',
      '/org/0/unapproved-systems',
      '/org/1/enrolment-keys',
      '/org/1/unapproved-systems',
      '/org/2/unapproved-systems',
    ]);
  });

  it('refreshes one list from its row, and one organisation from its row', async () => {
    const systems = await expand(0, 'systems');
    await expand(0, 'enrolmentKeys');
    await expand(1, 'systems');
    h.server.clearRequests();
    await vscode.commands.executeCommand('enclave.refresh', systems);
    assert.deepStrictEqual(requested(), ['/org/0/systems']);
    h.server.clearRequests();
    await vscode.commands.executeCommand('enclave.refresh', await h.orgNode(orgs()[0].properties.name));
    assert.deepStrictEqual(requested(), ['/org/0/enrolment-keys', '/org/0/systems', '/org/0/unapproved-systems']);
  });

  it('keeps the pages the user loaded and shows changes made on the server', async () => {
    const org = orgs()[0];
    const systems = await expand(0, 'systems');
    const more = (await h.children(systems)).at(-1) as Node<'loadMore'>;
    await vscode.commands.executeCommand('enclave.loadMore', more);
    await waitFor('both pages', async () => ((await h.api.tree.getChildren(systems)) ?? []).filter((r) => r.type === 'system').length === 60);
    const state = h.server.store.org(org.id)!;
    const target = h.server.store.systems(org.id).find((s) => s.isEnabled)!;
    h.server.store.updateSystem(state, target, { isEnabled: false, description: target.description });
    h.server.clearRequests();
    await vscode.commands.executeCommand('enclave.refresh', systems);
    const pages = h.requests('GET', /\/systems$/).map((r) => [r.query.page, r.query.per_page]);
    assert.deepStrictEqual(pages, [['0', '100']], 'both loaded pages are fetched again, in one request');
    const rows = await h.children(systems);
    assert.strictEqual(rows.filter((r) => r.type === 'system').length, 60);
    const row = rows.find((r): r is Node<'system'> => r.type === 'system' && r.system.systemId === target.systemId)!;
    const item = await h.api.tree.getTreeItem(row);
    assert.strictEqual(item.contextValue, 'system.disabled');
    assert.ok(String(item.description).startsWith('Disabled'));
  });

  it('coalesces refreshes asked for while one is in flight into one follow-up', async () => {
    const org = orgs()[0];
    const systems = await expand(0, 'systems');
    h.server.clearRequests();
    h.server.injectFault({ kind: 'delay', ms: 300 }, { path: `/org/${org.id}/systems$`, count: 5 });
    await Promise.all([1, 2, 3, 4].map(() => vscode.commands.executeCommand('enclave.refresh', systems)));
    assert.strictEqual(h.requests('GET', /\/systems$/).length, 2, 'the refresh in flight plus exactly one follow-up');
    h.server.clearFaults();
  });

  it('turns a failing list into an error row whose Retry recovers it', async () => {
    const org = orgs()[1];
    const rows = await h.children(await h.orgNode(org.properties.name));
    const systems = rows.find((r): r is Node<'list'> => r.type === 'list' && r.kind === 'systems')!;
    h.server.injectFault({ kind: 'error', status: 500 }, { path: `/org/${org.id}/systems$` });
    const [error] = (await h.children(systems)) as Node<'message'>[];
    assert.strictEqual(error.type, 'message');
    assert.strictEqual(error.severity, 'error');
    assert.match(error.text, /^Could not load systems: .*HTTP 500/);
    const item = await h.api.tree.getTreeItem(error);
    assert.strictEqual(item.contextValue, 'message.error');
    assert.strictEqual(item.command?.command, 'enclave.refresh');
    assert.deepStrictEqual(item.command?.arguments, [error]);
    assert.deepStrictEqual(h.prompter.messages, [], 'a failed list shows no pop-up');

    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const recovered = await h.children(systems);
    assert.strictEqual(recovered.filter((r) => r.type === 'system').length, 50);
    assert.ok(!recovered.some((r) => r.type === 'message'), 'the error row is gone');
    await h.waitForState('connected');
  });

  it('shows nothing once signed out and loads nothing again until asked', async () => {
    await expand(0, 'systems');
    await h.signOut();
    assert.deepStrictEqual(await h.api.tree.getChildren(), []);
    h.server.clearRequests();
    await h.signIn();
    const roots = await h.children();
    assert.strictEqual(roots.filter((r) => r.type === 'org').length, orgs().length);
    // The view's badge loads the pending counts again; nothing else until it is expanded.
    assert.deepStrictEqual(requested().filter((p) => p.startsWith('/org/') && !p.endsWith('/unapproved-systems')), [], 'no list is fetched before it is expanded again');
  });

  it('refreshes by itself every enclave.refreshInterval seconds only while the view is visible', async function () {
    this.timeout(60_000);
    const config = vscode.workspace.getConfiguration('enclave');
    await vscode.commands.executeCommand('enclave.networks.focus');
    await expand(0, 'systems');
    try {
      h.server.clearRequests();
      await config.update('refreshInterval', 10, vscode.ConfigurationTarget.Global);
      await waitFor('an automatic refresh', () => h.requests('GET', /\/systems$/).length > 0, 15_000, 200);
      assert.ok(vscode.window.state.focused, 'the window has focus');
      // Another view container hides the Enclave view: no more requests.
      await vscode.commands.executeCommand('workbench.view.explorer');
      await new Promise((r) => setTimeout(r, 500));
      h.server.clearRequests();
      await new Promise((r) => setTimeout(r, 12_000));
      assert.deepStrictEqual(h.server.requests.map((r) => r.path), [], 'requests while the view is hidden');
    } finally {
      await config.update('refreshInterval', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('enclave.networks.focus');
    }
  });
});
