// A create whose answer was lost may still have made the key: which failures call for the
// check before anything is offered again, and how the key is looked for.
import * as assert from 'node:assert/strict';
import { AbortedError, ApiError, NetworkError, ResponseFormatError, TimeoutError } from '../../../src/api';
import { mayHaveBeenApplied } from '../../../src/commands/describeError';
import { searchWord } from '../../../src/commands/keyLookup';

const where = { method: 'POST', path: '/org/o/enrolment-keys' };

describe('reliability: which failed creates may still have made the key', () => {
  it('checks after a timeout once the request was sent, a cut connection, a 5xx or an unreadable 2xx', () => {
    for (const error of [
      new TimeoutError('headers', 30_000, where),
      new TimeoutError('body', 30_000, where),
      new NetworkError('ECONNRESET', where),
      new ApiError({ ...where, status: 502 }),
      new ApiError({ ...where, status: 504 }),
      new ApiError({ ...where, status: 500 }),
      new ResponseFormatError(200, 'the body is not valid JSON', where),
    ]) assert.equal(mayHaveBeenApplied(error), true, error.message);
  });

  it('does not check when the API said no or the request never left', () => {
    for (const error of [
      new ApiError({ ...where, status: 400 }),
      new ApiError({ ...where, status: 409 }),
      new ApiError({ ...where, status: 429 }),
      new NetworkError('ECONNREFUSED', where),
      new NetworkError('ENOTFOUND', where),
      new TimeoutError('connect', 10_000, where),
      new AbortedError(where),
      new Error('something else'),
    ]) assert.equal(mayHaveBeenApplied(error), false, error.message);
  });

  it('searches by one plain word of the description, which no search key can swallow', () => {
    assert.equal(searchWord('Build agents'), 'agents');
    assert.equal(searchWord('tags: web servers'), 'servers');
    assert.equal(searchWord('name:"x"'), 'name');
    assert.equal(searchWord('Ünïcødé keys'), 'Ünïcødé');
    assert.equal(searchWord('--'), undefined);
  });
});
