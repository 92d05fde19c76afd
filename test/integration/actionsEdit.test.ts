// Edit System / Enrolment Key / Organisation in the real extension host against the local
// Enclave-compatible server: the entity is read fresh, the boxes are pre-filled with it, the
// PATCH carries only the changed fields (emptied ones as null), nothing is sent when nothing
// changed, and a failed save keeps what was typed (Retry: the same PATCH; Edit Again: the boxes).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { LIMITS } from '../server';
import { Harness, orgSuite, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;
const keep = (o: { value?: string }) => o.value;

describe('entity actions: edit system, enrolment key, organisation', () => {
  let h: Harness, org: Of<'org'>, orgId: string;
  orgSuite((suite) => ({ h, org, orgId } = suite));

  const rows = <T extends 'system' | 'key'>(type: T): Promise<Of<T>[]> => h.entityRows(org, type);
  const patches = () => h.requests('PATCH');
  /** A system with a description, notes and at least one tag, so every box starts non-empty. */
  async function richSystem(): Promise<Of<'system'>> {
    const node = (await rows('system')).find((n) => n.system.description && n.system.tags.length > 0)!;
    const onServer = h.server.store.system(orgId, node.system.systemId)!;
    onServer.notes = 'Racked in London';
    return node;
  }

  it('reads the system fresh, pre-fills every box and sends only the changed field', async () => {
    const node = await richSystem();
    const onServer = h.server.store.system(orgId, node.system.systemId)!;
    onServer.description = `${onServer.description} (renamed in the portal)`; // newer than the tree's row
    h.prompter.answerInput(keep, 'Racked in Dublin', keep).answerPick('Save');
    await vscode.commands.executeCommand('enclave.editSystem', node);

    const path = `/org/${orgId}/systems/${node.system.systemId}`;
    assert.ok(h.requests('GET').some((r) => r.path === path), 'the system was read before editing');
    assert.deepStrictEqual(h.prompter.inputs.map((i) => i.options.value), [
      onServer.description, 'Racked in London', onServer.tags.map((t) => t.tag).join(', '),
    ]);
    assert.deepStrictEqual(h.prompter.inputs.map((i) => `${i.options.step}/${i.options.totalSteps}`), ['1/4', '2/4', '3/4']);
    assert.deepStrictEqual(patches().map((r) => [r.path, r.body]), [[path, { notes: 'Racked in Dublin' }]]);
    assert.strictEqual(onServer.notes, 'Racked in Dublin');
    const review = h.prompter.picks[0];
    assert.deepStrictEqual(review.labels, ['$(check) Save', 'Notes']);
    assert.strictEqual(review.options.step, 4);
    assert.deepStrictEqual(h.prompter.messagesOf('info').map((m) => m.message), [`Saved system '${onServer.description}': notes changed.`]);
  });

  it('sends null for an emptied description and an empty list for emptied tags', async () => {
    const node = await richSystem();
    h.prompter.answerInput('', keep, '').answerPick('Save');
    await vscode.commands.executeCommand('enclave.editSystem', node);
    assert.deepStrictEqual(patches().map((r) => r.body), [{ description: null, tags: [] }]);
    const onServer = h.server.store.system(orgId, node.system.systemId)!;
    assert.strictEqual(onServer.description, null);
    assert.deepStrictEqual(onServer.tags, []);
  });

  it('says so and sends nothing when nothing changed', async () => {
    const [node] = await rows('system');
    h.prompter.answerInput((o) => `${o.value ?? ''}  ` /* trailing spaces are no change */, keep, keep);
    await vscode.commands.executeCommand('enclave.editSystem', node);
    assert.deepStrictEqual(patches(), []);
    assert.strictEqual(h.prompter.picks.length, 0, 'no review step');
    assert.match(h.prompter.messagesOf('info')[0]?.message ?? '', /^Nothing changed in system '.+': nothing was sent\.$/);
  });

  it('edits an enrolment key: approval, uses and tags, nothing else', async () => {
    const node = (await rows('key')).find((n) => n.key.type === 'GeneralPurpose' && n.key.approvalMode === 'Manual')!;
    const before = h.server.store.key(orgId, node.key.id)!;
    const description = before.description;
    h.prompter.answerInput(keep, '5', 'build, linux', keep, keep).answerPick('Automatic', 'Save');
    await vscode.commands.executeCommand('enclave.editEnrolmentKey', node);

    assert.deepStrictEqual(patches().map((r) => [r.path, r.body]), [
      [`/org/${orgId}/enrolment-keys/${node.key.id}`, { approvalMode: 'Automatic', usesRemaining: 5, tags: ['build', 'linux'] }],
    ]);
    const after = h.server.store.key(orgId, node.key.id)!;
    assert.deepStrictEqual([after.description, after.approvalMode, after.usesRemaining, after.tags.map((t) => t.tag)], [description, 'Automatic', 5, ['build', 'linux']]);
    assert.match(h.prompter.picks[0].labels[0], /^Manual approval/, 'the current approval mode is offered first');
    assert.deepStrictEqual(h.prompter.picks[1].labels, ['$(check) Save', 'Approval', 'Uses', 'Tags']);
  });

  it('keeps what was typed when the API refuses it: the field message, Edit Again pre-filled, then saved', async () => {
    const node = await richSystem();
    const limits = LIMITS as { description: number };
    const original = limits.description;
    limits.description = 8;
    try {
      h.prompter
        .answerInput('Database primary', keep, keep).answerPick('Save')
        .answerError('Edit Again')
        .answerInput(keep, 'db-1', 'Notes too', keep).answerPick('Save');
      await vscode.commands.executeCommand('enclave.editSystem', node);

      const [error] = h.prompter.messagesOf('error');
      assert.match(error.message, /could not be saved: The length of 'Description' must be 8 characters or fewer\. You entered 16 characters\.$/);
      assert.deepStrictEqual(error.actions, ['Retry', 'Edit Again', 'Show Log']);
      const again = h.prompter.inputs.slice(3);
      assert.deepStrictEqual(again.map((i) => i.options.value), ['Database primary', 'Racked in London', node.system.tags.map((t) => t.tag).join(', ')]);
      assert.strictEqual(again[0].tried[0].validation, "The length of 'Description' must be 8 characters or fewer. You entered 16 characters.");
      assert.deepStrictEqual(patches().map((r) => r.body), [{ description: 'Database primary' }, { description: 'db-1', notes: 'Notes too' }]);
      assert.strictEqual(h.server.store.system(orgId, node.system.systemId)?.description, 'db-1');
    } finally {
      limits.description = original;
    }
  });

  it('Retry sends the same PATCH again', async () => {
    const node = (await rows('key')).find((n) => n.key.type === 'GeneralPurpose')!;
    h.server.injectFault({ kind: 'error', status: 409 }, { method: 'PATCH' });
    h.prompter.answerInput('Renamed key', keep, keep, 'Some notes', keep).answerPick((i) => i.picked === true, 'Save').answerError('Retry');
    await vscode.commands.executeCommand('enclave.editEnrolmentKey', node);
    const sent = patches();
    assert.deepStrictEqual(sent.map((r) => r.status), [409, 200]);
    assert.deepStrictEqual(sent[1].body, sent[0].body);
    assert.deepStrictEqual(sent[0].body, { description: 'Renamed key', notes: 'Some notes' });
    assert.strictEqual(h.server.store.key(orgId, node.key.id)?.description, 'Renamed key');
  });

  it('edits the organisation: a new name, an emptied website (null) and a phone number', async () => {
    const properties = h.server.store.org(orgId)!.properties;
    properties.website = 'https://acme.example';
    const name = properties.name;
    h.prompter.answerInput(`${name} Group`, '', '+44 20 7946 0000').answerPick('Save');
    await vscode.commands.executeCommand('enclave.editOrganisation', org);

    assert.ok(h.requests('GET').some((r) => r.path === `/org/${orgId}`), 'the organisation was read before editing');
    assert.deepStrictEqual(patches().map((r) => [r.path, r.body]), [[`/org/${orgId}`, { name: `${name} Group`, website: null, phone: '+44 20 7946 0000' }]]);
    assert.deepStrictEqual([properties.name, properties.website, properties.phone], [`${name} Group`, null, '+44 20 7946 0000']);
    // The organisation list is reloaded, and only it: the tree's root shows the new name.
    assert.deepStrictEqual(h.requests('GET').filter((r) => r.path !== `/org/${orgId}`).map((r) => r.path), ['/account/orgs']);
    await waitFor('the renamed organisation in the tree', async () => (await h.children()).some((n) => n.type === 'org' && n.org.orgName === `${name} Group`));
  });
});
