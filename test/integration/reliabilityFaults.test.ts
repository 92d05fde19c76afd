// Server and network faults while the tree loads, in the real extension host against the local
// server's fault injection: 5xx (also as a proxy's HTML page), connection refused, a connection
// reset mid-body, a server that never answers, malformed JSON and JSON of the wrong shape. The
// tree degrades to rows that say what happened in words — never a crash, never a raw parse
// error or an HTML page — and comes back by itself or on Retry.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

/** Text that must never reach a row: markup, parser messages, placeholders of missing values. */
const RAW = /<html|<center|\bnginx\b|SyntaxError|Unexpected token|JSON\.parse|is not valid JSON|\bundefined\b|\bNaN\b|\bnull\b|\[object Object\]/;

describe('reliability: server and network faults in the tree', () => {
  let h: Harness;
  let orgId: string;
  let host: string;

  beforeEach(async () => {
    h = await Harness.start({ proxy: true });
    orgId = h.server.store.orgs[0].id;
    host = new URL(h.url).host;
  });
  afterEach(async () => {
    h.api.session.setRecoveryTiming(undefined);
    h.api.session.useClientOptions({});
    await h.stop();
  });

  async function systemsRow(): Promise<Of<'list'>> {
    const org = await h.orgNode(h.server.store.orgs[0].properties.name);
    return (await h.children(org)).find((n): n is Of<'list'> => n.type === 'list' && n.kind === 'systems')!;
  }
  const onlyRow = async (row: Of<'list'>, timeoutMs?: number): Promise<Of<'message'>> => {
    const rows = await h.children(row, timeoutMs);
    assert.strictEqual(rows.length, 1, JSON.stringify(rows.map((r) => r.id)));
    assert.strictEqual(rows[0].type, 'message');
    return rows[0] as Of<'message'>;
  };
  async function assertReadable(rows: readonly EnclaveNode[]): Promise<void> {
    for (const row of rows) {
      const item = await h.api.tree.getTreeItem(row);
      const texts = [item.label, item.description, (item.tooltip as vscode.MarkdownString | undefined)?.value].map((t) => (typeof t === 'object' ? JSON.stringify(t) : String(t ?? '')));
      for (const text of texts) assert.doesNotMatch(text, RAW, `${row.id}: ${text}`);
    }
  }
  const systemsPath = () => `^/org/${orgId}/systems$`;

  for (const [status, body] of [[500, 'problem'], [502, 'html'], [503, 'html'], [504, 'html']] as const) {
    it(`HTTP ${status} (${body} body, every retry too): an error row in words, Retry recovers it`, async function () {
      this.timeout(20_000);
      const row = await systemsRow();
      h.server.injectFault({ kind: 'error', status, body }, { method: 'GET', path: systemsPath(), count: 4 });
      const error = await onlyRow(row);
      assert.strictEqual(error.text, `Could not load systems: the Enclave API at ${host} had a problem (HTTP ${status}) — try again shortly`);
      await assertReadable([error]);
      // 500 is not retried (a server bug answers the same); 502/503/504 are, up to three times.
      assert.strictEqual(h.requests('GET', new RegExp(systemsPath())).length, status === 500 ? 1 : 4);
      assert.deepStrictEqual(h.prompter.messages, [], 'a failed list shows no pop-up');
      h.server.clearFaults();
      const item = await h.api.tree.getTreeItem(error);
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      assert.strictEqual((await h.children(row)).filter((n) => n.type === 'system').length, 50);
      await h.waitForState('connected');
    });
  }

  it('a single 502 from a proxy is retried out of sight: the list simply loads', async () => {
    const row = await systemsRow();
    h.server.injectFault({ kind: 'error', status: 502 }, { method: 'GET', path: systemsPath() });
    assert.strictEqual((await h.children(row)).filter((n) => n.type === 'system').length, 50);
    assert.deepStrictEqual(h.requests('GET', new RegExp(systemsPath())).map((r) => r.status), [502, 200]);
  });

  it('connection refused: the root says offline, keeps the organisations, and recovers by itself', async function () {
    this.timeout(30_000);
    // Recover within a second instead of 5 s, so the test stays short.
    h.api.session.setRecoveryTiming({ firstDelayMs: 300, maxDelayMs: 1_000 });
    const row = await systemsRow();
    await h.proxy!.stop();
    const error = await onlyRow(row, 15_000);
    assert.strictEqual(error.text, `Could not load systems: the Enclave API at ${host} could not be reached`);
    await h.waitForState('unreachable');
    const root = await h.children();
    assert.strictEqual(root[0].type === 'message' && root[0].text, `Enclave is offline: the Enclave API at ${host} could not be reached`);
    assert.strictEqual(root.filter((n) => n.type === 'org').length, 3, 'the organisations stay listed');
    await assertReadable([error, ...root]);
    await h.proxy!.restart();
    await h.waitForState('connected', 15_000);
    // Back by itself: the failed list is fetched again without a click.
    await waitFor('the systems back', async () => ((await h.api.tree.getChildren(row)) ?? []).filter((n) => n.type === 'system').length === 50, 15_000);
  });

  it('a connection reset halfway through the body is retried (a GET is safe to repeat)', async () => {
    const row = await systemsRow();
    h.server.injectFault({ kind: 'reset', partial: true }, { method: 'GET', path: systemsPath() });
    assert.strictEqual((await h.children(row)).filter((n) => n.type === 'system').length, 50);
    assert.deepStrictEqual(h.requests('GET', new RegExp(systemsPath())).map((r) => r.fault ?? r.status), ['reset', 200]);
  });

  it('a server that accepts and never answers times out, is retried, and ends in an error row', async function () {
    this.timeout(30_000);
    h.api.session.useClientOptions({ timeouts: { headersMs: 700, bodyMs: 700 }, retry: { baseDelayMs: 50, maxDelayMs: 100 } });
    const row = await systemsRow();
    h.server.injectFault({ kind: 'stall' }, { method: 'GET', path: systemsPath() });
    assert.strictEqual((await h.children(row)).filter((n) => n.type === 'system').length, 50, 'one stall: the retry answers');
    assert.deepStrictEqual(h.requests('GET', new RegExp(systemsPath())).map((r) => r.fault ?? r.status), ['stall', 200]);

    h.server.clearRequests();
    h.server.injectFault({ kind: 'stall', afterHeaders: true }, { method: 'GET', path: systemsPath(), count: 4 });
    await vscode.commands.executeCommand('enclave.refresh', row);
    const rows = await h.children(row, 15_000);
    const error = rows[0] as Of<'message'>;
    assert.strictEqual(error.type, 'message');
    assert.strictEqual(error.text, `Could not load systems: the Enclave API at ${host} did not answer in time`);
    assert.strictEqual(rows.filter((n) => n.type === 'system').length, 50, 'the rows already shown stay, under the error');
    assert.strictEqual(h.requests('GET', new RegExp(systemsPath())).length, 4);
    await assertReadable(rows);
  });

  it('malformed JSON: one sentence, no parser message, not retried, the session stays connected', async () => {
    const row = await systemsRow();
    h.server.injectFault({ kind: 'malformedJson' }, { method: 'GET', path: systemsPath() });
    const error = await onlyRow(row);
    assert.strictEqual(error.text, 'Could not load systems: the API sent a response the extension could not read');
    await assertReadable([error]);
    assert.strictEqual(h.requests('GET', new RegExp(systemsPath())).length, 1);
    assert.strictEqual(h.api.session.state.kind, 'connected');
    assert.ok(h.api.logLines().some((l) => l.includes('the body is not valid JSON')), 'the details are in the log');
  });

  it('a list answer without "items": the same clear sentence', async () => {
    const row = await systemsRow();
    h.server.injectFault({ kind: 'wrongShape', body: { metadata: { total: 3, lastPage: 0 }, systems: [] } }, { method: 'GET', path: systemsPath() });
    const error = await onlyRow(row);
    assert.strictEqual(error.text, 'Could not load systems: the API sent a response the extension could not read');
    assert.ok(h.api.logLines().some((l) => l.includes('expected a page with an "items" array')));
  });

  it('items with missing fields and values the extension has never seen: shown as text, menus still right', async () => {
    const row = await systemsRow();
    const items = [
      { systemId: 'QX001', description: 'Quarantined box', isEnabled: true, state: 'Quarantined', platformType: 'Plan9', tags: [] },
      { systemId: 'QX002', hostname: 'no-state' },
      { systemId: 'QX003', description: 'Disabled one', isEnabled: false, state: 'Disabled', platformType: null },
      null,
    ];
    h.server.injectFault({ kind: 'wrongShape', body: { metadata: { lastPage: 0, nextPage: null }, links: {}, items } }, { method: 'GET', path: systemsPath() });
    const rows = await h.children(row);
    assert.deepStrictEqual(rows.map((r) => r.id), ['QX001', 'QX002', 'QX003'].map((id) => `org/${orgId}/systems/${id}`), 'the null is dropped');
    const views = await Promise.all(rows.map((r) => h.api.tree.getTreeItem(r)));
    assert.deepStrictEqual(views.map((v) => [v.label, v.description, v.contextValue]), [
      ['Quarantined box', 'Quarantined · Plan9', 'system.enabled'],
      ['no-state', 'Unknown state', 'system.enabled'],
      ['Disabled one', 'Disabled', 'system.disabled'],
    ]);
    await assertReadable(rows);
    const list = await h.api.tree.getTreeItem(row);
    assert.strictEqual(list.description, '3', 'the total is counted when the page does not give one');
  });

  it('keys and pending systems with unknown values, and an organisation without a name', async () => {
    const org = await h.orgNode(h.server.store.orgs[0].properties.name);
    const keysRow = (await h.children(org)).find((n): n is Of<'list'> => n.type === 'list' && n.kind === 'enrolmentKeys')!;
    const keys = [{ id: 901, description: 'Robots', isEnabled: true, status: 'Suspended', type: 'Robot', approvalMode: 'Quorum', usesRemaining: 'lots' }, { id: 902 }];
    h.server.injectFault({ kind: 'wrongShape', body: { metadata: { lastPage: 0 }, items: keys } }, { method: 'GET', path: `^/org/${orgId}/enrolment-keys$` });
    const keyRows = await h.children(keysRow);
    const keyViews = await Promise.all(keyRows.map((r) => h.api.tree.getTreeItem(r)));
    assert.deepStrictEqual(keyViews.map((v) => [v.label, v.description]), [['Robots', 'Suspended · Robot · Quorum'], ['Enrolment key #902', 'Unknown type · Unknown approval']]);
    await assertReadable(keyRows);

    h.server.injectFault({ kind: 'wrongShape', body: { orgs: [{ orgId: 'nameless-org', role: 'Chief' }, { orgId: orgId, orgName: 'Named', role: 'Owner' }] } }, { method: 'GET', path: '^/account/orgs$' });
    await vscode.commands.executeCommand('enclave.refresh');
    const root = await waitFor('the refreshed organisations', async () => {
      const rows = (await h.children()) ?? [];
      return rows.some((r) => r.id === 'org/nameless-org') ? rows : undefined;
    });
    const views = await Promise.all(root.map((r) => h.api.tree.getTreeItem(r)));
    assert.deepStrictEqual(views.map((v) => [v.label, v.description]), [['Named', 'Owner'], ['nameless-org', 'Chief']]);
    await assertReadable(root);
  });
});
