// CredentialHostGuard in front of both team sources: a credential stored for one host is not sent
// to another unasked. Against a real redis-server (two of them) and the token-service fixture (two
// of them): after the URL moves to the second host, a background read refuses before any
// connection or request reaches it; a confirmed command reads, and the answer is remembered.
import * as assert from 'node:assert/strict';

import { CredentialHostGuard, TeamKind } from '../../../../src/token/sources/credentialHost';
import { credentialOriginOf } from '../../../../src/token/sources/credentialOrigin';
import { RedisConnectOptions } from '../../../../src/token/sources/redis/connection';
import { redisKeyFor } from '../../../../src/token/sources/redis/layouts';
import { connectRedis } from '../../../../src/token/sources/redis/redisClient';
import { RedisTokenSource } from '../../../../src/token/sources/redis/redisTokenSource';
import { TeamSourceReader } from '../../../../src/token/sources/teamSource';
import { hardeningCase } from '../../../hardening/ledger';
import { FakeClock } from '../../helpers/fakeClock';
import { APP_ID, CapturingLogger } from '../../helpers/fixtures';
import { RedisServer, startRedisServer } from '../../helpers/redisServer';
import { guardWith, refusal } from './credentialGuardRig';
import { startTokenServiceFixture, TokenServiceFixture } from './tokenService/fixtureServer';
import { CREDENTIAL, TOKEN, useTokenService } from './tokenService/harness';

