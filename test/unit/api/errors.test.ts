import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import {
  AbortedError,
  ApiError,
  ForbiddenError,
  NetworkError,
  NotFoundError,
  ResponseFormatError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
  isEnclaveError,
  type EnclaveClient,
} from '../../../src/api';
import { assertNoToken, makeClient, rejection, sendJson, startServer, TOKEN, type Handler, type TestServer } from './helpers';

const ORG = 'fedcba9876543210fedcba9876543210';

describe('api errors (wire level)', () => {
  let server: TestServer;
  let client: EnclaveClient;
  let handler: Handler;

  beforeEach(async () => {
    server = await startServer((req, res, seen) => handler(req, res, seen));
    client = makeClient(server.url, { retry: { maxRetries: 0 }, timeouts: { headersMs: 300, bodyMs: 300 } }).client;
  });

  afterEach(async () => {
    await client.dispose();
    await server.close();
  });

  it('401 and 403 are distinguishable, carry status, method and path, and no token', async () => {
    handler = (_req, res) => sendJson(res, 401, { title: 'Unauthorized', status: 401 });
    const e401 = await rejection(client.getOrgs());
    handler = (_req, res) => sendJson(res, 403, { title: 'Forbidden', detail: 'The token lacks the ReadOrgList scope.', status: 403 });
    const e403 = await rejection(client.getOrgs());
    assert.ok(e401 instanceof UnauthorizedError && !(e401 instanceof ForbiddenError));
    assert.ok(e403 instanceof ForbiddenError && !(e403 instanceof UnauthorizedError));
    assert.equal(e401.kind, 'http');
    assert.equal(e401.status, 401);
    assert.equal(e403.status, 403);
    assert.equal(e403.message, 'The token lacks the ReadOrgList scope.');
    assert.equal(e401.method, 'GET');
    assert.equal(e401.path, '/account/orgs');
    assertNoToken(e401);
    assertNoToken(e403);
  });

  it('404 exposes the problem fields', async () => {
    const problem = {
      type: 'https://api.enclave.io/problems/type/system-not-found',
      title: 'System cannot be found',
      status: 404,
      detail: 'System with Enclave identity NOPE does not exist, or your access rights do not allow access to it.',
      instance: 'https://api.enclave.io/problems/instance/7a206c0eb9208c4caab0975333ce47eb',
      traceId: '00-7a206c0eb9208c4caab0975333ce47eb-1234567890abcdef-00',
    };
    handler = (_req, res) => sendJson(res, 404, problem);
    const err = await rejection(client.systems.get(ORG, 'NOPE'));
    assert.ok(err instanceof NotFoundError);
    assert.equal(err.type, problem.type);
    assert.equal(err.title, problem.title);
    assert.equal(err.detail, problem.detail);
    assert.equal(err.traceId, problem.traceId);
    assert.deepEqual(err.problem, problem);
    assert.equal(err.message, problem.detail);
    assert.equal(err.path, `/org/${ORG}/systems/NOPE`);
  });

  it('400 with validation errors becomes ValidationError with the map; one message becomes the message', async () => {
    handler = (_req, res) => sendJson(res, 400, { title: 'One or more validation errors occurred.', status: 400, errors: { Tags: ['Duplicate tag "web".'] } });
    const one = await rejection(client.systems.patch(ORG, 'ABCDE', { tags: ['web', 'web'] }));
    assert.ok(one instanceof ValidationError);
    assert.deepEqual(one.validationErrors, { Tags: ['Duplicate tag "web".'] });
    assert.equal(one.message, 'Duplicate tag "web".');

    handler = (_req, res) => sendJson(res, 400, { title: 'One or more validation errors occurred.', errors: { Name: ['Too long.'], Phone: ['Not a number.'] } });
    const two = await rejection(client.organisations.patch(ORG, { name: 'x'.repeat(999), phone: 'abc' }));
    assert.ok(two instanceof ValidationError);
    assert.equal(Object.keys(two.validationErrors ?? {}).length, 2);
    assert.match(two.message, /Name: Too long\..*Phone: Not a number\./);
  });

  it('an HTML 502 from a proxy gives a plain sentence, never the HTML', async () => {
    handler = (_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>');
    };
    const err = await rejection(client.getOrgs());
    assert.ok(err instanceof ServerError);
    assert.equal(err.status, 502);
    assert.equal(err.message, 'The Enclave API returned HTTP 502 (Bad Gateway)');
    assert.equal(err.problem, undefined);
  });

  it('malformed JSON and wrong-shaped JSON on 2xx are ResponseFormatError with status and path', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"orgs": [');
    };
    const bad = await rejection(client.getOrgs());
    assert.ok(bad instanceof ResponseFormatError);
    assert.equal(bad.kind, 'format');
    assert.equal(bad.status, 200);
    assert.equal(bad.path, '/account/orgs');

    handler = (_req, res) => sendJson(res, 200, { metadata: { lastPage: 0 }, links: {}, results: [] });
    const shape = await rejection(client.systems.list(ORG));
    assert.ok(shape instanceof ResponseFormatError);
    assert.match(shape.message, /items/);

    handler = (_req, res) => sendJson(res, 200, { systemsUpdated: 'lots' });
    assert.ok((await rejection(client.systems.enableMany(ORG, ['A']))) instanceof ResponseFormatError);

    handler = (_req, res) => sendJson(res, 200, [1, 2]);
    assert.ok((await rejection(client.systems.get(ORG, 'A'))) instanceof ResponseFormatError);

    handler = (_req, res) => {
      res.end();
    };
    const empty = await rejection(client.systems.get(ORG, 'A'));
    assert.ok(empty instanceof ResponseFormatError, 'an empty body where an entity is expected');
  });

  it('a refused connection on a closed port is NetworkError ECONNREFUSED', async () => {
    const port = server.port;
    await client.dispose();
    await server.close();
    const c = makeClient(`http://127.0.0.1:${port}`, { retry: { maxRetries: 0 } }).client;
    const err = await rejection(c.getOrgs());
    await c.dispose();
    assert.ok(err instanceof NetworkError);
    assert.equal(err.kind, 'network');
    assert.equal(err.code, 'ECONNREFUSED');
    assertNoToken(err);
    server = await startServer((_q, r) => {
      r.end();
    });
    client = makeClient(server.url).client;
  });

  it('a reset in the middle of the body is NetworkError ECONNRESET', async () => {
    handler = (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"orgs": [');
      setTimeout(() => req.socket.destroy(), 20);
    };
    const err = await rejection(client.getOrgs());
    assert.ok(err instanceof NetworkError, String(err));
    assert.equal(err.code, 'ECONNRESET');
  });

  it('a stalled response is TimeoutError(headers); a stalled body is TimeoutError(body)', async () => {
    handler = () => undefined;
    const headers = await rejection(client.getOrgs());
    assert.ok(headers instanceof TimeoutError, String(headers));
    assert.equal(headers.kind, 'timeout');
    assert.equal(headers.phase, 'headers');
    assert.equal(headers.timeoutMs, 300);

    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"orgs": [');
    };
    const body = await rejection(client.getOrgs());
    assert.ok(body instanceof TimeoutError, String(body));
    assert.equal(body.phase, 'body');
  });

  it('a TLS handshake that never completes is TimeoutError(connect)', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as net.AddressInfo).port;
    const c = makeClient(`https://127.0.0.1:${port}`, { retry: { maxRetries: 0 }, timeouts: { connectMs: 200 } }).client;
    const started = Date.now();
    const err = await rejection(c.getOrgs());
    await c.dispose();
    silent.close();
    assert.ok(err instanceof TimeoutError, String(err));
    assert.equal(err.phase, 'connect');
    assert.ok(Date.now() - started < 5000);
  });

  it("the caller's signal gives AbortedError, not a timeout, and cancels the request on the wire", async () => {
    handler = () => undefined;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const err = await rejection(client.getOrgs({ signal: controller.signal }));
    assert.ok(err instanceof AbortedError, String(err));
    assert.equal(err.kind, 'aborted');
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(server.requests[0].aborted, true);
    const before = await rejection(client.getOrgs({ signal: AbortSignal.abort() }));
    assert.ok(before instanceof AbortedError);
    assert.equal(server.requests.length, 1, 'an already-aborted signal sends nothing');
  });

  it('a server echoing the token never leaks it into messages, properties, JSON or stack', async () => {
    handler = (req, res) =>
      sendJson(res, 401, {
        title: `Token ${req.headers.authorization} is not valid`,
        detail: `Bearer ${TOKEN} was rejected`,
        errors: { [TOKEN]: [`bad ${TOKEN}`] },
      });
    const err = await rejection(client.getOrgs());
    assert.ok(err instanceof ApiError);
    assert.ok(err.message.includes('[redacted]'));
    assertNoToken(err);
    assertNoToken(err.toJSON());
  });

  it('every kind is an EnclaveError with a discriminator usable in a switch', async () => {
    handler = (_req, res) => sendJson(res, 500, { title: 'Boom' });
    const err = await rejection(client.getOrgs());
    assert.ok(isEnclaveError(err));
    assert.ok(err instanceof ServerError);
    assert.equal(err.message, 'Boom');
    const json = err.toJSON();
    assert.equal(json.kind, 'http');
    assert.equal(json.status, 500);
    assert.equal(json.path, '/account/orgs');
    assert.equal(isEnclaveError(new Error('x')), false);
  });
});
