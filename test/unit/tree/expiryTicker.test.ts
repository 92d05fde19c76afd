import * as assert from 'node:assert/strict';
import { ExpiryTicker } from '../../../src/tree/expiryTicker';
import { FakeClock } from '../support/fakeClock';

describe('remaining times on screen: the re-render timer', () => {
  let clock: FakeClock;
  let fired: string[][];
  let ticker: ExpiryTicker<string>;

  beforeEach(() => {
    clock = new FakeClock(1_000_000);
    fired = [];
    ticker = new ExpiryTicker<string>((lists) => fired.push([...lists]), clock);
  });

  it('keeps one timer for the earliest change and re-renders only the lists that are due', async () => {
    ticker.setVisible(true);
    ticker.note('systems', clock.time + 30_000);
    ticker.note('keys', clock.time + 90_000);
    ticker.note('systems', clock.time + 50_000); // a later row of the same list changes nothing
    assert.equal(clock.pending, 1);
    await clock.advance(29_999);
    assert.deepEqual(fired, []);
    await clock.advance(1);
    assert.deepEqual(fired, [['systems']]);
    assert.equal(clock.pending, 1, 'the next one is scheduled');
    await clock.advance(60_000);
    assert.deepEqual(fired, [['systems'], ['keys']]);
    assert.equal(clock.pending, 0, 'nothing left to count down until rows are rendered again');
  });

  it('moves the timer earlier for an earlier change', async () => {
    ticker.setVisible(true);
    ticker.note('keys', clock.time + 60_000);
    ticker.note('systems', clock.time + 10_000);
    assert.equal(clock.pending, 1);
    await clock.advance(10_000);
    assert.deepEqual(fired, [['systems']]);
  });

  it('runs no timer while the view is hidden, and catches up at once when it is shown', async () => {
    ticker.note('systems', clock.time + 30_000);
    assert.equal(clock.pending, 0);
    ticker.setVisible(true);
    assert.equal(clock.pending, 1);
    ticker.setVisible(false);
    assert.equal(clock.pending, 0);
    await clock.advance(120_000);
    assert.deepEqual(fired, []);
    ticker.setVisible(true);
    await clock.advance(0);
    assert.deepEqual(fired, [['systems']]);
  });

  it('stops for good on dispose', async () => {
    ticker.setVisible(true);
    ticker.note('systems', clock.time + 1_000);
    ticker.dispose();
    assert.equal(clock.pending, 0);
    await clock.advance(5_000);
    assert.deepEqual(fired, []);
  });
});
