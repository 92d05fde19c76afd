import * as assert from 'node:assert/strict';
import { MockEnclaveServer } from '../../server';
import { call, useServer } from './helpers';

describe('mock server: paging', () => {
  const ctx = useServer({ systemsPerOrg: 45 });
  const base = (): string => `/org/${ctx.org}/systems`;
  const enabled = (): number => ctx.server.store.systems(ctx.org).filter((s) => s.isEnabled).length;

  it('pages from 0 with metadata, and absolute links that repeat the query', async () => {
    const total = enabled();
    const perPage = 10;
    const lastPage = Math.ceil(total / perPage) - 1;
    const first = await call(ctx.server, 'GET', `${base()}?per_page=${perPage}&sort=Description`);
    assert.equal(first.status, 200);
    assert.deepEqual(first.json.metadata, { total, firstPage: 0, prevPage: null, lastPage, nextPage: 1 });
    assert.equal(first.json.items.length, perPage);
    const root = `${ctx.server.url}${base()}`;
    assert.deepEqual(first.json.links, {
      first: `${root}?per_page=10&sort=Description`, prev: null,
      next: `${root}?per_page=10&sort=Description&page=1`, last: `${root}?per_page=10&sort=Description&page=${lastPage}`,
    });
    const second = await call(ctx.server, 'GET', `${base()}?page=1&per_page=${perPage}&sort=Description`);
    assert.deepEqual(second.json.metadata, { total, firstPage: 0, prevPage: 0, lastPage, nextPage: 2 });
    assert.equal(second.json.links.prev, `${root}?per_page=10&sort=Description`);
    assert.equal(second.json.links.next, `${root}?page=2&per_page=10&sort=Description`);
  });

  it('reaches every item exactly once by following links.next', async () => {
    const seen: string[] = [];
    let next: string | null = `${ctx.server.url}${base()}?per_page=7&include_disabled=true`;
    let pages = 0;
    while (next) {
      const res = await call(ctx.server, 'GET', next.slice(ctx.server.url.length));
      seen.push(...res.json.items.map((s: { systemId: string }) => s.systemId));
      next = res.json.links.next;
      pages++;
    }
    assert.equal(pages, Math.ceil(45 / 7));
    assert.equal(seen.length, 45);
    assert.equal(new Set(seen).size, 45);
  });

  it('serves the last page short and past the end empty with nextPage null', async () => {
    const last = await call(ctx.server, 'GET', `${base()}?include_disabled=true&per_page=20&page=2`);
    assert.equal(last.json.items.length, 5);
    assert.equal(last.json.metadata.nextPage, null);
    assert.equal(last.json.links.next, null);
    const past = await call(ctx.server, 'GET', `${base()}?include_disabled=true&per_page=20&page=9`);
    assert.equal(past.status, 200);
    assert.deepEqual(past.json.items, []);
    assert.equal(past.json.metadata.total, 45);
    assert.equal(past.json.metadata.lastPage, 2);
    assert.equal(past.json.metadata.nextPage, null);
  });

  it('defaults to page 0 of 50 and answers lastPage 0 for an empty list', async () => {
    const res = await call(ctx.server, 'GET', `${base()}?include_disabled=true`);
    assert.equal(res.json.items.length, 45);
    assert.equal(res.json.links.first, `${ctx.server.url}${base()}?include_disabled=true`);
    const empty = await call(ctx.server, 'GET', `${base()}?search=nothing-matches-this`);
    assert.deepEqual(empty.json.metadata, { total: 0, firstPage: 0, prevPage: null, lastPage: 0, nextPage: null });
    assert.deepEqual(empty.json.items, []);
  });

  it('accepts per_page 200 and rejects 201, 0, a negative page and non-numbers with 400', async () => {
    assert.equal((await call(ctx.server, 'GET', `${base()}?per_page=200`)).status, 200);
    for (const q of ['per_page=201', 'per_page=0', 'page=-1', 'page=abc']) {
      const res = await call(ctx.server, 'GET', `${base()}?${q}`);
      assert.equal(res.status, 400, q);
      assert.equal(res.json.title, 'One or more validation errors occurred.');
      assert.ok(Object.keys(res.json.errors).some((k) => q.startsWith(k)), JSON.stringify(res.json.errors));
    }
  });
});

describe('mock server: 20,000 systems in one org', () => {
  let server: MockEnclaveServer;
  before(async () => {
    server = await MockEnclaveServer.start({ port: 0, orgs: 1, systemsPerOrg: 20_000, keysPerOrg: 2_000 });
  });
  after(() => server.close());

  it('pages through all of them at 200 a page, sorted, in a few seconds', async () => {
    const org = server.store.orgs[0].id;
    const started = Date.now();
    let next: string | null = `/org/${org}/systems?include_disabled=true&per_page=200&sort=DescriptionOrHostname`;
    const ids = new Set<string>();
    let previous = '';
    while (next) {
      const res = await call(server, 'GET', next);
      for (const s of res.json.items) {
        const key = (s.description || s.hostname || s.systemId).toLowerCase();
        assert.ok(key >= previous, `${key} after ${previous}`);
        previous = key;
        ids.add(s.systemId);
      }
      next = res.json.links.next ? res.json.links.next.slice(server.url.length) : null;
    }
    assert.equal(ids.size, 20_000);
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });
});
