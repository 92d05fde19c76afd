import * as assert from 'node:assert/strict';
import { presentKey } from '../../../src/tree/presentKey';
import { presentPending } from '../../../src/tree/presentPending';
import { loadMoreLabel, presentList, presentMessage, presentOrg } from '../../../src/tree/presentRows';
import { NO_FILTER } from '../../../src/model/listQuery';
import { presentSystem } from '../../../src/tree/presentSystem';
import { aKey, aPending, aSystem } from '../model/fixtures';

const NOW = new Date('2026-01-12T12:00:00Z');

/** A tooltip as read, with the Markdown backslash escapes applied. */
function plain(markdown: string | undefined): string {
  return (markdown ?? '').replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

describe('tree rows: systems', () => {
  it('shows state and platform, with icons that differ by shape', () => {
    const connected = presentSystem(aSystem(), NOW);
    assert.equal(connected.label, 'Web server');
    assert.equal(connected.description, 'Connected · Linux');
    assert.equal(connected.contextValue, 'system.enabled');
    assert.equal(connected.icon?.id, 'vm-active');

    const offline = presentSystem(aSystem({ state: 'Disconnected', platformType: 'Darwin' }), NOW);
    assert.equal(offline.description, 'Disconnected · macOS');
    assert.equal(offline.icon?.id, 'vm-outline');

    const disabled = presentSystem(aSystem({ isEnabled: false, state: 'Disabled', platformType: 'Windows' }), NOW);
    assert.equal(disabled.description, 'Disabled · Windows');
    assert.equal(disabled.contextValue, 'system.disabled');
    assert.equal(disabled.icon?.id, 'circle-slash');
    assert.notEqual(disabled.icon?.id, connected.icon?.id);
  });

  it('treats a disabled flag as Disabled whatever the state says', () => {
    const view = presentSystem(aSystem({ isEnabled: false, state: 'Connected' }), NOW);
    assert.ok(view.description?.startsWith('Disabled'));
    assert.equal(view.contextValue, 'system.disabled');
  });

  it('shows unknown states and platforms as text instead of failing', () => {
    const view = presentSystem(aSystem({ state: 'Hibernating', platformType: 'Plan9' }), NOW);
    assert.equal(view.description, 'Hibernating · Plan9');
    assert.equal(view.contextValue, 'system.enabled');
    assert.equal(view.icon?.id, 'vm');
    const bare = presentSystem(aSystem({ state: '', platformType: null, systemType: 'Quantum' }), NOW);
    assert.equal(bare.description, 'Unknown state');
    assert.match(bare.tooltip ?? '', /Quantum/);
  });

  it('labels by description, else hostname, else ID', () => {
    assert.equal(presentSystem(aSystem({ description: '  ' }), NOW).label, 'web-01');
    assert.equal(presentSystem(aSystem({ description: null, hostname: null }), NOW).label, 'AB12C');
  });

  it('puts every detail in the tooltip, times local with their age', () => {
    const tip = plain(presentSystem(aSystem({ lastSeen: '2026-01-12T09:00:00+00:00', state: 'Disconnected' }), NOW).tooltip);
    for (const part of ['ID:** AB12C', 'web-01', '100.64.0.2 (100.64.0.0/10)', '203.0.113.10', 'Linux · Ubuntu 24.04', '2026.1.1', 'Servers', 'Tags:** web']) assert.ok(tip.includes(part), part);
    assert.match(tip, /\*\*Last seen:\*\* .*\(3 hours ago\)/);
    assert.match(tip, /\*\*Enrolled:\*\* .*\(2 days ago\)/);
  });
});

describe('tree rows: enrolment keys', () => {
  it('describes type, approval and uses', () => {
    assert.equal(presentKey(aKey(), NOW).description, 'General purpose · Automatic approval · 12 uses left');
    assert.equal(presentKey(aKey({ usesRemaining: -1, approvalMode: 'Manual', type: 'Ephemeral' }), NOW).description, 'Ephemeral · Manual approval · unlimited uses');
    assert.equal(presentKey(aKey({ usesRemaining: 1 }), NOW).description, 'General purpose · Automatic approval · 1 use left');
    assert.equal(presentKey(aKey({ usesRemaining: 20000 }), NOW).description, 'General purpose · Automatic approval · 20,000 uses left');
  });

  it('says first when a key cannot enrol, with context values the menus match', () => {
    const disabled = presentKey(aKey({ isEnabled: false, status: 'Disabled' }), NOW);
    assert.ok(disabled.description?.startsWith('Disabled · '));
    assert.equal(disabled.contextValue, 'key.disabled');
    const used = presentKey(aKey({ status: 'NoUsesRemaining', usesRemaining: 0 }), NOW);
    assert.equal(used.description, 'No uses remaining · General purpose · Automatic approval');
    assert.match(used.contextValue, /^key\.enabled/);
    assert.equal(presentKey(aKey(), NOW).contextValue, 'key.enabled');
  });

  it('shows unknown values as text', () => {
    const view = presentKey(aKey({ status: 'Suspended', type: 'Robot', approvalMode: 'Vote' }), NOW);
    assert.equal(view.description, 'Suspended · Robot · Vote · 12 uses left');
  });

  it('never shows the secret key value, in the row or the tooltip', () => {
    const key = aKey({ ipConstraints: [{ range: '198.51.100.0/24', description: 'Office' }], lastUsed: '2026-01-12T11:00:00Z', tags: [{ tag: 'laptops', ref: 'r' }] });
    const view = presentKey(key, NOW);
    const all = JSON.stringify(view);
    assert.ok(!all.includes(key.key), 'the secret appears');
    const tip = plain(view.tooltip);
    for (const part of ['General purpose', 'Automatic approval', 'Uses remaining:** 12', '198.51.100.0/24 (Office)', 'laptops', '(1 hour ago)']) assert.ok(tip.includes(part), part);
    assert.match(tip, /Enrolled systems:\*\* 3/);
    assert.match(tip, /Waiting for approval:\*\* 1/);
    assert.match(presentKey(aKey(), NOW).tooltip ?? '', /Last used:\*\* never/);
  });
});

describe('tree rows: pending, organisations, lists, messages', () => {
  it('shows how long a pending system has waited and with which key', () => {
    const view = presentPending(aPending(), NOW);
    assert.equal(view.label, 'new-laptop');
    assert.equal(view.description, 'waiting 2 days · key Workstations');
    assert.equal(view.contextValue, 'pending');
    assert.equal(presentPending(aPending({ enrolmentKeyDescription: null, enrolmentKeyIsDeleted: true }), NOW).description, 'waiting 2 days · key #12 (deleted)');
  });

  it('lists a pending system’s details in the tooltip, the shared ones in the order a system’s tooltip has them', () => {
    const labels = (tip: string | undefined): string[] => [...(tip ?? '').matchAll(/\*\*([^*]+):\*\*/g)].map((m) => m[1]);
    const shared = ['OS', 'Enclave version', 'Type', 'Tags', 'Enrolment key', 'Enrolled'];
    const pending = aPending({ platformType: 'Linux', osVersion: 'Ubuntu 24.04', enclaveVersion: '2026.1.1', tags: [{ tag: 'laptops', ref: 'ref:1', colour: null }] });
    const tip = presentPending(pending, NOW).tooltip;
    assert.deepEqual(labels(tip), ['ID', 'Hostname', 'Enrolled from', ...shared]);
    for (const part of ['Linux · Ubuntu 24.04', '2026.1.1', 'General purpose', 'laptops', 'Workstations', '(2 days ago)']) assert.ok(plain(tip).includes(part), part);
    const system = labels(presentSystem(aSystem(), NOW).tooltip);
    const at = system.indexOf('OS');
    assert.deepEqual(system.slice(at, at + shared.length), shared);
  });

  it('shows an organisation with its role', () => {
    const view = presentOrg({ orgId: 'o1', orgName: 'Acme', role: 'Owner' });
    assert.deepEqual([view.label, view.description, view.icon?.id, view.contextValue], ['Acme', 'Owner', 'organization', 'org']);
    assert.equal(presentOrg({ orgId: 'o1', orgName: 'Acme', role: 'Auditor' }).description, 'Auditor');
  });

  it('shows list totals once known', () => {
    const state = { items: [], total: undefined, loading: true, error: undefined, hasMore: false };
    assert.equal(presentList('systems', state, NO_FILTER).description, undefined);
    const loaded = presentList('enrolmentKeys', { ...state, loading: false, total: 20000, items: new Array(50).fill(0) }, NO_FILTER);
    assert.deepEqual([loaded.label, loaded.description, loaded.contextValue], ['Enrolment keys', '20,000', 'list.enrolmentKeys']);
    assert.equal(presentList('pending', { ...state, total: 4 }, NO_FILTER).label, 'Pending approval');
  });

  it('labels "Load more" with what is shown of the total', () => {
    assert.equal(loadMoreLabel(50, 20000), 'Load more… (50 of 20,000 shown)');
    assert.equal(loadMoreLabel(1250, 1300), 'Load more… (1,250 of 1,300 shown)');
  });

  it('makes error rows retry and the rejected-token row sign in', () => {
    const error = presentMessage({ type: 'message', id: 'x', severity: 'error', text: 'Could not load systems: down', retry: { orgId: 'o', kind: 'systems' } });
    assert.equal(error.contextValue, 'message.error');
    assert.deepEqual(error.command, { id: 'enclave.refresh', title: 'Retry', withNode: true });
    const signIn = presentMessage({ type: 'message', id: 'y', severity: 'error', text: 'The saved token was rejected — sign in again', signIn: true });
    assert.equal(signIn.command?.id, 'enclave.signIn');
    assert.equal(presentMessage({ type: 'message', id: 'z', severity: 'loading', text: 'Loading…' }).command, undefined);
  });
});
