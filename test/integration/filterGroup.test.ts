// Search, filter and grouping in the real extension host against the local server: the filter
// box completes keys and values from the API's search keys and checks what is typed, the filter
// runs server-side, shows on the list and is remembered per organisation; one click clears it;
// "show disabled" toggles include_disabled; Systems group by state, platform, tag or key, each
// group its own server-side query, remembered per workspace.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveSystem } from '../../src/api/types';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, orgSuite, waitFor } from './support/harness';

type Node<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

describe('search, filter and grouping', function () {
  this.timeout(60_000);
  let h: Harness, org: Node<'org'>;
  orgSuite((suite) => ({ h, org } = suite));
  afterEach(async () => {
    for (const kind of ['systems', 'enrolmentKeys', 'pending'] as const) await h.api.store.setFilter(org.org.orgId, kind, undefined);
    h.api.store.setGrouping(undefined);
  });

  const serverSystems = (): EnclaveSystem[] => [...h.server.store.org(org.org.orgId)!.systems.values()];
  const systemsList = async (): Promise<Node<'list'>> => {
    const list = (await h.children(org)).find((n): n is Node<'list'> => n.type === 'list' && n.kind === 'systems');
    assert.ok(list, 'no Systems row');
    return list;
  };
  const rowsOf = async (node: EnclaveNode): Promise<EnclaveNode[]> => h.children(node);
  const systemIds = (rows: EnclaveNode[]): string[] => rows.filter((r): r is Node<'system'> => r.type === 'system').map((r) => r.system.systemId);
  const item = (node: EnclaveNode) => Promise.resolve(h.api.tree.getTreeItem(node));

  it('completes keys and values from the search keys, checks as typed, and filters server-side', async () => {
    const list = await systemsList();
    h.prompter.answerSearch('colour:red', 'state:', 'state:connected');
    await vscode.commands.executeCommand('enclave.filterList', list, [list]);
    const asked = h.prompter.searches[0];
    assert.ok(asked, 'the filter box was shown');
    // Completion: what the box offers while typing.
    assert.deepStrictEqual(asked.options.suggest('sta').map((i) => i.label), ['state:']);
    assert.deepStrictEqual(asked.options.suggest('state:dis').map((i) => i.label), ['state:disconnected', 'state:disabled']);
    assert.ok(asked.options.suggest('').some((i) => i.label === 'tags:'), 'every key is offered on an empty box');
    assert.match(asked.tried[0].validation ?? '', /Unknown search key 'colour'\. Known keys: .*state/);
    assert.match(asked.tried[1].validation ?? '', /'state:' needs a value/);
    assert.strictEqual(asked.tried[2].validation, undefined);
    assert.ok(h.requests('GET', /\/systems\/meta\/search-keys$/).length === 1, 'the keys come from the API');

    const expected = serverSystems().filter((s) => s.state === 'Connected').map((s) => s.systemId).sort();
    const rows = await waitFor('the filtered rows', async () => {
      const r = await rowsOf(list);
      return r.some((n) => n.type === 'message' && n.severity === 'loading') ? undefined : r;
    });
    const shown = systemIds(rows);
    assert.ok(shown.length > 0 && shown.every((id) => expected.includes(id)), 'only connected systems');
    const sent = h.requests('GET', /\/systems$/).at(-1);
    assert.strictEqual(sent?.query.search, 'state:connected', 'the filter runs on the server');
    const tree = await item(list);
    assert.match(String(tree.description), /filter: state:connected/);
    assert.match(String(tree.description), new RegExp(`^${expected.length}\\b`), 'the total is the filtered total');
    assert.match(String(tree.contextValue), /^list\.systems\.filtered/);
  });

  it('remembers the filter per organisation, and clears it with one click', async () => {
    const list = await systemsList();
    h.prompter.answerSearch('os:linux');
    await vscode.commands.executeCommand('enclave.filterList', list, [list]);
    // globalState is written through; its own copy may briefly show an earlier write coming back
    // from storage (the extension answers from its own copy, so the list is right meanwhile).
    const remembered = () => (h.api.commandContext.extension.globalState.get<Record<string, { search: string }>>('enclave.filters') ?? {})[`${org.org.orgId}/systems`]?.search;
    await waitFor('the filter in globalState', () => remembered() === 'os:linux');
    assert.strictEqual(h.api.store.filter(org.org.orgId, 'systems').search, 'os:linux');
    // Another organisation's Systems list is not filtered.
    const other = h.server.store.orgs.find((o) => o.id !== org.org.orgId)!;
    assert.deepStrictEqual(h.api.store.filter(other.id, 'systems'), { search: '', showDisabled: true });

    await vscode.commands.executeCommand('enclave.clearFilter', list, [list]);
    await waitFor('the unfiltered list', async () => systemIds(await rowsOf(list)).length === Math.min(50, serverSystems().length));
    assert.strictEqual(h.requests('GET', /\/systems$/).at(-1)?.query.search, undefined);
    await waitFor('the cleared filter in globalState', () => remembered() === undefined);
    assert.doesNotMatch(String((await item(list)).description), /filter/);
  });

  it('says when nothing matches, and a filter the API refuses is reported with Edit Again keeping the text', async () => {
    const list = await systemsList();
    h.prompter.answerSearch('no-such-system-anywhere');
    await vscode.commands.executeCommand('enclave.filterList', list, [list]);
    const rows = await rowsOf(list);
    assert.deepStrictEqual(rows.map((r) => r.type === 'message' && r.text), ['No systems match the filter']);

    // The box cannot know every rule (a version needs a comparison the server checks): the API has the last word.
    h.server.injectFault({ kind: 'error', status: 400 }, { method: 'GET', path: /\/systems$/, count: 1 });
    h.prompter.reset();
    h.prompter.answerSearch('state:connected').answerError('Edit Again').answerSearch(undefined);
    await vscode.commands.executeCommand('enclave.filterList', list, [list]);
    const error = h.prompter.messagesOf('error')[0];
    assert.ok(error, 'the refusal was reported');
    assert.match(error.message, /^The filter 'state:connected' was refused/);
    assert.strictEqual(h.prompter.searches[1]?.options.value, 'state:connected', 'Edit Again reopens the box with the text');
  });

  it('keeps Pending approval, and its Clear Filter, when its filter matches nothing', async () => {
    const pendingRow = async () => (await h.children(org)).find((n): n is Node<'list'> => n.type === 'list' && n.kind === 'pending');
    const list = await pendingRow();
    assert.ok(list, 'something waits for approval in the seed');
    h.prompter.answerSearch('no-such-pending-system');
    await vscode.commands.executeCommand('enclave.filterList', list, [list]);
    assert.deepStrictEqual((await rowsOf(list)).map((r) => r.type === 'message' && r.text), ['No systems waiting for approval match the filter']);
    const still = await waitFor('the Pending approval row, filtered', async () => {
      const row = await pendingRow();
      return row && /filter/.test(String((await item(row)).description)) ? row : undefined;
    });
    assert.match(String((await item(still)).contextValue), /^list\.pending\.filtered/);
  });

  it('hides and shows disabled systems (include_disabled)', async () => {
    const list = await systemsList();
    await vscode.commands.executeCommand('enclave.hideDisabled', list, [list]);
    assert.strictEqual(h.requests('GET', /\/systems$/).at(-1)?.query.include_disabled, undefined);
    const rows = await rowsOf(list);
    assert.ok(rows.filter((r): r is Node<'system'> => r.type === 'system').every((r) => r.system.isEnabled), 'no disabled system listed');
    assert.match(String((await item(list)).contextValue), /enabledOnly/);
    await vscode.commands.executeCommand('enclave.showDisabled', list, [list]);
    assert.strictEqual(h.requests('GET', /\/systems$/).at(-1)?.query.include_disabled, 'true');
  });

  it('groups Systems by state: one server-side query per group, remembered per workspace', async () => {
    h.prompter.answerPick('State');
    await vscode.commands.executeCommand('enclave.groupSystems');
    assert.strictEqual(h.api.store.grouping(), 'state');
    // Written through to workspaceState, which may briefly show an earlier write coming back.
    await waitFor('the grouping in workspaceState', () => h.api.commandContext.extension.workspaceState.get('enclave.grouping') === 'state');
    const list = await systemsList();
    const groups = (await rowsOf(list)).filter((r): r is Node<'group'> => r.type === 'group');
    assert.deepStrictEqual(groups.map((g) => g.group.label), ['Connected', 'Disconnected', 'Disabled']);
    h.server.clearRequests();
    const disconnected = groups[1];
    const rows = await rowsOf(disconnected);
    const expected = serverSystems().filter((s) => s.state === 'Disconnected').map((s) => s.systemId);
    assert.ok(systemIds(rows).length > 0 && systemIds(rows).every((id) => expected.includes(id)));
    assert.deepStrictEqual(h.requests('GET', /\/systems$/).map((r) => r.query.search), ['state:disconnected'], 'one request, for the group expanded');
    assert.match(String((await item(disconnected)).description), new RegExp(`^${expected.length}$`));
    // Rows under a group have ids of their own and walk up to the group.
    assert.ok(rows[0].id.startsWith(`${disconnected.id}/`));
  });

  it('groups by tag and by enrolment key from the API, combined with the filter', async () => {
    h.prompter.answerPick('Tag');
    await vscode.commands.executeCommand('enclave.groupSystems');
    const list = await systemsList();
    const tagGroups = (await rowsOf(list)).filter((r): r is Node<'group'> => r.type === 'group');
    const used = new Set(serverSystems().flatMap((s) => s.tags.map((t) => t.tag)));
    assert.deepStrictEqual(tagGroups.map((g) => g.group.label).sort(), [...used].sort());
    const first = tagGroups[0];
    const tagged = serverSystems().filter((s) => s.tags.some((t) => t.tag === first.group.label));
    assert.strictEqual((await item(first)).description, String(tagged.length), 'the count the tags list gave');
    await h.api.store.setFilter(org.org.orgId, 'systems', { search: 'state:connected', showDisabled: true });
    h.server.clearRequests();
    await rowsOf(first);
    assert.strictEqual(h.requests('GET', /\/systems$/).at(-1)?.query.search, `state:connected tags:${first.group.label}`);

    h.prompter.answerPick('Enrolment key');
    await vscode.commands.executeCommand('enclave.groupSystems');
    const keyGroups = (await rowsOf(await systemsList())).filter((r): r is Node<'group'> => r.type === 'group');
    assert.ok(keyGroups.length > 0);
    h.server.clearRequests();
    await rowsOf(keyGroups[0]);
    assert.strictEqual(h.requests('GET', /\/systems$/).at(-1)?.query.enrolment_key, String(keyGroups[0].group.enrolmentKey));

    h.prompter.answerPick('Not grouped');
    await vscode.commands.executeCommand('enclave.groupSystems');
    assert.ok((await rowsOf(await systemsList())).every((r) => r.type !== 'group'));
  });
});
