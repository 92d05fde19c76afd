// Enable / disable / approve / decline / revoke / delete from the tree, in the real extension
// host against the local Enclave-compatible server: what reaches the server (single or bulk
// endpoint, bodies), what the server's state becomes, the modal confirmations, the messages, and
// that the tree follows.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, orgSuite, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

describe('entity actions: enable, disable, approve, decline, revoke, delete', () => {
  let h: Harness, org: Of<'org'>, orgId: string;
  orgSuite((suite) => ({ h, org, orgId } = suite));

  async function list(kind: 'systems' | 'enrolmentKeys' | 'pending'): Promise<EnclaveNode[]> {
    const lists = await h.children(org);
    const node = lists.find((n) => n.type === 'list' && n.kind === kind);
    assert.ok(node, `no ${kind} list under ${org.org.orgName}`);
    return h.children(node);
  }
  const systems = async (enabled: boolean) =>
    (await list('systems')).filter((n): n is Of<'system'> => n.type === 'system' && n.system.isEnabled === enabled);
  const keys = async (enabled: boolean) =>
    (await list('enrolmentKeys')).filter((n): n is Of<'key'> => n.type === 'key' && n.key.isEnabled === enabled);
  const pending = async () => (await list('pending')).filter((n): n is Of<'pending'> => n.type === 'pending');
  const label = (n: Of<'system'> | Of<'pending'>) => n.system.description || n.system.hostname || n.system.systemId;
  const mutations = () => h.server.requests.filter((r) => r.method !== 'GET');
  const infos = () => h.prompter.messagesOf('info').map((m) => m.message);

  it('disables one system after a modal whose button says Disable, through the single endpoint', async () => {
    const [node] = await systems(true);
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.disableSystem', node, [node]);

    const [confirm] = h.prompter.messagesOf('confirm');
    assert.strictEqual(confirm.message, `Disable system '${label(node)}'?`);
    assert.deepStrictEqual(confirm.actions, ['Disable']);
    assert.deepStrictEqual(mutations().map((r) => `${r.method} ${r.path}`), [`PUT /org/${orgId}/systems/${node.system.systemId}/disable`]);
    assert.strictEqual(h.server.store.system(orgId, node.system.systemId)?.isEnabled, false);
    assert.deepStrictEqual(infos(), [`Disabled system '${label(node)}'.`]);
    // The systems list was reloaded: the row is now marked disabled.
    await waitFor('the row to show the system disabled', async () => (await systems(false)).some((n) => n.id === node.id));
    const item = await h.api.tree.getTreeItem((await systems(false)).find((n) => n.id === node.id)!);
    assert.strictEqual(item.contextValue, 'system.disabled');
  });

  it('sends nothing when the confirmation is declined', async () => {
    const [node] = await systems(true);
    h.prompter.answerConfirm(false);
    await vscode.commands.executeCommand('enclave.disableSystem', node, [node]);
    assert.strictEqual(h.prompter.messagesOf('confirm').length, 1);
    assert.deepStrictEqual(mutations(), []);
    assert.strictEqual(h.server.store.system(orgId, node.system.systemId)?.isEnabled, true);
    assert.deepStrictEqual(infos(), []);
  });

  it('disables a selection through the bulk endpoint and reports the server count exactly', async () => {
    const selection = (await systems(true)).slice(0, 3);
    // One of them is disabled behind the tree's back: the server will not count it.
    const changedElsewhere = h.server.store.system(orgId, selection[2].system.systemId)!;
    changedElsewhere.isEnabled = false;
    changedElsewhere.state = 'Disabled';
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.disableSystem', selection[1], selection);

    assert.strictEqual(h.prompter.messagesOf('confirm')[0].message, 'Disable 3 systems?');
    const sent = mutations();
    assert.deepStrictEqual(sent.map((r) => `${r.method} ${r.path}`), [`PUT /org/${orgId}/systems/disable`]);
    assert.deepStrictEqual(sent[0].body, { systemIds: selection.map((n) => n.system.systemId) });
    for (const n of selection) assert.strictEqual(h.server.store.system(orgId, n.system.systemId)?.isEnabled, false);
    // The rows said all three were enabled; after the call all three read back disabled: which one
    // the server skipped cannot be told, so it is counted (bulkCheck.ts), not named.
    assert.deepStrictEqual(infos(), ['Disabled 2 of 3 systems; 1 did not change.']);
  });

  it('acts on the clicked row only when it is not part of the selection', async () => {
    const [a, b] = await systems(false);
    const [other] = await systems(true);
    await vscode.commands.executeCommand('enclave.enableSystem', a, [b, other]);
    assert.deepStrictEqual(mutations().map((r) => r.path), [`/org/${orgId}/systems/${a.system.systemId}/enable`]);
    assert.strictEqual(h.prompter.messagesOf('confirm').length, 0, 'enabling needs no confirmation');
  });

  it('enables several systems with one bulk call and no confirmation', async () => {
    const disabled = (await systems(false)).slice(0, 2);
    assert.strictEqual(disabled.length, 2);
    await vscode.commands.executeCommand('enclave.enableSystem', disabled[0], disabled);
    const sent = mutations();
    assert.deepStrictEqual(sent.map((r) => `${r.method} ${r.path}`), [`PUT /org/${orgId}/systems/enable`]);
    assert.deepStrictEqual(sent[0].body, { systemIds: disabled.map((n) => n.system.systemId) });
    assert.ok(disabled.every((n) => h.server.store.system(orgId, n.system.systemId)?.isEnabled));
    assert.deepStrictEqual(infos(), ['Enabled 2 systems.']);
    assert.strictEqual(h.prompter.messagesOf('confirm').length, 0);
  });

  it('disables and enables enrolment keys (bulk body carries integer key IDs)', async () => {
    const [one] = await keys(true);
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.disableEnrolmentKey', one, [one]);
    assert.strictEqual(h.prompter.messagesOf('confirm')[0].message, `Disable enrolment key '${one.key.description}'?`);
    assert.deepStrictEqual(h.prompter.messagesOf('confirm')[0].actions, ['Disable']);
    assert.strictEqual(h.server.store.key(orgId, one.key.id)?.isEnabled, false);

    h.server.clearRequests();
    const disabled = await waitFor('two disabled keys in the tree', async () => {
      const found = await keys(false);
      return found.length >= 2 ? found.slice(0, 2) : undefined;
    });
    await vscode.commands.executeCommand('enclave.enableEnrolmentKey', disabled[0], disabled);
    const sent = mutations();
    assert.deepStrictEqual(sent.map((r) => `${r.method} ${r.path}`), [`PUT /org/${orgId}/enrolment-keys/enable`]);
    assert.deepStrictEqual(sent[0].body, { keyIds: disabled.map((n) => n.key.id) });
    assert.ok(disabled.every((n) => h.server.store.key(orgId, n.key.id)?.isEnabled));
  });

  it('approves one pending system: it leaves Pending approval and joins Systems', async () => {
    const [node] = await pending();
    const id = node.system.systemId;
    await vscode.commands.executeCommand('enclave.approveSystem', node, [node]);
    assert.deepStrictEqual(mutations().map((r) => `${r.method} ${r.path}`), [`PUT /org/${orgId}/unapproved-systems/${id}/approve`]);
    assert.strictEqual(h.server.store.unapprovedSystem(orgId, id), undefined);
    assert.ok(h.server.store.system(orgId, id), 'the approved system is enrolled');
    assert.deepStrictEqual(infos(), [`Approved system '${label(node)}'.`]);
    await waitFor('the pending row to go', async () => !(await pending()).some((n) => n.id === node.id));
  });

  it('declines after a modal whose button says Decline; approves two with the bulk endpoint', async () => {
    const [first, second, third] = await pending();
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.declineSystem', first, [first]);
    const [confirm] = h.prompter.messagesOf('confirm');
    assert.deepStrictEqual([confirm.message, confirm.actions], [`Decline system '${label(first)}'?`, ['Decline']]);
    assert.deepStrictEqual(mutations().map((r) => `${r.method} ${r.path}`), [`DELETE /org/${orgId}/unapproved-systems/${first.system.systemId}`]);
    assert.strictEqual(h.server.store.unapprovedSystem(orgId, first.system.systemId), undefined);
    assert.strictEqual(h.server.store.system(orgId, first.system.systemId), undefined, 'a declined system is not enrolled');

    h.server.clearRequests();
    await vscode.commands.executeCommand('enclave.approveSystem', second, [second, third]);
    const sent = mutations();
    assert.deepStrictEqual(sent.map((r) => `${r.method} ${r.path}`), [`PUT /org/${orgId}/unapproved-systems/approve`]);
    assert.deepStrictEqual(sent[0].body, { systemIds: [second.system.systemId, third.system.systemId] });
    assert.ok(h.server.store.system(orgId, second.system.systemId) && h.server.store.system(orgId, third.system.systemId));
    assert.deepStrictEqual(infos(), [`Declined system '${label(first)}'.`, 'Approved 2 systems.']);
  });

  it('revokes a system after a modal that says it is permanent and the machine must re-enrol', async () => {
    const [node] = await systems(true);
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.revokeSystem', node, [node]);
    const [confirm] = h.prompter.messagesOf('confirm');
    assert.strictEqual(confirm.message, `Revoke system '${label(node)}'?`);
    assert.deepStrictEqual(confirm.actions, ['Revoke']);
    assert.match(confirm.detail ?? '', /permanent/);
    assert.match(confirm.detail ?? '', /re-enrol/);
    assert.deepStrictEqual(mutations().map((r) => `${r.method} ${r.path}`), [`DELETE /org/${orgId}/systems/${node.system.systemId}`]);
    assert.strictEqual(h.server.store.system(orgId, node.system.systemId), undefined);
    await waitFor('the revoked row to go', async () => !(await list('systems')).some((n) => n.id === node.id));
  });

  it('revokes several systems with one bulk DELETE', async () => {
    const two = (await systems(true)).slice(0, 2);
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.revokeSystem', two[0], two);
    assert.strictEqual(h.prompter.messagesOf('confirm')[0].message, 'Revoke 2 systems?');
    const sent = mutations();
    assert.deepStrictEqual(sent.map((r) => `${r.method} ${r.path}`), [`DELETE /org/${orgId}/systems`]);
    assert.deepStrictEqual(sent[0].body, { systemIds: two.map((n) => n.system.systemId) });
    assert.ok(two.every((n) => h.server.store.system(orgId, n.system.systemId) === undefined));
    assert.deepStrictEqual(infos(), ['Revoked 2 systems.']);
  });

  it('deletes an enrolment key after a modal whose button says Delete', async () => {
    const [node] = await keys(true);
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.deleteEnrolmentKey', node, [node]);
    const [confirm] = h.prompter.messagesOf('confirm');
    assert.deepStrictEqual([confirm.message, confirm.actions], [`Delete enrolment key '${node.key.description}'?`, ['Delete']]);
    assert.deepStrictEqual(mutations().map((r) => `${r.method} ${r.path}`), [`DELETE /org/${orgId}/enrolment-keys/${node.key.id}`]);
    assert.strictEqual(h.server.store.key(orgId, node.key.id), undefined);
    assert.deepStrictEqual(infos(), [`Deleted enrolment key '${node.key.description}'.`]);
    await waitFor('the deleted key row to go', async () => !(await list('enrolmentKeys')).some((n) => n.id === node.id));
  });

  it('says so when the system is already gone, and the tree drops its row', async () => {
    const [node] = await systems(true);
    h.server.store.revokeSystem(h.server.store.org(orgId)!, node.system.systemId); // revoked in the portal meanwhile
    h.prompter.answerConfirm(true).answerError(undefined);
    await vscode.commands.executeCommand('enclave.revokeSystem', node, [node]);
    assert.match(h.prompter.messagesOf('error')[0]?.message ?? '', /could not be revoked: it no longer exists/);
    await waitFor('the vanished row to go', async () => !(await list('systems')).some((n) => n.id === node.id));
  });

  it('from the palette with several organisations, asks for the organisation first', async () => {
    const other = h.server.store.orgs[1];
    const waiting = h.server.store.unapprovedSystems(other.id);
    h.prompter.answerPick(other.properties.name).answerPickMany([label({ system: waiting[0] } as Of<'pending'>)]);
    await vscode.commands.executeCommand('enclave.approveSystem');
    const [orgPick, systemPick] = h.prompter.picks;
    assert.deepStrictEqual([...orgPick.labels].sort(), h.server.store.orgs.map((o) => o.properties.name).sort());
    assert.strictEqual(systemPick.labels.length, waiting.length);
    assert.deepStrictEqual(mutations().map((r) => r.path), [`/org/${other.id}/unapproved-systems/${waiting[0].systemId}/approve`]);
  });

  it('reports a failure once, with Retry that sends the same request again', async () => {
    const [node] = await systems(true);
    // A 409, not a 5xx: a 5xx would also (rightly) put the session offline, which is not under test here.
    h.server.injectFault({ kind: 'error', status: 409 }, { method: 'PUT' });
    h.prompter.answerConfirm(true).answerError('Retry');
    await vscode.commands.executeCommand('enclave.disableSystem', node, [node]);
    const [error] = h.prompter.messagesOf('error');
    assert.match(error.message, new RegExp(`^System '${label(node).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}' could not be disabled: `));
    assert.ok(error.actions.includes('Retry'));
    const path = `/org/${orgId}/systems/${node.system.systemId}/disable`;
    assert.deepStrictEqual(mutations().map((r) => `${r.method} ${r.path} ${r.status}`), [`PUT ${path} 409`, `PUT ${path} 200`]);
    assert.strictEqual(h.server.store.system(orgId, node.system.systemId)?.isEnabled, false);
  });
});
