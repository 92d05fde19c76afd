import * as assert from 'node:assert/strict';
import { isWellFormedToken, normaliseToken, tokenFormatProblem } from '../../../src/auth/tokenFormat';
import { isLoopbackUrl, unsafeApiUrlReason } from '../../../src/auth/apiUrlPolicy';

const GOOD = 'a'.repeat(31) + 'B'.repeat(22) + '0123456789';

describe('token format', () => {
  it('accepts 63 letters and digits, also with surrounding whitespace from a paste', () => {
    assert.equal(GOOD.length, 63);
    assert.equal(tokenFormatProblem(GOOD), undefined);
    assert.equal(tokenFormatProblem(`  ${GOOD}\n`), undefined);
    assert.equal(normaliseToken(`  ${GOOD}\n`), GOOD);
    assert.ok(isWellFormedToken(` ${GOOD} `));
  });

  it('says how many characters a too short or too long token has', () => {
    assert.equal(tokenFormatProblem('abc123'), 'Enclave tokens are 63 letters and digits; this one has 6 characters.');
    assert.equal(tokenFormatProblem(`${GOOD}x`), 'Enclave tokens are 63 letters and digits; this one has 64 characters.');
    assert.ok(!isWellFormedToken(GOOD.slice(1)));
  });

  it('says when a token contains other characters (e.g. a pasted "Bearer" header)', () => {
    const expected = 'Enclave tokens are 63 letters and digits; this one contains characters other than letters and digits.';
    assert.equal(tokenFormatProblem(`Bearer ${GOOD}`), expected);
    assert.equal(tokenFormatProblem(GOOD.slice(0, 62) + '-'), expected);
    assert.equal(tokenFormatProblem(GOOD.slice(0, 62) + 'é'), expected);
  });

  it('does not complain about an empty box', () => {
    assert.equal(tokenFormatProblem(''), undefined);
    assert.equal(tokenFormatProblem('   '), undefined);
    assert.ok(!isWellFormedToken(''));
  });
});

describe('API URL policy', () => {
  it('allows https anywhere and http only for loopback', () => {
    assert.equal(unsafeApiUrlReason('https://api.enclave.io'), undefined);
    assert.equal(unsafeApiUrlReason('http://127.0.0.1:8080'), undefined);
    assert.equal(unsafeApiUrlReason('http://localhost:3000'), undefined);
    assert.equal(unsafeApiUrlReason('http://[::1]:3000'), undefined);
    assert.match(unsafeApiUrlReason('http://api.example.com') ?? '', /does not use HTTPS/);
    assert.match(unsafeApiUrlReason('http://127.0.0.1.example.com') ?? '', /does not use HTTPS/);
    assert.match(unsafeApiUrlReason('not a url') ?? '', /not a valid URL/);
    assert.match(unsafeApiUrlReason('ftp://127.0.0.1') ?? '', /does not use HTTPS/);
  });

  it('recognises loopback URLs only', () => {
    assert.ok(isLoopbackUrl('http://127.0.0.1:1234'));
    assert.ok(isLoopbackUrl('http://127.200.0.1'));
    assert.ok(!isLoopbackUrl('http://10.0.0.1'));
    assert.ok(!isLoopbackUrl('https://api.enclave.io'));
    assert.ok(!isLoopbackUrl('garbage'));
  });
});
