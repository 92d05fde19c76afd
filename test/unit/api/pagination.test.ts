import * as assert from 'node:assert/strict';
import { AbortedError, ServerError, walkLinksSequentially, type EnclaveClient } from '../../../src/api';
import { delay, makeClient, page, rejection, sendJson, startServer, type TestServer } from './helpers';

const ORG = '11112222333344445555666677778888';

interface PagedServer {
  server: TestServer;
  /** Highest number of page requests the server was answering at the same time. */
  maxInFlight(): number;
  inFlight(): number;
}

/**
 * `total` systems S0..S{total-1}; page p waits `latency(p)` ms. `failPage` answers 500.
 * Links are absolute and repeat the query, as the API does.
 */
async function pagedServer(total: number, latency: (p: number) => number, failPage?: number): Promise<PagedServer> {
  let inFlight = 0;
  let max = 0;
  const server = await startServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const p = Number(url.searchParams.get('page') ?? 0);
    const per = Number(url.searchParams.get('per_page') ?? 10);
    inFlight++;
    max = Math.max(max, inFlight);
    res.on('close', () => inFlight--);
    await delay(latency(p));
    if (res.destroyed) return;
    if (p === failPage) return sendJson(res, 500, { title: 'Page failed' });
    const lastPage = Math.max(0, Math.ceil(total / per) - 1);
    const items = Array.from({ length: Math.max(0, Math.min(per, total - p * per)) }, (_, i) => ({ systemId: `S${p * per + i}` }));
    const body = page(items, p, lastPage, total) as { links: Record<string, string | null> };
    const link = (n: number): string => {
      const u = new URL(url.toString().replace('http://127.0.0.1', `http://127.0.0.1:${server.port}`));
      u.searchParams.set('page', String(n));
      return u.toString();
    };
    body.links = { first: link(0), prev: p > 0 ? link(p - 1) : null, next: p < lastPage ? link(p + 1) : null, last: link(lastPage) };
    sendJson(res, 200, body);
  });
  return { server, maxInFlight: () => max, inFlight: () => inFlight };
}

const ids = (items: { systemId: string }[]): string[] => items.map((s) => s.systemId);
const expected = (n: number): string[] => Array.from({ length: n }, (_, i) => `S${i}`);

