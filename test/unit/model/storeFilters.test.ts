import * as assert from 'node:assert/strict';
import type { StoreChange } from '../../../src/commands/context';
import { NO_FILTER, queryFor, type ListFilter } from '../../../src/model/listQuery';
import { EnclaveStore, type FilterMemory } from '../../../src/model/store';
import { anOrg, FakeSession, manySystems, silentLog } from './fixtures';

const A = 'aaaa0000aaaa0000aaaa0000aaaa0000';

function memory(): FilterMemory & { saved: Map<string, ListFilter> } {
  const saved = new Map<string, ListFilter>();
  return {
    saved,
    get: (orgId, kind) => saved.get(`${orgId}/${kind}`),
    set: (orgId, kind, filter) => void (filter ? saved.set(`${orgId}/${kind}`, filter) : saved.delete(`${orgId}/${kind}`)),
  };
}

describe('EnclaveStore filters and groups', () => {
  let session: FakeSession;
  let store: EnclaveStore;
  let filters: ReturnType<typeof memory>;
  let changes: StoreChange[];

  beforeEach(() => {
    session = new FakeSession({ orgs: [anOrg(A, 'Acme')], systems: { [A]: manySystems(120) }, keys: { [A]: [] }, pending: { [A]: [] } });
    filters = memory();
    store = new EnclaveStore(session, silentLog, { filters });
    changes = [];
    store.onDidChange((c) => changes.push(c));
  });
  afterEach(() => store.dispose());

  const lastQuery = () => session.calls.filter((c) => c.what === 'systems').at(-1)?.query;

  it('sends the filter as search and include_disabled, and remembers it', async () => {
    await store.setFilter(A, 'systems', { search: ' state:connected ', showDisabled: false });
    await store.load(A, 'systems');
    assert.deepEqual(lastQuery(), { search: 'state:connected', includeDisabled: false, sort: 'DescriptionOrHostname', page: 0, perPage: 50 });
    assert.deepEqual(filters.saved.get(`${A}/systems`), { search: 'state:connected', showDisabled: false });
    assert.deepEqual(store.filter(A, 'systems'), { search: 'state:connected', showDisabled: false });
  });

  it('starts a shown list again from its first page when the filter changes, and not a list never shown', async () => {
    await store.load(A, 'systems');
    await store.loadMore(A, 'systems');
    assert.equal(store.systems(A).items.length, 100);
    const before = session.count('systems');
    await store.setFilter(A, 'systems', { search: 'tags:web', showDisabled: true });
    assert.equal(session.count('systems'), before + 1, 'one request: the first page');
    assert.equal(lastQuery()?.search, 'tags:web');
    assert.equal(lastQuery()?.page, 0);
    assert.ok(changes.some((c) => c.orgId === A && c.kind === 'systems' && c.group === undefined));
    const keysBefore = session.count('enrolmentKeys');
    await store.setFilter(A, 'enrolmentKeys', { search: 'name:x', showDisabled: true });
    assert.equal(session.count('enrolmentKeys'), keysBefore, 'the keys list was never shown: nothing fetched');
  });

  it('clears a filter (forgetting it) and does nothing for the same filter again', async () => {
    await store.setFilter(A, 'systems', { search: 'os:linux', showDisabled: true });
    await store.load(A, 'systems');
    const count = session.count('systems');
    await store.setFilter(A, 'systems', { search: 'os:linux ', showDisabled: true });
    assert.equal(session.count('systems'), count, 'same filter: no request');
    await store.setFilter(A, 'systems', undefined);
    assert.equal(filters.saved.size, 0);
    assert.deepEqual(store.filter(A, 'systems'), NO_FILTER);
    assert.equal(lastQuery()?.search, undefined);
    assert.equal(lastQuery()?.includeDisabled, true);
  });

  it('loads each group as its own query combined with the filter, and refreshes groups with the list', async () => {
    await store.setFilter(A, 'systems', { search: 'tags:web', showDisabled: true });
    const group = { by: 'key' as const, value: '7', label: 'Servers', enrolmentKey: 7 };
    await store.load(A, 'systems', group);
    assert.deepEqual(lastQuery(), { search: 'tags:web', includeDisabled: true, enrolmentKey: 7, sort: 'DescriptionOrHostname', page: 0, perPage: 50 });
    assert.equal(store.list(A, 'systems', group).total, 120);
    assert.equal(store.systems(A).total, undefined, 'the whole list is another slot');
    const count = session.count('systems');
    await store.invalidate(A, ['systems']);
    assert.equal(session.count('systems'), count + 1, 'the group was shown: it is fetched again');
    assert.ok(changes.some((c) => c.group === 'key:7'));
  });

  it('forgets groups when the grouping changes', async () => {
    store.setGrouping('state');
    assert.equal(store.grouping(), 'state');
    const group = { by: 'state' as const, value: 'connected', label: 'Connected', search: 'state:connected' };
    await store.load(A, 'systems', group);
    store.setGrouping(undefined);
    assert.equal(store.list(A, 'systems', group).total, undefined);
    assert.deepEqual(changes.at(-1), {});
  });
});

describe('queryFor', () => {
  it('joins the filter and the group term, and sends no include_disabled for pending systems', () => {
    assert.deepEqual(queryFor('systems', { search: 'tags:web', showDisabled: false }, { by: 'state', value: 'connected', label: 'Connected', search: 'state:connected' }),
      { search: 'tags:web state:connected', includeDisabled: false, enrolmentKey: undefined });
    assert.deepEqual(queryFor('pending', NO_FILTER), { search: undefined, includeDisabled: false, enrolmentKey: undefined });
  });
});
