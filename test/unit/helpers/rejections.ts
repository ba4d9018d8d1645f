// Expecting a call to fail with a given kind of error: one copy for every test (it was repeated,
// as `apiError`, in four test files).
import * as assert from 'node:assert/strict';

import { WeChatApiError } from '../../../src/wechat/apiErrors';

/** Runs `promise`, expecting it to reject with an error of `type`; returns the error. */
export async function rejection<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected a ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected a ${type.name}, but the call succeeded`);
}

/** The WeChatApiError `promise` rejects with (WeChat answered with an errcode); fails the test otherwise. */
export const apiErrorOf = (promise: Promise<unknown>): Promise<WeChatApiError> => rejection(promise, WeChatApiError);
