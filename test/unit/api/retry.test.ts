import * as assert from 'node:assert/strict';
import { AbortedError, NetworkError, RateLimitedError, ServerError, TimeoutError } from '../../../src/api';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, retryReason } from '../../../src/api/retry';
import { makeClient, rejection, sendJson, startServer, type TestServer } from './helpers';

const ORG = 'aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbb';

/** A server that fails the first `failures` requests with `fail`, then answers `ok`. */
async function flaky(failures: number, fail: (res: import('node:http').ServerResponse, req: import('node:http').IncomingMessage) => void): Promise<TestServer> {
  let n = 0;
  return startServer((req, res) => {
    if (n++ < failures) return fail(res, req);
    sendJson(res, 200, { orgs: [], systemId: 'A', id: 1, systemsUpdated: 1 });
  });
}

describe('api retries', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('retries GET on 503 with backoff and succeeds; one onRequest event per attempt', async () => {
    server = await flaky(2, (res) => sendJson(res, 503, { title: 'Down for maintenance' }));
    const { client, events, retries } = makeClient(server.url);
    assert.deepEqual(await client.getOrgs(), []);
    await client.dispose();
    assert.equal(server.requests.length, 3);
    assert.deepEqual(events.map((e) => [e.attempt, e.status]), [[1, 503], [2, 503], [3, 200]]);
    assert.ok(events[0].error instanceof ServerError);
    assert.deepEqual(retries.map((r) => [r.attempt, r.reason]), [[2, 'HTTP 503'], [3, 'HTTP 503']]);
  });

  it('honours Retry-After in seconds', async () => {
    server = await flaky(1, (res) => sendJson(res, 429, { title: 'Slow down' }, { 'retry-after': '1' }));
    const { client, retries } = makeClient(server.url);
    const started = Date.now();
    await client.systems.enable(ORG, 'A');
    await client.dispose();
    assert.ok(Date.now() - started >= 950, 'waited about a second');
    assert.equal(retries[0].delayMs, 1000);
    assert.equal(server.requests.length, 2);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    server = await flaky(1, (res) => sendJson(res, 503, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }));
    const { client, retries } = makeClient(server.url);
    const started = Date.now();
    await client.getOrgs();
    await client.dispose();
    // HTTP-dates have whole seconds: the wait is between 1 and 2 s.
    assert.ok(retries[0].delayMs > 900 && retries[0].delayMs <= 2000, `delay ${retries[0].delayMs}`);
    assert.ok(Date.now() - started >= retries[0].delayMs - 20);
  });

  it('a Retry-After beyond maxRetryAfterMs fails at once with RateLimitedError carrying retryAfterMs', async () => {
    server = await flaky(5, (res) => sendJson(res, 429, { title: 'Too many requests' }, { 'retry-after': '120' }));
    const { client } = makeClient(server.url);
    const started = Date.now();
    const err = await rejection(client.getOrgs());
    await client.dispose();
    assert.ok(err instanceof RateLimitedError);
    assert.equal(err.retryAfterMs, 120_000);
    assert.equal(server.requests.length, 1);
    assert.ok(Date.now() - started < 1000);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    server = await flaky(10, (res) => sendJson(res, 429, { title: 'Too many requests' }));
    const { client } = makeClient(server.url, { retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } });
    const err = await rejection(client.getOrgs());
    await client.dispose();
    assert.ok(err instanceof RateLimitedError);
    assert.equal(server.requests.length, 3);
  });

  it('never retries POST or PATCH', async () => {
    server = await flaky(10, (res) => sendJson(res, 503, {}));
    const { client } = makeClient(server.url);
    assert.ok((await rejection(client.enrolmentKeys.create(ORG, { description: 'k' }))) instanceof ServerError);
    assert.equal(server.requests.length, 1);
    assert.ok((await rejection(client.systems.patch(ORG, 'A', { description: 'd' }))) instanceof ServerError);
    assert.equal(server.requests.length, 2);
    await client.dispose();
  });

  it('does not retry 500 or other 4xx', async () => {
    server = await flaky(10, (res) => sendJson(res, 500, {}));
    const { client } = makeClient(server.url);
    await rejection(client.getOrgs());
    assert.equal(server.requests.length, 1);
    await client.dispose();
  });

  it('retries PUT and DELETE (bulk bodies included) on connection resets', async () => {
    server = await flaky(1, (_res, req) => req.socket.destroy());
    const { client, retries } = makeClient(server.url);
    assert.equal(await client.systems.enableMany(ORG, ['A']), 1);
    assert.equal(retries[0].reason, 'ECONNRESET');
    assert.equal(server.requests.length, 2);
    assert.deepEqual(JSON.parse(server.requests[1].body), { systemIds: ['A'] });
    await client.dispose();
  });

  it('does not retry POST on a reset either', async () => {
    server = await flaky(1, (_res, req) => req.socket.destroy());
    const { client } = makeClient(server.url);
    assert.ok((await rejection(client.enrolmentKeys.create(ORG, { description: 'k' }))) instanceof NetworkError);
    assert.equal(server.requests.length, 1);
    await client.dispose();
  });

  it('retries GET on a headers timeout, but not PUT', async () => {
    server = await flaky(1, () => undefined);
    const { client } = makeClient(server.url, { timeouts: { headersMs: 150 } });
    assert.deepEqual(await client.getOrgs(), []);
    assert.equal(server.requests.length, 2);
    await server.close();
    server = await flaky(1, () => undefined);
    const put = makeClient(server.url, { timeouts: { headersMs: 150 } }).client;
    assert.ok((await rejection(put.systems.enable(ORG, 'A'))) instanceof TimeoutError);
    assert.equal(server.requests.length, 1);
    await client.dispose();
    await put.dispose();
  });

  it('an abort during the backoff wait stops at once, with no further attempt', async () => {
    server = await flaky(10, (res) => sendJson(res, 503, {}, { 'retry-after': '10' }));
    const { client } = makeClient(server.url);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await rejection(client.getOrgs({ signal: controller.signal }));
    await client.dispose();
    assert.ok(err instanceof AbortedError, String(err));
    assert.ok(Date.now() - started < 1000);
    assert.equal(server.requests.length, 1);
  });
});