describe('token/sources/credentialHost: the Redis password stays with its host (real redis-server ×2)', function () {
  this.timeout(15_000);
  let stored: RedisServer;
  let moved: RedisServer;
  const sources: RedisTokenSource[] = [];
  const key = redisKeyFor(APP_ID, {});

  before(async () => {
    [stored, moved] = await Promise.all([startRedisServer(), startRedisServer()]);
    moved.cli('SET', key, TOKEN, 'EX', '7000');
  });
  after(async () => {
    await Promise.all(sources.splice(0).map((s) => s.dispose()));
    await Promise.all([stored?.stop(), moved?.stop()]);
  });

  /** Connections the second server has received, net of the redis-cli connection that asks. */
  const connectionsTo = (server: RedisServer): number => Number(/total_connections_received:(\d+)/.exec(server.cli('INFO', 'stats'))![1]);

  function rig(answer: boolean) {
    const { guard, origins, asked } = guardWith({ redis: credentialOriginOf('redis', `redis://127.0.0.1:${stored.port}/0`) }, answer);
    const connects: RedisConnectOptions[] = [];
    const source = new RedisTokenSource({
      url: () => `redis://127.0.0.1:${moved.port}/0`,
      keySettings: () => ({}),
      credentials: async () => ({ password: moved.adminPassword }),
      connect: (options) => {
        connects.push(options);
        return connectRedis(options);
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

  it('background: refuses without connecting, names both hosts; no question asked', () =>
    hardeningCase('hostile', 'credential host: Redis moved, background read refused', async () => {
      const { source, asked, connects } = rig(true);
      const before = connectionsTo(moved);
      const error = await refusal(source.read(APP_ID, { background: true }));
      assert.equal(
        connectionsTo(moved) - before,
        1,
        'only the redis-cli INFO connection reached the second server (no AUTH from the source)',
      );
      assert.equal(connects.length, 0);
      assert.deepEqual(asked, []);
      assert.equal(error.where, `redis://127.0.0.1:${moved.port}`);
      assert.ok(error.describe().includes(`redis://127.0.0.1:${stored.port}`), error.describe());
      assert.ok(!error.describe().includes(moved.adminPassword));
    }));

  it('a command asks (both hosts); confirmed, it reads from the new host and remembers it', () =>
    hardeningCase('hostile', 'credential host: Redis moved, command asks (confirmed)', async () => {
      const { source, origins, asked, connects } = rig(true);
      const token = await source.read(APP_ID);
      assert.equal(token.accessToken, TOKEN);
      assert.deepEqual(asked, [['redis', `redis://127.0.0.1:${stored.port}`, `redis://127.0.0.1:${moved.port}`]]);
      assert.equal(connects.length, 1);
      assert.equal(origins.get('redis'), `redis://127.0.0.1:${moved.port}`);
      // Remembered: the next background read goes through without a question.
      assert.equal((await source.read(APP_ID, { background: true })).accessToken, TOKEN);
      assert.equal(asked.length, 1);
    }));

  it('a command the user declines: refused, nothing connects, the old host stays bound', () =>
    hardeningCase('hostile', 'credential host: Redis moved, command declined', async () => {
      const { source, origins, connects } = rig(false);
      await refusal(source.read(APP_ID));
      assert.equal(connects.length, 0);
      assert.equal(origins.get('redis'), `redis://127.0.0.1:${stored.port}`);
    }));

  it('the team reader passes the background flag and does not cache the refusal for the next command', async () => {
    const { source, asked } = rig(true);
    const reader = new TeamSourceReader(source, new FakeClock(), () => 60_000);
    const request = { mode: 'stable' as const, force: false, confirmed: false, afterRejection: false };
    await refusal(reader.obtain(APP_ID, { ...request, background: true }));
    assert.equal((await reader.obtain(APP_ID, { ...request, background: false })).accessToken, TOKEN);
    assert.equal(asked.length, 1);
  });
});

describe('token/sources/credentialHost: the token service credential stays with its host (fixture ×2)', () => {
  const h = useTokenService();
  let moved: TokenServiceFixture;
  beforeEach(async () => {
    moved = await startTokenServiceFixture({ '/plain': { body: { access_token: TOKEN, expires_in: 7200 } } });
  });
  afterEach(() => moved.close());

  function rig(bound: string | undefined, answer: boolean) {
    const { guard, origins, asked } = guardWith(bound === undefined ? {} : { url: bound }, answer);
    const source = h.source('/plain', { url: () => `${moved.origin}/plain`, beforeSending: guard.forSource('url') });
    return { source, origins, asked };
  }

  it('background: refuses, the second service sees no request', () =>
    hardeningCase('hostile', 'credential host: token service moved, background read refused', async () => {
      const { source, asked } = rig(h.fixture.origin, true);
      const error = await refusal(source.read(APP_ID, { background: true }));
      h.shown.push(error.message, error.describe());
      assert.equal(moved.requests.length, 0);
      assert.deepEqual(asked, []);
      assert.equal(error.where, moved.origin);
      assert.ok(error.describe().includes(h.fixture.origin), error.describe());
    }));

  it('confirmed: one request with the bearer credential, and the new origin is remembered', () =>
    hardeningCase('hostile', 'credential host: token service moved, command asks (confirmed)', async () => {
      const { source, origins, asked } = rig(h.fixture.origin, true);
      assert.equal((await source.read(APP_ID)).accessToken, TOKEN);
      assert.deepEqual(asked, [['url', h.fixture.origin, moved.origin]]);
      assert.equal(moved.requests.length, 1);
      assert.equal(moved.requests[0]!.headers.authorization, `Bearer ${CREDENTIAL}`);
      assert.equal(origins.get('url'), moved.origin);
    }));

  it('declined: no request', () =>
    hardeningCase('hostile', 'credential host: token service moved, command declined', async () => {
      const { source } = rig(h.fixture.origin, false);
      await refusal(source.read(APP_ID));
      assert.equal(moved.requests.length, 0);
    }));

  it("a credential never bound (stored before origins were kept) is bound by a command's first read — never a background one — then asks on a change", () =>
    hardeningCase('hostile', 'credential host: token service credential never bound', async () => {
      const { source, origins, asked } = rig(undefined, false);
      const unbound = await refusal(source.read(APP_ID, { background: true }), 'credentialUnbound');
      h.shown.push(unbound.message, unbound.describe());
      assert.equal(moved.requests.length, 0);
      assert.equal(origins.get('url'), undefined);
      assert.equal((await source.read(APP_ID)).accessToken, TOKEN);
      assert.equal(origins.get('url'), moved.origin);
      const elsewhere = h.source('/plain', { beforeSending: (origin, background) => guardOf(origins).check('url', origin, background) });
      await refusal(elsewhere.read(APP_ID, { background: true }));
      assert.equal(h.fixture.requests.length, 0);
      assert.deepEqual(asked, []);
    }));

  it('no credential stored: nothing to protect, nothing asked, no header', async () => {
    const guard = guardOf(new Map([['url', h.fixture.origin]]));
    const open = h.source('/plain', {
      url: () => `${moved.origin}/plain`,
      credential: async () => undefined,
      beforeSending: guard.forSource('url'),
    });
    assert.equal((await open.read(APP_ID, { background: true })).accessToken, TOKEN);
    assert.equal(moved.requests[0]!.headers.authorization, undefined);
  });
});

function guardOf(origins: Map<TeamKind, string>): CredentialHostGuard {
  return new CredentialHostGuard({
    memory: {
      credentialOrigin: async (kind) => origins.get(kind),
      rememberCredentialOrigin: async (kind, origin) => void origins.set(kind, origin),
    },
    confirm: async () => assert.fail('nobody may be asked here'),
  });
}
