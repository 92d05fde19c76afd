// The Activity view in the real extension host against the local Enclave-compatible server: its
// rows against the server's own log (GET /org/{id}/logs, newest first), load more, the level and
// text filters with their bounded search, a change showing up after refresh, an error row that
// retries, and no request at all while the view was never shown.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { LogEntry } from '../../src/api/types';
import type { ActivityNode } from '../../src/features/activity/nodes';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, waitFor } from './support/harness';

type Of<T extends ActivityNode['type']> = Extract<ActivityNode, { type: T }>;

describe('activity log view', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start();
  });
  beforeEach(async () => {
    h.prompter.reset();
    h.server.clearFaults();
    // Filters belong to the view, which outlives each test: every test starts without one.
    if (h.api.activity.loaded()) await vscode.commands.executeCommand('enclave.clearActivityFilter');
    h.server.clearRequests();
  });
  after(async () => {
    if (h.api.activity.loaded()) await vscode.commands.executeCommand('enclave.clearActivityFilter');
    await h.stop();
  });

  const logRequests = () => h.requests('GET', /\/logs$/);
  const orgIds = () => h.server.store.orgs.map((o) => o.properties.id);

  /** Rows under a node (the root when omitted) once nothing is "Loading…". */
  async function rows(node?: ActivityNode): Promise<ActivityNode[]> {
    return waitFor(`activity rows of ${node?.id ?? 'the root'}`, async () => {
      const children = await h.api.activity.getChildren(node);
      const busy = children.some((r) => (r.type === 'activityMessage' && r.severity === 'loading') || (r.type === 'activityMore' && h.api.activity.getTreeItem(r).label === 'Loading more…'));
      return busy ? undefined : children;
    });
  }
  async function orgRow(orgId: string): Promise<Of<'activityOrg'>> {
    const org = (await rows()).find((r): r is Of<'activityOrg'> => r.type === 'activityOrg' && r.orgId === orgId);
    assert.ok(org, `no activity row for organisation ${orgId}`);
    return org;
  }
  const entries = (children: ActivityNode[]) => children.filter((r): r is Of<'activityEntry'> => r.type === 'activityEntry').map((r) => r.entry);
  const more = (children: ActivityNode[]) => children.find((r): r is Of<'activityMore'> => r.type === 'activityMore');
  const same = (a: readonly LogEntry[], b: readonly LogEntry[]) => assert.deepStrictEqual(a.map((e) => [e.timeStamp, e.message]), b.map((e) => [e.timeStamp, e.message]));

  it('sends no request for the log and loads nothing while the view was never shown', async () => {
    // The Networks view loads as usual; the Activity view is collapsed, so VS Code asks it nothing.
    const org = await h.orgNode(h.server.store.orgs[0].properties.name);
    const lists = await h.children(org);
    await h.children(lists.find((n: EnclaveNode) => n.type === 'list' && n.kind === 'systems'));
    assert.deepStrictEqual(logRequests(), []);
    assert.strictEqual(h.api.activity.loaded(), false, 'the Activity view was loaded without being shown');
  });

  it('shows one row per organisation, and under each the server\'s first page newest first', async () => {
    const roots = await rows();
    assert.deepStrictEqual(roots.map((r) => r.type), orgIds().map(() => 'activityOrg'));
    const [orgId] = orgIds();
    const children = await rows(await orgRow(orgId));
    same(entries(children), h.server.store.logEntries(orgId).slice(0, 50));
    assert.ok(more(children), 'no Load more row');
    const sent = logRequests();
    assert.deepStrictEqual(sent.map((r) => [r.path, r.query.page ?? '0', r.query.per_page]), [[`/org/${orgId}/logs`, '0', '50']]);

    const first = children.find((r): r is Of<'activityEntry'> => r.type === 'activityEntry')!;
    const item = h.api.activity.getTreeItem(first);
    assert.strictEqual(item.label, first.entry.message);
    assert.match(String(item.description), /ago|just now/);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /\*\*Time:\*\*/);
    assert.match(tooltip, /\*\*Level:\*\*/);
  });

  it('appends the next page on Load more', async () => {
    const [orgId] = orgIds();
    const before = await rows(await orgRow(orgId));
    await vscode.commands.executeCommand('enclave.loadMoreActivity', more(before));
    const after = await rows(await orgRow(orgId));
    same(entries(after), h.server.store.logEntries(orgId).slice(0, 100));
    assert.deepStrictEqual(logRequests().map((r) => r.query.page), ['1']);
  });

  it('filters by level: only matching entries, the filter in the description, and "No more entries match" at the end', async () => {
    const [orgId] = orgIds();
    const errors = h.server.store.logEntries(orgId).filter((e) => e.level === 'Error');
    assert.ok(errors.length > 0, 'the seed has no Error entries to filter for');
    h.prompter.answerPickMany(['Error']);
    await vscode.commands.executeCommand('enclave.filterActivityLevel');
    assert.strictEqual(h.api.activity.description(), 'Filtered: Error');
    // Setting the filter searches on (bounded) until a page of errors is shown or the log ends.
    const shown = await rows(await orgRow(orgId));
    assert.ok(entries(shown).every((e) => e.level === 'Error'));
    // The seed has a few hundred entries (under 10 pages) and fewer than 50 errors: all of them, then the end.
    assert.strictEqual(more(shown), undefined, 'the search stopped before the end of the log');
    same(entries(shown), errors);
    assert.strictEqual((shown.at(-1) as Of<'activityMessage'>).text, 'No more entries match');
    // The pick offered the three levels.
    assert.deepStrictEqual(h.prompter.picks[0].labels, ['Information', 'Warning', 'Error']);
  });

  it('filters by text (any case, message/user/IP), and Load more continues to the next matching entries', async () => {
    const orgId = orgIds()[1];
    // 400 new entries, every fourth one with the word: 100 matches over 8 pages, above the seed.
    const start = Date.now() - 400_000;
    for (let i = 0; i < 400; i++) h.server.store.addLogEntry(orgId, { message: i % 4 === 0 ? `Probe NEEDLE ${i}` : `probe ${i}`, timeStamp: start + i * 1000 });
    const needles = h.server.store.logEntries(orgId).filter((e) => e.message.includes('NEEDLE'));
    assert.strictEqual(needles.length, 100);
    await rows(await orgRow(orgId));

    h.prompter.answerInput('a'.repeat(101), 'needle');
    await vscode.commands.executeCommand('enclave.filterActivityText');
    assert.match(h.prompter.inputs[0].tried[0].validation ?? '', /At most 100 characters/);
    assert.strictEqual(h.api.activity.description(), 'Filtered: "needle"');
    const firstFill = await waitFor('50 matches', async () => {
      const children = await rows(await orgRow(orgId));
      return entries(children).length >= 50 ? children : undefined;
    });
    same(entries(firstFill), needles.slice(0, 50));
    assert.strictEqual(h.api.activity.getTreeItem(more(firstFill)!).label, `Load more… (50 matching in 200 of ${h.server.store.logEntries(orgId).length} entries)`);

    h.server.clearRequests();
    await vscode.commands.executeCommand('enclave.loadMoreActivity', more(firstFill));
    const second = await rows(await orgRow(orgId));
    same(entries(second), needles);
    assert.deepStrictEqual(logRequests().map((r) => r.query.page), ['4', '5', '6', '7']);

    // Past the probes only the seed is left: searched to its end (or to the bound), no more needles.
    await vscode.commands.executeCommand('enclave.loadMoreActivity', more(second));
    const third = await rows(await orgRow(orgId));
    same(entries(third), needles);
    assert.ok(logRequests().length <= 4 + 10, 'one click fetched more than 10 pages');
    const tail = third.at(-1)!;
    const tailLabel = String(h.api.activity.getTreeItem(tail).label);
    assert.ok(tailLabel === 'No more entries match' || /^Search further… \(10 pages searched, no new matches\)$/.test(tailLabel), tailLabel);
  });

  it('shows a change made from the Networks view at the top after Refresh Activity', async () => {
    const [orgId] = orgIds();
    const before = entries(await rows(await orgRow(orgId)));
    const org = await h.orgNode(h.server.store.orgs[0].properties.name);
    const systems = await h.children((await h.children(org)).find((n) => n.type === 'list' && n.kind === 'systems'));
    const system = systems.find((n): n is Extract<EnclaveNode, { type: 'system' }> => n.type === 'system' && n.system.isEnabled)!;
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.disableSystem', system, [system]);
    const newest = h.server.store.logEntries(orgId)[0];
    assert.ok(newest.message.includes(system.system.systemId), `the server logged: ${newest.message}`);

    h.server.clearRequests();
    await vscode.commands.executeCommand('enclave.refreshActivity');
    const children = await rows(await orgRow(orgId));
    // The new entry on top, and every entry loaded before kept under it.
    same(entries(children), [newest, ...before]);
    assert.deepStrictEqual(logRequests().filter((r) => r.path === `/org/${orgId}/logs`).map((r) => r.query.page ?? '0'), ['0']);
  });

  it('shows a failure as an error row that retries when clicked', async () => {
    const orgId = orgIds()[2];
    h.server.injectFault({ kind: 'error', status: 409 }, { count: 1, method: 'GET', path: /\/logs$/ });
    const failed = await rows(await orgRow(orgId));
    assert.strictEqual(failed.length, 1);
    const row = failed[0] as Of<'activityMessage'>;
    assert.strictEqual(row.severity, 'error');
    assert.match(row.text, /^Could not load the activity log: /);
    const item = h.api.activity.getTreeItem(row);
    assert.strictEqual(item.command?.command, 'enclave.refreshActivity');

    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const retried = await rows(await orgRow(orgId));
    same(entries(retried), h.server.store.logEntries(orgId).slice(0, 50));
    assert.deepStrictEqual(h.prompter.messages, [], 'no pop-up: the failure is a row');
  });
});

describe('activity log view with one organisation', () => {
  let h: Harness;

  before(async () => {
    h = await Harness.start({ server: { orgs: 1 } });
  });
  after(() => h.stop());

  it('lists the entries at the root (no organisation row), and nothing once signed out', async () => {
    const orgId = h.server.store.orgs[0].properties.id;
    const root = await waitFor('the root entries', async () => {
      const children = await h.api.activity.getChildren();
      return children.some((r) => r.type === 'activityMessage' && r.severity === 'loading') ? undefined : children;
    });
    assert.ok(!root.some((r) => r.type === 'activityOrg'), 'an organisation row with only one organisation');
    const shown = root.filter((r): r is Extract<ActivityNode, { type: 'activityEntry' }> => r.type === 'activityEntry').map((r) => r.entry.message);
    assert.deepStrictEqual(shown, h.server.store.logEntries(orgId).slice(0, 50).map((e) => e.message));
    assert.strictEqual(root.at(-1)?.type, 'activityMore');

    await h.signOut();
    assert.deepStrictEqual(await h.api.activity.getChildren(), []);
  });
});
