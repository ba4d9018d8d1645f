// The terminal environment follows workspace trust: with wechat.terminal.exposeToken on, an
// untrusted clone's terminals and tasks get no WECHAT_ACCESS_TOKEN; trust granted, they do.
import * as assert from 'node:assert/strict';

import { EnvironmentTarget, ExposureFacts, TerminalExposure } from '../../../../../src/features/token/core/terminalExposure';
import type { TokenState } from '../../../../../src/token/manager';
import { aCachedToken, APP_ID } from '../../../helpers/fixtures';

class Collection implements EnvironmentTarget {
  readonly variables = new Map<string, string>();
  writes = 0;
  replace(variable: string, value: string): void {
    this.writes++;
    this.variables.set(variable, value);
  }
  clear(): void {
    this.writes++;
    this.variables.clear();
  }
}

describe('features/token/core/terminalExposure', () => {
  const token = aCachedToken({ expiresAt: 10_000_000 });
  const ready: TokenState = { kind: 'ready', appId: APP_ID, token };
  let facts: ExposureFacts;
  let collection: Collection;
  let exposure: TerminalExposure;

  beforeEach(() => {
    facts = { enabled: true, trusted: true, now: 1_000 };
    collection = new Collection();
    exposure = new TerminalExposure(collection, () => facts);
  });

  it('opted in, trusted workspace, valid token: WECHAT_ACCESS_TOKEN and WECHAT_APPID', () => {
    exposure.update(ready);
    assert.deepEqual(Object.fromEntries(collection.variables), { WECHAT_ACCESS_TOKEN: token.accessToken, WECHAT_APPID: APP_ID });
  });

  it('opted in but the workspace is not trusted: nothing, until trust is granted', () => {
    facts = { ...facts, trusted: false };
    exposure.update(ready);
    assert.deepEqual(Object.fromEntries(collection.variables), {}, "an untrusted workspace's terminals and tasks got the token");
    facts = { ...facts, trusted: true }; // onDidGrantWorkspaceTrust → update()
    exposure.update(ready);
    assert.equal(collection.variables.get('WECHAT_ACCESS_TOKEN'), token.accessToken);
  });

  it('a token exposed is removed when the workspace is not trusted (a state change while untrusted)', () => {
    exposure.update(ready);
    facts = { ...facts, trusted: false };
    exposure.update({ kind: 'ready', appId: APP_ID, token: aCachedToken({ accessToken: 'NEXT', expiresAt: 10_000_000 }) });
    assert.deepEqual(Object.fromEntries(collection.variables), {});
  });

  it('off, expired or no token: nothing; an unchanged state does not touch the collection', () => {
    exposure.update(ready);
    const writes = collection.writes;
    exposure.update(ready);
    assert.equal(collection.writes, writes);
    facts = { ...facts, now: 10_000_001 };
    exposure.update(ready);
    assert.deepEqual(Object.fromEntries(collection.variables), {});
    facts = { ...facts, now: 1_000, enabled: false };
    exposure.update(ready);
    assert.deepEqual(Object.fromEntries(collection.variables), {});
    facts = { ...facts, enabled: true };
    exposure.update({ kind: 'empty', appId: APP_ID });
    assert.deepEqual(Object.fromEntries(collection.variables), {});
  });
});
