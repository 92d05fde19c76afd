// A bulk count lower than the items sent: the message names the ones that did not change and
// why, and counts what it cannot name instead of claiming it.
import * as assert from 'node:assert/strict';
import { unchangedItems, type ItemState } from '../../../src/commands/bulkCheck';
import { bulkNamedOutcome, DID_NOT_CHANGE, NO_LONGER_EXISTS, NO_LONGER_WAITING, SYSTEM, WAS_NOT } from '../../../src/ui/promptsText';

const disabled = { done: 'Disabled', notDone: DID_NOT_CHANGE, participle: 'disabled', gone: NO_LONGER_EXISTS };

describe('reliability: a short bulk count names what did not change', () => {
  it('names items already in the target state and items that are gone', () => {
    assert.equal(bulkNamedOutcome(disabled, SYSTEM, 3, 2, [{ name: 'web-01', why: 'already' }]), "Disabled 2 of 3 systems; 'web-01' was already disabled.");
    assert.equal(
      bulkNamedOutcome(disabled, SYSTEM, 4, 1, [{ name: 'web-01', why: 'already' }, { name: 'db-02', why: 'already' }, { name: 'old', why: 'gone' }]),
      "Disabled 1 of 4 systems; 'web-01' and 'db-02' were already disabled; 'old' no longer exists.",
    );
    assert.equal(
      bulkNamedOutcome(disabled, SYSTEM, 2, 0, [{ name: 'a', why: 'gone' }, { name: 'b', why: 'gone' }]),
      "Disabled none of the 2 systems: 'a' and 'b' no longer exist.",
    );
  });

  it('counts what it cannot name instead of claiming it, and keeps long lists short', () => {
    const approved = { done: 'Approved', notDone: WAS_NOT('approved'), participle: 'approved', gone: NO_LONGER_WAITING };
    assert.equal(bulkNamedOutcome(approved, SYSTEM, 5, 2, [{ name: 'pi', why: 'gone' }]), "Approved 2 of 5 systems; 'pi' is no longer waiting for approval; 2 more were not approved (already approved or gone).");
    assert.equal(bulkNamedOutcome(disabled, SYSTEM, 3, 2, []), 'Disabled 2 of 3 systems; 1 did not change.');
    const seven = Array.from({ length: 7 }, (_, i) => ({ name: `s${i}`, why: 'already' as const }));
    assert.equal(bulkNamedOutcome(disabled, SYSTEM, 9, 2, seven), "Disabled 2 of 9 systems; 's0', 's1', 's2', 's3', 's4' and 2 more were already disabled.");
  });

  it('takes the reasons from the read before the call, and the read after only for what is left', () => {
    const ids = ['a', 'b', 'c'];
    const before = new Map<string, ItemState>([['a', 'pending'], ['b', 'done'], ['c', 'pending']]);
    assert.deepEqual(unchangedItems(ids, 1, before), [{ id: 'b', why: 'already' }]);
    // Two missed, the read before explains one: the read after finds 'c' untouched.
    const after = new Map<string, ItemState>([['a', 'done'], ['b', 'done'], ['c', 'pending']]);
    assert.deepEqual(unchangedItems(ids, 2, before, after), [{ id: 'b', why: 'already' }, { id: 'c', why: 'unchanged' }]);
    assert.deepEqual(unchangedItems(ids, 1, undefined), [], 'nothing read: nothing named');
  });
});
