// The pure logic of Undo: which PATCH restores an edit, when the server's copy makes restoring a
// question, and the words and calls of an undone enable/disable.
import * as assert from 'assert';
import type { EnclaveSystem, EnrolmentKey } from '../../../src/api/types';
import type { EnclaveClient } from '../../../src/api';
import { checkRestore, restorePatch, type EditForms } from '../../../src/commands/undoPlan';
import { toggleUndo } from '../../../src/commands/undoToggle';
import { KEY_FIELDS, keyForm, withConstraints, type KeyForm } from '../../../src/ui/promptsKeyEdit';
import { SYSTEM_FIELDS, systemForm, type SystemForm } from '../../../src/ui/promptsSystemEdit';
import { DID_NOT_CHANGE, SYSTEM } from '../../../src/ui/promptsText';

const tag = (name: string) => ({ tag: name, ref: `ref:${name}` });
const system = { systemId: 'AB12C', description: 'web-01', notes: 'Front end', tags: [tag('web'), tag('prod')] } as unknown as EnclaveSystem;
const before = systemForm(system);
const saved: SystemForm = { description: 'web-02', notes: 'Front end', tags: 'web, staging' };
const forms: EditForms<SystemForm> = { specs: SYSTEM_FIELDS, before, saved };

describe('undo: restoring an edit', () => {
  it('puts back the earlier values of exactly the edited fields, as the API takes them', () => {
    assert.deepStrictEqual(restorePatch(forms), { description: 'web-01', tags: ['web', 'prod'] });
  });

  it('restores an emptied field and clears a field the edit filled', () => {
    const emptied: EditForms<SystemForm> = { specs: SYSTEM_FIELDS, before: { ...before, notes: '' }, saved: { ...before, description: '', notes: 'New notes' } };
    assert.deepStrictEqual(restorePatch(emptied), { description: 'web-01', notes: null });
  });

  it('restores without asking while the edited fields hold what was saved (order and spacing aside)', () => {
    assert.deepStrictEqual(checkRestore(forms, { ...saved, tags: 'staging,web ' }), { kind: 'asSaved' });
    // A field the edit did not touch may have changed: the undo does not send it.
    assert.deepStrictEqual(checkRestore(forms, { ...saved, notes: 'Changed in the portal' }), { kind: 'asSaved' });
  });

  it('sends nothing when the edited fields already hold the earlier values', () => {
    assert.deepStrictEqual(checkRestore(forms, before), { kind: 'alreadyBefore' });
  });

  it('names what changed since the edit, against what was saved', () => {
    const found = checkRestore(forms, { ...saved, description: 'web-03' });
    assert.strictEqual(found.kind, 'changedSince');
    assert.deepStrictEqual(found.kind === 'changedSince' && found.changes.map((c) => [c.key, c.before, c.after]), [['description', "'web-02'", "'web-03'"]]);
    // One field back as before and the other changed again is still a change by someone else.
    assert.strictEqual(checkRestore(forms, { ...before, tags: 'db' }).kind, 'changedSince');
  });

  it('gives restored key ranges the descriptions the key had before the edit', () => {
    const key = {
      id: 7, description: 'Build agents', approvalMode: 'Manual', usesRemaining: -1, type: 'GeneralPurpose', disconnectedRetentionMinutes: null,
      tags: [], notes: null, ipConstraints: [{ range: '10.0.0.0/8', description: 'Office' }, { range: '192.168.1.1' }],
    } as unknown as EnrolmentKey;
    const keyForms: EditForms<KeyForm> = { specs: KEY_FIELDS, before: keyForm(key), saved: { ...keyForm(key), ipConstraints: '192.168.1.1', usesRemaining: '3' } };
    const patch = restorePatch(keyForms);
    assert.deepStrictEqual(patch, { usesRemaining: -1, ipConstraints: ['10.0.0.0/8', '192.168.1.1'] });
    assert.deepStrictEqual(withConstraints(patch, key).ipConstraints, [{ range: '10.0.0.0/8', description: 'Office' }, { range: '192.168.1.1' }]);
  });
});

describe('undo: an enable or disable put back', () => {
  const calls: string[] = [];
  const undo = {
    verbing: 'Enabling',
    participle: 'enabled',
    one: async (_c: EnclaveClient, orgId: string, id: string) => calls.push(`one ${orgId} ${id}`),
    many: async (_c: EnclaveClient, orgId: string, ids: readonly string[]) => (calls.push(`many ${orgId} ${ids.join(',')}`), ids.length - 1),
  };
  const action = { noun: SYSTEM, affects: ['systems'] as const, notDone: DID_NOT_CHANGE };
  const names = new Map([['A', 'web-01'], ['B', 'web-02'], ['C', 'db-01']]);
  const client = {} as EnclaveClient;
  const signal = new AbortController().signal;

  beforeEach(() => (calls.length = 0));

  it('one item: the single opposite call, named', async () => {
    const u = toggleUndo(action, undo, 'org1', ['B'], names);
    assert.strictEqual(u.progress, "Enabling system 'web-02'…");
    await u.run(client, signal);
    assert.deepStrictEqual(calls, ['one org1 B']);
    assert.strictEqual(u.done, "Enabled system 'web-02' again.");
    assert.strictEqual(u.failed, "System 'web-02' could not be enabled again");
    assert.deepStrictEqual(u.affects, ['systems']);
  });

  it('many: one bulk call with exactly those ids, and the undo\'s own count said exactly', async () => {
    const u = toggleUndo(action, undo, 'org1', ['A', 'B', 'C'], names);
    const counted = await u.run(client, signal);
    assert.deepStrictEqual(calls, ['many org1 A,B,C']);
    assert.strictEqual(typeof u.done, 'function');
    const done = u.done as (n: unknown) => string;
    assert.strictEqual(done(3), 'Enabled 3 systems again.');
    assert.strictEqual(done(counted), 'Enabled 2 of 3 systems; 1 did not change.');
  });
});
