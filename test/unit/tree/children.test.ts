import * as assert from 'node:assert/strict';
import type { ListState } from '../../../src/commands/context';
import type { ConnectionState } from '../../../src/model/connection';
import { refreshScope } from '../../../src/commands/refresh';
import { listChildren, orgChildren, rootNodes } from '../../../src/tree/children';
import { NodeCache, parseNodeId } from '../../../src/tree/nodeCache';
import type { EnclaveNode, MessageNode } from '../../../src/tree/nodes';
import { anOrg, aSystem } from '../model/fixtures';

const ORG = 'aaaa0000aaaa0000aaaa0000aaaa0000';
const describeError = (e: Error) => `it said ${e.message}`;
const connected: ConnectionState = { kind: 'connected', orgs: [], checkedAt: new Date() };

function state<T>(over: Partial<ListState<T>> = {}): ListState<T> {
  return { items: [], total: undefined, loading: false, error: undefined, hasMore: false, ...over };
}

const texts = (nodes: EnclaveNode[]) => nodes.map((n) => (n.type === 'message' ? `${n.severity}:${n.text}` : n.id));

describe('tree children', () => {
  it('root: nothing when signed out (the welcome view shows), a sign-in row when the token was rejected', () => {
    const cache = new NodeCache();
    assert.deepEqual(rootNodes({ kind: 'signedOut' }, state(), cache, describeError), []);
    const [rejected] = rootNodes({ kind: 'rejected' }, state(), cache, describeError) as MessageNode[];
    assert.equal(rejected.text, 'The saved token was rejected — sign in again');
    assert.equal(rejected.signIn, true);
  });

  it('root: "Loading…" while the session connects', () => {
    assert.deepEqual(texts(rootNodes({ kind: 'connecting' }, state(), new NodeCache(), describeError)), ['loading:Loading…']);
  });

  it('root: organisations, loading, empty and error rows', () => {
    const cache = new NodeCache();
    const orgs = [anOrg(ORG, 'Acme')];
    assert.deepEqual(texts(rootNodes(connected, state({ items: orgs, total: 1 }), cache, describeError)), [`org/${ORG}`]);
    assert.deepEqual(texts(rootNodes(connected, state({ loading: true }), cache, describeError)), ['loading:Loading…']);
    assert.deepEqual(texts(rootNodes(connected, state({ total: 0 }), cache, describeError)), ['empty:No organisations: this token has access to none']);
    const failed = rootNodes(connected, state({ error: new Error('HTTP 403') }), cache, describeError) as MessageNode[];
    assert.deepEqual(texts(failed), ['error:Could not load organisations: it said HTTP 403']);
    assert.deepEqual(failed[0].retry, {});
  });

  it('root: an unreachable API is a retry row above the organisations already loaded', () => {
    const nodes = rootNodes({ kind: 'unreachable', message: 'connection refused', since: new Date() }, state({ items: [anOrg(ORG, 'Acme')], total: 1 }), new NodeCache(), describeError);
    assert.deepEqual(texts(nodes), ['error:Enclave is offline: connection refused', `org/${ORG}`]);
    assert.deepEqual((nodes[0] as MessageNode).retry, {});
  });

  it('returns the same organisation and list objects every time (VS Code refreshes by identity)', () => {
    const cache = new NodeCache();
    const orgs = state({ items: [anOrg(ORG, 'Acme')], total: 1 });
    assert.equal(rootNodes(connected, orgs, cache, describeError)[0], rootNodes(connected, orgs, cache, describeError)[0]);
    assert.equal(orgChildren(ORG, state(), cache)[0], cache.list(ORG, 'systems'));
  });

  it('org: Systems and Enrolment keys, and Pending approval only when something waits', () => {
    const cache = new NodeCache();
    assert.deepEqual(orgChildren(ORG, state({ total: 0 }), cache).map((n) => n.kind), ['systems', 'enrolmentKeys']);
    assert.deepEqual(orgChildren(ORG, state({ total: 2 }), cache).map((n) => n.kind), ['systems', 'enrolmentKeys', 'pending']);
    assert.deepEqual(orgChildren(ORG, state({ error: new Error('x') }), cache).map((n) => n.kind), ['systems', 'enrolmentKeys', 'pending']);
    // Filtered to nothing: the row stays, so its Clear Filter does.
    assert.deepEqual(orgChildren(ORG, state({ total: 0 }), cache, true).map((n) => n.kind), ['systems', 'enrolmentKeys', 'pending']);
  });

  it('list: loading, empty and error rows with the list in words', () => {
    assert.deepEqual(texts(listChildren(ORG, 'systems', state({ loading: true }), describeError)), ['loading:Loading…']);
    assert.deepEqual(texts(listChildren(ORG, 'enrolmentKeys', state({ total: 0 }), describeError)), ['empty:No enrolment keys']);
    const [error] = listChildren(ORG, 'systems', state({ error: new Error('HTTP 500') }), describeError) as MessageNode[];
    assert.equal(error.text, 'Could not load systems: it said HTTP 500');
    assert.deepEqual(error.retry, { orgId: ORG, kind: 'systems' });
    assert.deepEqual(refreshScope(error), { orgId: ORG, kinds: ['systems'] });
  });

  it('list: items with stable ids, a load-more row, and an error above stale items', () => {
    const items = [aSystem({ systemId: 'S1' }), aSystem({ systemId: 'S2' })];
    const rows = listChildren(ORG, 'systems', state({ items, total: 80, hasMore: true }), describeError);
    assert.deepEqual(rows.map((r) => r.id), [`org/${ORG}/systems/S1`, `org/${ORG}/systems/S2`, `org/${ORG}/systems/more`]);
    const stale = listChildren(ORG, 'systems', state({ items, total: 2, error: new Error('down') }), describeError);
    assert.deepEqual(texts(stale).slice(0, 1), ['error:Could not load systems: it said down']);
    assert.equal(stale.length, 3);
    // While the retry runs, the stale rows stay and the error row goes.
    assert.equal(listChildren(ORG, 'systems', state({ items, total: 2, error: new Error('down'), loading: true }), describeError).length, 2);
  });

  it('parses node ids back into their scope', () => {
    assert.deepEqual(parseNodeId(`org/${ORG}`), { orgId: ORG });
    assert.deepEqual(parseNodeId(`org/${ORG}/enrolmentKeys/12`), { orgId: ORG, kind: 'enrolmentKeys', rest: '12' });
    assert.equal(parseNodeId('message/loading'), undefined);
    assert.equal(parseNodeId(`org/${ORG}/policies`), undefined);
  });

  it('refresh scopes: everything, an organisation, a list, an entity\'s list', () => {
    const org = { type: 'org' as const, id: `org/${ORG}`, org: anOrg(ORG, 'Acme') };
    assert.deepEqual(refreshScope(undefined), {});
    assert.deepEqual(refreshScope(org), { orgId: ORG });
    assert.deepEqual(refreshScope({ type: 'list', id: 'l', orgId: ORG, kind: 'pending' }), { orgId: ORG, kinds: ['pending'] });
    assert.deepEqual(refreshScope({ type: 'system', id: 's', orgId: ORG, system: aSystem() }), { orgId: ORG, kinds: ['systems'] });
    assert.deepEqual(refreshScope({ type: 'message', id: 'message/unreachable', severity: 'error', text: 'x', retry: {} }), { orgId: undefined, kinds: undefined });
  });
});
