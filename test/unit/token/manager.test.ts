import * as assert from 'node:assert/strict';

import { TokenManager, TokenSettings, TokenState } from '../../../src/token/manager';
import { TokenStore } from '../../../src/token/store';
import { WeChatApiError, WeChatTransportError } from '../../../src/wechat/apiErrors';
import { WeChatClient } from '../../../src/wechat/client';
import { FetchDeclinedError, MissingCredentialsError } from '../../../src/wechat/refusals';
import { createTransport } from '../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../fake-wechat/server';
import { hardeningCase } from '../../hardening/ledger';
import { FakeClock, settle } from '../helpers/fakeClock';
import {
  aGrant,
  apiError,
  APP_ID,
  APP_SECRET,
  CapturingLogger,
  fixedCredentials,
  ScriptedTokenApi,
  stableSemantics,
  tokenExpiringIn,
} from '../helpers/fixtures';
import { MemoryTokenStore } from '../helpers/memoryTokenStore';

const MARGIN_S = 300;
const MARGIN = MARGIN_S * 1000;

interface Window {
  readonly manager: TokenManager;
  readonly api: ScriptedTokenApi;
  readonly states: TokenState[];
  settings: TokenSettings;
}

function makeWindow(clock: FakeClock, store: TokenStore, overrides: Partial<TokenSettings> = {}, api = new ScriptedTokenApi()): Window {
  const win = {
    api,
    states: [] as TokenState[],
    settings: { appId: APP_ID, mode: 'stable', refreshMarginSeconds: MARGIN_S, ...overrides } as TokenSettings,
  } as Window & { manager: TokenManager };
  (win as { manager: TokenManager }).manager = new TokenManager({
    api,
    store,
    clock,
    settings: () => win.settings,
    credentials: fixedCredentials(),
    log: new CapturingLogger(),
  });
  win.manager.onDidChangeState((s) => win.states.push(s));
  return win;
}

const kinds = (states: TokenState[]): string[] => states.map((s) => s.kind);

