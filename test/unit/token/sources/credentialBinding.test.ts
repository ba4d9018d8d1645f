// What a team credential is bound to, and who may bind it:
// - the scheme is part of the origin: a Redis password bound to rediss:// is not sent over plain
//   redis:// to the same host and port unasked (a real redis-server: no connection, so no AUTH,
//   reaches it); a command asks in words that say the connection is unencrypted;
// - a credential bound to nothing yet is bound by a command's read only, never by a background one;
// - the Redis source judges the URL it connects to, read once, not a second read of the setting;
// - an {appid} in the token service's host is bound filled in, as requested;
// - the focus re-read (extension.ts: refresh({ always, background })) neither asks nor sends.
import * as assert from 'node:assert/strict';

import { TokenManager } from '../../../../src/token/manager';
import { bindingCovers, credentialOriginOf, isUnencryptedDowngrade } from '../../../../src/token/sources/credentialOrigin';
import { RedisConnectOptions } from '../../../../src/token/sources/redis/connection';
import { redisKeyFor } from '../../../../src/token/sources/redis/layouts';
import { connectRedis } from '../../../../src/token/sources/redis/redisClient';
import { RedisTokenSource } from '../../../../src/token/sources/redis/redisTokenSource';
import { TeamSourceReader } from '../../../../src/token/sources/teamSource';
import { HttpTransport } from '../../../../src/wechat/http';
import { createTransport } from '../../../../src/wechat/undiciTransport';
import { hardeningCase } from '../../../hardening/ledger';
import { FakeClock } from '../../helpers/fakeClock';
import { aCachedToken, APP_ID, CapturingLogger, fixedCredentials, ScriptedTokenApi, tokenString } from '../../helpers/fixtures';
import { MemoryTokenStore } from '../../helpers/memoryTokenStore';
import { RedisServer, startRedisServer } from '../../helpers/redisServer';
import { guardWith, refusal } from './credentialGuardRig';
import { startTokenServiceFixture, TokenServiceFixture } from './tokenService/fixtureServer';
import { CREDENTIAL, TOKEN, useTokenService } from './tokenService/harness';

describe('token/sources/credentialOrigin: scheme, {appid}, downgrade', () => {
  it('a Redis origin keeps the scheme: rediss and redis to one host:port differ', () => {
    assert.equal(credentialOriginOf('redis', 'rediss://cache.corp:6380/2'), 'rediss://cache.corp:6380');
    assert.equal(credentialOriginOf('redis', 'redis://cache.corp:6380/0'), 'redis://cache.corp:6380');
    assert.equal(credentialOriginOf('redis', 'redis://Cache.Corp'), 'redis://cache.corp:6379');
    assert.equal(credentialOriginOf('redis', 'redis://[::1]:7000'), 'redis://[::1]:7000');
    assert.equal(credentialOriginOf('redis', 'not a url'), undefined);
  });

  it('the token service origin is of the URL as requested: {appid} filled in (any case), or nothing bound without an AppID', () => {
    assert.equal(credentialOriginOf('url', 'https://{appid}.token.corp/wx/token', APP_ID), `https://${APP_ID}.token.corp`);
    assert.equal(credentialOriginOf('url', 'https://{AppId}.token.corp:8443/t?appid={appid}', APP_ID), `https://${APP_ID}.token.corp:8443`);
    assert.equal(credentialOriginOf('url', 'https://{appid}.token.corp/wx/token'), undefined);
    // Outside the origin the AppID changes nothing: bound without one.
    assert.equal(credentialOriginOf('url', 'https://token.corp/wx/{appid}/token?appid={appid}'), 'https://token.corp');
    assert.equal(credentialOriginOf('url', 'https://token.corp/wx/token'), 'https://token.corp');
  });

  it('a downgrade is TLS (or a binding from before schemes were kept) to clear text', () => {
    assert.equal(isUnencryptedDowngrade('rediss://h:6380', 'redis://h:6380'), true);
    assert.equal(isUnencryptedDowngrade('h:6380', 'redis://h:6380'), true);
    assert.equal(isUnencryptedDowngrade('https://127.0.0.1:8443', 'http://127.0.0.1:8443'), true);
    assert.equal(isUnencryptedDowngrade('redis://a:6379', 'redis://b:6379'), false);
    assert.equal(isUnencryptedDowngrade('redis://h:6379', 'rediss://h:6379'), false);
    assert.equal(isUnencryptedDowngrade('https://a', 'https://b'), false);
  });

  it('the same Redis host and port over TLS is covered (redis:// or a "host:port" binding from before schemes were kept); nothing else is', async () => {
    assert.equal(bindingCovers('redis', 'h:6380', 'rediss://h:6380'), true);
    assert.equal(bindingCovers('redis', 'H:6380', 'rediss://h:6380'), true);
    assert.equal(bindingCovers('redis', 'redis://h:6380', 'rediss://h:6380'), true);
    assert.equal(bindingCovers('redis', 'h:6380', 'redis://h:6380'), false);
    assert.equal(bindingCovers('redis', 'rediss://h:6380', 'redis://h:6380'), false);
    assert.equal(bindingCovers('redis', 'redis://h:6380', 'rediss://h:6381'), false);
    assert.equal(bindingCovers('redis', 'h:6380', 'rediss://other:6380'), false);
    assert.equal(bindingCovers('url', 'http://127.0.0.1:8443', 'https://127.0.0.1:8443'), false);
    // Through the guard: TLS is re-bound with its scheme silently (going back to plain then asks);
    // plain redis:// under a "host:port" binding is refused in the background.
    const { guard, origins, asked } = guardWith({ redis: 'h:6380' }, true);
    await guard.check('redis', 'rediss://h:6380', true);
    assert.equal(origins.get('redis'), 'rediss://h:6380');
    await refusal(guard.check('redis', 'redis://h:6380', true));
    origins.set('redis', 'h:6380');
    await refusal(guard.check('redis', 'redis://h:6380', true));
    assert.deepEqual(asked, []);
  });
});

