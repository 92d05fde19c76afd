// Bulk actions whose count comes back lower than the IDs sent, in the real extension host against
// the local server: the message names exactly the items that did not change and why (read back
// from the API), and never claims success for all.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;

describe('reliability: bulk actions the server only partly applied', () => {
  let h: Harness;
  let orgId: string;
  let org: Of<'org'>;

  before(async () => {
    h = await Harness.start();
    org = await h.orgNode(h.server.store.orgs[0].properties.name);
    orgId = org.org.orgId;
  });
  beforeEach(() => {
    h.prompter.reset();
    h.server.clearRequests();
    h.server.clearFaults();
  });
  after(() => h.stop());

  async function rows<T extends 'system' | 'key' | 'pending'>(type: T): Promise<Of<T>[]> {
    const kind = type === 'system' ? 'systems' : type === 'key' ? 'enrolmentKeys' : 'pending';
    const list = (await h.children(org)).find((n) => n.type === 'list' && n.kind === kind)!;
    await vscode.commands.executeCommand('enclave.refresh', list);
    return (await h.children(list)).filter((n): n is Of<T> => n.type === type);
  }
  const label = (n: Of<'system'> | Of<'pending'>) => n.system.description || n.system.hostname || n.system.systemId;
  const infos = () => h.prompter.messagesOf('info').map((m) => m.message);

  it('enable: names the key enabled elsewhere meanwhile and the key deleted elsewhere', async () => {
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
    assert.deepStrictEqual(infos(), [
      `Enabled 2 of 4 enrolment keys; '${selection[1].key.description}' was already enabled; '${selection[3].key.description}' no longer exists.`,
    ]);
    await waitFor('the deleted key to leave the tree', async () => !(await rows('key')).some((n) => n.id === selection[3].id));
  });

  it('revoke: names the systems already revoked elsewhere', async () => {
    const three = (await rows('system')).slice(0, 3);
    h.server.store.revokeSystem(h.server.store.org(orgId)!, three[0].system.systemId);
    h.server.store.revokeSystem(h.server.store.org(orgId)!, three[2].system.systemId);
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.revokeSystem', three[1], three);
    assert.deepStrictEqual(infos(), [`Revoked 1 of 3 systems; '${label(three[0])}' and '${label(three[2])}' no longer exist.`]);
  });

  it('approve: names the system that is no longer waiting (approved or declined elsewhere)', async () => {
    const waiting = await rows('pending');
    assert.ok(waiting.length >= 2);
    const two = waiting.slice(0, 2);
    h.server.store.approveSystem(h.server.store.org(orgId)!, two[0].system.systemId);
    await vscode.commands.executeCommand('enclave.approveSystem', two[1], two);
    assert.deepStrictEqual(infos(), [`Approved 1 of 2 systems; '${label(two[0])}' is no longer waiting for approval.`]);
  });

  it('counts what changed in the moment between reading and sending, rather than claiming it', async function () {
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
