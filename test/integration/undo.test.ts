// Undo in the real extension host against the local Enclave-compatible server: the confirmation
// of an enable, disable or edit offers Undo; choosing it sends the opposite call (one item or one
// bulk call) or one PATCH with the earlier values of the edited fields only, asks first when
// someone changed those fields since, reloads what it changed, and fails through the funnel with
// Retry. Approve, decline, revoke and delete offer no Undo.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { Harness, orgSuite, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;
const keep = (o: { value?: string }) => o.value;

describe('undo: enable, disable and edits', () => {
  let h: Harness, org: Of<'org'>, orgId: string;
  orgSuite((suite) => ({ h, org, orgId } = suite));

  const rows = <T extends 'system' | 'key' | 'pending'>(type: T): Promise<Of<T>[]> => h.entityRows(org, type);
  const enabledSystems = async () => (await rows('system')).filter((n) => n.system.isEnabled);
  const label = (n: Of<'system'> | Of<'pending'>) => n.system.description || n.system.hostname || n.system.systemId;
  const mutations = () => h.server.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path} ${r.status}`);
  const infos = () => h.prompter.messagesOf('info');
  /** Waits for the info message that ends an undo (the undo runs after the command returned). */
  const said = (pattern: RegExp) => waitFor(`a message matching ${pattern}`, () => infos().find((m) => pattern.test(m.message)));
  const sysPath = (id: string) => `/org/${orgId}/systems/${id}`;

  it('disable one system, Undo: the single enable call, and the system is enabled again', async () => {
    const [node] = await enabledSystems();
    const id = node.system.systemId;
    h.prompter.answerConfirm(true).answerInfo('Undo');
    await vscode.commands.executeCommand('enclave.disableSystem', node, [node]);

    const done = await said(/again\.$/);
    assert.strictEqual(done.message, `Enabled system '${label(node)}' again.`);
    assert.deepStrictEqual(done.actions, [], 'an undo offers no second undo');
    const [confirmation] = infos();
    assert.deepStrictEqual([confirmation.message, confirmation.actions], [`Disabled system '${label(node)}'.`, ['Undo']]);
    assert.deepStrictEqual(mutations(), [`PUT ${sysPath(id)}/disable 200`, `PUT ${sysPath(id)}/enable 200`]);
    assert.strictEqual(h.server.store.system(orgId, id)?.isEnabled, true);
    assert.strictEqual(h.prompter.messagesOf('confirm').length, 1, 'only the disable asked; undoing asks nothing');
    await waitFor('the row to show the system enabled again', async () => (await rows('system')).find((n) => n.id === node.id)?.system.isEnabled);
  });

  it('bulk disable of 3, Undo: one bulk enable with the same 3 ids, all enabled again', async () => {
    const three = (await enabledSystems()).slice(0, 3);
    const ids = three.map((n) => n.system.systemId);
    h.prompter.answerConfirm(true).answerInfo('Undo');
    await vscode.commands.executeCommand('enclave.disableSystem', three[0], three);

    await said(/^Enabled 3 systems again\.$/);
    assert.deepStrictEqual(infos()[0].message, 'Disabled 3 systems.');
    assert.deepStrictEqual(mutations(), [`PUT /org/${orgId}/systems/disable 200`, `PUT /org/${orgId}/systems/enable 200`]);
    const enable = h.requests('PUT', /\/systems\/enable$/);
    assert.deepStrictEqual(enable.map((r) => r.body), [{ systemIds: ids }]);
    for (const id of ids) assert.strictEqual(h.server.store.system(orgId, id)?.isEnabled, true, `${id} enabled again`);
  });

  it('bulk disable with a short count: Undo leaves out the system the read-back proved unchanged', async () => {
    const three = (await enabledSystems()).slice(0, 3);
    // Enabled in the tree, but the server refuses to disable it (it is gone meanwhile).
    h.server.store.revokeSystem(h.server.store.org(orgId)!, three[2].system.systemId);
    h.prompter.answerConfirm(true).answerInfo('Undo');
    await vscode.commands.executeCommand('enclave.disableSystem', three[0], three);

    await said(/^Enabled 2 systems again\.$/);
    assert.strictEqual(infos()[0].message, `Disabled 2 of 3 systems; '${label(three[2])}' no longer exists.`);
    assert.deepStrictEqual(h.requests('PUT', /\/systems\/enable$/).map((r) => r.body), [{ systemIds: [three[0].system.systemId, three[1].system.systemId] }]);
  });

  it('enable enrolment key, Undo: disabled again without a second confirmation', async () => {
    const key = (await rows('key')).find((n) => !n.key.isEnabled) ?? (await rows('key'))[0];
    const server = h.server.store.key(orgId, key.key.id)!;
    if (server.isEnabled) {
      server.isEnabled = false;
      await vscode.commands.executeCommand('enclave.refresh');
    }
    const node = await waitFor('the key disabled in the tree', async () => (await rows('key')).find((n) => n.id === key.id && !n.key.isEnabled));
    h.server.clearRequests();
    h.prompter.answerInfo('Undo');
    await vscode.commands.executeCommand('enclave.enableEnrolmentKey', node, [node]);

    await said(/^Disabled enrolment key '.+' again\.$/);
    assert.deepStrictEqual(mutations(), [
      `PUT /org/${orgId}/enrolment-keys/${node.key.id}/enable 200`,
      `PUT /org/${orgId}/enrolment-keys/${node.key.id}/disable 200`,
    ]);
    assert.strictEqual(h.server.store.key(orgId, node.key.id)?.isEnabled, false);
    assert.strictEqual(h.prompter.messagesOf('confirm').length, 0);
  });

  it('approve, decline, revoke and delete offer no Undo', async () => {
    const [pending] = await rows('pending');
    await vscode.commands.executeCommand('enclave.approveSystem', pending, [pending]);
    const [system] = await enabledSystems();
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.revokeSystem', system, [system]);
    const [key] = await rows('key');
    h.prompter.answerConfirm(true);
    await vscode.commands.executeCommand('enclave.deleteEnrolmentKey', key, [key]);
    assert.deepStrictEqual(infos().map((m) => [m.message.split(' ')[0], m.actions]), [['Approved', []], ['Revoked', []], ['Deleted', []]]);
  });

  it('edit system description and tags, Undo: one PATCH with only those keys, earlier values back', async () => {
    const node = (await rows('system')).find((n) => n.system.description && n.system.tags.length > 0)!;
    const id = node.system.systemId;
    const onServer = h.server.store.system(orgId, id)!;
    const [description, tags, notes] = [onServer.description, onServer.tags.map((t) => t.tag), onServer.notes];
    h.prompter.answerInput('Renamed for undo', keep, 'undo-test, staging').answerPick('Save').answerInfo('Undo');
    await vscode.commands.executeCommand('enclave.editSystem', node);

    const done = await said(/^Restored /);
    assert.strictEqual(done.message, `Restored system '${description}': description, tags as before the edit.`);
    assert.deepStrictEqual(done.actions, []);
    assert.deepStrictEqual(infos()[0].actions, ['Undo']);
    const patches = h.requests('PATCH');
    assert.deepStrictEqual(patches.map((r) => r.body), [
      { description: 'Renamed for undo', tags: ['undo-test', 'staging'] },
      { description, tags },
    ]);
    const after = h.server.store.system(orgId, id)!;
    assert.deepStrictEqual([after.description, after.tags.map((t) => t.tag).sort(), after.notes], [description, [...tags].sort(), notes]);
    // The check read the system once more before restoring it.
    assert.strictEqual(h.requests('GET').filter((r) => r.path === sysPath(id)).length, 2);
  });

  it('edit an enrolment key, Undo: removed IP ranges come back with their descriptions', async () => {
    const node = (await rows('key')).find((n) => n.key.type === 'GeneralPurpose')!;
    const onServer = h.server.store.key(orgId, node.key.id)!;
    onServer.ipConstraints = [{ range: '10.0.0.0/8', description: 'Office' }, { range: '192.168.1.1' }];
    const uses = onServer.usesRemaining;
    h.prompter.answerInput(keep, '7', keep, keep, '192.168.1.1').answerPick((i) => i.picked === true, 'Save').answerInfo('Undo');
    await vscode.commands.executeCommand('enclave.editEnrolmentKey', node);

    await said(/^Restored enrolment key /);
    const bodies = h.requests('PATCH').map((r) => r.body);
    assert.deepStrictEqual(bodies[1], { usesRemaining: uses, ipConstraints: [{ range: '10.0.0.0/8', description: 'Office' }, { range: '192.168.1.1' }] });
    const restored = h.server.store.key(orgId, node.key.id)?.ipConstraints?.map((c) => [c.range, c.description ?? null]);
    assert.deepStrictEqual(restored, [['10.0.0.0/8', 'Office'], ['192.168.1.1', null]]);
  });

  it('organisation rename, Undo: the name is restored and the organisation list reloaded', async () => {
    const properties = h.server.store.org(orgId)!.properties;
    const name = properties.name;
    let reloadsBeforeUndo = 0;
    h.prompter.answerInput(`${name} Undo Ltd`, keep, keep).answerPick('Save').answerInfo(() => {
      reloadsBeforeUndo = h.requests('GET', /^\/account\/orgs$/).length;
      return 'Undo';
    });
    await vscode.commands.executeCommand('enclave.editOrganisation', org);

    await said(/^Restored organisation /);
    assert.deepStrictEqual(h.requests('PATCH').map((r) => [r.path, r.body]), [[`/org/${orgId}`, { name: `${name} Undo Ltd` }], [`/org/${orgId}`, { name }]]);
    assert.strictEqual(properties.name, name);
    await waitFor('the organisation list reloaded after the undo', () => h.requests('GET', /^\/account\/orgs$/).length > reloadsBeforeUndo);
    await waitFor('the earlier name back in the tree', async () => (await h.children()).some((n) => n.type === 'org' && n.org.orgId === orgId && n.org.orgName === name));
  });

  it('asks before restoring when someone changed the edited field since, and restores only if told to', async () => {
    const [node, other] = (await rows('system')).filter((n) => n.system.description);
    for (const [target, answer] of [[node, false], [other, true]] as const) {
      h.prompter.reset();
      h.server.clearRequests();
      const id = target.system.systemId;
      const original = h.server.store.system(orgId, id)!.description;
      h.prompter.answerInput('Mine', keep, keep).answerPick('Save').answerConfirm(answer).answerInfo(() => {
        h.server.store.system(orgId, id)!.description = 'Theirs'; // edited in the portal meanwhile
        return 'Undo';
      });
      await vscode.commands.executeCommand('enclave.editSystem', target);
      const confirm = await waitFor('the modal question', () => h.prompter.messagesOf('confirm')[0]);
      assert.strictEqual(confirm.message, `System '${original}' was changed again since your edit. Restore the earlier description anyway?`);
      assert.deepStrictEqual(confirm.actions, ['Restore']);
      assert.match(confirm.detail ?? '', /Description: 'Mine' → 'Theirs'/);
      if (answer) {
        await said(/^Restored /);
        assert.strictEqual(h.server.store.system(orgId, id)?.description, original);
      } else {
        await new Promise((r) => setTimeout(r, 200));
        assert.strictEqual(h.server.store.system(orgId, id)?.description, 'Theirs', 'declined: their change stays');
      }
      assert.strictEqual(h.requests('PATCH').length, answer ? 2 : 1);
    }
  });

  it('sends nothing when the fields already hold the earlier values', async () => {
    const node = (await rows('system')).find((n) => n.system.description)!;
    const id = node.system.systemId;
    const original = h.server.store.system(orgId, id)!.description;
    h.prompter.answerInput('Briefly renamed', keep, keep).answerPick('Save').answerInfo(() => {
      h.server.store.system(orgId, id)!.description = original; // put back elsewhere already
      return 'Undo';
    });
    await vscode.commands.executeCommand('enclave.editSystem', node);
    await said(/nothing was sent\.$/);
    assert.strictEqual(h.requests('PATCH').length, 1);
    assert.strictEqual(h.prompter.messagesOf('confirm').length, 0);
  });

  it('an undo that fails says why with Retry, and Retry restores', async () => {
    const node = (await rows('system')).find((n) => n.system.description)!;
    const id = node.system.systemId;
    const original = h.server.store.system(orgId, id)!.description;
    h.prompter.answerInput('Will be undone', keep, keep).answerPick('Save').answerInfo(() => {
      h.server.injectFault({ kind: 'error', status: 500 }, { method: 'PATCH', count: 1 });
      return 'Undo';
    }).answerError('Retry');
    await vscode.commands.executeCommand('enclave.editSystem', node);

    await said(/^Restored /);
    const [error] = h.prompter.messagesOf('error');
    assert.ok(error.message.startsWith(`System '${original}' could not be restored: `), error.message);
    assert.ok(error.actions.includes('Retry'), `actions: ${error.actions.join(', ')}`);
    assert.deepStrictEqual(h.requests('PATCH').map((r) => r.status), [200, 500, 200]);
    assert.strictEqual(h.server.store.system(orgId, id)?.description, original);
    await h.waitForState('connected');
  });
});
