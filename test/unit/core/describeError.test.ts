import * as assert from 'node:assert/strict';
import {
  AbortedError,
  ApiError,
  ForbiddenError,
  InsecureUrlError,
  NetworkError,
  NotFoundError,
  RateLimitedError,
  ResponseFormatError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from '../../../src/api';
import { detailsFor, isCancellation, isUnauthorized, isUnreachable, reasonFor } from '../../../src/commands/describeError';
import { NotSignedInError } from '../../../src/model/notSignedIn';

const URL = 'https://api.enclave.io';
const where = { method: 'POST', path: '/org/0123/enrolment-keys' };

describe('reasonFor: the funnel’s sentences', () => {
  it('joins validation messages', () => {
    const error = new ValidationError({
      ...where,
      status: 400,
      problem: { title: 'One or more validation errors occurred.', errors: { Description: ['The Description field is required.'], UsesRemaining: ['Must be at least 1.'] } },
    });
    assert.equal(reasonFor(error, URL), 'The Description field is required; Must be at least 1');
  });

  it('uses the problem’s detail for other 4xx answers', () => {
    const error = new ApiError({ ...where, status: 409, problem: { title: 'Conflict', detail: 'A key with that name exists.' } });
    assert.equal(reasonFor(error, URL), 'A key with that name exists (HTTP 409)');
    assert.equal(reasonFor(new ApiError({ ...where, status: 400 }), URL), 'the Enclave API refused the request (HTTP 400)');
  });

  it('words 401, 403 and 404 for a person', () => {
    assert.equal(reasonFor(new UnauthorizedError({ ...where, status: 401 }), URL), 'the saved token was rejected');
    assert.equal(reasonFor(new ForbiddenError({ ...where, status: 403 }), URL), 'your token is not allowed to do this (HTTP 403)');
    assert.equal(reasonFor(new NotFoundError({ ...where, status: 404 }), URL), 'it no longer exists — it may have been removed in the portal');
  });

  it('says when to try again after 429, and names the server on 5xx', () => {
    assert.equal(reasonFor(new RateLimitedError({ ...where, status: 429, retryAfterMs: 12_300 }), URL), 'the Enclave API is limiting requests (HTTP 429) — try again in 13 seconds');
    assert.equal(reasonFor(new RateLimitedError({ ...where, status: 429 }), URL), 'the Enclave API is limiting requests (HTTP 429) — try again in a moment');
    assert.equal(reasonFor(new ServerError({ ...where, status: 503 }), URL), 'the Enclave API at api.enclave.io had a problem (HTTP 503) — try again shortly');
  });

  it('names the host for network failures and timeouts', () => {
    assert.equal(reasonFor(new NetworkError('ECONNREFUSED', where), 'http://127.0.0.1:4321'), 'the Enclave API at 127.0.0.1:4321 could not be reached');
    assert.equal(reasonFor(new TimeoutError('headers', 30_000, where), URL), 'the Enclave API at api.enclave.io did not answer in time');
  });

  it('tells a certificate that is not trusted apart from an unreachable API', () => {
    for (const code of ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED']) {
      assert.match(reasonFor(new NetworkError(code, where), URL), /^the certificate of the Enclave API at api\.enclave\.io is not trusted/, code);
    }
    assert.equal(reasonFor(new NetworkError('ECONNRESET', where), URL), 'the Enclave API at api.enclave.io could not be reached');
  });

  it('covers unreadable responses, configuration, cancellation and signed-out', () => {
    assert.equal(reasonFor(new ResponseFormatError(200, 'the body is not valid JSON', where), URL), 'the API sent a response the extension could not read');
    assert.match(reasonFor(new InsecureUrlError('http://api.example.com'), URL), /^Refusing to send the Enclave token over plain HTTP/);
    assert.equal(reasonFor(new AbortedError(where), URL), 'it was cancelled');
    assert.equal(reasonFor(new NotSignedInError(URL), URL), 'you are not signed in to Enclave');
    assert.equal(reasonFor(new Error('Something odd.'), URL), 'Something odd');
    assert.equal(reasonFor('a string', URL), 'an unexpected error occurred');
  });
});

describe('error classification', () => {
  it('treats network, timeout and 5xx as unreachable, and nothing else', () => {
    assert.ok(isUnreachable(new NetworkError('ECONNRESET', where)));
    assert.ok(isUnreachable(new TimeoutError('connect', 10_000, where)));
    assert.ok(isUnreachable(new ServerError({ ...where, status: 500 })));
    assert.ok(!isUnreachable(new NotFoundError({ ...where, status: 404 })));
    assert.ok(!isUnreachable(new UnauthorizedError({ ...where, status: 401 })));
    assert.ok(!isUnreachable(new Error('x')));
  });

  it('recognises 401 and cancellation', () => {
    assert.ok(isUnauthorized(new UnauthorizedError({ ...where, status: 401 })));
    assert.ok(!isUnauthorized(new ForbiddenError({ ...where, status: 403 })));
    assert.ok(isCancellation(new AbortedError(where)));
    const vscodeCancel = Object.assign(new Error('Canceled'), { name: 'Canceled' });
    assert.ok(isCancellation(vscodeCancel));
    assert.ok(!isCancellation(new NetworkError('ECONNREFUSED', where)));
  });
});

describe('detailsFor: the log line', () => {
  it('carries status, title, detail, validation errors, traceId and method + path', () => {
    const error = new ValidationError({
      ...where,
      status: 400,
      problem: { title: 'Invalid', detail: 'See errors', traceId: '00-abc-01', errors: { Description: ['Required'] } },
    });
    const line = detailsFor(error);
    for (const part of ['POST /org/0123/enrolment-keys', 'HTTP 400', 'title: Invalid', 'detail: See errors', 'Description: Required', 'traceId=00-abc-01']) {
      assert.ok(line.includes(part), `${JSON.stringify(part)} missing from ${line}`);
    }
  });

  it('names the network error code', () => {
    assert.match(detailsFor(new NetworkError('ECONNREFUSED', { method: 'GET', path: '/account/orgs' })), /GET \/account\/orgs.*code=ECONNREFUSED/);
  });
});