describe('api retry policy (pure)', () => {
  it('parses Retry-After seconds and HTTP-dates, ignores junk', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('7', now), 7000);
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now), 3000);
    assert.equal(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
    assert.equal(parseRetryAfter('-3', now), undefined);
  });

  it('backs off exponentially, capped, with jitter in the upper half', () => {
    const o = DEFAULT_RETRY;
    assert.equal(backoffDelay(1, o, () => 0), 125);
    assert.equal(backoffDelay(1, o, () => 1), 250);
    assert.equal(backoffDelay(3, o, () => 1), 1000);
    assert.equal(backoffDelay(10, o, () => 1), 4000);
    assert.equal(backoffDelay(10, o, () => 0), 2000);
  });

  it('retries only idempotent methods', () => {
    const refused = new NetworkError('ECONNREFUSED', { method: 'X', path: '/' });
    assert.equal(retryReason('GET', refused), 'ECONNREFUSED');
    assert.equal(retryReason('PUT', refused), 'ECONNREFUSED');
    assert.equal(retryReason('DELETE', refused), 'ECONNREFUSED');
    assert.equal(retryReason('POST', refused), undefined);
    assert.equal(retryReason('PATCH', refused), undefined);
    const badCert = new NetworkError('CERT_HAS_EXPIRED', { method: 'X', path: '/' });
    assert.equal(retryReason('GET', badCert), undefined, 'a certificate error will not heal by retrying');
    const connect = new TimeoutError('connect', 1, { method: 'X', path: '/' });
    assert.equal(retryReason('PUT', connect), 'connect timeout');
    const body = new TimeoutError('body', 1, { method: 'X', path: '/' });
    assert.equal(retryReason('GET', body), 'body timeout');
    assert.equal(retryReason('DELETE', body), undefined);
  });
});
