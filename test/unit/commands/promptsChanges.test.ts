import * as assert from 'assert';
import type { EnclaveSystem, EnrolmentKey, OrganisationProperties } from '../../../src/api/types';
import { describeChange, detectChanges, display } from '../../../src/ui/promptsChanges';
import { KEY_FIELDS, keyForm } from '../../../src/ui/promptsKeyEdit';
import { ORG_FIELDS, orgForm } from '../../../src/ui/promptsOrgEdit';
import { SYSTEM_FIELDS, systemForm } from '../../../src/ui/promptsSystemEdit';

const tag = (name: string) => ({ tag: name, ref: `ref:${name}` });

const system = {
  systemId: 'AB12C', description: 'web-01', notes: 'Front end', tags: [tag('web'), tag('prod')],
} as unknown as EnclaveSystem;

const key = {
  id: 7, description: 'Build agents', approvalMode: 'Manual', usesRemaining: -1, type: 'GeneralPurpose',
  disconnectedRetentionMinutes: null, tags: [tag('ci')], notes: null,
} as unknown as EnrolmentKey;

const org = { id: 'o1', name: 'Acme', website: 'https://acme.example', phone: null } as unknown as OrganisationProperties;

describe('edit change detection', () => {
  it('sends nothing when nothing changed', () => {
    const before = systemForm(system);
    assert.deepStrictEqual(detectChanges(SYSTEM_FIELDS, before, { ...before }), { patch: {}, changes: [] });
  });

  it('sends only the changed field', () => {
    const before = systemForm(system);
    const { patch, changes } = detectChanges(SYSTEM_FIELDS, before, { ...before, description: 'web-02' });
    assert.deepStrictEqual(patch, { description: 'web-02' });
    assert.deepStrictEqual(changes.map(describeChange), ["Description: 'web-01' → 'web-02'"]);
  });

  it('sends null for an emptied field the API can clear', () => {
    const before = systemForm(system);
    const { patch } = detectChanges(SYSTEM_FIELDS, before, { ...before, description: '  ', notes: '' });
    assert.deepStrictEqual(patch, { description: null, notes: null });
  });

  it('sends an empty list for emptied tags (a list cannot be null)', () => {
    const before = systemForm(system);
    assert.deepStrictEqual(detectChanges(SYSTEM_FIELDS, before, { ...before, tags: '' }).patch, { tags: [] });
  });

  it('ignores surrounding spaces and tag order, but not a changed tag set', () => {
    const before = systemForm(system);
    assert.strictEqual(before.tags, 'web, prod');
    assert.deepStrictEqual(detectChanges(SYSTEM_FIELDS, before, { ...before, description: ' web-01 ', tags: 'prod,web' }).patch, {});
    assert.deepStrictEqual(detectChanges(SYSTEM_FIELDS, before, { ...before, tags: 'prod, web, edge' }).patch, { tags: ['prod', 'web', 'edge'] });
  });

  it('trims what it sends', () => {
    const before = systemForm(system);
    assert.deepStrictEqual(detectChanges(SYSTEM_FIELDS, before, { ...before, notes: '  New notes \n' }).patch, { notes: 'New notes' });
  });

  it('enrolment key: uses "unlimited" equals an empty box (-1); a number is sent as a number', () => {
    const before = keyForm(key);
    assert.strictEqual(before.usesRemaining, '');
    assert.deepStrictEqual(detectChanges(KEY_FIELDS, before, { ...before, usesRemaining: 'unlimited' }).patch, {});
    const { patch, changes } = detectChanges(KEY_FIELDS, before, { ...before, usesRemaining: '10', approvalMode: 'Automatic' });
    assert.deepStrictEqual(patch, { approvalMode: 'Automatic', usesRemaining: 10 });
    assert.deepStrictEqual(changes.map(describeChange), ["Approval: 'Manual' → 'Automatic'", 'Uses: unlimited → 10']);
  });

  it('enrolment key: new notes are sent, the untouched retention is not', () => {
    const before = keyForm(key);
    assert.deepStrictEqual(detectChanges(KEY_FIELDS, before, { ...before, notes: 'For CI' }).patch, { notes: 'For CI' });
  });

  it('organisation: emptied website and phone become null; the name is never null', () => {
    const before = orgForm({ ...org, phone: '+44 1' });
    const { patch } = detectChanges(ORG_FIELDS, before, { ...before, website: '', phone: '' });
    assert.deepStrictEqual(patch, { website: null, phone: null });
    assert.deepStrictEqual(detectChanges(ORG_FIELDS, before, { ...before, name: ' Acme Group ' }).patch, { name: 'Acme Group' });
  });

  it('displays values for the review step', () => {
    assert.strictEqual(display('clearable', ''), '(empty)');
    assert.strictEqual(display('tags', ''), '(none)');
    assert.strictEqual(display('tags', 'a, b'), 'a, b');
    assert.strictEqual(display('uses', ''), 'unlimited');
    assert.strictEqual(display('text', 'x'.repeat(80)).length, 62); // quotes + 59 characters + ellipsis
  });
});
