// A bulk count lower than the items sent: the message names the ones that did not change and
// why, and counts what it cannot name instead of claiming it.
import * as assert from 'node:assert/strict';
import type { EnclaveClient } from '../../../src/api';
import { readStates, unchangedItems, type ItemState } from '../../../src/commands/bulkCheck';
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

  describe('what the read after a short count proves', () => {
    const ids = ['a', 'b', 'c'];
    const none = new Set<string>();
    const states = (...s: ItemState[]) => new Map(ids.map((id, i) => [id, s[i]] as const));

    it('enable/disable: a 404 is someone else\'s delete and an item not in the target state was left as it was', () => {
      // Two changed (a, b read back done, indistinguishable from each other), c deleted elsewhere.
      assert.deepEqual(unchangedItems({ ids, counted: 2, doneBefore: none, after: states('done', 'done', 'gone'), visible: true }), [{ id: 'c', why: 'gone' }]);
      assert.deepEqual(unchangedItems({ ids, counted: 2, doneBefore: none, after: states('done', 'pending', 'done'), visible: true }), [{ id: 'b', why: 'unchanged' }]);
    });

    it('in the target state now: "already" only when the entity data before the call says so too, or the server changed none', () => {
      // Done before (as the action received it) and now.
      assert.deepEqual(unchangedItems({ ids, counted: 2, doneBefore: new Set(['b']), after: states('done', 'done', 'done'), visible: true }), [{ id: 'b', why: 'already' }]);
      // Done now, not before: could be one this call changed. Counted, not claimed.
      assert.deepEqual(unchangedItems({ ids, counted: 2, doneBefore: none, after: states('done', 'done', 'done'), visible: true }), []);
      // The server changed none: every item done now was done without this call.
      assert.deepEqual(unchangedItems({ ids, counted: 0, doneBefore: none, after: states('done', 'gone', 'done'), visible: true }), [
        { id: 'b', why: 'gone' }, { id: 'a', why: 'already' }, { id: 'c', why: 'already' },
      ]);
    });

    it('revoke/delete/approve/decline: gone is the target state, so a 404 is named only when the server removed none', () => {
      assert.deepEqual(unchangedItems({ ids, counted: 1, doneBefore: none, after: states('gone', 'gone', 'gone'), visible: false }), []);
      // Still there: the call did not remove it. The other one missed is among a and c: counted.
      assert.deepEqual(unchangedItems({ ids, counted: 1, doneBefore: none, after: states('gone', 'pending', 'gone'), visible: false }), [{ id: 'b', why: 'unchanged' }]);
      assert.deepEqual(unchangedItems({ ids, counted: 2, doneBefore: none, after: states('gone', 'pending', 'gone'), visible: false }), [{ id: 'b', why: 'unchanged' }]);
      assert.deepEqual(unchangedItems({ ids, counted: 0, doneBefore: none, after: states('gone', 'gone', 'gone'), visible: false }), [
        { id: 'a', why: 'gone' }, { id: 'b', why: 'gone' }, { id: 'c', why: 'gone' },
      ]);
    });

    it('stops reading once what it has named accounts for the shortfall', async () => {
      const many = Array.from({ length: 20 }, (_, i) => `s${i}`);
      const read: string[] = [];
      const get = async (_c: EnclaveClient, _o: string, id: string) => (read.push(id), { isEnabled: id !== 's0' });
      const enough = (states: ReadonlyMap<string, ItemState>) => unchangedItems({ ids: many, counted: 19, doneBefore: none, after: states, visible: true }).length >= 1;
      const states = await readStates({} as EnclaveClient, 'org', many, { get, isDone: (s) => s.isEnabled }, new AbortController().signal, enough);
      assert.equal(states.get('s0'), 'pending');
      assert.ok(read.length <= 6, `read ${read.length} of 20: only the first parallel batch`);
    });

    it('names nothing it did not read, and nothing when more are named than the count leaves out (changed while read)', () => {
      assert.deepEqual(unchangedItems({ ids, counted: 1, doneBefore: none, after: new Map(), visible: true }), [], 'nothing read: nothing named');
      assert.deepEqual(unchangedItems({ ids, counted: 2, doneBefore: none, after: states('gone', 'gone', 'done'), visible: true }), []);
    });
  });
});
