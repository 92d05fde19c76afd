// A failed page among many, against the local Enclave-compatible server: the all-pages walk
// must fail as a whole with that page's own error — not with the aborts of its siblings, and
// never by returning the pages that did arrive as if they were the whole list.
import * as assert from 'node:assert/strict';
import { AbortedError, EnclaveClient, ServerError } from '../../../src/api';
import { MockEnclaveServer } from '../../server';

describe('perf: a failed page fails the all-pages walk', () => {
  let server: MockEnclaveServer;
  let client: EnclaveClient;
  let orgId: string;

  beforeEach(async () => {
    server = await MockEnclaveServer.start({ seed: 7, orgs: 1, systemsPerOrg: 1_000, keysPerOrg: 1, latencyMs: 15 });
    orgId = server.store.orgs[0].id;
  });
  afterEach(async () => {
    await client.dispose();
    await server.close();
  });

  /** A client that makes the next systems request after page 0 answer 500 (no retries). */
  function failingAfterFirstPage(): EnclaveClient {
    let armed = false;
    return new EnclaveClient({
      baseUrl: server.url, token: server.token, userAgent: 'enclave-vscode-tests/0.0.0', retry: { maxRetries: 0 }, pageConcurrency: 4,
      // Page 0 has answered and pages 1.. are not sent yet: the fault catches one of them.
      onRequest: (event) => {
        if (armed || !/[?&]page=0(&|$)/.test(event.path)) return;
        armed = true;
        server.injectFault({ kind: 'error', status: 500 }, { path: '/systems$' });
      },
    });
  }

  it('listAll rejects with the failed page\'s ServerError instead of a shorter list', async () => {
    client = failingAfterFirstPage();
    const outcome = await client.systems.listAll(orgId, { includeDisabled: true, perPage: 100 }).then(
      (items) => ({ items }),
      (error: unknown) => ({ error }),
    );
    assert.ok('error' in outcome, `resolved with ${'items' in outcome ? outcome.items.length : 0} of 1000 systems`);
    const error = outcome.error;
    assert.ok(error instanceof ServerError, `rejected with ${String(error)}`);
    assert.ok(!(error instanceof AbortedError));
    assert.equal(error.status, 500);
    assert.match(error.path ?? '', /\/systems\?.*page=[1-9]/, 'the error names the page that failed');
    // The API's own words about the failure, not "Cancelled" from the sibling requests aborted after it.
    assert.match(error.message, /unexpected condition/);
  });

  it('stops fetching: no page is requested after the failure', async () => {
    client = failingAfterFirstPage();
    await client.systems.listAll(orgId, { includeDisabled: true, perPage: 100 }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pages = server.requests.filter((r) => r.path.endsWith('/systems')).map((r) => Number(r.query.page));
    // Page 0, then at most the 4 launched together; 10 pages exist.
    assert.ok(pages.length <= 5, `pages requested: ${pages.join(', ')}`);
    assert.equal(pages[0], 0);
  });
});
