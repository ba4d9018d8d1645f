import * as assert from 'node:assert/strict';

import { CONTEXT_KEYS, ContextKeys, kernelContextKeys } from '../../../src/ui/contextKeys';

describe('context keys', () => {
  it('say whether there is an account, its source, and which team sources any account uses', () => {
    assert.deepEqual(kernelContextKeys([], undefined), {
      [CONTEXT_KEYS.hasAccount]: false,
      [CONTEXT_KEYS.activeTokenSource]: undefined,
      [CONTEXT_KEYS.usesRedis]: false,
      [CONTEXT_KEYS.usesTokenService]: false,
    });
    const redis = { tokenSource: 'redis' };
    assert.deepEqual(kernelContextKeys([{ tokenSource: 'wechat' }, redis], redis), {
      [CONTEXT_KEYS.hasAccount]: true,
      [CONTEXT_KEYS.activeTokenSource]: 'redis',
      [CONTEXT_KEYS.usesRedis]: true,
      [CONTEXT_KEYS.usesTokenService]: false,
    });
  });

  it('are set once per change, not again when nothing changed', () => {
    const calls: Array<[string, unknown]> = [];
    const keys = new ContextKeys((key, value) => calls.push([key, value]));
    keys.set({ a: true, b: undefined });
    keys.set({ a: true, b: undefined });
    keys.set({ a: false, b: undefined });
    assert.deepEqual(calls, [
      ['a', true],
      ['b', undefined],
      ['a', false],
    ]);
  });
});