describe('token/sources/credentialBinding: the Redis password (real redis-server)', function () {
  this.timeout(15_000);
  let redis: RedisServer;
  let other: RedisServer;
  const sources: RedisTokenSource[] = [];
  const key = redisKeyFor(APP_ID, {});

  before(async () => {
    [redis, other] = await Promise.all([startRedisServer(), startRedisServer()]);
    redis.cli('SET', key, TOKEN, 'EX', '7000');
  });
  afterEach(async () => {
    await Promise.all(sources.splice(0).map((s) => s.dispose()));
  });
  after(async () => {
    await Promise.all(sources.splice(0).map((s) => s.dispose()));
    await Promise.all([redis?.stop(), other?.stop()]);
  });

  /** Connections a server has received, the redis-cli one that asks included. */
  const connectionsTo = (server: RedisServer): number => Number(/total_connections_received:(\d+)/.exec(server.cli('INFO', 'stats'))![1]);
  const plainUrl = (): string => `redis://127.0.0.1:${redis.port}/0`;

  function rig(options: { bound?: string; answer: boolean; url?: () => string }) {
    const { guard, origins, asked } = guardWith(options.bound === undefined ? {} : { redis: options.bound }, options.answer);
    const connects: RedisConnectOptions[] = [];
    const source = new RedisTokenSource({
      url: options.url ?? plainUrl,
      keySettings: () => ({}),
      credentials: async () => ({ password: redis.adminPassword }),
      connect: (connectOptions) => {
        connects.push(connectOptions);
        return connectRedis(connectOptions);
      },
      beforeSending: guard.forSource('redis'),
      clock: new FakeClock(),
      log: new CapturingLogger(),
      connectTimeoutMs: 1000,
      commandTimeoutMs: 1000,
    });
    sources.push(source);
    return { source, origins, asked, connects };
  }

  describe('bound to rediss://, the URL now redis:// to the same host and port', () => {
    const tlsBinding = (): string => credentialOriginOf('redis', `rediss://127.0.0.1:${redis.port}/0`)!;

    it('background: refused before any connection, so no AUTH reaches the plain server; nobody asked', () =>
      hardeningCase('hostile', 'redis: TLS downgrade (rediss → redis), background read', async () => {
        const { source, asked, connects } = rig({ bound: tlsBinding(), answer: true });
        const before = connectionsTo(redis);
        const error = await refusal(source.read(APP_ID, { background: true }));
        assert.equal(connectionsTo(redis) - before, 1, 'only the redis-cli INFO connection reached the server');
        assert.equal(connects.length, 0);
        assert.deepEqual(asked, []);
        assert.equal(error.where, `redis://127.0.0.1:${redis.port}`);
        assert.match(error.detail, /without TLS/);
        assert.ok(error.describe().includes(`rediss://127.0.0.1:${redis.port}`), error.describe());
        assert.ok(!error.describe().includes(redis.adminPassword) && !error.message.includes(redis.adminPassword));
      }));

    it('a command asks, naming both schemes (a downgrade); declined, nothing connects and TLS stays bound', () =>
      hardeningCase('hostile', 'redis: TLS downgrade (rediss → redis), declined', async () => {
        const { source, origins, asked, connects } = rig({ bound: tlsBinding(), answer: false });
        const before = connectionsTo(redis);
        await refusal(source.read(APP_ID));
        assert.deepEqual(asked, [['redis', `rediss://127.0.0.1:${redis.port}`, `redis://127.0.0.1:${redis.port}`]]);
        assert.equal(isUnencryptedDowngrade(asked[0]![1], asked[0]![2]), true, 'the modal is worded as a downgrade');
        assert.equal(connectionsTo(redis) - before, 1);
        assert.equal(connects.length, 0);
        assert.equal(origins.get('redis'), tlsBinding());
      }));

    it('confirmed: reads over redis:// and binds the plain origin (the next background read goes through)', async () => {
      const { source, origins, asked, connects } = rig({ bound: tlsBinding(), answer: true });
      assert.equal((await source.read(APP_ID)).accessToken, TOKEN);
      assert.equal(connects.length, 1);
      assert.equal(connects[0]!.tls, false);
      assert.equal(origins.get('redis'), `redis://127.0.0.1:${redis.port}`);
      assert.equal((await source.read(APP_ID, { background: true })).accessToken, TOKEN);
      assert.equal(asked.length, 1);
    });
  });

  describe('a password bound to no host yet', () => {
    it('background: refused (credentialUnbound) without connecting, not bound, not kept by the reader', () =>
      hardeningCase('hostile', 'redis: unbound credential, background read', async () => {
        const { source, origins, asked, connects } = rig({ answer: true });
        const reader = new TeamSourceReader(source, new FakeClock(), () => 60_000);
        const request = { mode: 'stable' as const, force: false, confirmed: false, afterRejection: false };
        const before = connectionsTo(redis);
        const error = await refusal(reader.obtain(APP_ID, { ...request, background: true }), 'credentialUnbound');
        assert.equal(connectionsTo(redis) - before, 1);
        assert.equal(connects.length, 0);
        assert.deepEqual(asked, []);
        assert.equal(origins.get('redis'), undefined);
        assert.equal(error.where, `redis://127.0.0.1:${redis.port}`);
        assert.match(error.describe(), /Refresh Access Token/);
        // Not cached: the next command reads (and binds) at once, inside the read interval.
        assert.equal((await reader.obtain(APP_ID, { ...request, background: false })).accessToken, TOKEN);
        assert.equal(origins.get('redis'), `redis://127.0.0.1:${redis.port}`);
        assert.deepEqual(asked, []);
      }));
  });

  it('the host check judges the URL the read connects to: the setting is read once per read', () =>
    hardeningCase('hostile', 'redis: URL setting changes during the read', async () => {
      // The setting says `other` first (where this read would connect), then the bound host: a
      // second read of the setting after an await would let the check pass for the wrong host.
      let reads = 0;
      const url = (): string => (reads++ === 0 ? `redis://127.0.0.1:${other.port}/0` : plainUrl());
      const { source, asked, connects } = rig({ bound: credentialOriginOf('redis', plainUrl()), answer: true, url });
      const before = connectionsTo(other);
      const error = await refusal(source.read(APP_ID, { background: true }));
      assert.equal(error.where, `redis://127.0.0.1:${other.port}`);
      assert.equal(connectionsTo(other) - before, 1, 'only the redis-cli INFO connection reached the other server');
      assert.equal(connects.length, 0);
      assert.deepEqual(asked, []);
      assert.equal(reads, 1);
    }));
});

