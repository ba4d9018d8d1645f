import * as assert from 'node:assert/strict';

import { DisposableStore, IDisposable } from '../../../src/common/lifecycle';

const toDisposable = (dispose: () => void): IDisposable => ({ dispose });

describe('common/lifecycle', () => {
  it('a store disposes its items once, last added first', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('a')));
    store.add(toDisposable(() => order.push('b')));
    store.dispose();
    store.dispose();
    assert.deepEqual(order, ['b', 'a']);
    assert.equal(store.isDisposed, true);
  });

  it('an item added after dispose() is disposed at once (nothing leaks)', () => {
    const store = new DisposableStore();
    store.dispose();
    let disposed = false;
    store.add(toDisposable(() => (disposed = true)));
    assert.equal(disposed, true);
  });

  it('a throwing item does not keep the others alive; its error is rethrown', () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.add(toDisposable(() => order.push('first')));
    store.add(
      toDisposable(() => {
        throw new Error('boom');
      }),
    );
    store.add(toDisposable(() => order.push('last')));
    assert.throws(() => store.dispose(), /boom/);
    assert.deepEqual(order, ['last', 'first']);
  });

  it('several throwing items surface as one AggregateError', () => {
    const store = new DisposableStore();
    store.add(
      toDisposable(() => {
        throw new Error('one');
      }),
    );
    store.add(
      toDisposable(() => {
        throw new Error('two');
      }),
    );
    assert.throws(
      () => store.dispose(),
      (error: unknown) => error instanceof AggregateError && error.errors.length === 2,
    );
  });
});
