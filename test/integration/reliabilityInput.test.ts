// Every box checks what is typed with the API's own rules as it is typed, so a request the API
// would refuse is never sent — description, uses, tags, retention and IP ranges — and when the
// API refuses anyway, its message lands on the field's box. In the real extension host against
// the local server, whose validation is the same (test/unit/reliability/validationParity.test.ts).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EnclaveNode } from '../../src/tree/nodes';
import { nodeId } from '../../src/tree/nodes';
import { Harness, orgSuite } from './support/harness';

type Of<T extends EnclaveNode['type']> = Extract<EnclaveNode, { type: T }>;
const keep = (o: { value?: string }) => o.value;

describe('reliability: input checked as typed, with the API’s rules', () => {
  let h: Harness, org: Of<'org'>, orgId: string;
  orgSuite((suite) => ({ h, org, orgId } = suite));

  const posts = () => h.requests('POST', /\/enrolment-keys$/);
  const refused = (step: number) => h.prompter.inputs[step].tried.filter((t) => t.validation !== undefined);

  it('refuses bad descriptions, uses, tags and IP ranges as they are typed; only the good request is sent', async () => {
    h.prompter
      .answerInput('', '   ', 'x'.repeat(101), 'Branch office')
      .answerPick('General purpose', 'Manual')
      .answerInput('0', '-1', '1.5', 'unlimited')
      .answerInput('Branch', 'a--b', 'branch, branch', 'branch, eu.west-1')
      .answerInput('203.0.113.0/33', '10.0.0.9 - 10.0.0.1', 'office', '2001:db8::/129', '10.0.0.1, 10.0.0.1', '203.0.113.0/24, 10.0.0.1-10.0.0.9, 2001:db8::1')
      .answerInfo(undefined);
    const id = await vscode.commands.executeCommand<number>('enclave.createEnrolmentKey', org);

    assert.deepStrictEqual(refused(0).map((t) => t.validation), ['Enter a description.', 'Enter a description.', 'A description can be at most 100 characters; this one has 101.']);
    assert.strictEqual(refused(1).length, 3);
    assert.match(refused(1)[0].validation!, /1 or more/);
    assert.deepStrictEqual(refused(2).map((t) => t.value), ['Branch', 'a--b', 'branch, branch']);
    assert.deepStrictEqual(refused(3).map((t) => t.validation), [
      "'203.0.113.0/33' is not an IP address, a CIDR block (e.g. 203.0.113.0/24) or a range such as 203.0.113.10 - 203.0.113.20.",
      "'10.0.0.9 - 10.0.0.1' starts after it ends: put the lower address first.",
      "'office' is not an IP address, a CIDR block (e.g. 203.0.113.0/24) or a range such as 203.0.113.10 - 203.0.113.20.",
      "'2001:db8::/129' is not an IP address, a CIDR block (e.g. 203.0.113.0/24) or a range such as 203.0.113.10 - 203.0.113.20.",
      "'10.0.0.1' is listed twice.",
    ]);
    assert.match(h.prompter.inputs[3].options.prompt ?? '', /CIDR blocks, single addresses or ranges/);
    assert.deepStrictEqual(posts().map((r) => r.body), [{
      description: 'Branch office', type: 'GeneralPurpose', approvalMode: 'Manual', usesRemaining: -1, tags: ['branch', 'eu.west-1'],
      ipConstraints: [{ range: '203.0.113.0/24' }, { range: '10.0.0.1 - 10.0.0.9' }, { range: '2001:db8::1' }],
    }], 'one request, and only the values the API accepts');
    assert.deepStrictEqual(h.server.store.key(orgId, id)?.ipConstraints?.map((c) => c.range), ['203.0.113.0/24', '10.0.0.1 - 10.0.0.9', '2001:db8::1']);
  });

  it('refuses a retention outside 0–10080 minutes for an ephemeral key', async () => {
    h.prompter.answerInput('Runners', '', '10081', '-5', '90', '').answerPick('Ephemeral').answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.createEnrolmentKey', org);
    assert.deepStrictEqual(refused(2).map((t) => t.value), ['10081', '-5']);
    assert.strictEqual(posts().length, 1);
    assert.strictEqual((posts()[0].body as { disconnectedRetentionMinutes?: number }).disconnectedRetentionMinutes, 90);
  });

  it('edits IP constraints: pre-filled, checked as typed, only they are sent, and a kept range keeps its description', async () => {
    const key = h.server.store.keys(orgId).find((k) => k.type === 'GeneralPurpose')!;
    h.server.store.updateKey(h.server.store.org(orgId)!, key, { ipConstraints: [{ range: '198.51.100.0/24', description: 'Office' }] });
    const node: Of<'key'> = { type: 'key', id: nodeId.key(orgId, key.id), orgId, key: { ...key } };
    h.prompter
      .answerInput(keep, keep, keep, keep, '198.51.100.0/24, 300.1.1.1', '198.51.100.0/24, 192.0.2.7')
      .answerPick((i) => i.picked === true, 'Save');
    await vscode.commands.executeCommand('enclave.editEnrolmentKey', node);
    const ipBox = h.prompter.inputs[4];
    assert.strictEqual(ipBox.options.value, '198.51.100.0/24');
    assert.match(ipBox.tried[0].validation ?? '', /'300\.1\.1\.1' is not an IP address/);
    assert.deepStrictEqual(h.requests('PATCH').map((r) => r.body), [{ ipConstraints: [{ range: '198.51.100.0/24', description: 'Office' }, { range: '192.0.2.7' }] }]);
    assert.deepStrictEqual(h.server.store.key(orgId, key.id)?.ipConstraints, [{ range: '198.51.100.0/24', description: 'Office' }, { range: '192.0.2.7', description: null }]);
    const review = h.prompter.picks[h.prompter.picks.length - 1];
    assert.deepStrictEqual(review.labels, ['$(check) Save', 'IP constraints']);
  });

  it('when the API still refuses, its messages are shown per field, on the boxes, with the values kept', async () => {
    h.server.injectFault({
      kind: 'error', status: 400, errors: {
        'IpConstraints[0].Range': ['Ranges inside 10.0.0.0/8 cannot be used by this organisation.'],
        Tags: ["Tag 'legacy' is reserved."],
      },
    }, { method: 'POST', path: /\/enrolment-keys$/ });
    h.prompter
      .answerInput('Strict API', '', 'legacy', '10.1.0.0/16')
      .answerPick('General purpose', 'Manual')
      .answerError('Edit Again')
      .answerInput(keep, keep, keep, 'new', keep, '203.0.113.0/24')
      .answerPick('General purpose', 'Manual')
      .answerInfo(undefined);
    await vscode.commands.executeCommand('enclave.createEnrolmentKey', org);

    const [error] = h.prompter.messagesOf('error');
    assert.strictEqual(error.message, "Enrolment key 'Strict API' could not be created: Ranges inside 10.0.0.0/8 cannot be used by this organisation; Tag 'legacy' is reserved.");
    const again = h.prompter.inputs.slice(4);
    assert.deepStrictEqual(again.map((i) => i.options.value), ['Strict API', '', 'legacy', '10.1.0.0/16']);
    assert.deepStrictEqual(again[2].tried[0], { value: 'legacy', validation: "Tag 'legacy' is reserved." });
    assert.deepStrictEqual(again[3].tried[0], { value: '10.1.0.0/16', validation: 'Ranges inside 10.0.0.0/8 cannot be used by this organisation.' });
    assert.deepStrictEqual(posts().map((r) => (r.body as { tags: string[] }).tags), [['legacy'], ['new']]);
  });
});