describe('token/sources/credentialBinding: the token service credential (fixture)', () => {
  const h = useTokenService();
  let transport: HttpTransport;
  before(() => {
    transport = createTransport({});
  });

  it('bound to https, the URL now http to the same host and port: refused in the background, a command is asked about a downgrade', () =>
    hardeningCase('hostile', 'token service: TLS downgrade (https → http)', async () => {
      const tlsOrigin = h.fixture.origin.replace(/^http:/, 'https:');
      const background = guardWith({ url: tlsOrigin }, true);
      const error = await refusal(
        h.source('/plain', { beforeSending: background.guard.forSource('url') }).read(APP_ID, { background: true }),
      );
      h.shown.push(error.message, error.describe());
      assert.match(error.detail, /without TLS/);
      assert.deepEqual(background.asked, []);
      const declined = guardWith({ url: tlsOrigin }, false);
      await refusal(h.source('/plain', { beforeSending: declined.guard.forSource('url') }).read(APP_ID));
      assert.deepEqual(declined.asked, [['url', tlsOrigin, h.fixture.origin]]);
      assert.equal(isUnencryptedDowngrade(tlsOrigin, h.fixture.origin), true);
      assert.equal(h.fixture.requests.length, 0);
    }));

  it('{appid} in the host: bound as requested (filled in), so a background read of that account goes through', () =>
    hardeningCase('hostile', 'token service: {appid} in the host name', async () => {
      const template = 'https://{appid}.token.corp/plain';
      // What Set Token Service Credential stores (TeamCredentials.bind: the account's AppID fills the template).
      const bound = credentialOriginOf('url', template, APP_ID);
      assert.equal(bound, `https://${APP_ID}.token.corp`);
      const { guard, asked } = guardWith({ url: bound! }, false);
      // A resolver stand-in: the account's host is the fixture; the URL requested is recorded as sent.
      const requested: string[] = [];
      const routed: HttpTransport = {
        request: (request) => {
          requested.push(request.url);
          const url = new URL(request.url);
          return transport.request({ ...request, url: `${h.fixture.origin}${url.pathname}${url.search}` });
        },
      };
      const source = h.source('/plain', { url: () => template, transport: async () => routed, beforeSending: guard.forSource('url') });
      assert.equal((await source.read(APP_ID, { background: true })).accessToken, TOKEN);
      assert.deepEqual(requested, [`https://${APP_ID}.token.corp/plain`]);
      assert.equal(h.fixture.requests[0]!.headers.authorization, `Bearer ${CREDENTIAL}`);
      assert.deepEqual(asked, []);
    }));
});

