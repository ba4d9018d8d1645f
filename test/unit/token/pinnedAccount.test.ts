// A command pins the account it started with: when the workspace switches account while the
// command runs, its token (and the refresh after a rejection) stays the pinned account's, and the
// late answer does not become the state of the account now shown.
import * as assert from 'node:assert/strict';

import { TokenManager, TokenSettings } from '../../../src/token/manager';
import { FakeClock } from '../helpers/fakeClock';
import { apiError, CapturingLogger, ScriptedTokenApi } from '../helpers/fixtures';
import { MemoryTokenStore } from '../helpers/memoryTokenStore';

const A = 'wx0123456789abcdef';
const B = 'wxfedcba9876543210';

describe('token/manager: a pinned account', () => {
  let clock: FakeClock;
  let api: ScriptedTokenApi;
  let settings: TokenSettings;
  let manager: TokenManager;

  beforeEach(() => {
    clock = new FakeClock();
    api = new ScriptedTokenApi();
    settings = { appId: A, mode: 'stable', refreshMarginSeconds: 300 };
    manager = new TokenManager({
      api,
      store: new MemoryTokenStore(),
      clock,
      settings: () => settings,
      credentials: async (appId) => ({ appId, appSecret: `secret-of-${appId}` }),
      log: new CapturingLogger(),
    });
  });

  it("withToken(call, A) retries with A's new token although the workspace switched to B meanwhile", async () => {
    const first = await manager.get(A);
    const used: string[] = [];
    await manager.withToken(async (accessToken) => {
      used.push(accessToken);
      if (used.length === 1) {
        settings = { ...settings, appId: B };
        await manager.reload();
        throw apiError(40001, 'invalid credential');
      }
      return 'ok';
    }, A);
    assert.equal(used[0], first.accessToken);
    assert.equal(used.length, 2);
    // Every fetch was for A: none with B's credentials.
    assert.deepEqual(
      api.calls.map((call) => call.credentials.appId),
      [A, A],
    );
    // A's late token does not become the state of B, the account now shown.
    assert.equal(manager.state.kind, 'empty');
    assert.equal(manager.state.kind === 'empty' ? manager.state.appId : undefined, B);
  });

  it("get(A) while B is active reads A's cache and leaves B's state alone", async () => {
    const a = await manager.get(A);
    settings = { ...settings, appId: B };
    await manager.reload();
    assert.equal(manager.state.kind, 'empty');
    assert.equal((await manager.get(A)).accessToken, a.accessToken);
    assert.equal(manager.state.kind, 'empty', "a pinned read of A must not paint A's token under B");
    assert.equal(api.calls.length, 1);
  });
});
