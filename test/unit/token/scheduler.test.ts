import * as assert from 'node:assert/strict';

import { TokenManager, TokenSettings } from '../../../src/token/manager';
import { FIRST_RETRY_MS, MAX_RETRY_MS, MAX_TIMER_MS, RefreshScheduler, SchedulerSettings } from '../../../src/token/scheduler';
import { CachedToken } from '../../../src/token/store';
import { TokenNotStoredError } from '../../../src/token/storeError';
import { WeChatTransportError } from '../../../src/wechat/apiErrors';
import { describeError } from '../../../src/wechat/errors';
import { MissingCredentialsError } from '../../../src/wechat/refusals';
import { hardeningCase } from '../../hardening/ledger';
import { FakeClock } from '../helpers/fakeClock';
import {
  aGrant,
  apiError,
  APP_ID,
  CapturingLogger,
  fixedCredentials,
  ScriptedTokenApi,
  stableSemantics,
  tokenExpiringIn,
} from '../helpers/fixtures';
import { MemoryTokenStore } from '../helpers/memoryTokenStore';

const MARGIN = 300_000;
const HOURS_2 = 7_200_000;

interface Rig {
  readonly manager: TokenManager;
  readonly scheduler: RefreshScheduler;
  readonly api: ScriptedTokenApi;
  /** clock.now() at each token request. */
  readonly fetchTimes: number[];
  tokenSettings: TokenSettings;
  schedulerSettings: SchedulerSettings;
  dispose(): void;
}

function rig(
  clock: FakeClock,
  store: MemoryTokenStore,
  options: { random?: () => number; scheduler?: Partial<SchedulerSettings>; api?: ScriptedTokenApi } = {},
): Rig {
  const api = options.api ?? new ScriptedTokenApi();
  const fetchTimes: number[] = [];
  const r = {
    api,
    fetchTimes,
    tokenSettings: { appId: APP_ID, mode: 'stable', refreshMarginSeconds: MARGIN / 1000 } as TokenSettings,
    schedulerSettings: { autoRefresh: true, refreshMarginSeconds: MARGIN / 1000, jitterMs: 0, ...options.scheduler } as SchedulerSettings,
  } as Rig & { manager: TokenManager; scheduler: RefreshScheduler; dispose(): void };
  const countingApi = {
    classicToken: (...args: Parameters<ScriptedTokenApi['classicToken']>) => {
      fetchTimes.push(clock.now());
      return api.classicToken(...args);
    },
    stableToken: (...args: Parameters<ScriptedTokenApi['stableToken']>) => {
      fetchTimes.push(clock.now());
      return api.stableToken(...args);
    },
  };
  const manager = new TokenManager({
    api: countingApi,
    store,
    clock,
    settings: () => r.tokenSettings,
    credentials: fixedCredentials(),
    log: new CapturingLogger(),
  });
  const scheduler = new RefreshScheduler(manager, clock, () => r.schedulerSettings, options.random ?? (() => 0), new CapturingLogger());
  Object.assign(r, {
    manager,
    scheduler,
    dispose: () => {
      scheduler.dispose();
      manager.dispose();
    },
  });
  return r;
}

