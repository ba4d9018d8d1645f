// The helpers are shared by other suites: pin their behaviour down.
import * as assert from 'node:assert/strict';

import { DEFAULT_START, FakeClock } from './fakeClock';

describe('helpers/FakeClock', () => {
  it('advance fires due timers in due order, each seeing its own due time as now()', () => {
    const clock = new FakeClock();
    const fired: Array<[string, number]> = [];
    clock.setTimer(() => fired.push(['b', clock.now() - DEFAULT_START]), 200);
    clock.setTimer(() => fired.push(['a', clock.now() - DEFAULT_START]), 100);
    clock.setTimer(() => fired.push(['a2', clock.now() - DEFAULT_START]), 100);
    clock.setTimer(() => fired.push(['late', clock.now() - DEFAULT_START]), 301);
    clock.advance(300);
    assert.deepEqual(fired, [
      ['a', 100],
      ['a2', 100],
      ['b', 200],
    ]);
    assert.equal(clock.now(), DEFAULT_START + 300);
    assert.equal(clock.pendingTimers, 1);
  });

  it('a timer set by a callback fires in the same advance when it comes due inside the window', () => {
    const clock = new FakeClock();
    let ticks = 0;
    const tick = (): void => {
      ticks++;
      clock.setTimer(tick, 60_000);
    };
    clock.setTimer(tick, 60_000);
    clock.advance(10 * 60_000);
    assert.equal(ticks, 10);
  });

  it('cancel removes a timer', () => {
    const clock = new FakeClock();
    let fired = false;
    clock.setTimer(() => (fired = true), 10).cancel();
    clock.advance(100);
    assert.equal(fired, false);
    assert.equal(clock.pendingTimers, 0);
  });

  it('jump moves the wall clock only: timers fire late, after their own elapsed delay', () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    clock.setTimer(() => seen.push(clock.now() - DEFAULT_START), 60_000);
    clock.jump(3_600_000);
    assert.deepEqual(seen, []);
    assert.equal(clock.now(), DEFAULT_START + 3_600_000);
    clock.advance(59_999);
    assert.deepEqual(seen, []);
    clock.advance(1);
    assert.deepEqual(seen, [3_660_000]);
    assert.equal(clock.nextTimerAt(), undefined);
  });

  it('advanceAsync lets promise chains started by a timer settle before the next one', async () => {
    const clock = new FakeClock();
    const log: string[] = [];
    clock.setTimer(() => {
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => log.push('first settled'));
    }, 10);
    clock.setTimer(() => log.push('second'), 20);
    await clock.advanceAsync(30);
    assert.deepEqual(log, ['first settled', 'second']);
  });

  it('records requested delays', () => {
    const clock = new FakeClock(0);
    clock.setTimer(() => undefined, 5);
    clock.setTimer(() => undefined, 60_000);
    assert.deepEqual(clock.requestedDelays, [5, 60_000]);
    assert.equal(clock.now(), 0);
  });
});
