import * as assert from 'assert';
import { systemLabel } from '../../../src/tree/presentSystem';
import { bulkOutcome, DID_NOT_CHANGE, KEY, keyName, subject, SYSTEM, WAS_NOT } from '../../../src/ui/promptsText';

describe('entity action wording', () => {
  it('names a system as the tree does: description, hostname, ID', () => {
    assert.strictEqual(systemLabel({ systemId: 'AB12C', description: 'web-01', hostname: 'h' }), 'web-01');
    assert.strictEqual(systemLabel({ systemId: 'AB12C', description: ' ', hostname: 'host-1' }), 'host-1');
    assert.strictEqual(systemLabel({ systemId: 'AB12C', description: null, hostname: null }), 'AB12C');
    assert.strictEqual(keyName({ id: 4, description: '' }), '#4');
  });

  it('names one item, counts several', () => {
    assert.strictEqual(subject(['web-01'], SYSTEM), "system 'web-01'");
    assert.strictEqual(subject(['a', 'b', 'c'], SYSTEM), '3 systems');
    assert.strictEqual(subject(['a', 'b'], KEY), '2 enrolment keys');
  });

  it('reports a bulk result exactly, not as if all changed', () => {
    const disabled = { done: 'Disabled', notDone: DID_NOT_CHANGE };
    assert.strictEqual(bulkOutcome(disabled, SYSTEM, 3, 3), 'Disabled 3 systems.');
    assert.strictEqual(bulkOutcome(disabled, SYSTEM, 3, 2), 'Disabled 2 of 3 systems; 1 did not change.');
    assert.strictEqual(bulkOutcome(disabled, SYSTEM, 2, 0), 'Disabled none of the 2 systems: they did not change.');
    const revoked = { done: 'Revoked', notDone: WAS_NOT('revoked') };
    assert.strictEqual(bulkOutcome(revoked, SYSTEM, 5, 3), 'Revoked 3 of 5 systems; 2 were not revoked (already revoked or gone).');
    assert.strictEqual(bulkOutcome(revoked, KEY, 4, 3), 'Revoked 3 of 4 enrolment keys; 1 was not revoked (already revoked or gone).');
  });
});
