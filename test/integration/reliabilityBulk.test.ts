// Bulk actions in the real extension host against the local server: a full count costs the bulk
// call and the list reload only; a count lower than the IDs sent is explained by reading the items
// back after the call, naming only what that proves and counting the rest, never claiming success
// for all. (A change made elsewhere to an item the tree still shows in its old state cannot be
// told apart afterwards from this call's own change: it is counted.)
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, orgSuite, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

describe('reliability: bulk actions the server only partly applied', () => {
  let h: Harness, org: Of<'org'>, orgId: string;
  orgSuite((suite) => ({ h, org, orgId } = suite));

  const rows = <T extends 'system' | 'key' | 'pending'>(type: T): Promise<Of<T>[]> => h.entityRows(org, type, true);
  const label = (n: Of<'system'> | Of<'pending'>) => n.system.description || n.system.hostname || n.system.systemId;
  const infos = () => h.prompter.messagesOf('info').map((m) => m.message);
  const sent = () => h.server.requests.map((r) => `${r.method} ${r.path}`);

  it('a bulk action where every item changes sends the bulk call and the list reload, and nothing else', async () => {
    const store = h.server.store;
    const three = store.keys(orgId).slice(4, 7);
    for (const key of three) store.setKeyEnabled(store.org(orgId)!, key, false);
    const selection = (await rows('key')).filter((n) => three.some((k) => k.id === n.key.id));
    assert.strictEqual(selection.length, 3);
    h.server.clearRequests();

    await vscode.commands.executeCommand('enclave.enableEnrolmentKey', selection[0], selection);
    assert.deepStrictEqual(infos(), ['Enabled 3 enrolment keys.']);
    // No read of each key before (or after) the call: the rows already said they were disabled.
    assert.deepStrictEqual(sent(), [`PUT /org/${orgId}/enrolment-keys/enable`, `GET /org/${orgId}/enrolment-keys`]);
  });

  it('enable: names the key deleted elsewhere; the key enabled elsewhere meanwhile is counted, as it reads back like one this call enabled', async () => {
    const store = h.server.store;
    const four = store.keys(orgId).slice(0, 4);
    for (const key of four) store.setKeyEnabled(store.org(orgId)!, key, false);
    const selection = (await rows('key')).filter((n) => four.some((k) => k.id === n.key.id));
    assert.strictEqual(selection.length, 4);
    // Behind the tree's back: one enabled in the portal, one deleted.
    store.setKeyEnabled(store.org(orgId)!, store.key(orgId, selection[1].key.id)!, true);
    store.deleteKey(store.org(orgId)!, selection[3].key.id);

    await vscode.commands.executeCommand('enclave.enableEnrolmentKey', selection[0], selection);
    const [put] = h.requests('PUT');
    assert.deepStrictEqual(put.body, { keyIds: selection.map((n) => n.key.id) }, 'every ID is still sent: the server decides');
    // Read only because the count came back short: after the call, one GET per key sent.
    const log = sent();
    const reads = log.filter((r) => /^GET .*\/enrolment-keys\/\d+$/.test(r));
    assert.strictEqual(log.findIndex((r) => reads.includes(r)) > log.indexOf(`PUT /org/${orgId}/enrolment-keys/enable`), true, 'nothing read before the call');
    assert.deepStrictEqual(reads.sort(), selection.map((n) => `GET /org/${orgId}/enrolment-keys/${n.key.id}`).sort());
    assert.deepStrictEqual(infos(), [
      `Enabled 2 of 4 enrolment keys; '${selection[3].key.description}' no longer exists; 1 more did not change.`,
    ]);
    await waitFor('the deleted key to leave the tree', async () => !(await rows('key')).some((n) => n.id === selection[3].id));
  });

  it('revoke: systems already revoked elsewhere are counted while the server revoked some (gone reads the same either way)', async () => {
    const three = (await rows('system')).slice(0, 3);
    h.server.store.revokeSystem(h.server.store.org(orgId)!, three[0].system.systemId);
    h.server.store.revokeSystem(h.server.store.org(orgId)!, three[2].system.systemId);
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.revokeSystem', three[1], three);
    assert.deepStrictEqual(infos(), ['Revoked 1 of 3 systems; 2 were not revoked (already revoked or gone).']);
  });

  it('revoke: when the server revoked none, every system found gone is named', async () => {
    const two = (await rows('system')).slice(0, 2);
    for (const n of two) h.server.store.revokeSystem(h.server.store.org(orgId)!, n.system.systemId);
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.revokeSystem', two[0], two);
    assert.deepStrictEqual(infos(), [`Revoked none of the 2 systems: '${label(two[0])}' and '${label(two[1])}' no longer exist.`]);
  });

  it('approve: a system approved elsewhere is counted while the server approved the other', async () => {
    const waiting = await rows('pending');
    assert.ok(waiting.length >= 2);
    const two = waiting.slice(0, 2);
    h.server.store.approveSystem(h.server.store.org(orgId)!, two[0].system.systemId);
    await vscode.commands.executeCommand('enclave.approveSystem', two[1], two);
    assert.deepStrictEqual(infos(), ['Approved 1 of 2 systems; 1 was not approved (already approved or gone).']);
  });

  it('counts what changed elsewhere while the call was on its way, rather than claiming it', async function () {
    this.timeout(20_000);
    const store = h.server.store;
    const two = store.systems(orgId).filter((s) => s.isEnabled).slice(0, 2);
    for (const s of two) store.setSystemEnabled(store.org(orgId)!, s, false);
    const selection = (await rows('system')).filter((n) => two.some((s) => s.systemId === n.system.systemId));
    // The bulk call is held on the server; meanwhile one of the systems is enabled in the portal.
    h.server.injectFault({ kind: 'delay', ms: 800 }, { method: 'PUT', path: `^/org/${orgId}/systems/enable$` });
    const done = vscode.commands.executeCommand('enclave.enableSystem', selection[0], selection);
    await waitFor('the bulk call to arrive', () => h.requests('PUT').length === 1);
    store.setSystemEnabled(store.org(orgId)!, store.system(orgId, selection[0].system.systemId)!, true);
    await done;
    assert.deepStrictEqual(infos(), ['Enabled 1 of 2 systems; 1 did not change.'], 'counted, since it cannot be named');
  });
});