describe('token/manager', () => {
  let clock: FakeClock;
  let store: MemoryTokenStore;
  let win: Window;

  beforeEach(() => {
    clock = new FakeClock();
    store = new MemoryTokenStore();
    win = makeWindow(clock, store);
  });

  afterEach(() => win.manager.dispose());

  describe('get()', () => {
    it('a cache hit makes no API call', async () => {
      const cached = tokenExpiringIn(clock.now(), 3_600_000);
      store.seed(cached, false);
      const token = await win.manager.get();
      assert.deepEqual(token, cached);
      assert.equal(win.api.count, 0);
      assert.equal(win.manager.state.kind, 'ready');
    });

    it('a cold cache fetches a stable token and stores it with an absolute expiry', async () => {
      win.api.answer(aGrant({ accessToken: 'tok-cold-0123456789', expiresInSeconds: 7200 }));
      const token = await win.manager.get();
      assert.equal(win.api.count, 1);
      assert.deepEqual(win.api.calls[0], { kind: 'stable', force: false, credentials: { appId: APP_ID, appSecret: APP_SECRET } });
      assert.deepEqual(token, {
        appId: APP_ID,
        accessToken: 'tok-cold-0123456789',
        expiresAt: clock.now() + 7_200_000,
        obtainedAt: clock.now(),
        checkedAt: clock.now(),
        mode: 'stable',
      });
      assert.deepEqual(store.peek(APP_ID), token);
    });

    it('serves the cached token until expiry − margin, then refreshes', async () => {
      store.seed(tokenExpiringIn(clock.now(), MARGIN + 1000), false);
      await win.manager.get();
      assert.equal(win.api.count, 0);
      clock.advance(999);
      await win.manager.get();
      assert.equal(win.api.count, 0, 'still 1 ms before the margin');
      clock.advance(1);
      const fresh = await win.manager.get();
      assert.equal(win.api.count, 1, 'at expiry − margin');
      assert.equal(fresh.expiresAt, clock.now() + 7_200_000);
      assert.equal((await win.manager.get()).accessToken, fresh.accessToken);
      assert.equal(win.api.count, 1);
    });

    it('honours the margin setting', async () => {
      win.settings = { ...win.settings, refreshMarginSeconds: 900 };
      store.seed(tokenExpiringIn(clock.now(), 600_000), false);
      await win.manager.get();
      assert.equal(win.api.count, 1);
    });

    it('100 concurrent get() on a cold cache → one fetch (single flight)', async () => {
      const held = win.api.hold();
      const all = Promise.all(Array.from({ length: 100 }, () => win.manager.get()));
      await settle();
      assert.equal(win.api.count, 1);
      held.resolve(aGrant({ accessToken: 'tok-single-flight-0001' }));
      const tokens = await all;
      assert.equal(win.api.count, 1);
      assert.ok(tokens.every((t) => t.accessToken === 'tok-single-flight-0001'));
      assert.equal(store.writes.length, 1);
    });

    it('concurrent callers share the failure of the single flight too', async () => {
      const held = win.api.hold();
      const all = Array.from({ length: 10 }, () =>
        win.manager.get().then(
          () => 'ok',
          (e: unknown) => e,
        ),
      );
      await settle();
      held.reject(new WeChatTransportError('timeout', '/cgi-bin/stable_token', 'no answer'));
      const results = await Promise.all(all);
      assert.equal(win.api.count, 1);
      assert.ok(results.every((r) => r instanceof WeChatTransportError));
    });

    it('after the flight settles, the next stale get() fetches again', async () => {
      const first = await win.manager.get();
      clock.advance(first.expiresAt - MARGIN - clock.now());
      await win.manager.get();
      assert.equal(win.api.count, 2);
    });

    it('a failed refresh while the cached token is still valid: get() serves the cached token', async () => {
      const cached = tokenExpiringIn(clock.now(), 120_000);
      store.seed(cached, false);
      win.api.answer(new WeChatTransportError('network', '/cgi-bin/stable_token', 'ECONNRESET'));
      const token = await win.manager.get();
      assert.equal(token.accessToken, cached.accessToken);
      assert.equal(win.api.count, 1);
      const state = win.manager.state;
      assert.equal(state.kind, 'failed');
      assert.ok(state.kind === 'failed' && state.error instanceof WeChatTransportError);
      assert.equal(state.kind === 'failed' ? state.token?.accessToken : undefined, cached.accessToken);
    });

    it('a failed refresh with an expired cached token propagates the error', async () => {
      store.seed(tokenExpiringIn(clock.now(), -1), false);
      const error = apiError(40125, 'invalid appsecret', '/cgi-bin/stable_token');
      win.api.answer(error);
      await assert.rejects(win.manager.get(), (e) => e === error);
      assert.equal(win.manager.state.kind, 'failed');
    });

    it('a failed refresh with no cached token propagates the error', async () => {
      win.api.answer(new WeChatTransportError('timeout', '/cgi-bin/stable_token', 'x'));
      await assert.rejects(win.manager.get(), WeChatTransportError);
    });

    it('a clock jump past expiry (sleep) is noticed by comparing with the clock', async () => {
      const first = await win.manager.get();
      clock.jump(3 * 3_600_000);
      const second = await win.manager.get();
      assert.equal(win.api.count, 2);
      assert.notEqual(second.accessToken, first.accessToken);
      assert.equal(second.expiresAt, clock.now() + 7_200_000);
    });

    it('a corrupt store entry counts as no token', async () => {
      store.seedRaw(APP_ID, '{"appId": "wx0123456789abcdef", "accessToken": 42');
      await win.manager.get();
      assert.equal(win.api.count, 1);
    });

    it("another AppID's token is never used", async () => {
      store.seed(tokenExpiringIn(clock.now(), 3_600_000, { appId: 'wxotherotherother0' }), false);
      const token = await win.manager.get();
      assert.equal(win.api.count, 1);
      assert.equal(token.appId, APP_ID);
    });
  });

  describe('credentials and mode', () => {
    it('a missing AppID → MissingCredentialsError("appId"), state setup, no API call', async () => {
      win.settings = { ...win.settings, appId: undefined };
      await assert.rejects(win.manager.get(), (e) => e instanceof MissingCredentialsError && e.missing === 'appId');
      await assert.rejects(async () => win.manager.refresh(), MissingCredentialsError);
      await assert.rejects(
        win.manager.withToken(async () => 1),
        MissingCredentialsError,
      );
      assert.equal(win.api.count, 0);
      assert.equal(win.manager.state.kind, 'setup');
    });

    it('an empty AppID counts as missing', async () => {
      win.settings = { ...win.settings, appId: '' };
      await assert.rejects(win.manager.get(), MissingCredentialsError);
    });

    it('a missing AppSecret → the credentials error propagates, state failed, no API call', async () => {
      const manager = new TokenManager({
        api: win.api,
        store,
        clock,
        settings: () => win.settings,
        credentials: async () => {
          throw new MissingCredentialsError('appSecret');
        },
      });
      await assert.rejects(manager.get(), (e) => e instanceof MissingCredentialsError && e.missing === 'appSecret');
      assert.equal(win.api.count, 0);
      assert.equal(manager.state.kind, 'failed');
      manager.dispose();
    });

    it('classic mode uses classicToken', async () => {
      win.settings = { ...win.settings, mode: 'classic' };
      const token = await win.manager.get();
      assert.equal(win.api.calls[0]?.kind, 'classic');
      assert.equal(token.mode, 'classic');
    });

    it('stable mode uses stableToken without force', async () => {
      await win.manager.get();
      assert.equal(win.api.calls[0]?.kind, 'stable');
      assert.equal(win.api.calls[0]?.force, false);
    });
  });

  describe('refresh()', () => {
    it('force always fetches with force_refresh, even with a fresh token cached', async () => {
      store.seed(tokenExpiringIn(clock.now(), 7_000_000), false);
      const token = await win.manager.refresh({ force: true });
      assert.equal(win.api.count, 1);
      assert.equal(win.api.calls[0]?.force, true);
      assert.deepEqual(store.peek(APP_ID), token);
    });

    it('force does not join a normal refresh already in flight', async () => {
      const held = win.api.hold();
      const normal = win.manager.refresh();
      await settle();
      const forced = win.manager.refresh({ force: true });
      await settle();
      held.resolve(aGrant());
      await Promise.all([normal, forced]);
      assert.deepEqual(
        win.api.calls.map((c) => c.force),
        [false, true],
      );
    });

    it('always: asks WeChat (normal mode) even with a fresh token in the store', async () => {
      const cached = tokenExpiringIn(clock.now(), 3_600_000);
      store.seed(cached, false);
      win.api.answer(() => ({ accessToken: cached.accessToken, expiresInSeconds: 3600 }));
      const token = await win.manager.refresh({ always: true });
      assert.equal(win.api.count, 1);
      assert.equal(win.api.calls[0]?.force, false);
      assert.equal(token.accessToken, cached.accessToken);
      assert.equal(token.checkedAt, clock.now());
    });

    it('a forced refresh requested during a normal one still happens, after it', async () => {
      const held = win.api.hold();
      const normal = win.manager.refresh();
      await settle();
      const forced = win.manager.refresh({ force: true });
      await settle();
      assert.equal(win.api.count, 1, 'the forced request waits for the running one');
      held.resolve(aGrant({ accessToken: 'tok-normal-0000000000' }));
      const [a, b] = await Promise.all([normal, forced]);
      assert.equal(a.accessToken, 'tok-normal-0000000000');
      assert.notEqual(b.accessToken, a.accessToken);
      assert.equal(store.peek(APP_ID)?.accessToken, b.accessToken);
    });

    it('a normal refresh with a fresh token in the store adopts it without fetching', async () => {
      const cached = tokenExpiringIn(clock.now(), 3_600_000);
      store.seed(cached, false);
      assert.equal((await win.manager.refresh()).accessToken, cached.accessToken);
      assert.equal(win.api.count, 0);
    });

    it('adopts a fresh token another window wrote meanwhile', async () => {
      const mine = tokenExpiringIn(clock.now(), 60_000);
      store.seed(mine, false);
      await win.manager.reload();
      const theirs = tokenExpiringIn(clock.now(), 7_100_000);
      store.seed(theirs, false);
      const token = await win.manager.refresh();
      assert.equal(token.accessToken, theirs.accessToken);
      assert.equal(win.api.count, 0);
      assert.equal(win.manager.state.kind === 'ready' && win.manager.state.token.accessToken, theirs.accessToken);
    });

    it('stable answered the same token inside a wider margin: adopted, obtainedAt kept, no loop', async () => {
      win.settings = { ...win.settings, refreshMarginSeconds: 600 };
      const cached = tokenExpiringIn(clock.now(), 590_000);
      store.seed(cached, false);
      win.api.answer(() => ({ accessToken: cached.accessToken, expiresInSeconds: 590 }));
      const confirmed = await win.manager.get();
      assert.equal(win.api.count, 1);
      assert.equal(confirmed.accessToken, cached.accessToken);
      assert.equal(confirmed.obtainedAt, cached.obtainedAt);
      assert.equal(confirmed.checkedAt, clock.now());
      assert.equal(confirmed.expiresAt, cached.expiresAt);
      // Many get()s in the next minute: none asks again.
      for (let i = 0; i < 59; i++) {
        clock.advance(1000);
        await win.manager.get();
      }
      assert.equal(win.api.count, 1);
    });

    it('a new token gets a new obtainedAt', async () => {
      const cached = tokenExpiringIn(clock.now(), 100_000);
      store.seed(cached, false);
      const token = await win.manager.refresh({ stale: cached.accessToken });
      assert.notEqual(token.accessToken, cached.accessToken);
      assert.equal(token.obtainedAt, clock.now());
    });
  });

  describe('withToken()', () => {
    for (const errcode of [40001, 40014, 42001]) {
      it(`on ${errcode} refreshes once and retries once with the new token`, async () => {
        const stale = tokenExpiringIn(clock.now(), 3_600_000);
        store.seed(stale, false);
        win.api.answer(aGrant({ accessToken: `tok-after-${errcode}-000000` }));
        const seen: string[] = [];
        const result = await win.manager.withToken(async (token) => {
          seen.push(token);
          if (seen.length === 1) throw apiError(errcode);
          return 'done';
        });
        assert.equal(result, 'done');
        assert.deepEqual(seen, [stale.accessToken, `tok-after-${errcode}-000000`]);
        assert.equal(win.api.count, 1);
        assert.equal(store.peek(APP_ID)?.accessToken, `tok-after-${errcode}-000000`);
      });
    }

    it('a second stale-token failure propagates (no loop)', async () => {
      store.seed(tokenExpiringIn(clock.now(), 3_600_000), false);
      let calls = 0;
      const second = apiError(40001, 'invalid credential');
      await assert.rejects(
        win.manager.withToken(async () => {
          calls++;
          throw calls === 1 ? apiError(40001) : second;
        }),
        (e) => e === second,
      );
      assert.equal(calls, 2);
      assert.equal(win.api.count, 1);
    });

    for (const errcode of [40125, 40164, 45009, 45011, 48001, -1, 61451]) {
      it(`errcode ${errcode} is not retried and needs no refresh`, async () => {
        store.seed(tokenExpiringIn(clock.now(), 3_600_000), false);
        let calls = 0;
        const error = apiError(errcode);
        await assert.rejects(
          win.manager.withToken(async () => {
            calls++;
            throw error;
          }),
          (e) => e === error,
        );
        assert.equal(calls, 1);
        assert.equal(win.api.count, 0);
      });
    }

    it('a non-WeChat error is not retried', async () => {
      store.seed(tokenExpiringIn(clock.now(), 3_600_000), false);
      let calls = 0;
      await assert.rejects(
        win.manager.withToken(async () => {
          calls++;
          throw new TypeError('bug');
        }),
        TypeError,
      );
      assert.equal(calls, 1);
    });

    it('adopts a token another window already stored instead of fetching', async () => {
      const stale = tokenExpiringIn(clock.now(), 3_600_000);
      store.seed(stale, false);
      const theirs = tokenExpiringIn(clock.now(), 7_200_000);
      const seen: string[] = [];
      await win.manager.withToken(async (token) => {
        seen.push(token);
        if (seen.length === 1) {
          store.seed(theirs, false); // another window refreshed (e.g. classic mode) meanwhile
          throw apiError(40001);
        }
      });
      assert.deepEqual(seen, [stale.accessToken, theirs.accessToken]);
      assert.equal(win.api.count, 0);
    });

    it('the refresh failing propagates the refresh error and does not call again', async () => {
      store.seed(tokenExpiringIn(clock.now(), 3_600_000), false);
      const refreshError = new WeChatTransportError('timeout', '/cgi-bin/stable_token', 'x');
      win.api.answer(refreshError);
      let calls = 0;
      await assert.rejects(
        win.manager.withToken(async () => {
          calls++;
          throw apiError(42001);
        }),
        (e) => e === refreshError,
      );
      assert.equal(calls, 1);
    });
  });

  describe('state', () => {
    it('reload: setup without AppID, empty without token, ready with one — and never fetches', async () => {
      win.settings = { ...win.settings, appId: undefined };
      assert.equal((await win.manager.reload()).kind, 'setup');
      win.settings = { ...win.settings, appId: APP_ID };
      assert.deepEqual(await win.manager.reload(), { kind: 'empty', appId: APP_ID });
      store.seed(tokenExpiringIn(clock.now(), 3_600_000), false);
      assert.equal((await win.manager.reload()).kind, 'ready');
      assert.equal(win.api.count, 0);
      assert.deepEqual(kinds(win.states), ['setup', 'empty', 'ready']);
    });

    it('a successful fetch emits fetching → ready', async () => {
      await win.manager.reload();
      await win.manager.get();
      assert.deepEqual(kinds(win.states), ['empty', 'fetching', 'ready']);
      const ready = win.states[2];
      assert.ok(ready?.kind === 'ready' && ready.token.accessToken === store.peek(APP_ID)?.accessToken);
    });

    it('fetching carries the token being replaced', async () => {
      const old = tokenExpiringIn(clock.now(), 100_000);
      store.seed(old, false);
      await win.manager.get();
      const fetching = win.states.find((s) => s.kind === 'fetching');
      assert.ok(fetching?.kind === 'fetching' && fetching.token?.accessToken === old.accessToken);
    });

    it('a failed fetch emits fetching → failed with the error', async () => {
      const error = apiError(40164, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist', '/cgi-bin/stable_token');
      win.api.answer(error);
      await assert.rejects(win.manager.get());
      assert.deepEqual(kinds(win.states), ['fetching', 'failed']);
      const failed = win.states[1];
      assert.ok(failed?.kind === 'failed' && failed.error === error && failed.appId === APP_ID);
    });

    it('after a failure, the next success returns to ready', async () => {
      win.api.answer(new WeChatTransportError('http', '/cgi-bin/stable_token', 'HTTP 502', 502));
      await assert.rejects(win.manager.get());
      await win.manager.get();
      assert.deepEqual(kinds(win.states), ['fetching', 'failed', 'fetching', 'ready']);
    });

    it('a cache hit emits ready once, not on every get()', async () => {
      store.seed(tokenExpiringIn(clock.now(), 3_600_000), false);
      await win.manager.get();
      await win.manager.get();
      await win.manager.get();
      assert.deepEqual(kinds(win.states), ['ready']);
    });

    it('clear() forgets the token: store cleared, state empty', async () => {
      await win.manager.get();
      await win.manager.clear();
      assert.equal(store.peek(APP_ID), undefined);
      assert.equal(win.manager.state.kind, 'empty');
    });

    it('a disposed listener hears nothing; dispose() unsubscribes from the store', async () => {
      const heard: string[] = [];
      const sub = win.manager.onDidChangeState((s) => heard.push(s.kind));
      sub.dispose();
      await win.manager.get();
      assert.deepEqual(heard, []);
      const before = store.listenerCount;
      win.manager.dispose();
      assert.equal(store.listenerCount, before - 1);
    });
  });

  describe('several windows sharing one store', () => {
    let other: Window;
    let api: ScriptedTokenApi;

    beforeEach(() => {
      api = new ScriptedTokenApi();
      win.manager.dispose();
      win = makeWindow(clock, store, {}, api);
      other = makeWindow(clock, store, {}, api);
    });

    afterEach(() => other.manager.dispose());

    it("the second window adopts the first one's token without fetching", async () => {
      const first = await win.manager.get();
      const second = await other.manager.get();
      assert.equal(second.accessToken, first.accessToken);
      assert.equal(api.count, 1);
    });

    it("a window's refresh reaches the other window through onDidChange (no fetch there)", async () => {
      await other.manager.reload();
      const forced = await win.manager.refresh({ force: true });
      await settle();
      const state = other.manager.state;
      assert.equal(state.kind, 'ready');
      assert.equal(state.kind === 'ready' && state.token.accessToken, forced.accessToken);
      assert.equal(api.count, 1);
    });

    it('both windows stale at once: the one that comes second adopts', async () => {
      store.seed(tokenExpiringIn(clock.now(), 100_000), false);
      await Promise.all([win.manager.reload(), other.manager.reload()]);
      const a = await win.manager.refresh();
      const b = await other.manager.refresh();
      assert.equal(b.accessToken, a.accessToken);
      assert.equal(api.count, 1);
    });

    it('clearing in one window empties the other', async () => {
      await win.manager.get();
      await other.manager.reload();
      await win.manager.clear();
      await settle();
      assert.equal(other.manager.state.kind, 'empty');
    });

    it('three windows × get() every minute for 24 h with a scripted stable API → ≤ 13 fetches', async () => {
      const third = makeWindow(clock, store, {}, api);
      const stable = stableSemantics(clock, api);
      for (let minute = 0; minute < 24 * 60; minute++) {
        for (const w of [win, other, third]) {
          const token = await w.manager.get();
          assert.ok(clock.now() < token.expiresAt, 'get() handed out an expired token');
          assert.ok(stable.isCurrent(token.accessToken), 'get() handed out a token WeChat no longer honours');
        }
        clock.advance(60_000);
      }
      third.manager.dispose();
      assert.ok(api.count <= 13, `${api.count} fetches`);
      assert.ok(api.count >= 12, `${api.count} fetches — too few to be true`);
    });
  });

  describe('switching the AppID while a fetch is in flight', () => {
    it('a late answer for the previous AppID does not become the current state', async () => {
      const heldA = win.api.hold();
      const forA = win.manager.get().catch(() => undefined);
      await settle();
      win.settings = { ...win.settings, appId: 'wxbbbbbbbbbbbbbbbb' };
      const tokenB = await win.manager.get();
      assert.equal(win.api.count, 2);
      assert.equal(tokenB.appId, 'wxbbbbbbbbbbbbbbbb');
      heldA.resolve(aGrant({ accessToken: 'tok-for-A-late-00000' }));
      await forA;
      const state = win.manager.state;
      assert.ok(state.kind !== 'ready' || state.token.appId === 'wxbbbbbbbbbbbbbbbb', `state shows ${JSON.stringify(state)}`);
    });
  });
});

describe('token/manager against the fake WeChat server', () => {
  let fake: FakeWeChat;
  let clock: FakeClock;

  beforeEach(async () => {
    clock = new FakeClock();
    fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET }], now: () => clock.now() });
  });

  afterEach(() => fake.close());

  function managerFor(store: TokenStore, mode: 'stable' | 'classic' = 'stable'): TokenManager {
    const client = new WeChatClient({
      settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }),
      transport: () => createTransport({}),
    });
    return new TokenManager({
      api: client,
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode, refreshMarginSeconds: MARGIN_S }),
      credentials: fixedCredentials(),
    });
  }

  it('stable normal mode, get() every minute for 24 h of fake time → ≤ 13 fetches, every token valid', async () => {
    const manager = managerFor(new MemoryTokenStore());
    for (let minute = 0; minute < 24 * 60; minute++) {
      const token = await manager.get();
      assert.ok(fake.isTokenValid(token.accessToken), `minute ${minute}: the fake rejects the token`);
      clock.advance(60_000);
    }
    manager.dispose();
    const fetches = fake.callsTo('/cgi-bin/stable_token').length;
    assert.ok(fetches <= 13, `${fetches} fetches`);
    assert.equal(fake.callsTo('/cgi-bin/token').length, 0);
  });

  it('three windows sharing a store over 24 h → ≤ 13 fetches in all', async () => {
    const store = new MemoryTokenStore();
    const managers = [managerFor(store), managerFor(store), managerFor(store)];
    for (let minute = 0; minute < 24 * 60; minute++) {
      for (const manager of managers) {
        const token = await manager.get();
        assert.ok(fake.isTokenValid(token.accessToken));
      }
      clock.advance(60_000);
    }
    for (const manager of managers) manager.dispose();
    const fetches = fake.callsTo('/cgi-bin/stable_token').length;
    assert.ok(fetches <= 13, `${fetches} fetches`);
  });

  it('withToken recovers from a token superseded by a classic fetch elsewhere', async () => {
    const store = new MemoryTokenStore();
    const manager = managerFor(store, 'classic');
    const client = new WeChatClient({ settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }), transport: () => createTransport({}) });
    const first = await manager.get();
    // Another program fetches a classic token; after the overlap ours is dead.
    await client.classicToken({ appId: APP_ID, appSecret: APP_SECRET });
    clock.advance(301_000);
    const quota = await manager.withToken((accessToken) =>
      client.call<{ quota: { used: number } }>('/cgi-bin/openapi/quota/get', { accessToken, body: { cgi_path: '/cgi-bin/token' } }),
    );
    assert.equal(quota.quota.used, 3);
    assert.notEqual((await store.read(APP_ID))?.accessToken, first.accessToken);
    manager.dispose();
  });

  it('errors from the fake reach get() typed (40125 with a wrong secret)', async () => {
    const manager = new TokenManager({
      api: new WeChatClient({ settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }), transport: () => createTransport({}) }),
      store: new MemoryTokenStore(),
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: MARGIN_S }),
      credentials: async () => ({ appId: APP_ID, appSecret: 'wrongwrongwrongwrong' }),
    });
    await assert.rejects(manager.get(), (e) => e instanceof WeChatApiError && e.errcode === 40125);
    manager.dispose();
  });
});

