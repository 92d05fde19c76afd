// Create Enrolment Key in the real extension host against the local Enclave-compatible server:
// the POST body the prompts build (general purpose, ephemeral with retention, tags), the key on
// the server, the new key revealed and copied, and the failure paths — an API validation error
// shown on its field with Edit Again pre-filled, and Retry sending the very same body.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { nodeId } from '../../src/tree/nodes';
import { LIMITS } from '../server';
import { Harness, orgSuite, waitFor } from './support/harness';

type OrgNode = Extract<EnclaveNode, { type: 'org' }>;
const keep = (o: { value?: string }) => o.value;

describe('entity actions: create enrolment key', () => {
  let h: Harness, org: OrgNode, orgId: string;
  orgSuite((suite) => ({ h, org, orgId } = suite));

  const posts = () => h.requests('POST', /\/enrolment-keys$/);
  const keyOnServer = (id: number) => h.server.store.key(orgId, id);

  it('creates a general-purpose key with tags, reveals it and copies its secret on request', async () => {
    h.prompter
      .answerInput('', 'Build agents', '0', '10', 'CI, linux', 'ci, linux', '')
      .answerPick('General purpose', 'Automatic')
      .answerInfo('Copy Key');
    const id = await vscode.commands.executeCommand<number>('enclave.createEnrolmentKey', org);

    assert.ok(typeof id === 'number', `the command resolves to the new key's ID (got ${String(id)})`);
    assert.deepStrictEqual(posts().map((r) => r.body), [
      { description: 'Build agents', type: 'GeneralPurpose', approvalMode: 'Automatic', usesRemaining: 10, tags: ['ci', 'linux'] },
    ]);
    const key = keyOnServer(id);
    assert.ok(key, 'the key exists on the server');
    assert.deepStrictEqual([key.description, key.type, key.approvalMode, key.usesRemaining, key.tags.map((t) => t.tag)], [
      'Build agents', 'GeneralPurpose', 'Automatic', 10, ['ci', 'linux'],
    ]);
    // What the person saw while typing: numbered steps and live validation messages.
    const inputs = h.prompter.inputs;
    assert.deepStrictEqual(inputs.map((i) => `${i.options.step}/${i.options.totalSteps}`), ['1/6', '4/6', '5/6', '6/6']);
    assert.deepStrictEqual(inputs[0].tried.map((t) => t.validation), ['Enter a description.', undefined]);
    assert.match(inputs[1].tried[0].validation ?? '', /1 or more/);
    assert.match(inputs[2].tried[0].validation ?? '', /'CI' is not a valid tag/);

    // Revealed (selected) in the tree, and the secret on the clipboard but in no message or log line.
    await waitFor('the new key to be selected in the tree', () => h.api.commandContext.selection().some((n) => n.id === nodeId.key(orgId, id)))
      .catch((e: Error) => { throw new Error(`${e.message}\n${h.api.logLines().filter((l) => /reveal|enrolment/i.test(l)).join('\n')}`); });
    assert.strictEqual(await vscode.env.clipboard.readText(), key.key);
    const infos = h.prompter.messagesOf('info');
    assert.deepStrictEqual(infos.map((m) => m.message), [`Created enrolment key 'Build agents' in ${org.org.orgName}.`, 'Enrolment key copied to the clipboard.']);
    assert.deepStrictEqual(infos[0].actions, ['Copy Key']);
    assert.ok(!h.prompter.shownTexts().some((t) => t.includes(key.key)), 'the secret appears in no message');
    assert.ok(!h.api.logLines().some((l) => l.includes(key.key)), 'the secret appears in no log line');
  });

  it('creates an ephemeral key with a retention time (no approval or uses asked: the API fixes them)', async () => {
    h.prompter.answerInput('CI runners', 'ephemeral', '20000', '45', '').answerPick('Ephemeral').answerInfo(undefined);
    const id = await vscode.commands.executeCommand<number>('enclave.createEnrolmentKey', org);
    assert.deepStrictEqual(posts().map((r) => r.body), [
      { description: 'CI runners', type: 'Ephemeral', approvalMode: 'Automatic', usesRemaining: -1, tags: ['ephemeral'], disconnectedRetentionMinutes: 45 },
    ]);
    const key = keyOnServer(id);
    assert.deepStrictEqual([key?.type, key?.disconnectedRetentionMinutes, key?.approvalMode], ['Ephemeral', 45, 'Automatic']);
    assert.match(h.prompter.inputs[2].tried[0].validation ?? '', /from 0 to 10080/);
    assert.strictEqual(h.prompter.picks.length, 1, 'only the type was picked');
  });

  it('sends nothing and says nothing when the first box is cancelled', async () => {
    h.prompter.answerInput(undefined);
    await vscode.commands.executeCommand('enclave.createEnrolmentKey', org);
    assert.deepStrictEqual(posts(), []);
    assert.deepStrictEqual(h.prompter.messages, []);
  });

  it('shows an API validation error on its field, and Edit Again reopens the boxes with what was typed', async () => {
    // The API turns out stricter than the extension's own check: the message must still reach the person.
    const limits = LIMITS as { description: number };
    const original = limits.description;
    limits.description = 10;
    try {
      h.prompter
        .answerInput('Laptops for the sales team', '', 'sales', '')
        .answerPick('General purpose', 'Manual')
        .answerError('Edit Again')
        // Edit Again: the refused description is offered back with the API's message; then fixed.
        .answerInput(keep, 'Sales', keep, keep, keep)
        .answerPick('General purpose', 'Manual')
        .answerInfo(undefined);
      const id = await vscode.commands.executeCommand<number>('enclave.createEnrolmentKey', org);

      const [error] = h.prompter.messagesOf('error');
      assert.strictEqual(
        error.message,
        "Enrolment key 'Laptops for the sales team' could not be created: The length of 'Description' must be 10 characters or fewer. You entered 26 characters.",
      );
      assert.deepStrictEqual(error.actions, ['Retry', 'Edit Again', 'Show Log']);
      const again = h.prompter.inputs.slice(4);
      assert.deepStrictEqual(again.map((i) => i.options.value), ['Laptops for the sales team', '', 'sales', ''], 'pre-filled with the typed values');
      assert.deepStrictEqual(again[0].tried[0], {
        value: 'Laptops for the sales team',
        validation: "The length of 'Description' must be 10 characters or fewer. You entered 26 characters.",
      });
      const bodies = posts().map((r) => r.body);
      assert.deepStrictEqual(bodies, [
        { description: 'Laptops for the sales team', type: 'GeneralPurpose', approvalMode: 'Manual', usesRemaining: -1, tags: ['sales'] },
        { description: 'Sales', type: 'GeneralPurpose', approvalMode: 'Manual', usesRemaining: -1, tags: ['sales'] },
      ]);
      assert.strictEqual(keyOnServer(id)?.description, 'Sales');
    } finally {
      limits.description = original;
    }
  });

  it('Retry sends the very same body again, only when asked', async () => {
    h.server.injectFault({ kind: 'error', status: 409 }, { method: 'POST', path: /\/enrolment-keys$/ });
    const before = h.server.store.keys(orgId).length;
    h.prompter.answerInput('Office printers', '', '', '').answerPick('General purpose', 'Manual').answerError('Retry').answerInfo(undefined);
    const id = await vscode.commands.executeCommand<number>('enclave.createEnrolmentKey', org);

    const sent = posts();
    assert.deepStrictEqual(sent.map((r) => r.status), [409, 200]);
    assert.deepStrictEqual(sent[1].body, sent[0].body);
    assert.strictEqual(h.server.store.keys(orgId).length, before + 1, 'exactly one key was made');
    assert.strictEqual(keyOnServer(id)?.description, 'Office printers');
    assert.strictEqual(h.prompter.inputs.length, 4, 'Retry asks nothing again');
  });

  it('never resends a create by itself, even for an answer other calls would retry (503)', async () => {
    h.server.injectFault({ kind: 'error', status: 503 }, { method: 'POST', path: /\/enrolment-keys$/ });
    h.prompter.answerInput('Kiosks', '', '', '').answerPick('General purpose', 'Manual').answerError(undefined);
    await vscode.commands.executeCommand('enclave.createEnrolmentKey', org);
    assert.deepStrictEqual(posts().map((r) => r.status), [503]);
    assert.ok(!h.server.store.keys(orgId).some((k) => k.description === 'Kiosks'));
    assert.match(h.prompter.messagesOf('error')[0]?.message ?? '', /^Enrolment key 'Kiosks' could not be created: /);
    // A 503 puts the session offline; it recovers by itself once the API answers again.
    await h.waitForState('connected', 30_000);
  });
});
