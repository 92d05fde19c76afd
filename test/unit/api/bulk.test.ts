import * as assert from 'node:assert/strict';
import { ServerError, type EnclaveClient } from '../../../src/api';
import { chunk } from '../../../src/api/bulk';
import { makeClient, rejection, sendJson, startServer, type TestServer } from './helpers';

const ORG = '99998888777766665555444433332222';

describe('api bulk calls (wire level)', () => {
  let server: TestServer;
  let client: EnclaveClient;
  let failOn: number | undefined;

  beforeEach(async () => {
    failOn = undefined;
    server = await startServer((req, res) => {
      if (server.requests.length === failOn) return sendJson(res, 400, { title: 'Nope' });
      const body = JSON.parse(server.requests[server.requests.length - 1].body) as Record<string, unknown[]>;
      const ids = body.systemIds ?? body.keyIds ?? [];
      // Pretend the first id of every chunk was already in the target state.
      const n = Math.max(0, ids.length - 1);
      const field = req.url?.includes('enrolment-keys') ? (req.method === 'DELETE' ? 'keysDeleted' : 'keysModified') : req.url?.endsWith('/approve') ? 'systemsApproved' : req.method === 'DELETE' ? (req.url?.includes('unapproved') ? 'systemsDeclined' : 'systemsRevoked') : 'systemsUpdated';
      sendJson(res, 200, { [field]: n });
    });
    client = makeClient(server.url).client;
  });

  afterEach(async () => {
    await client.dispose();
    await server.close();
  });

  const systemIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `SYS${i}`);

  it('splits 450 IDs into 3 sequential requests of at most 200 and sums the counts', async () => {
    const count = await client.systems.enableMany(ORG, systemIds(450));
    assert.equal(server.requests.length, 3);
    const sizes = server.requests.map((r) => (JSON.parse(r.body) as { systemIds: string[] }).systemIds.length);
    assert.deepEqual(sizes, [200, 200, 50]);
    assert.deepEqual(
      server.requests.flatMap((r) => (JSON.parse(r.body) as { systemIds: string[] }).systemIds),
      systemIds(450),
      'every id sent once, in order',
    );
    assert.equal(count, 199 + 199 + 49);
    assert.ok(server.requests.every((r) => r.method === 'PUT' && r.url === `/org/${ORG}/systems/enable`));
  });

  it('uses the right route, body field and count field for every bulk call', async () => {
    const cases: [() => Promise<number>, string, string, string][] = [
      [() => client.systems.disableMany(ORG, ['A', 'B']), 'PUT', `/org/${ORG}/systems/disable`, 'systemIds'],
      [() => client.systems.revokeMany(ORG, ['A', 'B']), 'DELETE', `/org/${ORG}/systems`, 'systemIds'],
      [() => client.unapprovedSystems.approveMany(ORG, ['A', 'B']), 'PUT', `/org/${ORG}/unapproved-systems/approve`, 'systemIds'],
      [() => client.unapprovedSystems.declineMany(ORG, ['A', 'B']), 'DELETE', `/org/${ORG}/unapproved-systems`, 'systemIds'],
      [() => client.enrolmentKeys.enableMany(ORG, [1, 2]), 'PUT', `/org/${ORG}/enrolment-keys/enable`, 'keyIds'],
      [() => client.enrolmentKeys.disableMany(ORG, [1, 2]), 'PUT', `/org/${ORG}/enrolment-keys/disable`, 'keyIds'],
      [() => client.enrolmentKeys.deleteMany(ORG, [1, 2]), 'DELETE', `/org/${ORG}/enrolment-keys`, 'keyIds'],
    ];
    for (const [call, method, path, field] of cases) {
      assert.equal(await call(), 1, path);
      const last = server.requests[server.requests.length - 1];
      assert.equal(last.method, method);
      assert.equal(last.url, path);
      assert.deepEqual(Object.keys(JSON.parse(last.body)), [field]);
    }
    assert.deepEqual(JSON.parse(server.requests[4].body), { keyIds: [1, 2] }, 'key ids stay numbers');
  });

  it('an empty list resolves to 0 without a request', async () => {
    assert.equal(await client.systems.revokeMany(ORG, []), 0);
    assert.equal(await client.enrolmentKeys.deleteMany(ORG, []), 0);
    assert.equal(server.requests.length, 0);
  });

  it('sends duplicated IDs once', async () => {
    await client.systems.enableMany(ORG, ['A', 'B', 'A', 'B', 'C']);
    assert.deepEqual(JSON.parse(server.requests[0].body), { systemIds: ['A', 'B', 'C'] });
  });

  it('a failing chunk stops the run and reports what was already done', async () => {
    failOn = 2;
    const err = await rejection(client.systems.disableMany(ORG, systemIds(450)));
    assert.ok(!(err instanceof ServerError));
    assert.equal((err as { status?: number }).status, 400);
    assert.deepEqual((err as { bulkProgress?: unknown }).bulkProgress, { count: 199, idsDone: 200, idsTotal: 450 });
    assert.equal(server.requests.length, 2, 'no chunk after the failed one');
  });

  it('chunk() splits at the size', () => {
    assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
    assert.deepEqual(chunk([], 2), []);
  });
});
