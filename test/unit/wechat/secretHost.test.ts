import * as assert from 'node:assert/strict';

import { clearQuotaWithSecret } from '../../../src/features/diagnostics/core/quota';
import { TokenManager } from '../../../src/token/manager';
import { RefreshScheduler } from '../../../src/token/scheduler';
import { WeChatClient } from '../../../src/wechat/client';
import { WECHAT_API_ORIGIN } from '../../../src/wechat/endpoints';
import { SecretHostRefusedError } from '../../../src/wechat/refusals';
import { apiOrigin, SecretHostGuard, SecretHostMemory } from '../../../src/wechat/secretHost';
import { createTransport } from '../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../fake-wechat/server';
import { hardeningCase } from '../../hardening/ledger';
import { FakeClock, settle } from '../helpers/fakeClock';
import { APP_ID, APP_SECRET, CapturingLogger, CREDENTIALS, fixedCredentials } from '../helpers/fixtures';
import { MemoryTokenStore } from '../helpers/memoryTokenStore';

class MemoryHosts implements SecretHostMemory {
  readonly origins = new Map<string, string>();
  readonly tokenOrigins = new Map<string, string>();
  tokenOrigin(appId: string): Promise<string | undefined> {
    return Promise.resolve(this.tokenOrigins.get(appId));
  }
  rememberTokenOrigin(appId: string, origin: string): Promise<void> {
    this.tokenOrigins.set(appId, origin);
    return Promise.resolve();
  }
  lastOrigin(appId: string): Promise<string | undefined> {
    return Promise.resolve(this.origins.get(appId));
  }
  rememberOrigin(appId: string, origin: string): Promise<void> {
    this.origins.set(appId, origin);
    return Promise.resolve();
  }
}

interface Asked {
  readonly appId: string;
  readonly from: string;
  readonly to: string;
}

