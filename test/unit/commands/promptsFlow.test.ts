// The multi-step prompts, answered by the same scripted prompter the integration tests use
// (it is vscode-free), so step numbers, Back, skipped steps and pre-filled boxes are checked here.
import * as assert from 'assert';
import type { EnrolmentKey } from '../../../src/api/types';
import { BACK } from '../../../src/ui/prompter';
import { setPrompter } from '../../../src/ui/prompterHolder';
import { createBody, newKeyDraft, promptKeyCreate } from '../../../src/ui/promptsKeyCreate';
import { keyForm, promptKeyEdit } from '../../../src/ui/promptsKeyEdit';
import { ScriptedPrompter } from '../../integration/support/scriptedPrompter';

const steps = (p: ScriptedPrompter) => [...p.inputs.map((i) => i.options), ...p.picks.map((x) => x.options)].map((o) => `${o.step}/${o.totalSteps}`);

describe('create enrolment key prompts', () => {
  let prompter: ScriptedPrompter;
  beforeEach(() => setPrompter((prompter = new ScriptedPrompter())));

  it('asks six numbered steps for a general-purpose key and builds the body', async () => {
    prompter.answerInput('  Build agents ', '0', '25', 'Bad Tag', 'ci, linux', '').answerPick('General purpose', 'Automatic');
    const draft = newKeyDraft();
    assert.strictEqual(await promptKeyCreate('Acme', draft), true);
    assert.deepStrictEqual(createBody(draft), { description: 'Build agents', type: 'GeneralPurpose', approvalMode: 'Automatic', usesRemaining: 25, tags: ['ci', 'linux'] });
    assert.deepStrictEqual(prompter.inputs.map((i) => `${i.options.step}/${i.options.totalSteps}`), ['1/6', '4/6', '5/6', '6/6']);
    assert.deepStrictEqual(prompter.picks.map((p) => `${p.options.step}/${p.options.totalSteps}`), ['2/6', '3/6']);
    // What the person would have seen for the refused values:
    assert.match(prompter.inputs[1].tried[0].validation ?? '', /1 or more/);
    assert.match(prompter.inputs[2].tried[0].validation ?? '', /'Bad Tag' is not a valid tag/);
    assert.strictEqual(prompter.inputs[0].options.back, false);
    assert.strictEqual(prompter.inputs[1].options.back, true);
  });

  it('asks for retention instead of approval and uses for an ephemeral key', async () => {
    prompter.answerInput('Runners', '', '99999', '45', '').answerPick('Ephemeral');
    const draft = newKeyDraft();
    assert.strictEqual(await promptKeyCreate('Acme', draft), true);
    assert.deepStrictEqual(createBody(draft), {
      description: 'Runners', type: 'Ephemeral', approvalMode: 'Automatic', usesRemaining: -1, tags: [], disconnectedRetentionMinutes: 45,
    });
    // The count grows or shrinks as answers add or remove steps (as in VS Code's own multi-step
    // sample): the first two were asked while the key was still general purpose.
    assert.deepStrictEqual(steps(prompter), ['1/6', '3/5', '4/5', '5/5', '2/6']);
    assert.match(prompter.inputs[2].tried[0].validation ?? '', /from 0 to 10080/);
  });

  it('goes Back with the earlier answers kept, and cancelling stops the flow', async () => {
    // 1 "First" → 2 General → 3 Automatic → 4 Back → 3 Back → 2 Back → 1 "Second" → 2 → 3 → 4 Escape.
    prompter.answerInput('First', BACK, 'Second', undefined).answerPick('General purpose', 'Automatic', BACK, BACK, 'General purpose', 'Automatic');
    const draft = newKeyDraft();
    assert.strictEqual(await promptKeyCreate('Acme', draft), false);
    assert.deepStrictEqual(prompter.inputs.filter((i) => i.options.step === 1).map((i) => i.options.value), ['', 'First']);
    const approvals = prompter.picks.filter((p) => p.options.step === 3);
    assert.deepStrictEqual(approvals.map((p) => p.labels[0]), ['Manual approval', 'Automatic approval', 'Automatic approval'], 'the remembered answer is offered first');
    assert.strictEqual(draft.description, 'Second');
  });

  it('Edit Again pre-fills the typed values and shows the API message on the refused field', async () => {
    const draft = { ...newKeyDraft(), description: 'Too long for the API', tags: 'ci' };
    const refusal = { sent: { ...draft }, messages: { description: "The length of 'Description' must be 5 characters or fewer." } };
    prompter.answerInput((o) => o.value, 'Short', (o) => o.value, (o) => o.value, (o) => o.value).answerPick('General purpose', 'Manual');
    assert.strictEqual(await promptKeyCreate('Acme', draft, refusal), true);
    assert.deepStrictEqual(prompter.inputs[0].tried, [
      { value: 'Too long for the API', validation: "The length of 'Description' must be 5 characters or fewer." },
      { value: 'Short', validation: undefined },
    ]);
    assert.strictEqual(prompter.inputs[2].options.value, 'ci');
  });
});

describe('edit prompts', () => {
  let prompter: ScriptedPrompter;
  beforeEach(() => setPrompter((prompter = new ScriptedPrompter())));
  const key = {
    id: 3, description: 'Servers', approvalMode: 'Manual', usesRemaining: 5, type: 'GeneralPurpose', disconnectedRetentionMinutes: null,
    tags: [{ tag: 'srv', ref: 'ref:1' }], notes: 'n',
  } as unknown as EnrolmentKey;
  const keep = (o: { value?: string }) => o.value;

  it('pre-fills every box, and says unchanged without a review step', async () => {
    prompter.answerInput(keep, keep, keep, keep, keep).answerPick('Manual');
    const result = await promptKeyEdit(key);
    assert.deepStrictEqual(result, { kind: 'unchanged' });
    assert.deepStrictEqual(prompter.inputs.map((i) => i.options.value), ['Servers', '5', 'srv', 'n', '']);
    assert.strictEqual(prompter.picks.length, 1, 'no review step when nothing changed');
    assert.match(prompter.picks[0].labels.join('|'), /^Manual approval\|Automatic approval$/);
  });

  it('lists the changes for review; picking one goes back to its box, then to the review', async () => {
    prompter.answerInput(keep, '9', keep, '', keep, /* again: */ '10').answerPick('Manual', 'Uses', 'Save');
    const result = await promptKeyEdit(key);
    assert.strictEqual(result.kind, 'changed');
    if (result.kind !== 'changed') return;
    assert.deepStrictEqual(result.patch, { usesRemaining: 10, notes: null });
    const review = prompter.picks[prompter.picks.length - 1];
    assert.deepStrictEqual(review.labels, ['$(check) Save', 'Uses', 'Notes']);
    assert.strictEqual(review.options.step, review.options.totalSteps);
    assert.deepStrictEqual(prompter.inputs.map((i) => i.options.step), [1, 3, 4, 5, 6, 3], 'only the uses box was asked again');
  });

  it('starts from the typed values after a failed save, but compares with the fresh entity', async () => {
    const typed = { ...keyForm(key), description: 'Servers 2' };
    prompter.answerInput(keep, keep, keep, keep, keep).answerPick('Manual', 'Save');
    const result = await promptKeyEdit(key, typed);
    assert.strictEqual(prompter.inputs[0].options.value, 'Servers 2');
    assert.deepStrictEqual(result.kind === 'changed' && result.patch, { description: 'Servers 2' });
  });
});