describe('api pagination', () => {
  let paged: PagedServer;
  let client: EnclaveClient;

  afterEach(async () => {
    await client.dispose();
    await paged.server.close();
  });

  it('list() returns one page', async () => {
    paged = await pagedServer(25, () => 0);
    client = makeClient(paged.server.url).client;
    const p = await client.systems.list(ORG, { page: 1, perPage: 10 });
    assert.deepEqual(ids(p.items), ['S10', 'S11', 'S12', 'S13', 'S14', 'S15', 'S16', 'S17', 'S18', 'S19']);
    assert.equal(p.metadata.lastPage, 2);
    assert.equal(paged.server.requests.length, 1);
  });

  it('all() defaults to per_page=200 and needs one request for a small list', async () => {
    paged = await pagedServer(150, () => 0);
    client = makeClient(paged.server.url).client;
    assert.deepEqual(ids(await client.systems.listAll(ORG, { includeDisabled: true })), expected(150));
    assert.equal(paged.server.requests.length, 1);
    const q = new URL(paged.server.requests[0].url, 'http://x').searchParams;
    assert.equal(q.get('per_page'), '200');
    assert.equal(q.get('page'), '0');
    assert.equal(q.get('include_disabled'), 'true');
  });

  it('all() keeps page order when later pages answer first, within the concurrency bound', async () => {
    // Page 1 is the slowest, so pages 2..4 finish before it.
    paged = await pagedServer(95, (p) => (p === 0 ? 0 : p === 1 ? 120 : 10));
    client = makeClient(paged.server.url, { pageConcurrency: 3 }).client;
    const items = await client.systems.listAll(ORG, { perPage: 10 });
    assert.deepEqual(ids(items), expected(95));
    assert.equal(paged.server.requests.length, 10);
    assert.ok(paged.maxInFlight() <= 3, `max in flight ${paged.maxInFlight()}`);
    assert.ok(paged.maxInFlight() >= 2, 'pages were fetched in parallel');
    const pages = paged.server.requests.map((r) => Number(new URL(r.url, 'http://x').searchParams.get('page')));
    assert.deepEqual([...pages].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'each page fetched once');
  });

  it('parallel paging is faster than following links one by one', async () => {
    paged = await pagedServer(100, () => 40);
    client = makeClient(paged.server.url, { pageConcurrency: 6 }).client;
    let t = Date.now();
    assert.deepEqual(ids(await client.systems.listAll(ORG, { perPage: 10 })), expected(100));
    const parallelMs = Date.now() - t;
    t = Date.now();
    const seq: { systemId: string }[] = [];
    for await (const s of walkLinksSequentially<{ systemId: string }>(client, `/org/${ORG}/systems`, { per_page: 10 })) seq.push(s);
    const sequentialMs = Date.now() - t;
    assert.deepEqual(ids(seq), expected(100));
    // 10 pages of 40 ms: about 3 rounds in parallel against 10 in series. The margin is wide
    // so a loaded machine does not flake, yet a serial implementation cannot pass.
    assert.ok(parallelMs < sequentialMs * 0.6, `parallel ${parallelMs} ms vs sequential ${sequentialMs} ms`);
  });

  it('walkLinksSequentially follows links.next one request at a time', async () => {
    paged = await pagedServer(25, () => 5);
    client = makeClient(paged.server.url).client;
    const seen: string[] = [];
    for await (const s of walkLinksSequentially<{ systemId: string }>(client, `/org/${ORG}/systems`, { per_page: 10, search: 'a b' })) seen.push(s.systemId);
    assert.deepEqual(seen, expected(25));
    assert.equal(paged.maxInFlight(), 1);
    const urls = paged.server.requests.map((r) => new URL(r.url, 'http://x'));
    assert.deepEqual(urls.map((u) => u.searchParams.get('page')), [null, '1', '2']);
    assert.ok(urls.every((u) => u.searchParams.get('search') === 'a b'));
  });

  it('a failed page fails the walk and aborts the requests still outstanding', async () => {
    paged = await pagedServer(100, (p) => (p === 2 ? 20 : p === 0 ? 0 : 2000), 2);
    client = makeClient(paged.server.url, { pageConcurrency: 4, retry: { maxRetries: 0 } }).client;
    const got: string[] = [];
    const started = Date.now();
    const err = await rejection(
      (async () => {
        for await (const s of client.systems.all(ORG, { perPage: 10 })) got.push(s.systemId);
      })(),
    );
    assert.ok(err instanceof ServerError, String(err));
    assert.ok(Date.now() - started < 1500, 'did not wait for the slow pages');
    assert.deepEqual(got, expected(10), 'only page 0 was yielded before the failure');
    await delay(50);
    assert.equal(paged.inFlight(), 0, 'outstanding page requests were aborted');
    assert.ok(paged.server.requests.filter((r) => r.aborted).length >= 2);
  });

  it("breaking out of the loop aborts outstanding requests and fetches nothing more", async () => {
    paged = await pagedServer(200, (p) => (p === 0 ? 0 : 1000));
    client = makeClient(paged.server.url, { pageConcurrency: 5 }).client;
    let n = 0;
    for await (const s of client.systems.all(ORG, { perPage: 10 })) {
      assert.equal(s.systemId, `S${n}`);
      if (++n === 3) {
        await delay(100); // let the parallel page requests reach the server
        break;
      }
    }
    await delay(50);
    assert.equal(paged.server.requests.length, 6, 'page 0 plus the 5 in flight');
    assert.equal(paged.inFlight(), 0);
    assert.equal(paged.server.requests.filter((r) => r.aborted).length, 5);
  });

  it("the caller's signal aborts the walk and its outstanding requests", async () => {
    paged = await pagedServer(100, (p) => (p === 0 ? 0 : 1000));
    client = makeClient(paged.server.url, { pageConcurrency: 3 }).client;
    const controller = new AbortController();
    const got: string[] = [];
    const walk = (async () => {
      for await (const s of client.systems.all(ORG, { perPage: 10 }, { signal: controller.signal })) got.push(s.systemId);
    })();
    await delay(100);
    controller.abort();
    const err = await rejection(walk);
    assert.ok(err instanceof AbortedError, String(err));
    await delay(50);
    assert.equal(paged.inFlight(), 0);
    assert.deepEqual(got, expected(10));
  });

  it('follows lastPage growing during the walk', async () => {
    let total = 30;
    const server = await startServer((req, res) => {
      const p = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page'));
      const items = Array.from({ length: 10 }, (_, i) => ({ systemId: `S${p * 10 + i}` }));
      sendJson(res, 200, page(items, p, Math.ceil(total / 10) - 1, total));
      total = 50;
    });
    paged = { server, maxInFlight: () => 0, inFlight: () => 0 };
    client = makeClient(server.url, { pageConcurrency: 1 }).client;
    assert.deepEqual(ids(await client.systems.listAll(ORG, { perPage: 10 })), expected(50));
  });
});
