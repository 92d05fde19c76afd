// Which systems the clean-up calls stale, the days box's rule, and the dry-run report's text.
import * as assert from 'node:assert/strict';
import type { EnclaveSystem } from '../../../src/api/types';
import { confirmPhrase, isStale, staleSystems, summaryMarkdown, validateDays } from '../../../src/features/staleSystems';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const system = (id: string, over: Partial<EnclaveSystem> = {}): EnclaveSystem =>
  ({ systemId: id, description: id.toLowerCase(), state: 'Disconnected', isEnabled: true, enrolledAt: daysAgo(400), lastSeen: daysAgo(40), enrolmentKeyId: 1, systemType: 'GeneralPurpose', gatewayRoutes: [], tags: [], ...over }) as EnclaveSystem;

describe('stale systems', () => {
  it('a connected system never counts, whatever its dates', () => assert.equal(isStale(system('A', { state: 'Connected', lastSeen: daysAgo(500) }), 30, now), false));
  it('disabled and disconnected systems count when last seen more than N days ago', () => {
    assert.equal(isStale(system('A', { state: 'Disabled', isEnabled: false }), 30, now), true);
    assert.equal(isStale(system('A', { lastSeen: daysAgo(29.9) }), 30, now), false);
    assert.equal(isStale(system('A', { lastSeen: daysAgo(30.1) }), 30, now), true);
  });
  it('never seen: the enrolment date decides; an unreadable date is left alone', () => {
    assert.equal(isStale(system('A', { lastSeen: null, enrolledAt: daysAgo(31) }), 30, now), true);
    assert.equal(isStale(system('A', { lastSeen: null, enrolledAt: daysAgo(2) }), 30, now), false);
    assert.equal(isStale(system('A', { lastSeen: 'soon', enrolledAt: 'never' }), 30, now), false);
  });
  it('lists the longest gone first', () => {
    const list = staleSystems([system('B', { lastSeen: daysAgo(40) }), system('A', { lastSeen: daysAgo(90) }), system('C', { state: 'Connected' })], 30, now);
    assert.deepEqual(list.map((s) => s.systemId), ['A', 'B']);
  });
  it('takes whole days from 1 to 3650 only', () => {
    for (const ok of ['1', '30', ' 45 ', '3650']) assert.equal(validateDays(ok), undefined, ok);
    for (const bad of ['', '0', '-3', '3651', '2.5', '1e3', 'ten']) assert.ok(validateDays(bad), bad);
  });
  it('the phrase is "revoke N"', () => assert.equal(confirmPhrase(12), 'revoke 12'));
  it('the report counts, and keeps a name with a pipe inside its cell', () => {
    const stale = [system('A', { description: 'a | b', state: 'Disabled', isEnabled: false, platformType: 'Linux', enrolmentKeyDescription: 'Build' }), system('B', { lastSeen: null })];
    const text = summaryMarkdown({ orgName: 'Acme', days: 30, total: 9, stale, now });
    assert.match(text, /^# Stale systems in Acme\n/);
    assert.match(text, /- \*\*2\*\* of 9 systems have not been seen for more than 30 days\n- 1 disconnected, 1 disabled; 1 never seen since enrolling/);
    assert.match(text, /\| a \\\| b \| A \| .+ \(1 month ago\) \| Linux \| Build \| Disabled \|/);
    assert.match(text, /\| b \| B \| .+, never seen since enrolling \| — \| #1 \| Disconnected \|/);
  });
});
