// A 200 answer of the wrong shape — fields missing, enum values the extension has never seen, a
// null among the items, a page without its total — must never crash the tree or show a raw
// parse error: unknown values are shown as the text they are, missing ones are left out, and
// nothing says "undefined", "NaN" or "null".
import * as assert from 'node:assert/strict';
import type { AccountOrganisation, EnclaveSystem, EnrolmentKey, Page, UnapprovedSystem } from '../../../src/api/types';
import { fetchedPage } from '../../../src/model/listKinds';
import { EnclaveStore } from '../../../src/model/store';
import { rootNodes } from '../../../src/tree/children';
import { NodeCache } from '../../../src/tree/nodeCache';
import type { ItemView } from '../../../src/tree/itemView';
import { presentKey } from '../../../src/tree/presentKey';
import { presentPending } from '../../../src/tree/presentPending';
import { presentOrg } from '../../../src/tree/presentRows';
import { presentSystem } from '../../../src/tree/presentSystem';
import { FakeSession, flush, silentLog } from '../model/fixtures';

const NOW = new Date('2026-01-12T12:00:00Z');
const NONSENSE = /\b(undefined|NaN|null|\[object Object\])\b/;

function assertReadable(view: ItemView, what: string): void {
  assert.ok(view.label.trim() !== '', `${what}: empty label`);
  for (const text of [view.label, view.description ?? '', view.tooltip ?? '']) assert.doesNotMatch(text, NONSENSE, `${what}: ${text}`);
}

describe('reliability: wrong-shaped answers in the tree', () => {
  it('shows a system that has only its ID, and one with a state and platform nobody knew', () => {
    const bare = presentSystem({ systemId: 'AB12C' } as EnclaveSystem, NOW);
    assertReadable(bare, 'bare system');
    assert.equal(bare.label, 'AB12C');
    const novel = presentSystem({ systemId: 'QX9ZZ', isEnabled: true, state: 'Quarantined', platformType: 'Plan9', tags: [] } as unknown as EnclaveSystem, NOW);
    assertReadable(novel, 'novel system');
    assert.equal(novel.description, 'Quarantined · Plan9');
    assert.equal(novel.contextValue, 'system.enabled');
  });

  it('shows a key that has only its ID, and one with a status nobody knew', () => {
    const bare = presentKey({ id: 7 } as EnrolmentKey, NOW);
    assertReadable(bare, 'bare key');
    assert.equal(bare.label, 'Enrolment key #7');
    const novel = presentKey({ id: 8, description: 'Lab', isEnabled: true, status: 'Suspended', type: 'Robot', approvalMode: 'Quorum', usesRemaining: 3, tags: [] } as unknown as EnrolmentKey, NOW);
    assertReadable(novel, 'novel key');
    assert.match(novel.description ?? '', /^Suspended · Robot · Quorum · 3 uses left$/);
  });

  it('shows a pending system that has only its ID', () => {
    assertReadable(presentPending({ systemId: 'PD1XX' } as UnapprovedSystem, NOW), 'bare pending system');
  });

  it('shows an organisation without a name by its ID', () => {
    const view = presentOrg({ orgId: 'org-1' } as AccountOrganisation);
    assertReadable(view, 'bare organisation');
    assert.equal(view.label, 'org-1');
  });

  it('keeps a page usable without its total, and drops items that are not objects', () => {
    const page = { metadata: { lastPage: 0, nextPage: null }, links: {}, items: [{ systemId: 'A' }, null, 42, { systemId: 'B' }] } as unknown as Page<EnclaveSystem>;
    const fetched = fetchedPage(page);
    assert.deepEqual(fetched.items.map((s) => s.systemId), ['A', 'B']);
    assert.equal(fetched.total, 2, 'the last page tells the total when metadata does not');
    assert.equal(fetchedPage({ ...page, items: [] } as Page<EnclaveSystem>).total, 0, 'an empty list is "No systems", not "Loading…" forever');
  });

  it('lists organisations that came without names, sorted, instead of failing the whole list', async () => {
    const orgs = [{ orgId: 'b-org', orgName: 'Beta', role: 'Owner' }, { orgId: 'a-org' }] as AccountOrganisation[];
    const session = new FakeSession({ orgs, systems: {}, keys: {}, pending: {} });
    session.state = { kind: 'connected', orgs, checkedAt: NOW };
    const store = new EnclaveStore(session, silentLog);
    await store.loadOrgs();
    assert.equal(store.orgs().error, undefined);
    assert.deepEqual(store.orgs().items.map((o) => o.orgId), ['a-org', 'b-org']);
    await store.invalidate();
    await flush();
    assert.equal(store.orgs().error, undefined, store.orgs().error?.message);
    const rows = rootNodes(session.state, store.orgs(), new NodeCache(), (e) => e.message);
    assert.deepEqual(rows.map((r) => r.id), ['org/a-org', 'org/b-org']);
  });
});
