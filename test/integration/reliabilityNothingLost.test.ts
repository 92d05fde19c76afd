// Nothing the person typed is lost, and nothing is made twice, in the real extension host against
// the local server's fault injection. A create whose answer is lost after sending (timeout, cut
// connection) is never resent by itself: the key list is checked, a key that was made is reported
// and revealed, and only a key that is not there is offered again — Retry checks once more before
// sending. Edit Again reopens every box with what was typed; an edit sends only what changed.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { nodeId } from '../../src/tree/nodes';
import { Harness, waitFor } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;
const keep = (o: { value?: string }) => o.value;

describe('reliability: nothing lost, nothing made twice', () => {
  let h: Harness;
  let org: Of<'org'>;
  let orgId: string;

  before(async () => {
    h = await Harness.start({ proxy: true });
    org = await h.orgNode(h.server.store.orgs[0].properties.name);
    orgId = org.org.orgId;
  });
  beforeEach(async () => {
    h.prompter.reset();
    h.server.clearFaults();
    if (!h.proxy!.listening) await h.proxy!.restart();
    // A stalled answer gives up after 1 s instead of 30 s.
    h.api.session.useClientOptions({ timeouts: { headersMs: 1_000, bodyMs: 1_000 } });
    if (h.api.session.state.kind !== 'connected') await h.waitForState('connected', 15_000);
    h.server.clearRequests();
  });
  after(async () => {
    h.api.session.useClientOptions({});
    await h.stop();
  });

  const posts = () => h.requests('POST', /\/enrolment-keys$/);
  const named = (description: string) => h.server.store.keys(orgId).filter((k) => k.description === description);
  /** Answers for: description, uses, tags, IP ranges (type and approval are picks). */
  const createKey = (description: string) => h.prompter.answerInput(description, '', 'lost', '').answerPick('General purpose', 'Manual');

  it('a create that timed out after the server made the key: found, reported and revealed, not sent again', async () => {
    h.server.injectFault({ kind: 'stall', applied: true }, { method: 'POST', path: /\/enrolment-keys$/ });
    createKey('Made despite the timeout').answerInfo(undefined);
    const id = await vscode.commands.executeCommand<number>('enclave.createEnrolmentKey', org);

    assert.strictEqual(posts().length, 1, 'the POST was not repeated');
    assert.strictEqual(named('Made despite the timeout').length, 1, 'exactly one key');
    assert.strictEqual(id, named('Made despite the timeout')[0].id);
    assert.deepStrictEqual(h.prompter.messagesOf('error'), []);
    const [info] = h.prompter.messagesOf('info');
    assert.strictEqual(info.message, `Enrolment key 'Made despite the timeout' was created in ${org.org.orgName}: the API's answer was lost on the way, and nothing was sent again.`);
    assert.deepStrictEqual(info.actions, ['Copy Key']);
    await waitFor('the key selected in the tree', () => h.api.commandContext.selection().some((n) => n.id === nodeId.key(orgId, id)));
  });

  it('a create whose connection was cut mid-answer: the same, the key is found', async () => {
    h.server.injectFault({ kind: 'reset', partial: true }, { method: 'POST', path: /\/enrolment-keys$/ });
    createKey('Made despite the reset').answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.createEnrolmentKey', org);
    assert.strictEqual(posts().length, 1);
    assert.strictEqual(named('Made despite the reset').length, 1);
    assert.match(h.prompter.messagesOf('info')[0]?.message ?? '', /^Enrolment key 'Made despite the reset' was created/);
  });

  it('a create that timed out and was not made: says so, and Retry makes exactly one key', async function () {
    this.timeout(20_000);
    h.server.injectFault({ kind: 'stall' }, { method: 'POST', path: /\/enrolment-keys$/ });
    createKey('Not made the first time').answerError('Retry').answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.createEnrolmentKey', org);

    const [error] = h.prompter.messagesOf('error');
    assert.strictEqual(error.message, `Enrolment key 'Not made the first time' could not be created: the Enclave API at ${new URL(h.url).host} did not answer in time.`);
    assert.deepStrictEqual(error.actions, ['Retry', 'Edit Again', 'Show Log']);
    assert.deepStrictEqual(posts().map((r) => r.fault ?? r.status), ['stall', 200]);
    assert.strictEqual(named('Not made the first time').length, 1, 'exactly one key after Retry');
    // The key list was read before the first POST, after it, and again before the second.
    const reads = h.requests('GET', /\/enrolment-keys$/).filter((r) => r.query.search === 'first');
    assert.ok(reads.length >= 3, `${reads.length} reads of the key list`);
    assert.strictEqual(h.prompter.inputs.length, 4, 'Retry asks nothing again');
  });

  it('when even the check fails, says the key may not have been made, and Retry checks before sending', async function () {
    this.timeout(30_000);
    h.server.injectFault({ kind: 'stall', applied: true }, { method: 'POST', path: /\/enrolment-keys$/ });
    createKey('Unknown fate').answerError('Retry').answerInfo(undefined);
    const running = vscode.commands.executeCommand('enclave.createEnrolmentKey', org);
    // Once the POST is out, the API also stops answering the key list (every retry too).
    await waitFor('the POST', () => posts().length === 1);
    h.server.injectFault({ kind: 'error', status: 503 }, { method: 'GET', path: /\/enrolment-keys$/, count: 4 });
    await running;

    const [error] = h.prompter.messagesOf('error');
    assert.match(error.message, /^Enrolment key 'Unknown fate' may not have been created: the Enclave API at .+ did not answer in time\.$/);
    // Retry looked first, found the key the stalled POST had made, and sent nothing.
    assert.strictEqual(posts().length, 1, 'Retry did not send the create again');
    assert.strictEqual(named('Unknown fate').length, 1);
    assert.match(h.prompter.messagesOf('info')[0]?.message ?? '', /^Enrolment key 'Unknown fate' was created/);
  });

  it('a create refused because the API is unreachable: Edit Again reopens every box with what was typed', async function () {
    this.timeout(30_000);
    await h.proxy!.stop();
    h.prompter
      .answerInput('Offline attempt', '7', 'lost, found', '203.0.113.0/24, 2001:db8::1')
      .answerPick('General purpose', 'Automatic')
      .answerError('Edit Again')
      // Edit Again: the API is back; every box is accepted as it was filled in.
      .answerInput((o) => { void h.proxy!.restart(); return o.value; }, keep, keep, keep)
      .answerPick('General purpose', 'Automatic')
      .answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.createEnrolmentKey', org);

    const [error] = h.prompter.messagesOf('error');
    assert.match(error.message, /^Enrolment key 'Offline attempt' could not be created: the Enclave API at .+ could not be reached\.$/);
    assert.deepStrictEqual(h.prompter.inputs.slice(4).map((i) => i.options.value), ['Offline attempt', '7', 'lost, found', '203.0.113.0/24, 2001:db8::1']);
    const approval = h.prompter.picks[3];
    assert.match(approval.labels[0], /^Automatic/, 'the chosen approval mode is offered first');
    const [key] = named('Offline attempt');
    assert.ok(key, 'created once the API was back');
    assert.deepStrictEqual([key.usesRemaining, key.approvalMode, key.tags.map((t) => t.tag), key.ipConstraints?.map((c) => c.range)], [
      7, 'Automatic', ['lost', 'found'], ['203.0.113.0/24', '2001:db8::1'],
    ]);
  });

  it('an edit sends only the changed field, so a portal change to other fields made meanwhile survives', async () => {
    const key = h.server.store.keys(orgId).find((k) => k.type === 'GeneralPurpose')!;
    const node: Of<'key'> = { type: 'key', id: nodeId.key(orgId, key.id), orgId, key: { ...key } };
    const renamed = `${key.description} (renamed)`;
    h.prompter
      .answerInput((o) => {
        // While the person types, someone edits the same key in the portal.
        h.server.store.updateKey(h.server.store.org(orgId)!, h.server.store.key(orgId, key.id)!, { notes: 'Set in the portal', tags: h.server.store.usedTags(h.server.store.org(orgId)!, ['portal']) });
        return `${o.value} (renamed)`;
      }, keep, keep, keep, keep)
      .answerPick((i) => i.picked === true, 'Save');
    await vscode.commands.executeCommand('enclave.editEnrolmentKey', node);
    assert.deepStrictEqual(h.requests('PATCH').map((r) => r.body), [{ description: renamed }]);
    const after = h.server.store.key(orgId, key.id)!;
    assert.deepStrictEqual([after.description, after.notes, after.tags.map((t) => t.tag)], [renamed, 'Set in the portal', ['portal']]);
  });
});
