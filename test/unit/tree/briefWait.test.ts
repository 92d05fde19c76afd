import * as assert from 'node:assert/strict';
import { briefWait } from '../../../src/tree/briefWait';

const after = <T>(ms: number, value?: T): Promise<T | undefined> => new Promise((resolve) => setTimeout(() => resolve(value), ms));

describe('the brief wait for a first page', () => {
  it('ends as soon as the load does', async () => {
    const started = Date.now();
    await briefWait(after(10), 2_000);
    assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
  });

  it('ends after the bound when the load is slower, leaving the load running', async () => {
    let done = false;
    const load = after(400).then(() => { done = true; });
    const started = Date.now();
    await briefWait(load, 50);
    const took = Date.now() - started;
    assert.ok(took >= 45 && took < 350, `took ${took} ms`);
    assert.equal(done, false);
    await load;
    assert.equal(done, true);
  });

  it('never rejects: a failed load ends the wait (the row shows the error)', async () => {
    await briefWait(Promise.reject(new Error('HTTP 503')), 1_000);
  });
});