describe('wechat/secretHost: the AppSecret goes to a new API host only after the user agreed', () => {
  let fake: FakeWeChat;
  let clock: FakeClock;
  let hosts: MemoryHosts;
  let asked: Asked[];
  let askedToken: Asked[];
  let answer: boolean;
  let guard: SecretHostGuard;
  let client: WeChatClient;

  beforeEach(async () => {
    clock = new FakeClock();
    fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET }], now: () => clock.now() });
    hosts = new MemoryHosts();
    asked = [];
    askedToken = [];
    answer = true;
    guard = new SecretHostGuard({
      memory: hosts,
      confirm: async (appId, from, to) => {
        asked.push({ appId, from, to });
        await settle();
        return answer;
      },
      confirmToken: async (appId, from, to) => {
        askedToken.push({ appId, from, to });
        await settle();
        return answer;
      },
    });
    client = new WeChatClient({
      settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }),
      transport: () => createTransport({}),
      beforeSendingSecret: (send) => guard.check(send),
    });
  });
  afterEach(() => fake.close());

  const tokenCalls = (): number => fake.calls.filter((c) => c.path === '/cgi-bin/stable_token' || c.path === '/cgi-bin/token').length;

  it("WeChat's own host needs no question for a secret never used elsewhere", async () => {
    await guard.check({ appId: APP_ID, origin: WECHAT_API_ORIGIN, background: true });
    assert.deepEqual(asked, []);
    assert.equal(apiOrigin('https://api.weixin.qq.com/'), WECHAT_API_ORIGIN);
  });

  it('another host asks once, naming both hosts; the answer is remembered for that host', async () => {
    await client.stableToken(CREDENTIALS, false);
    assert.deepEqual(asked, [{ appId: APP_ID, from: WECHAT_API_ORIGIN, to: apiOrigin(fake.url) }]);
    assert.equal(hosts.origins.get(APP_ID), apiOrigin(fake.url));
    await client.stableToken(CREDENTIALS, false);
    assert.equal(asked.length, 1);
    assert.equal(tokenCalls(), 2);
  });

  it('declined: nothing is sent, nothing remembered', () =>
    hardeningCase('hostile', 'apiBaseUrl redirected, user declines', async () => {
      answer = false;
      const error = await client.stableToken(CREDENTIALS, false).catch((e: unknown) => e);
      assert.ok(error instanceof SecretHostRefusedError && error.why === 'declined', String(error));
      assert.equal(tokenCalls(), 0);
      assert.equal(hosts.origins.size, 0);
    }));

  it('a background fetch never asks and never sends to a new host (classic token too)', () =>
    hardeningCase('hostile', 'apiBaseUrl redirected, background refresh', async () => {
      for (const fetch of [
        () => client.stableToken(CREDENTIALS, false, { background: true }),
        () => client.classicToken(CREDENTIALS, { background: true }),
      ]) {
        const error = await fetch().catch((e: unknown) => e);
        assert.ok(error instanceof SecretHostRefusedError && error.why === 'background', String(error));
        assert.match(error.describe(), /was not sent.*WeChat: Refresh Access Token/);
        assert.ok(error.describe().includes(apiOrigin(fake.url)) && error.describe().includes(WECHAT_API_ORIGIN));
      }
      assert.deepEqual(asked, []);
      assert.equal(fake.calls.length, 0);
    }));

  it('clear_quota/v2 (AppSecret in the body) goes through the same check', () =>
    hardeningCase('hostile', 'apiBaseUrl redirected, clear_quota/v2', async () => {
      answer = false;
      await assert.rejects(clearQuotaWithSecret(client, CREDENTIALS), SecretHostRefusedError);
      assert.equal(fake.calls.length, 0);
    }));

  it('a request that carries a secret without naming its owner is refused before it leaves', async () => {
    await assert.rejects(client.call('/cgi-bin/clear_quota/v2', { body: { appid: APP_ID, appsecret: APP_SECRET } }), /must name its owner/);
    await assert.rejects(client.call('/cgi-bin/token', { query: { appid: APP_ID, secret: APP_SECRET } }), /must name its owner/);
    assert.equal(fake.calls.length, 0);
  });

  it('concurrent fetches to a new host ask one question', async () => {
    await Promise.all([
      client.stableToken(CREDENTIALS, false),
      client.stableToken(CREDENTIALS, false),
      clearQuotaWithSecret(client, CREDENTIALS),
    ]);
    assert.equal(asked.length, 1);
  });

  it('classic mode: a token another window stored while the host question was open is used, not replaced', () =>
    hardeningCase('fault', 'classic: token stored while the secret-host modal is open', async () => {
      const store = new MemoryTokenStore();
      const theirs = {
        appId: APP_ID,
        accessToken: 'tok-theirs-stored-during-the-host-modal',
        expiresAt: clock.now() + 7_200_000,
        obtainedAt: clock.now(),
        checkedAt: clock.now(),
        mode: 'classic' as const,
      };
      let classicAsked = 0;
      guard = new SecretHostGuard({
        memory: hosts,
        confirm: async (appId, from, to) => {
          asked.push({ appId, from, to });
          await store.write(theirs); // another window fetched while this modal was open
          return true;
        },
        confirmToken: async () => true,
      });
      const manager = new TokenManager({
        api: client,
        store,
        clock,
        settings: () => ({ appId: APP_ID, mode: 'classic', refreshMarginSeconds: 300 }),
        credentials: fixedCredentials(),
        confirmClassicFetch: async () => {
          classicAsked++;
          return true;
        },
        checkSecretHost: (appId, background) => guard.check({ appId, origin: apiOrigin(fake.url), background }),
      });
      try {
        const token = await manager.get();
        assert.equal(asked.length, 1);
        assert.equal(token.accessToken, theirs.accessToken);
        assert.equal(tokenCalls(), 0, "no classic fetch that would invalidate the other window's token");
        assert.equal(classicAsked, 1);
      } finally {
        manager.dispose();
      }
    }));

  describe('the access token: an API call sends it to a new host only after the user agreed', () => {
    function tokenWindow(store: MemoryTokenStore): TokenManager {
      return new TokenManager({
        api: client,
        store,
        clock,
        settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
        credentials: fixedCredentials(),
        checkSecretHost: (appId, background) => guard.check({ appId, origin: apiOrigin(fake.url), background }),
        beforeUsingToken: (appId) => guard.checkToken(appId, apiOrigin(fake.url)),
      });
    }
    /** A token fetched from WeChat's own host (or read from the team's Redis), still fresh. */
    function cachedToken(store: MemoryTokenStore): string {
      const accessToken = 'tok-fetched-from-api-weixin-qq-com-0123';
      void store.write({
        appId: APP_ID,
        accessToken,
        expiresAt: clock.now() + 7_000_000,
        obtainedAt: clock.now(),
        checkedAt: clock.now(),
        mode: 'stable',
      });
      return accessToken;
    }

    it('declined: the call never gets the token; nothing is remembered', () =>
      hardeningCase('hostile', 'apiBaseUrl redirected, cached token to an API call, user declines', async () => {
        const store = new MemoryTokenStore();
        cachedToken(store);
        const manager = tokenWindow(store);
        const sent: string[] = [];
        answer = false;
        try {
          const error = await manager.withToken(async (token) => sent.push(token)).catch((e: unknown) => e);
          assert.ok(error instanceof SecretHostRefusedError && error.carrying === 'accessToken' && error.why === 'declined', String(error));
          assert.match(error.describe(), /access token/);
          assert.deepEqual(sent, []);
          assert.deepEqual(askedToken, [{ appId: APP_ID, from: WECHAT_API_ORIGIN, to: apiOrigin(fake.url) }]);
          assert.equal(hosts.tokenOrigins.size, 0);
        } finally {
          manager.dispose();
        }
      }));

    it('agreed once: remembered for tokens only — the AppSecret still asks before it goes there', async () => {
      const store = new MemoryTokenStore();
      const token = cachedToken(store);
      const manager = tokenWindow(store);
      const sent: string[] = [];
      try {
        await manager.withToken(async (t) => sent.push(t));
        await manager.withToken(async (t) => sent.push(t));
        assert.deepEqual(sent, [token, token]);
        assert.equal(askedToken.length, 1);
        assert.equal(hosts.tokenOrigins.get(APP_ID), apiOrigin(fake.url));
        await manager.refresh({ always: true });
        assert.equal(asked.length, 1, 'agreeing to send a token did not let the AppSecret follow');
      } finally {
        manager.dispose();
      }
    });

    it('a host the AppSecret was confirmed for gets the token it issued without a second question', async () => {
      const manager = tokenWindow(new MemoryTokenStore());
      try {
        const used = await manager.withToken(async (t) => t);
        assert.ok(fake.isTokenValid(used));
        assert.equal(asked.length, 1);
        assert.deepEqual(askedToken, []);
      } finally {
        manager.dispose();
      }
    });
  });

  it("the scheduler's refresh stops (state says why, no retry loop); the user's refresh asks and fetches", () =>
    hardeningCase('hostile', 'apiBaseUrl redirected, auto-refresh', async () => {
      const store = new MemoryTokenStore();
      const manager = new TokenManager({
        api: client,
        store,
        clock,
        settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
        credentials: fixedCredentials(),
        log: new CapturingLogger(),
      });
      const scheduler = new RefreshScheduler(
        manager,
        clock,
        () => ({ autoRefresh: true, refreshMarginSeconds: 300, jitterMs: 0 }),
        () => 0,
        new CapturingLogger(),
      );
      try {
        const failed = new Promise<void>((resolve) => {
          const subscription = manager.onDidChangeState((state) => {
            if (state.kind !== 'failed') return;
            subscription.dispose();
            resolve();
          });
        });
        await manager.reload(); // empty: the scheduler wants a token now
        clock.advance(0);
        await failed;
        const state = manager.state;
        assert.ok(state.kind === 'failed' && state.error instanceof SecretHostRefusedError && state.error.why === 'background');
        assert.deepEqual(asked, []);
        assert.equal(fake.calls.length, 0);
        clock.advance(3_600_000);
        await settle();
        assert.equal(fake.calls.length, 0, 'a refused background refresh is not retried on a timer');
        await manager.refresh({ always: true });
        assert.equal(manager.state.kind, 'ready');
        assert.equal(asked.length, 1);
        assert.equal(tokenCalls(), 1);
      } finally {
        scheduler.dispose();
        manager.dispose();
      }
    }));
});
