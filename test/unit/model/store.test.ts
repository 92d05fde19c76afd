import * as assert from 'node:assert/strict';
import type { StoreChange } from '../../../src/commands/context';
import { EnclaveStore, PAGE_SIZE, PENDING_PAGE_SIZE } from '../../../src/model/store';
import { aKey, anOrg, aPending, aSystem, FakeSession, flush, manySystems, silentLog, type FakeData } from './fixtures';

const A = 'aaaa0000aaaa0000aaaa0000aaaa0000';
const B = 'bbbb0000bbbb0000bbbb0000bbbb0000';

function data(): FakeData {
  return {
    orgs: [anOrg(B, 'zeta Labs', 'Admin'), anOrg(A, 'Acme')],
    systems: { [A]: manySystems(120), [B]: manySystems(3, 'B') },
    keys: { [A]: [aKey({ id: 1 }), aKey({ id: 2, isEnabled: false, status: 'Disabled' })], [B]: [] },
    pending: { [A]: [aPending()], [B]: [] },
  };
}

describe('EnclaveStore', () => {
  let session: FakeSession;
  let store: EnclaveStore;
  let changes: StoreChange[];

  beforeEach(() => {
    session = new FakeSession(data());
    store = new EnclaveStore(session, silentLog);
    changes = [];
    store.onDidChange((c) => changes.push(c));
  });

  afterEach(() => store.dispose());

  it('lists organisations sorted by name, case-insensitively', async () => {
    session.state = { kind: 'unreachable', message: 'x', since: new Date() };
    await store.loadOrgs();
    assert.deepEqual(store.orgs().items.map((o) => o.orgName), ['Acme', 'zeta Labs']);
    assert.deepEqual(changes, [{}]);
  });

  it('adopts the organisations the session fetched while connecting, and fetches them on refresh', async () => {
    session.state = { kind: 'connected', orgs: [anOrg(B, 'beta'), anOrg(A, 'Alpha')], checkedAt: new Date() };
    await store.loadOrgs();
    assert.equal(session.count('orgs'), 0);
    assert.deepEqual(store.orgs().items.map((o) => o.orgName), ['Alpha', 'beta']);
    await store.invalidate();
    assert.equal(session.count('orgs'), 1);
    assert.deepEqual(store.orgs().items.map((o) => o.orgName), ['Acme', 'zeta Labs']);
  });

  it('asks for disabled systems and keys too, a first page of PAGE_SIZE, and a small pending page', async () => {
    await Promise.all([store.load(A, 'systems'), store.load(A, 'enrolmentKeys'), store.load(A, 'pending')]);
    const query = (what: string) => session.calls.find((c) => c.what === what)?.query;
    assert.deepEqual(query('systems'), { includeDisabled: true, sort: 'DescriptionOrHostname', page: 0, perPage: PAGE_SIZE });
    assert.equal(query('enrolmentKeys')?.includeDisabled, true);
    assert.equal(query('pending')?.perPage, PENDING_PAGE_SIZE);
    assert.equal(PAGE_SIZE, 50);
    assert.equal(store.systems(A).items.length, 50);
    assert.equal(store.systems(A).total, 120);
    assert.equal(store.enrolmentKeys(A).items.length, 2, 'the disabled key is listed');
  });

  it('shares one request between two callers of the same list', async () => {
    session.hold();
    const a = store.load(A, 'systems');
    const b = store.load(A, 'systems');
    session.release();
    await Promise.all([a, b]);
    assert.equal(session.count('systems', A), 1);
  });

  it('emits change events scoped to the organisation and list', async () => {
    await store.load(A, 'systems');
    await store.load(B, 'enrolmentKeys');
    assert.deepEqual(changes, [{ orgId: A, kind: 'systems' }, { orgId: B, kind: 'enrolmentKeys' }]);
  });

  it('invalidate re-fetches only the lists that were loaded, in the scope asked for', async () => {
    await store.loadOrgs();
    await store.load(A, 'systems');
    await store.load(A, 'pending');
    await store.load(B, 'systems');
    session.calls.length = 0;
    await store.invalidate(A, ['systems']);
    assert.deepEqual(session.calls.map((c) => `${c.what}:${c.orgId}`), [`systems:${A}`]);
    session.calls.length = 0;
    await store.invalidate(A);
    assert.deepEqual(session.calls.map((c) => `${c.what}:${c.orgId}`).sort(), [`pending:${A}`, `systems:${A}`]);
    session.calls.length = 0;
    await store.invalidate();
    assert.deepEqual(session.calls.map((c) => `${c.what}:${c.orgId ?? ''}`).sort(), ['orgs:', `pending:${A}`, `systems:${A}`, `systems:${B}`]);
  });

  it('keeps the pages the user loaded across invalidate, and shows mutations', async () => {
    await store.load(A, 'systems');
    await store.loadMore(A, 'systems');
    assert.equal(store.systems(A).items.length, 100);
    session.data.systems[A][0] = aSystem({ systemId: 'S0000', description: 'Renamed', isEnabled: false, state: 'Disabled' });
    session.calls.length = 0;
    await store.invalidate(A, ['systems']);
    assert.deepEqual(session.calls.map((c) => [c.query?.page, c.query?.perPage]), [[0, 100]], 'both loaded pages in one request');
    assert.equal(store.systems(A).items.length, 100);
    assert.equal(store.systems(A).items.find((s) => s.systemId === 'S0000')?.description, 'Renamed');
    assert.equal(store.systems(A).hasMore, true);
  });

  it('keeps a per-list error without touching other lists, and invalidate never rejects', async () => {
    await store.load(A, 'enrolmentKeys');
    session.failWith = new Error('HTTP 500');
    await store.load(A, 'systems');
    await store.invalidate(A, ['enrolmentKeys']);
    assert.equal(store.systems(A).error?.message, 'HTTP 500');
    assert.equal(store.enrolmentKeys(A).error?.message, 'HTTP 500');
    assert.equal(store.enrolmentKeys(A).items.length, 2, 'old keys stay visible under the error');
    session.failWith = undefined;
    await store.invalidate(A, ['systems']);
    assert.equal(store.systems(A).error, undefined);
    assert.equal(store.systems(A).items.length, 50);
  });

  it('drops everything on sign-out, including answers still in flight', async () => {
    await store.load(A, 'systems');
    session.hold();
    const late = store.load(B, 'systems');
    session.setState({ kind: 'signedOut' });
    session.release();
    await late;
    assert.equal(store.systems(A).items.length, 0);
    assert.equal(store.systems(B).items.length, 0);
    assert.equal(store.systems(A).total, undefined);
    assert.deepEqual(changes.at(-1), {});
  });

  it('drops everything when a new client is being validated (new token or URL)', async () => {
    await store.loadOrgs();
    session.setState({ kind: 'connecting' });
    assert.equal(store.orgs().items.length, 0);
  });

  it('re-fetches what was loaded when the API answers again after being unreachable', async () => {
    await store.load(A, 'systems');
    await store.load(A, 'pending');
    session.setState({ kind: 'unreachable', message: 'down', since: new Date() });
    session.calls.length = 0;
    session.setState({ kind: 'connected', orgs: [], checkedAt: new Date() });
    await flush();
    assert.deepEqual(session.calls.map((c) => c.what).sort(), ['pending', 'systems']);
    assert.equal(store.systems(A).items.length, 50, 'nothing was cleared');
  });

  it('counts for the status bar', async () => {
    assert.equal(store.totals(A).systems, undefined);
    session.data.systems[A] = [aSystem({ systemId: 'C1' }), aSystem({ systemId: 'D1', state: 'Disconnected' }), aSystem({ systemId: 'X1', isEnabled: false, state: 'Disabled' })];
    await Promise.all([store.load(A, 'systems'), store.load(A, 'enrolmentKeys'), store.load(A, 'pending')]);
    assert.deepEqual(store.totals(A), { systems: 3, connected: 1, connectedIsExact: true, enrolmentKeys: 2, pending: 1 });
  });

  it('forgets the lists of an organisation the token no longer sees', async () => {
    await store.loadOrgs();
    await store.load(B, 'systems');
    session.data.orgs = session.data.orgs.filter((o) => o.orgId !== B);
    await store.invalidate();
    session.calls.length = 0;
    await store.invalidate();
    assert.equal(session.count('systems', B), 0);
    assert.equal(store.systems(B).items.length, 0);
  });

  it('reports busy while any fetch is in flight', async () => {
    assert.equal(store.busy, false);
    session.hold();
    const loading = store.load(A, 'systems');
    assert.equal(store.busy, true);
    session.release();
    await loading;
    assert.equal(store.busy, false);
  });
});
