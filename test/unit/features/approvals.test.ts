// The approvals inbox's pure logic: the badge's sum and tooltip, which pending systems count as
// arrivals (never the first look), and the words of the arrival notification and the outcome.
import * as assert from 'assert';
import { ArrivalTracker } from '../../../src/features/approvalArrivals';
import { arrivalMessage, orgNames, reviewOutcome } from '../../../src/features/approvalsWords';
import { summarisePending } from '../../../src/model/approvalCounts';
import { WAS_NOT } from '../../../src/ui/promptsText';

describe('approvals inbox: badge summary', () => {
  it('sums the known totals and names the organisations when few', () => {
    assert.deepStrictEqual(summarisePending([{ name: 'Acme', count: 4 }, { name: 'Beta', count: 8 }, { name: 'Gamma', count: 0 }]), {
      total: 12,
      tooltip: '12 systems await approval: Acme 4, Beta 8',
    });
  });

  it('says "in" for one organisation and counts organisations when many', () => {
    assert.deepStrictEqual(summarisePending([{ name: 'Acme', count: 1 }, { name: 'Beta', count: undefined }]), { total: 1, tooltip: '1 system awaits approval in Acme' });
    const many = ['A', 'B', 'C', 'D', 'E'].map((name) => ({ name, count: 2 }));
    assert.deepStrictEqual(summarisePending(many), { total: 10, tooltip: '10 systems await approval in 5 organisations' });
  });

  it('has no badge when nothing waits or nothing is known yet', () => {
    assert.strictEqual(summarisePending([]), undefined);
    assert.strictEqual(summarisePending([{ name: 'Acme', count: 0 }, { name: 'Beta', count: undefined }]), undefined);
  });
});

describe('approvals inbox: arrivals', () => {
  it('learns on the first look and reports only IDs never seen after it', () => {
    const tracker = new ArrivalTracker();
    assert.deepStrictEqual(tracker.observe('o1', ['A', 'B']), []);
    assert.deepStrictEqual(tracker.observe('o1', ['C', 'A', 'B']), ['C']);
    assert.deepStrictEqual(tracker.observe('o1', ['C', 'A', 'B']), [], 'the same list again is no news');
    assert.deepStrictEqual(tracker.observe('o2', ['A']), [], 'each organisation has its own first look');
  });

  it('does not announce a system again after it left the list and came back', () => {
    const tracker = new ArrivalTracker();
    tracker.observe('o1', ['A', 'B']);
    assert.deepStrictEqual(tracker.observe('o1', ['B']), []);
    assert.deepStrictEqual(tracker.observe('o1', ['A', 'B', 'D']), ['D']);
  });

  it('starts over after reset (sign-out, another account)', () => {
    const tracker = new ArrivalTracker();
    tracker.observe('o1', ['A']);
    tracker.reset();
    assert.deepStrictEqual(tracker.observe('o1', ['A', 'B']), []);
  });
});

describe('approvals inbox: words', () => {
  it('words the arrival notification for one system, one organisation, several', () => {
    assert.strictEqual(arrivalMessage([{ orgName: 'Acme', names: ['laptop-7'] }]), "New system 'laptop-7' awaits approval in Acme.");
    assert.strictEqual(arrivalMessage([{ orgName: 'Acme', names: ['a', 'b'] }]), '2 new systems await approval in Acme.');
    assert.strictEqual(arrivalMessage([{ orgName: 'Acme', names: ['a', 'b'] }, { orgName: 'Beta', names: ['c'] }]), '3 new systems await approval: 2 in Acme, 1 in Beta.');
  });

  it('words the combined outcome, with what the API did not count', () => {
    const words = { done: 'Approved', notDone: WAS_NOT('approved') };
    assert.strictEqual(reviewOutcome(words, 5, 5, ['Acme', 'Beta']), 'Approved 5 systems in Acme and Beta.');
    assert.strictEqual(reviewOutcome(words, 5, 4, ['Acme']), 'Approved 4 of 5 systems in Acme; 1 was not approved (already approved or gone).');
    assert.strictEqual(reviewOutcome(words, 2, 0, ['Acme']), 'Approved none of the 2 systems in Acme: they were not approved (already approved or gone).');
    assert.strictEqual(orgNames(['A', 'B', 'C']), 'A, B and C');
  });
});