describe('token/scheduler', () => {
  let clock: FakeClock;
  let store: MemoryTokenStore;
  let r: Rig;

  beforeEach(() => {
    clock = new FakeClock();
    store = new MemoryTokenStore();
  });

  afterEach(() => r?.dispose());

  /** Seeds a token expiring in `remainingMs` and lets the manager pick it up. */
  async function withCachedToken(remainingMs: number): Promise<number> {
    const token = tokenExpiringIn(clock.now(), remainingMs);
    store.seed(token, false);
    await r.manager.reload();
    return token.expiresAt;
  }

  describe('when it fires', () => {
    it('at expiry − margin, not a millisecond before', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      assert.equal(r.scheduler.dueAt(), expiresAt - MARGIN);
      await clock.advanceAsync(expiresAt - MARGIN - clock.now() - 1);
      assert.equal(r.api.count, 0);
      await clock.advanceAsync(1);
      assert.deepEqual(r.fetchTimes, [expiresAt - MARGIN]);
      // And re-plans for the new token.
      assert.equal(r.manager.state.kind, 'ready');
      assert.equal(r.scheduler.dueAt(), clock.now() + HOURS_2 - MARGIN);
    });

    it('plus the jitter drawn from the injected random', async () => {
      r = rig(clock, store, { random: () => 0.25, scheduler: { jitterMs: 20_000 } });
      const expiresAt = await withCachedToken(HOURS_2);
      assert.equal(r.scheduler.dueAt(), expiresAt - MARGIN + 5_000);
      await clock.advanceAsync(expiresAt - MARGIN + 4_999 - clock.now());
      assert.equal(r.api.count, 0);
      await clock.advanceAsync(1);
      assert.deepEqual(r.fetchTimes, [expiresAt - MARGIN + 5_000]);
    });

    it('follows the margin setting', async () => {
      r = rig(clock, store, { scheduler: { refreshMarginSeconds: 900 } });
      r.tokenSettings = { ...r.tokenSettings, refreshMarginSeconds: 900 };
      const expiresAt = await withCachedToken(HOURS_2);
      await clock.advanceAsync(expiresAt - 900_000 - clock.now());
      assert.deepEqual(r.fetchTimes, [expiresAt - 900_000]);
    });

    it('never sleeps longer than 60 s between two looks at the clock', async () => {
      r = rig(clock, store);
      await withCachedToken(HOURS_2);
      await clock.advanceAsync(3 * HOURS_2);
      assert.ok(clock.requestedDelays.length > 100);
      assert.ok(
        clock.requestedDelays.every((d) => d >= 0 && d <= MAX_TIMER_MS),
        `delays: ${clock.requestedDelays.filter((d) => d > MAX_TIMER_MS)}`,
      );
      assert.equal(MAX_TIMER_MS, 60_000);
      assert.equal(r.api.count, 3, 'one refresh per token lifetime');
    });

    it('an empty cache is filled right away', async () => {
      r = rig(clock, store);
      await r.manager.reload();
      assert.equal(r.scheduler.dueAt(), clock.now());
      await clock.advanceAsync(0);
      assert.equal(r.api.count, 1);
      assert.equal(r.manager.state.kind, 'ready');
    });

    it('nothing is planned without an AppID (setup)', async () => {
      r = rig(clock, store);
      r.tokenSettings = { ...r.tokenSettings, appId: undefined };
      await r.manager.reload();
      assert.equal(r.scheduler.dueAt(), undefined);
      assert.equal(clock.pendingTimers, 0);
    });
  });

  describe('sleep and clock jumps', () => {
    it('after a sleep past the due time, refreshes within a minute of waking — not after the remaining timer ticks', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      await clock.advanceAsync(10 * 60_000);
      clock.jump(3 * 3_600_000); // lid closed for three hours: no timer ran
      assert.equal(r.api.count, 0);
      assert.ok(clock.now() > expiresAt);
      await clock.advanceAsync(MAX_TIMER_MS);
      assert.equal(r.api.count, 1);
      const state = r.manager.state;
      assert.ok(state.kind === 'ready' && state.token.expiresAt > clock.now());
    });

    it('a forward jump into the margin is caught at the next look (≤ 60 s)', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      clock.jump(expiresAt - MARGIN + 1000 - clock.now());
      await clock.advanceAsync(MAX_TIMER_MS);
      assert.equal(r.api.count, 1);
    });

    it('a small backward jump (under a minute) does not refresh early, and still refreshes when due', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      clock.jump(-30_000);
      const elapsedToOldDue = expiresAt - MARGIN - (clock.now() + 30_000);
      await clock.advanceAsync(elapsedToOldDue);
      assert.equal(r.api.count, 0, 'the wall clock says it is not due yet');
      await clock.advanceAsync(30_000);
      assert.deepEqual(r.fetchTimes, [expiresAt - MARGIN]);
    });

    it('a clock set back by an hour: the token (checked "in the future") is re-checked at the next look, not an hour late', async () => {
      r = rig(clock, store);
      await withCachedToken(HOURS_2);
      await clock.advanceAsync(10 * 60_000);
      clock.jump(-3_600_000);
      await clock.advanceAsync(MAX_TIMER_MS);
      assert.equal(r.api.count, 1);
      const state = r.manager.state;
      assert.ok(state.kind === 'ready' && state.token.checkedAt <= clock.now(), 'checked on the new clock');
      await clock.advanceAsync(3_600_000);
      assert.equal(r.api.count, 1, 'no loop after the re-check');
    });
  });

  describe('failures', () => {
    it('a transient failure is retried with a doubling back-off, reset after a success', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      const due = expiresAt - MARGIN;
      const timeout = (): WeChatTransportError => new WeChatTransportError('timeout', '/cgi-bin/stable_token', 'x');
      r.api.answer(timeout(), new WeChatTransportError('network', '/p', 'ECONNRESET'), apiError(-1), aGrant());
      await clock.advanceAsync(due + 10 * 60_000 - clock.now());
      assert.deepEqual(
        r.fetchTimes.map((t) => t - due),
        [0, FIRST_RETRY_MS, FIRST_RETRY_MS * 3, FIRST_RETRY_MS * 7],
      );
      assert.equal(r.manager.state.kind, 'ready');
      // A later failure starts again at the first delay.
      const nextDue = r.scheduler.dueAt()!;
      r.api.answer(timeout());
      await clock.advanceAsync(nextDue + FIRST_RETRY_MS - clock.now());
      assert.deepEqual(
        r.fetchTimes.slice(4).map((t) => t - nextDue),
        [0, FIRST_RETRY_MS],
      );
    });

    it('the back-off is capped at 5 minutes', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      for (let i = 0; i < 9; i++) r.api.answer(new WeChatTransportError('http', '/p', 'HTTP 502', 502));
      await clock.advanceAsync(expiresAt - MARGIN + 2 * 3_600_000 - clock.now());
      const gaps = r.fetchTimes.slice(1).map((t, i) => t - r.fetchTimes[i]!);
      assert.deepEqual(gaps.slice(0, 8), [15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000]);
      assert.equal(MAX_RETRY_MS, 300_000);
      assert.equal(r.manager.state.kind, 'ready');
    });

    it('45011 (minute quota) is retried like a transient failure', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      r.api.answer(apiError(45011, 'api minute-quota reach limit'));
      await clock.advanceAsync(expiresAt - MARGIN + FIRST_RETRY_MS - clock.now());
      assert.equal(r.api.count, 2);
      assert.equal(r.manager.state.kind, 'ready');
    });

    for (const [label, error] of [
      ['40125 invalid AppSecret', apiError(40125, 'invalid appsecret', '/cgi-bin/stable_token')],
      ['40164 IP not whitelisted', apiError(40164, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist', '/cgi-bin/stable_token')],
      ['45009 daily quota', apiError(45009, 'reach max api daily quota limit', '/cgi-bin/stable_token')],
      ['40013 invalid AppID', apiError(40013, 'invalid appid', '/cgi-bin/stable_token')],
      ['a cancelled request', new WeChatTransportError('cancelled', '/cgi-bin/stable_token', 'cancelled')],
      ['a plain Error', new Error('unexpected')],
    ] as const) {
      it(`${label} needs the user: not retried`, async () => {
        r = rig(clock, store);
        const expiresAt = await withCachedToken(HOURS_2);
        r.api.answer(error);
        await clock.advanceAsync(expiresAt - MARGIN - clock.now());
        assert.equal(r.api.count, 1);
        assert.equal(r.manager.state.kind, 'failed');
        assert.equal(r.scheduler.dueAt(), undefined);
        assert.equal(clock.pendingTimers, 0);
        await clock.advanceAsync(3 * 3_600_000);
        assert.equal(r.api.count, 1);
      });
    }

    it('a missing AppSecret is not retried', async () => {
      r = rig(clock, store);
      const manager = new TokenManager({
        api: r.api,
        store,
        clock,
        settings: () => r.tokenSettings,
        credentials: async () => {
          throw new MissingCredentialsError('appSecret');
        },
      });
      const scheduler = new RefreshScheduler(
        manager,
        clock,
        () => r.schedulerSettings,
        () => 0,
      );
      r.scheduler.dispose();
      await manager.reload(); // empty → due now
      await clock.advanceAsync(3_600_000);
      assert.equal(manager.state.kind, 'failed');
      assert.equal(scheduler.dueAt(), undefined);
      scheduler.dispose();
      manager.dispose();
    });

    it('after a reported failure, a successful manual refresh re-arms the timer', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      r.api.answer(apiError(40125, 'invalid appsecret', '/cgi-bin/stable_token'));
      await clock.advanceAsync(expiresAt - MARGIN - clock.now());
      assert.equal(clock.pendingTimers, 0);
      await r.manager.refresh(); // the user fixed the secret and asked again
      assert.equal(clock.pendingTimers, 1);
      assert.equal(r.scheduler.dueAt(), clock.now() + HOURS_2 - MARGIN);
    });
  });

  describe('settings and lifetime', () => {
    it('autoRefresh disabled: nothing is scheduled, nothing is fetched', async () => {
      r = rig(clock, store, { scheduler: { autoRefresh: false } });
      await withCachedToken(HOURS_2);
      assert.equal(r.scheduler.dueAt(), undefined);
      assert.equal(clock.pendingTimers, 0);
      await clock.advanceAsync(3 * HOURS_2);
      assert.equal(r.api.count, 0);
      // Switched on later: reschedule() plans from the current state.
      r.schedulerSettings = { ...r.schedulerSettings, autoRefresh: true };
      r.scheduler.reschedule();
      assert.equal(clock.pendingTimers, 1);
      await clock.advanceAsync(0);
      assert.equal(r.api.count, 1, 'the cached token had expired long ago');
    });

    it('autoRefresh switched off while a timer is pending: the wake does nothing', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      r.schedulerSettings = { ...r.schedulerSettings, autoRefresh: false };
      await clock.advanceAsync(expiresAt + 60_000 - clock.now());
      assert.equal(r.api.count, 0);
    });

    it('dispose cancels the timer and ignores later state changes', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      assert.equal(clock.pendingTimers, 1);
      r.scheduler.dispose();
      assert.equal(clock.pendingTimers, 0);
      assert.equal(r.scheduler.dueAt(), undefined);
      await r.manager.reload();
      store.seed(tokenExpiringIn(clock.now(), 60_000));
      await clock.advanceAsync(expiresAt + 60_000 - clock.now());
      assert.equal(clock.pendingTimers, 0);
      assert.equal(r.api.count, 0);
    });

    it('a refresh in flight (fetching) plans nothing until it settles', async () => {
      r = rig(clock, store);
      await withCachedToken(HOURS_2);
      const held = r.api.hold();
      const pending = r.manager.refresh({ always: true });
      await clock.advanceAsync(0);
      assert.equal(r.manager.state.kind, 'fetching');
      assert.equal(r.scheduler.dueAt(), undefined);
      assert.equal(clock.pendingTimers, 0);
      held.resolve(aGrant());
      await pending;
      assert.equal(clock.pendingTimers, 1);
    });

    it('a stable answer with the same token inside a wider margin does not loop', async () => {
      r = rig(clock, store, { scheduler: { refreshMarginSeconds: 600 } });
      r.tokenSettings = { ...r.tokenSettings, refreshMarginSeconds: 600 };
      stableSemantics(clock, r.api); // the platform renews only in the last 5 minutes
      await r.manager.reload();
      await clock.advanceAsync(0); // empty → first fetch
      const first = r.manager.state.kind === 'ready' ? r.manager.state.token : undefined;
      assert.ok(first);
      await clock.advanceAsync(first.expiresAt + 60_000 - clock.now());
      const inWindow = r.fetchTimes.filter((t) => t >= first.expiresAt - 600_000 && t <= first.expiresAt);
      assert.ok(
        inWindow.length >= 2 && inWindow.length <= 3,
        `fetches in the last 10 min: ${inWindow.map((t) => (first.expiresAt - t) / 1000)}`,
      );
      const state = r.manager.state;
      assert.ok(state.kind === 'ready' && state.token.accessToken !== first.accessToken);
    });
  });

  // The hardening issue saw 74 fetches in 2 s: a fetch whose token never became a stored entry
  // left the state "empty", which was due at once. Every such path now waits, growing.
  describe('a fetch that leaves no usable stored token backs off', () => {
    /** Fetch gaps over 10 minutes; a runaway loop is stopped by a 40125 after 40 fetches. */
    async function gapsOver10Minutes(rigged: Rig, grant: () => ReturnType<typeof aGrant>): Promise<number[]> {
      for (let i = 0; i < 40; i++) rigged.api.answer(grant);
      rigged.api.answer(apiError(40125, 'invalid appsecret', '/cgi-bin/stable_token'));
      await rigged.manager.reload(); // empty → due now
      await clock.advanceAsync(10 * 60_000);
      return rigged.fetchTimes.slice(1).map((t, i) => t - rigged.fetchTimes[i]!);
    }
    const growing = [FIRST_RETRY_MS, FIRST_RETRY_MS * 2, FIRST_RETRY_MS * 4, FIRST_RETRY_MS * 8, FIRST_RETRY_MS * 16];

    it('a store that does not keep the entry: TokenNotStoredError, retried with the back-off', () =>
      hardeningCase('fault', 'store drops the token written', async () => {
        const dropping = new (class extends MemoryTokenStore {
          override async write(token: CachedToken): Promise<void> {
            await super.write(token);
            await super.clear(token.appId);
          }
        })();
        r = rig(clock, dropping);
        const gaps = await gapsOver10Minutes(r, () => aGrant());
        assert.deepEqual(gaps, growing);
        const state = r.manager.state;
        assert.ok(state.kind === 'failed' && state.error instanceof TokenNotStoredError);
        assert.match(describeError(state.error), /secret storage did not keep it.*keyring/);
      }));

    it('an entry that vanishes right after the fetch ("empty" again): not fetched again at once', () =>
      hardeningCase('fault', 'stored token vanishes after the fetch', async () => {
        // Kept for the read-back, then gone (another window's Clear, a flaky keyring): "empty".
        const vanishing = new (class extends MemoryTokenStore {
          private armed = false;
          override async write(token: CachedToken): Promise<void> {
            await super.write(token);
            this.armed = true;
          }
          override async read(appId: string): Promise<CachedToken | undefined> {
            const token = await super.read(appId);
            if (this.armed) {
              this.armed = false;
              await super.clear(appId);
            }
            return token;
          }
        })();
        r = rig(clock, vanishing);
        assert.deepEqual(await gapsOver10Minutes(r, () => aGrant()), growing);
      }));

    it('a token already due when it arrives (expires_in 1 s): not one fetch a second', () =>
      hardeningCase('fault', 'token due on arrival', async () => {
        r = rig(clock, store);
        assert.deepEqual(await gapsOver10Minutes(r, () => aGrant({ expiresInSeconds: 1 })), growing);
      }));

    it('after a token that lived, the next failure starts at the first delay again', () =>
      hardeningCase('fault', 'back-off reset by a token that lived', async () => {
        r = rig(clock, store);
        r.api.answer(
          new WeChatTransportError('network', '/p', 'ECONNREFUSED'),
          new WeChatTransportError('network', '/p', 'ECONNREFUSED'),
          aGrant(),
        );
        await r.manager.reload();
        await clock.advanceAsync(60_000);
        assert.deepEqual(
          r.fetchTimes.slice(1).map((t, i) => t - r.fetchTimes[i]!),
          [FIRST_RETRY_MS, FIRST_RETRY_MS * 2],
        );
        const due = r.scheduler.dueAt()!;
        r.api.answer(new WeChatTransportError('network', '/p', 'ECONNREFUSED'));
        await clock.advanceAsync(due + FIRST_RETRY_MS - clock.now());
        assert.deepEqual(
          r.fetchTimes.slice(3).map((t) => t - due),
          [0, FIRST_RETRY_MS],
        );
      }));
  });

  // wake() calls manager.refresh(), which must reject (not throw) when the AppID is gone: an
  // exception would escape the timer callback.
  describe('a wake with no AppID', () => {
    it('the AppID removed without a reload: the wake neither throws nor fetches', async () => {
      r = rig(clock, store);
      const expiresAt = await withCachedToken(HOURS_2);
      r.tokenSettings = { ...r.tokenSettings, appId: undefined };
      await assert.doesNotReject(clock.advanceAsync(expiresAt - clock.now()));
      assert.equal(r.api.count, 0);
    });
  });

  describe('several windows', () => {
    it('two windows due at once: one fetches, the other adopts through the shared store', async () => {
      const api = new ScriptedTokenApi();
      const a = rig(clock, store, { api, random: () => 0.1, scheduler: { jitterMs: 30_000 } });
      const b = rig(clock, store, { api, random: () => 0.9, scheduler: { jitterMs: 30_000 } });
      r = a;
      const token = tokenExpiringIn(clock.now(), HOURS_2);
      store.seed(token, false);
      await Promise.all([a.manager.reload(), b.manager.reload()]);
      await clock.advanceAsync(token.expiresAt - clock.now());
      assert.equal(api.count, 1);
      const sa = a.manager.state;
      const sb = b.manager.state;
      assert.ok(sa.kind === 'ready' && sb.kind === 'ready' && sa.token.accessToken === sb.token.accessToken);
      b.dispose();
    });

    it('three windows with auto-refresh over 24 h, stable semantics → ≤ 13 fetches, never an expired token', async () => {
      const api = new ScriptedTokenApi();
      const stable = stableSemantics(clock, api);
      const randoms = [0.2, 0.5, 0.8];
      const windows = randoms.map((x) => rig(clock, store, { api, random: () => x, scheduler: { jitterMs: 30_000 } }));
      r = windows[0]!;
      await Promise.all(windows.map((w) => w.manager.reload()));
      for (let minute = 0; minute < 24 * 60; minute++) {
        await clock.advanceAsync(60_000);
        for (const w of windows) {
          const token = await w.manager.get();
          assert.ok(stable.isCurrent(token.accessToken), `minute ${minute}: a dead token`);
        }
      }
      assert.ok(api.count <= 13, `${api.count} fetches`);
      windows.slice(1).forEach((w) => w.dispose());
    });
  });
});
