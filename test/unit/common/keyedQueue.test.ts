import * as assert from 'node:assert/strict';

import { KeyedQueue } from '../../../src/common/keyedQueue';
import { deferred } from '../helpers/fixtures';

describe('common/keyedQueue', () => {
  it('runs the tasks of one key one after another, in order, and other keys side by side', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const a1 = deferred<void>();
    const first = queue.run('a', async () => {
      events.push('a1 start');
      await a1.promise;
      events.push('a1 end');
    });
    const second = queue.run('a', async () => {
      events.push('a2 start');
    });
    const other = queue.run('b', async () => {
      events.push('b1 start');
    });
    await other;
    assert.deepEqual(events, ['a1 start', 'b1 start'], 'b does not wait for a; a2 waits for a1');
    a1.resolve();
    await Promise.all([first, second]);
    assert.deepEqual(events, ['a1 start', 'b1 start', 'a1 end', 'a2 start']);
  });

  it('a failed task does not block the next one, and its caller gets the error', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('a', async () => {
      throw new Error('upload refused');
    });
    const next = queue.run('a', async () => 'ran');
    await assert.rejects(failing, /upload refused/);
    assert.equal(await next, 'ran');
  });

  it('leaves no entry behind once a key is idle', async () => {
    const queue = new KeyedQueue();
    await queue.run('a', async () => undefined);
    await Promise.resolve();
    await Promise.resolve();
    assert.equal(queue.busyKeys, 0);
  });
});