describe('token/sources/credentialBinding: the focus re-read is a background read', () => {
  let moved: TokenServiceFixture;
  const h = useTokenService();
  beforeEach(async () => {
    moved = await startTokenServiceFixture({ '/plain': { body: { access_token: TOKEN, expires_in: 7200 } } });
  });
  afterEach(() => moved.close());

  function managerWith(answer: boolean) {
    const { guard, asked } = guardWith({ url: h.fixture.origin }, answer);
    const clock = new FakeClock();
    const source = h.source('/plain', { url: () => `${moved.origin}/plain`, beforeSending: guard.forSource('url') });
    const reader = new TeamSourceReader(source, clock, () => 60_000);
    const store = new MemoryTokenStore();
    const manager = new TokenManager({
      api: new ScriptedTokenApi(),
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: fixedCredentials(),
      teamSource: () => reader,
      log: new CapturingLogger(),
    });
    return { manager, store, asked, clock };
  }

  it('refresh({ always, background }) — what extension.ts runs on window focus — neither asks nor sends to a new host', () =>
    hardeningCase('hostile', 'credential host: focus re-read after the URL moved', async () => {
      const { manager, store, asked, clock } = managerWith(true);
      const heldToken = tokenString('held');
      const held = aCachedToken({ accessToken: heldToken, source: 'url', expiresAt: clock.now() + 3_600_000, checkedAt: clock.now() });
      await store.write(held);
      const error = await refusal(manager.refresh({ always: true, background: true }));
      h.shown.push(error.message, error.describe());
      assert.deepEqual(asked, [], 'no modal on window focus');
      assert.equal(moved.requests.length, 0);
      // The token held so far is still shown, with the refusal.
      assert.equal(manager.state.kind, 'failed');
      assert.equal(manager.state.kind === 'failed' ? manager.state.token?.accessToken : undefined, heldToken);
      // A command (foreground, the same options without background) is what asks.
      await manager.refresh({ always: true });
      assert.deepEqual(asked, [['url', h.fixture.origin, moved.origin]]);
      assert.equal(moved.requests.length, 1);
      manager.dispose();
    }));
});
