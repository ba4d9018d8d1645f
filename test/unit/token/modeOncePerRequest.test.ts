// "wechat.tokenMode" is read once per token request. The WeChat source used to read it in
// prepare() (which asks before a classic fetch) and again in obtain() (which fetches): a switch to
// classic in between made a classic fetch — which breaks the token the account's servers use —
// that nobody confirmed. The store read between the two is where the test flips the setting.
import * as assert from 'node:assert/strict';

import { TokenManager, TokenSettings } from '../../../src/token/manager';
import { CachedToken } from '../../../src/token/store';
import { FetchDeclinedError } from '../../../src/wechat/refusals';
import { hardeningCase } from '../../hardening/ledger';
import { FakeClock } from '../helpers/fakeClock';
import { APP_ID, fixedCredentials, ScriptedTokenApi } from '../helpers/fixtures';
import { MemoryTokenStore } from '../helpers/memoryTokenStore';

/** A store that runs `onRead(n)` at its n-th read (1-based): doRefresh reads before prepare() and again after it. */
class SteppingStore extends MemoryTokenStore {
  private readCount = 0;
  onRead: (n: number) => void = () => undefined;
  override async read(appId: string): Promise<CachedToken | undefined> {
    this.onRead(++this.readCount);
    return super.read(appId);
  }
}

describe('token/manager: the token mode is decided once per request', () => {
  let clock: FakeClock;
  let store: SteppingStore;
  let api: ScriptedTokenApi;
  let settings: TokenSettings;
  let asked: number;
  let agree: boolean;
  let manager: TokenManager;

  beforeEach(() => {
    clock = new FakeClock();
    store = new SteppingStore();
    api = new ScriptedTokenApi();
    settings = { appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 };
    asked = 0;
    agree = true;
    manager = new TokenManager({
      api,
      store,
      clock,
      settings: () => settings,
      credentials: fixedCredentials(),
      confirmClassicFetch: async () => {
        asked++;
        return agree;
      },
    });
  });
  afterEach(() => manager.dispose());

  /** Flips the mode after prepare() ran: at doRefresh's second store read (the first is before prepare). */
  function flipAfterPrepare(to: TokenSettings['mode']): void {
    store.onRead = (n) => {
      if (n === 2) settings = { ...settings, mode: to };
    };
  }

  it('stable when the request began, classic before the fetch: a stable fetch, no unconfirmed classic one', () =>
    hardeningCase('fault', 'token mode switched to classic between confirmation and fetch', async () => {
      flipAfterPrepare('classic');
      const token = await manager.refresh({ always: true });
      assert.deepEqual(
        api.calls.map((c) => c.kind),
        ['stable'],
      );
      assert.equal(asked, 0);
      assert.equal(token.mode, 'stable');
      assert.equal(settings.mode, 'classic', 'the setting did change meanwhile');
    }));

  it('classic, confirmed, then stable before the fetch: the classic fetch the user agreed to', async () => {
    settings = { ...settings, mode: 'classic' };
    flipAfterPrepare('stable');
    const token = await manager.refresh({ always: true });
    assert.equal(asked, 1);
    assert.deepEqual(
      api.calls.map((c) => c.kind),
      ['classic'],
    );
    assert.equal(token.mode, 'classic');
  });

  it('a background refresh in classic mode asks nobody and fetches nothing', () =>
    hardeningCase('fault', 'classic mode: a background refresh', async () => {
      settings = { ...settings, mode: 'classic' };
      await assert.rejects(manager.refresh({ background: true }), FetchDeclinedError);
      assert.equal(asked, 0, 'no modal from a timer');
      assert.equal(api.count, 0);
    }));
});