describe('token/manager in classic mode', () => {
  // Every classic fetch invalidates the token the servers use: the manager asks first, unless the
  // caller already did.
  let clock: FakeClock;
  let store: MemoryTokenStore;
  let api: ScriptedTokenApi;
  let answers: boolean[];
  let asked: number;
  /** What happens elsewhere while the modal is open (another window fetching, …). */
  let whileAsked: (() => void) | undefined;
  /** The AppID each classic confirmation was asked for (the modal names that account). */
  let askedFor: string[];
  let manager: TokenManager;

  beforeEach(() => {
    clock = new FakeClock();
    store = new MemoryTokenStore();
    api = new ScriptedTokenApi();
    answers = [];
    asked = 0;
    whileAsked = undefined;
    askedFor = [];
    manager = new TokenManager({
      api,
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'classic', refreshMarginSeconds: MARGIN_S }),
      credentials: fixedCredentials(),
      confirmClassicFetch: async (appId) => {
        asked++;
        askedFor.push(appId);
        whileAsked?.();
        return answers.shift() ?? false;
      },
    });
  });

  afterEach(() => manager.dispose());

  it('a token another window stored while the modal was open is used once the user confirms: no fetch that would invalidate it', () =>
    hardeningCase('fault', 'classic: token stored while the modal is open', async () => {
      const theirs = tokenExpiringIn(clock.now(), 7_200_000, { mode: 'classic' });
      whileAsked = () => store.seed(theirs);
      answers.push(true);
      const token = await manager.get();
      assert.equal(asked, 1);
      assert.equal(api.count, 0, 'no classic fetch');
      assert.equal(token.accessToken, theirs.accessToken);
      assert.equal(manager.state.kind, 'ready');
    }));

  it('an expired token replaced by another window during the modal: theirs is used', async () => {
    store.seed(tokenExpiringIn(clock.now(), -1000, { mode: 'classic' }), false);
    const theirs = tokenExpiringIn(clock.now(), 7_200_000, { mode: 'classic' });
    whileAsked = () => store.seed(theirs);
    answers.push(true);
    assert.equal((await manager.get()).accessToken, theirs.accessToken);
    assert.equal(api.count, 0);
  });

  it('Refresh (always) with nothing new in the store after the modal: the confirmed fetch happens', async () => {
    store.seed(tokenExpiringIn(clock.now(), 3_600_000, { mode: 'classic' }), false);
    answers.push(true);
    api.answer(aGrant({ accessToken: 'tok-classic-new-0123456789' }));
    assert.equal((await manager.refresh({ always: true })).accessToken, 'tok-classic-new-0123456789');
    assert.equal(api.count, 1);
  });

  it('Force Refresh confirmed for a token another window has since replaced: the new one is used, no second force', async () => {
    const seen = tokenExpiringIn(clock.now(), 3_600_000, { mode: 'classic' });
    const replaced = tokenExpiringIn(clock.now(), 7_200_000, { mode: 'classic' });
    store.seed(replaced, false); // forced elsewhere while this window's modal was open
    const token = await manager.refresh({ force: true, confirmed: true, replacing: seen.accessToken });
    assert.equal(token.accessToken, replaced.accessToken);
    assert.equal(api.count, 0);
    assert.equal(asked, 0);
  });

  it("the confirmation is asked for the account the fetch is for: a command's pinned account, not the active one", async () => {
    answers.push(true, true);
    api.answer(aGrant({ accessToken: 'tok-classic-pinned-0123456789' }));
    api.answer(aGrant({ accessToken: 'tok-classic-active-0123456789' }));
    await manager.get('wx_pinned_account_01');
    await manager.get();
    assert.deepEqual(askedFor, ['wx_pinned_account_01', APP_ID]);
  });

  it('asks before fetching and fetches nothing when the user declines', async () => {
    await assert.rejects(manager.get(), FetchDeclinedError);
    assert.equal(asked, 1);
    assert.equal(api.count, 0);
    assert.notEqual(manager.state.kind, 'fetching');
  });

  it('fetches with the classic endpoint once the user agrees', async () => {
    answers.push(true);
    api.answer(aGrant());
    const token = await manager.get();
    assert.equal(asked, 1);
    assert.deepEqual(
      api.calls.map((call) => call.kind),
      ['classic'],
    );
    assert.equal(token.mode, 'classic');
  });

  it('does not ask while the cached token is fresh', async () => {
    store.seed(tokenExpiringIn(clock.now(), 3_600_000, { mode: 'classic' }), false);
    await manager.get();
    assert.equal(asked, 0);
  });

  it('keeps serving a still-valid token inside the margin when the user declines the refresh', async () => {
    const cached = tokenExpiringIn(clock.now(), MARGIN - 60_000, { mode: 'classic' });
    store.seed(cached, false);
    assert.equal((await manager.get()).accessToken, cached.accessToken);
    assert.equal(asked, 1);
    assert.equal(api.count, 0);
  });

  it('does not ask again when the caller already confirmed', async () => {
    api.answer(aGrant());
    await manager.refresh({ force: true, confirmed: true });
    assert.equal(asked, 0);
    assert.equal(api.count, 1);
  });
});

describe('token/manager clear()', () => {
  it('waits for a refresh in flight, so its token is not written back after the clear', async () => {
    const clock = new FakeClock();
    const store = new MemoryTokenStore();
    const api = new ScriptedTokenApi();
    const manager = new TokenManager({
      api,
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: MARGIN_S }),
      credentials: fixedCredentials(),
    });
    const held = api.hold();
    const refreshing = manager.refresh();
    await settle();
    const clearing = manager.clear();
    held.resolve(aGrant());
    await refreshing;
    await clearing;
    assert.equal(store.peek(APP_ID), undefined);
    assert.equal(manager.state.kind, 'empty');
    manager.dispose();
  });
});
