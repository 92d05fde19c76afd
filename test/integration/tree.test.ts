// The Enclave tree against the local API server, read through the extension's own provider
// (the same getChildren/getTreeItem VS Code calls): organisations, lists with their totals,
// rows for systems, keys and pending systems, paging, and escaping of API-supplied text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { nodeId, type EnclaveNode, type ListKind } from '../../src/tree/nodes';
import { Harness, setApiUrl, waitFor } from './support/harness';

type Node<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

const HOSTILE = '**bold** <img src=x> [x](command:workbench.action.quit)';

describe('tree', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start();
  });
  beforeEach(() => h.prompter.reset());
  after(() => h.stop());

  const item = async (node: EnclaveNode): Promise<vscode.TreeItem> => h.api.tree.getTreeItem(node);
  const orgs = () => [...h.server.store.orgs].sort((a, b) => a.properties.name.localeCompare(b.properties.name, undefined, { sensitivity: 'base' }));

  async function list(orgIndex: number, kind: ListKind): Promise<Node<'list'>> {
    const org = orgs()[orgIndex];
    const rows = await h.children(await h.orgNode(org.properties.name));
    const found = rows.find((r): r is Node<'list'> => r.type === 'list' && r.kind === kind);
    if (!found) throw new Error(`no ${kind} row under ${org.properties.name}: ${rows.map((r) => r.id).join(', ')}`);
    return found;
  }

  it('shows every organisation, sorted by name, with its role', async () => {
    const rows = await h.children();
    assert.deepStrictEqual(rows.map((r) => r.id), orgs().map((o) => nodeId.org(o.id)));
    for (const [i, org] of orgs().entries()) {
      const tree = await item(rows[i]);
      assert.strictEqual(tree.label, org.properties.name);
      assert.strictEqual(tree.description, org.role);
      assert.strictEqual(tree.contextValue, 'org');
      assert.strictEqual((tree.iconPath as vscode.ThemeIcon).id, 'organization');
      assert.strictEqual(tree.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    }
  });

  it('asks for the organisations once when the view opens: the tree takes the session\'s answer', async () => {
    // A first view from scratch: away to the default URL (no token there: signed out, nothing
    // cached) and back, which connects again, while the view is opened.
    await setApiUrl(h.api, undefined);
    await h.waitForState('signedOut');
    h.server.clearRequests();
    await setApiUrl(h.api, h.url);
    await vscode.commands.executeCommand('enclave.networks.focus');
    const rows = await h.children();
    assert.deepStrictEqual(rows.map((r) => r.id), orgs().map((o) => nodeId.org(o.id)));
    // One more round trip: a second GET /account/orgs sent for the first rows would have reached
    // the server before this expansion's answer came back.
    await h.children(rows[0]);
    assert.strictEqual(h.requests('GET', /^\/account\/orgs$/).length, 1, 'GET /account/orgs requests');
  });

  it('shows Systems, Enrolment keys and Pending approval with the server\'s totals', async () => {
    const org = orgs()[0];
    const rows = await h.children(await h.orgNode(org.properties.name));
    assert.deepStrictEqual(rows.map((r) => (r.type === 'list' ? r.kind : r.id)), ['systems', 'enrolmentKeys', 'pending']);
    const expected: Record<ListKind, number> = {
      systems: h.server.store.systems(org.id).length,
      enrolmentKeys: h.server.store.keys(org.id).length,
      pending: h.server.store.unapprovedSystems(org.id).length,
    };
    assert.ok(expected.systems > 0 && expected.enrolmentKeys > 0 && expected.pending > 0);
    for (const row of rows as Node<'list'>[]) {
      await h.children(row);
      const tree = await item(row);
      assert.strictEqual(tree.description, String(expected[row.kind]), `${row.kind} total`);
      assert.strictEqual(tree.contextValue, `list.${row.kind}`);
    }
  });

  it('hides Pending approval when nothing waits', async () => {
    const org = orgs()[2];
    const state = h.server.store.org(org.id)!;
    for (const pending of h.server.store.unapprovedSystems(org.id)) h.server.store.declineSystem(state, pending.systemId);
    // The view's badge has loaded every organisation's pending count already: the change made
    // on the server shows after a refresh, as it would for the user.
    await vscode.commands.executeCommand('enclave.refresh', await h.orgNode(org.properties.name));
    const rows = await h.children(await h.orgNode(org.properties.name));
    assert.deepStrictEqual(rows.map((r) => (r.type === 'list' ? r.kind : r.id)), ['systems', 'enrolmentKeys']);
  });

  it('labels systems by state and platform, disabled ones visible and marked', async () => {
    const org = orgs()[0];
    const state = h.server.store.org(org.id)!;
    const systems = h.server.store.systems(org.id);
    const first = [...systems].sort((a, b) => (a.description || a.hostname || a.systemId).toLowerCase().localeCompare((b.description || b.hostname || b.systemId).toLowerCase()));
    h.server.store.setSystemEnabled(state, first[1], false);
    h.server.store.changed(state);
    await vscode.commands.executeCommand('enclave.refresh', await list(0, 'systems'));
    const rows = (await h.children(await list(0, 'systems'))).filter((r): r is Node<'system'> => r.type === 'system');
    assert.strictEqual(rows.length, 50, 'the first page');
    const seen = new Set<string>();
    for (const row of rows) {
      const s = h.server.store.system(org.id, row.system.systemId)!;
      const tree = await item(row);
      assert.strictEqual(tree.id, nodeId.system(org.id, s.systemId));
      assert.strictEqual(tree.label, s.description || s.hostname || s.systemId);
      const stateText = !s.isEnabled ? 'Disabled' : s.state;
      assert.ok(String(tree.description).startsWith(stateText), `${tree.description} should start with ${stateText}`);
      assert.strictEqual(tree.contextValue, s.isEnabled ? 'system.enabled' : 'system.disabled');
      const icon = (tree.iconPath as vscode.ThemeIcon).id;
      assert.strictEqual(icon, !s.isEnabled ? 'circle-slash' : s.state === 'Connected' ? 'vm-active' : 'vm-outline');
      seen.add(stateText);
    }
    assert.ok(seen.has('Disabled') && seen.has('Connected'), `states seen: ${[...seen].join(', ')}`);
  });

  it('escapes API text in tooltips: no bold, no HTML, no command: link', async () => {
    const org = orgs()[1];
    const state = h.server.store.org(org.id)!;
    const target = h.server.store.systems(org.id)[0];
    h.server.store.updateSystem(state, target, { description: HOSTILE, tags: [] });
    const node = await list(1, 'systems');
    await vscode.commands.executeCommand('enclave.refresh', node);
    const rows = await h.children(node);
    const row = rows.find((r): r is Node<'system'> => r.type === 'system' && r.system.systemId === target.systemId);
    assert.ok(row, 'the system with the hostile description is on the first page');
    const tree = await item(row);
    assert.strictEqual(tree.label, HOSTILE, 'labels are plain text and shown as typed');
    const tooltip = tree.tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.ok(!tooltip.isTrusted, 'tooltip is trusted');
    assert.ok(!tooltip.supportHtml, 'tooltip renders HTML');
    assert.ok(tooltip.value.includes('\\*\\*bold\\*\\* \\<img src\\=x\\> \\[x\\]\\(command\\:workbench\\.action\\.quit\\)'), tooltip.value);
    assert.ok(!/(^|[^\\])\*\*bold/.test(tooltip.value), 'bold survives');
    assert.ok(!/(^|[^\\])<img/.test(tooltip.value), 'an img tag survives');
    assert.ok(!tooltip.value.includes('command:'), 'a command: link survives');
  });

  it('shows enrolment keys with state, uses and menus, never the secret', async () => {
    const org = orgs()[0];
    const state = h.server.store.org(org.id)!;
    const keys = h.server.store.keys(org.id);
    h.server.store.updateKey(state, keys[0], { isEnabled: false });
    await vscode.commands.executeCommand('enclave.refresh', await list(0, 'enrolmentKeys'));
    const rows = (await h.children(await list(0, 'enrolmentKeys'))).filter((r): r is Node<'key'> => r.type === 'key');
    assert.strictEqual(rows.length, keys.length, 'disabled keys are listed too');
    const contexts = new Set<string>();
    for (const row of rows) {
      const k = h.server.store.key(org.id, row.key.id)!;
      const tree = await item(row);
      assert.strictEqual(tree.label, k.description);
      const expected = !k.isEnabled ? 'key.disabled' : k.usesRemaining === 0 ? 'key.enabled.nouses' : 'key.enabled';
      assert.strictEqual(tree.contextValue, expected);
      // A time-boxed key ends with its remaining time (time-boxed access); the uses come before it.
      const timed = / · (disables|deleted) in \S+ (min|h|d)$/;
      if (k.autoExpire && (k.isEnabled || k.autoExpire.expiryAction === 'Delete')) assert.match(String(tree.description), timed);
      const description = String(tree.description).replace(timed, '');
      if (!k.isEnabled) assert.ok(description.startsWith('Disabled · '), description);
      else if (k.usesRemaining < 0) assert.ok(description.endsWith('unlimited uses'), description);
      else if (k.usesRemaining > 0) assert.match(description, / uses? left$/);
      const shown = JSON.stringify({ label: tree.label, description: tree.description, tooltip: (tree.tooltip as vscode.MarkdownString).value });
      assert.ok(!shown.includes(k.key), `the secret of key ${k.id} is shown`);
      contexts.add(expected);
    }
    assert.ok(contexts.has('key.disabled') && contexts.has('key.enabled'));
  });

  it('shows pending systems with how long they have waited and their key', async () => {
    const rows = (await h.children(await list(0, 'pending'))).filter((r): r is Node<'pending'> => r.type === 'pending');
    assert.strictEqual(rows.length, h.server.store.unapprovedSystems(orgs()[0].id).length);
    for (const row of rows) {
      const tree = await item(row);
      assert.strictEqual(tree.contextValue, 'pending');
      assert.match(String(tree.description), /^waiting .+ · key .+/);
      assert.strictEqual(tree.label, row.system.description || row.system.hostname || row.system.systemId);
    }
  });

  it('loads the next page with "Load more…"', async () => {
    const org = orgs()[0];
    const total = h.server.store.systems(org.id).length;
    const node = await list(0, 'systems');
    const before = await h.children(node);
    const more = before.at(-1) as Node<'loadMore'>;
    assert.strictEqual(more.type, 'loadMore');
    const moreItem = await item(more);
    assert.strictEqual(moreItem.label, `Load more… (50 of ${total} shown)`);
    assert.strictEqual(moreItem.command?.command, 'enclave.loadMore');
    h.server.clearRequests();
    await vscode.commands.executeCommand(moreItem.command.command, ...(moreItem.command.arguments ?? []));
    const after = await waitFor('the second page', async () => {
      const rows = (await h.api.tree.getChildren(node)) ?? [];
      return rows.filter((r) => r.type === 'system').length === total ? rows : undefined;
    });
    assert.ok(!after.some((r) => r.type === 'loadMore'), 'no "Load more" once everything is shown');
    assert.deepStrictEqual(after.slice(0, 50).map((r) => r.id), before.slice(0, 50).map((r) => r.id), 'the first page stays in place');
    const requests = h.requests('GET', new RegExp(`^/org/${org.id}/systems$`));
    assert.deepStrictEqual(requests.map((r) => [r.query.page, r.query.per_page]), [['1', '50']]);
    assert.strictEqual(new Set(after.map((r) => r.id)).size, after.length, 'ids are unique');
  });

  it('makes one request for two concurrent expansions of the same list', async () => {
    const org = orgs()[1];
    const lists = await h.children(await h.orgNode(org.properties.name));
    const keys = lists.find((r): r is Node<'list'> => r.type === 'list' && r.kind === 'enrolmentKeys')!;
    h.server.clearRequests();
    // Slower than the brief wait for a first page: both answer "Loading…" meanwhile.
    h.server.injectFault({ kind: 'delay', ms: 1_500 }, { path: `/org/${org.id}/enrolment-keys$` });
    const [a, b] = await Promise.all([h.api.tree.getChildren(keys), h.api.tree.getChildren(keys)]);
    assert.strictEqual(a?.[0]?.type === 'message' && a[0].severity, 'loading');
    assert.strictEqual(b?.[0]?.type === 'message' && b[0].severity, 'loading');
    const rows = await h.children(keys);
    assert.strictEqual(rows.filter((r) => r.type === 'key').length, h.server.store.keys(org.id).length);
    assert.strictEqual(h.requests('GET', new RegExp(`^/org/${org.id}/enrolment-keys$`)).length, 1);
  });

  it('answers a first expansion with the rows when the first page comes quickly, not with "Loading…"', async () => {
    // VS Code answers a refresh asked for during a children fetch with that fetch's result: a
    // "Loading…" answer overtaken by a fast page would stay on screen. The first answer has the rows.
    // Signing in afresh empties the store: the list has not been loaded yet.
    await h.signOut();
    await h.signIn(h.server.token);
    const org = orgs()[2];
    const lists = await h.children(await h.orgNode(org.properties.name));
    const systems = lists.find((r): r is Node<'list'> => r.type === 'list' && r.kind === 'systems')!;
    h.server.injectFault({ kind: 'delay', ms: 50 }, { path: `/org/${org.id}/systems$` });
    const first = (await h.api.tree.getChildren(systems)) ?? [];
    assert.strictEqual(first.filter((r) => r.type === 'system').length, Math.min(50, h.server.store.systems(org.id).length));
    assert.ok(!first.some((r) => r.type === 'message'), `first answer: ${first.map((r) => r.type).join(', ')}`);
  });

  it('can reveal a key by its node (getParent walks up to its organisation)', async () => {
    const org = orgs()[0];
    const key = h.server.store.keys(org.id)[3];
    await h.children(await list(0, 'enrolmentKeys'));
    const node: Node<'key'> = { type: 'key', id: nodeId.key(org.id, key.id), orgId: org.id, key };
    await vscode.commands.executeCommand('enclave.networks.focus');
    await h.api.commandContext.reveal(node);
    const selected = h.api.commandContext.selection();
    assert.deepStrictEqual(selected.map((n) => n.id), [node.id]);
  });
});
