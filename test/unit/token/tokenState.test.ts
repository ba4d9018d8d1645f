import * as assert from 'node:assert/strict';

import type { TokenState } from '../../../src/token/managerTypes';
import { reloadedState, TokenStateCell } from '../../../src/token/tokenState';
import { aCachedToken, APP_ID, tokenString } from '../helpers/fixtures';

describe('token/tokenState', () => {
  const token = aCachedToken();
  const failed: TokenState = { kind: 'failed', appId: APP_ID, error: new Error('busy'), token };

  it('a stored token is ready; no token and no failure is empty', () => {
    assert.deepEqual(reloadedState({ kind: 'setup' }, APP_ID, token, false), { kind: 'ready', appId: APP_ID, token });
    assert.deepEqual(reloadedState({ kind: 'setup' }, APP_ID, undefined, false), { kind: 'empty', appId: APP_ID });
  });

  it('the store echoing the token whose refresh failed keeps the failure; another reason to reload makes it ready', () => {
    assert.deepEqual(reloadedState(failed, APP_ID, token, true), failed);
    assert.deepEqual(reloadedState(failed, APP_ID, token, false), { kind: 'ready', appId: APP_ID, token });
  });

  it('a new token in the store ends a failure; an emptied store keeps the error without the token', () => {
    const next = aCachedToken({ accessToken: tokenString('next') });
    assert.deepEqual(reloadedState(failed, APP_ID, next, true), { kind: 'ready', appId: APP_ID, token: next });
    assert.deepEqual(reloadedState(failed, APP_ID, undefined, true), { ...failed, token: undefined });
  });

  it("another account's failure does not carry over", () => {
    assert.deepEqual(reloadedState(failed, 'wx-other-account', undefined, true), { kind: 'empty', appId: 'wx-other-account' });
  });

  it('the cell tells every listener, and forgets them on dispose', () => {
    const cell = new TokenStateCell();
    const seen: string[] = [];
    const subscription = cell.onDidChange((state) => seen.push(state.kind));
    cell.set({ kind: 'empty', appId: APP_ID });
    subscription.dispose();
    cell.set({ kind: 'setup' });
    cell.onDidChange((state) => seen.push(`late ${state.kind}`));
    cell.dispose();
    cell.set({ kind: 'empty', appId: APP_ID });
    assert.deepEqual(seen, ['empty']);
    assert.equal(cell.state.kind, 'empty');
  });
});
