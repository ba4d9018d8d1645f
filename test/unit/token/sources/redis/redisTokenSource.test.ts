// RedisTokenSource with the real client (connectRedis, ioredis) against a real redis-server,
// keys seeded exactly as each SDK writes them. Fails, never skips, when redis-server is missing.
import * as assert from 'node:assert/strict';

import { Logger } from '../../../../../src/common/logger';
import { RedisConnection, RedisConnectOptions } from '../../../../../src/token/sources/redis/connection';
import { RedisKeySettings } from '../../../../../src/token/sources/redis/layouts';
import { connectRedis } from '../../../../../src/token/sources/redis/redisClient';
import { RedisTokenSource } from '../../../../../src/token/sources/redis/redisTokenSource';
import { TeamSourceError, TeamSourceFailure } from '../../../../../src/token/sources/teamSourceError';
import { hardeningCase } from '../../../../hardening/ledger';
import { FakeClock } from '../../../helpers/fakeClock';
import { selfSignedCert, startEchoServer } from '../../../helpers/localServers';
import { addReadOnlyUser, freePort, RedisServer, startRedisServer, startSilentServer } from '../../../helpers/redisServer';

const APP_ID = 'wx1234567890abcdef';
const TOKEN = '86_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefGHIJKL';
const READER = { username: 'reader', password: 'reader-pw-5b1e' };
const CONNECTION_NAME = 'wechat-vscode-readonly';

describe('token/sources/redis/RedisTokenSource (real redis-server)', function () {
  this.timeout(10_000);
  let redis: RedisServer;
  const sources: RedisTokenSource[] = [];
  const logged: string[] = [];
  const log: Logger = {
    trace: (m) => logged.push(m),
    debug: (m) => logged.push(m),
    info: (m) => logged.push(m),
    warn: (m) => logged.push(m),
    error: (m) => logged.push(m),
  };

  before(async () => {
    redis = await startRedisServer();
    addReadOnlyUser(redis, READER.username, READER.password);
    // May read GET/PTTL on other:* only, so reading any SDK's key is NOPERM.
    redis.cli(
      'ACL',
      'SETUSER',
      'limited',
      'on',
      '>limited-pw',
      '~other:*',
      'resetchannels',
      '-@all',
      '+get',
      '+pttl',
      '+hello',
      '+auth',
      '+select',
      '+client|setname',
    );
    // A read-only user (every @read command on every key) except the two the source needs.
    redis.cli(
      'ACL',
      'SETUSER',
      'nogetpttl',
      'on',
      '>nogetpttl-pw',
      '~*',
      'resetchannels',
      '-@all',
      '+@read',
      '-get',
      '-pttl',
      '+hello',
      '+auth',
      '+select',
      '+client|setname',
      '+client|id',
    );
  });
  after(async () => {
    await Promise.all(sources.splice(0).map((s) => s.dispose()));
    await redis?.stop();
  });
  afterEach(async () => {
    await Promise.all(sources.splice(0).map((s) => s.dispose()));
    redis.cli('FLUSHALL');
  });

  interface SourceOptions {
    url?: string;
    keys?: RedisKeySettings;
    credentials?: { username?: string; password?: string } | undefined;
    connect?: (options: RedisConnectOptions) => Promise<RedisConnection>;
  }
  const clock = new FakeClock();
  function source(options: SourceOptions = {}): RedisTokenSource {
    const created = new RedisTokenSource({
      url: () => options.url ?? `redis://127.0.0.1:${redis.port}/0`,
      keySettings: () => options.keys ?? {},
      credentials: async () => ('credentials' in options ? options.credentials : READER),
      connect: options.connect ?? connectRedis,
      clock,
      log,
      connectTimeoutMs: 600,
      commandTimeoutMs: 600,
    });
    sources.push(created);
    return created;
  }

  async function failure(promise: Promise<unknown>): Promise<TeamSourceError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof TeamSourceError, `expected a TeamSourceError, got ${String(error)}`);
      return error;
    }
    assert.fail('the read succeeded');
  }

  async function expectFailure(promise: Promise<unknown>, kind: TeamSourceFailure, where: RegExp | string): Promise<TeamSourceError> {
    const error = await failure(promise);
    assert.equal(error.failure, kind, `${error.failure}: ${error.message}`);
    if (typeof where === 'string') assert.equal(error.where, where);
    else assert.match(error.where, where);
    for (const secret of [TOKEN, READER.password, redis.adminPassword]) {
      assert.ok(!error.message.includes(secret) && !error.describe().includes(secret), 'no secret in the error');
    }
    return error;
  }

  /** The extension's connections, from an admin connection. */
  function ourConnections(): string[] {
    return redis
      .cli('CLIENT', 'LIST')
      .split('\n')
      .filter((line) => line.includes(` name=${CONNECTION_NAME} `));
  }

  /**
   * Waits for redis-server's own view (CLIENT LIST) to change: it does when the server gets to our
   * closed socket, which tells us nothing. Polled, and bounded by attempts rather than a guess of
   * the time it takes on a busy machine (mocha's timeout ends a wait that never succeeds).
   */
  async function until(condition: () => boolean, what: string): Promise<void> {
    for (let attempt = 0; !condition(); attempt++) {
      if (attempt === 200) assert.fail(`${what}: still not so after ${attempt} looks`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const ttlSeconds = (expiresAt: number | undefined): number => Math.round(((expiresAt ?? NaN) - clock.now()) / 1000);

  describe('keys as each SDK writes them', () => {
    const cases: Array<[name: string, keys: RedisKeySettings, key: string, value: string, ex: number, format: string]> = [
      ['WxJava (plain, expires_in − 200)', {}, `wx:access_token:${APP_ID}`, TOKEN, 7000, 'plain string'],
      ['WxJava with its own prefix', { layout: 'wxjava', prefix: 'mp' }, `mp:access_token:${APP_ID}`, TOKEN, 7000, 'plain string'],
      [
        'silenceper go-redis (raw, expires_in − 1500)',
        { layout: 'silenceper' },
        `gowechat_officialaccount__access_token_${APP_ID}`,
        TOKEN,
        5700,
        'plain string',
      ],
      [
        'silenceper redigo (JSON-quoted)',
        { layout: 'silenceper' },
        `gowechat_officialaccount__access_token_${APP_ID}`,
        JSON.stringify(TOKEN),
        5700,
        'JSON-quoted string',
      ],
      [
        'silenceper stable token (expires_in − 300)',
        { layout: 'silenceper-stable' },
        `gowechat_officialaccount__stable_access_token_${APP_ID}`,
        TOKEN,
        6900,
        'plain string',
      ],
      [
        'wechatpy (json.dumps, expires_in)',
        { layout: 'wechatpy' },
        `wechatpy:${APP_ID}_access_token`,
        JSON.stringify(TOKEN),
        7200,
        'JSON-quoted string',
      ],
      [
        'custom JSON object',
        { key: 'team:{appid}:token' },
        `team:${APP_ID}:token`,
        JSON.stringify({ accessToken: TOKEN, expires_in: 7200 }),
        3600,
        'JSON object',
      ],
    ];
    for (const [name, keys, key, value, ex, format] of cases) {
      it(`${name}: the token, its format, and the expiry from the TTL`, async () => {
        redis.cli('SET', key, value, 'EX', String(ex));
        const s = source({ keys });
        assert.equal(s.describe(APP_ID), `${key} (db 0)`);
        const token = await s.read(APP_ID);
        assert.equal(token.accessToken, TOKEN);
        assert.equal(token.format, format);
        // PTTL counts down in real time; a second at most has passed.
        assert.ok(Math.abs(ttlSeconds(token.expiresAt) - ex) <= 1, `TTL ${ttlSeconds(token.expiresAt)} s vs EX ${ex}`);
      });
    }

    it("no TTL: the JSON object's expireTime (ms), else expiry unknown", async () => {
      const expireTime = clock.now() + 3_000_000;
      redis.cli('SET', `team:${APP_ID}:token`, JSON.stringify({ accessToken: TOKEN, expireTime }));
      redis.cli('SET', `wx:access_token:${APP_ID}`, TOKEN);
      assert.equal((await source({ keys: { key: 'team:{appid}:token' } }).read(APP_ID)).expiresAt, expireTime);
      assert.equal((await source().read(APP_ID)).expiresAt, undefined);
    });

    it('a rotated token is picked up by the next read, on the same connection', async () => {
      const s = source();
      redis.cli('SET', `wx:access_token:${APP_ID}`, TOKEN, 'EX', '7000');
      assert.equal((await s.read(APP_ID)).accessToken, TOKEN);
      const [before] = ourConnections();
      redis.cli('SET', `wx:access_token:${APP_ID}`, `${TOKEN}_v2`, 'EX', '7000');
      assert.equal((await s.read(APP_ID)).accessToken, `${TOKEN}_v2`);
      assert.deepEqual(
        ourConnections().map((l) => /id=(\d+)/.exec(l)?.[1]),
        [/id=(\d+)/.exec(before!)?.[1]],
      );
    });

    it('reads only: the reader ACL user is never refused, and nothing but handshake, GET and PTTL reaches Redis', async () => {
      redis.cli('ACL', 'LOG', 'RESET');
      redis.cli('CONFIG', 'RESETSTAT');
      redis.cli('SET', `wx:access_token:${APP_ID}`, TOKEN, 'EX', '7000');
      const s = source({ url: `redis://127.0.0.1:${redis.port}/3` });
      await failure(s.read(APP_ID)); // db 3 is empty: keyMissing, after SELECT 3
      await source().read(APP_ID);
      await s.dispose();
      assert.equal(redis.cli('ACL', 'LOG'), '', 'ACL LOG after a run');
      // An unknown command (CLIENT SETINFO on 7.0) is no ACL LOG entry but an error in errorstats.
      assert.equal(redis.cli('INFO', 'errorstats').replace(/^#.*$/m, '').trim(), '', 'no command failed');
      const commands = [...redis.cli('INFO', 'commandstats').matchAll(/^cmdstat_([^:]+):/gm)].map((m) => m[1]).sort();
      const admin = ['auth', 'acl|log', 'acl|setuser', 'config|resetstat', 'info', 'set', 'flushall', 'client|list', 'ping'];
      const ours = commands.filter((c) => !admin.includes(c!));
      assert.deepEqual(
        ours,
        ['client|setname', 'get', 'hello', 'pttl', 'select'].filter((c) => commands.includes(c)),
      );
      assert.ok(ours.includes('get') && ours.includes('pttl') && ours.includes('hello'), `commands seen: ${commands.join(', ')}`);
    });
  });

  describe('one connection per window', () => {
    beforeEach(() => redis.cli('SET', `wx:access_token:${APP_ID}`, TOKEN, 'EX', '7000'));

    it('reused across reads (concurrent ones too) and closed by dispose()', async () => {
      const s = source();
      await Promise.all([s.read(APP_ID), s.read(APP_ID), s.read(APP_ID)]);
      await s.read(APP_ID);
      assert.equal(ourConnections().length, 1);
      await s.dispose();
      await until(() => ourConnections().length === 0, 'the connection is closed');
    });

    it('replaced when the URL or the credentials change', async () => {
      let url = `redis://127.0.0.1:${redis.port}/0`;
      let credentials: { username?: string; password?: string } = READER;
      const s = new RedisTokenSource({
        url: () => url,
        keySettings: () => ({}),
        credentials: async () => credentials,
        connect: connectRedis,
        clock,
        log,
        connectTimeoutMs: 600,
        commandTimeoutMs: 600,
      });
      sources.push(s);
      await s.read(APP_ID);
      const first = ourConnections();
      url = `redis://127.0.0.1:${redis.port}/1`;
      await failure(s.read(APP_ID)); // db 1 has no key
      credentials = { password: redis.adminPassword };
      url = `redis://127.0.0.1:${redis.port}`;
      await s.read(APP_ID);
      await until(() => ourConnections().length === 1, 'one connection left');
      const [last] = ourConnections();
      assert.notEqual(last, first[0]);
      assert.match(last!, / user=default /);
    });

    it('a connection the server dropped is replaced on the next read', async () => {
      const s = source();
      await s.read(APP_ID);
      redis.cli('CLIENT', 'KILL', 'USER', READER.username);
      assert.equal((await s.read(APP_ID)).accessToken, TOKEN);
      assert.equal(ourConnections().length, 1);
    });

    it('after a failed connect, the next read connects again', async () => {
      let password = 'wrong';
      const s = new RedisTokenSource({
        url: () => `redis://127.0.0.1:${redis.port}`,
        keySettings: () => ({}),
        credentials: async () => ({ username: READER.username, password }),
        connect: connectRedis,
        clock,
        log,
        connectTimeoutMs: 600,
        commandTimeoutMs: 600,
      });
      sources.push(s);
      await expectFailure(s.read(APP_ID), 'auth', `wx:access_token:${APP_ID} (db 0)`);
      password = READER.password;
      assert.equal((await s.read(APP_ID)).accessToken, TOKEN);
    });
  });

  describe('every failure names the exact key and says what went wrong', () => {
    const where = `wx:access_token:${APP_ID} (db 0)`;

    it('key missing', async () => {
      const error = await expectFailure(source().read(APP_ID), 'keyMissing', where);
      assert.ok(error.describe().includes(`wx:access_token:${APP_ID}`));
    });

    it('unknown format: a text with spaces, a Redis hash — shape only, never the value', async () => {
      redis.cli('SET', `wx:access_token:${APP_ID}`, `Bearer ${TOKEN}`, 'EX', '100');
      const text = await expectFailure(source().read(APP_ID), 'unknownFormat', where);
      assert.match(text.detail, /text of \d+ characters/);
      redis.cli('DEL', `wx:access_token:${APP_ID}`);
      redis.cli('HSET', `wx:access_token:${APP_ID}`, 'access_token', TOKEN);
      assert.match((await expectFailure(source().read(APP_ID), 'unknownFormat', where)).detail, /WRONGTYPE/);
    });

    it('connection refused → unreachable', async () => {
      const port = await freePort();
      const error = await expectFailure(source({ url: `redis://127.0.0.1:${port}` }).read(APP_ID), 'unreachable', where);
      assert.match(error.detail, new RegExp(`ECONNREFUSED redis://127.0.0.1:${port}/0`));
    });

    it('a host that does not resolve → dns', async () => {
      const error = await expectFailure(source({ url: 'redis://redis.example.invalid:6379' }).read(APP_ID), 'dns', where);
      assert.match(error.detail, /^(ENOTFOUND|EAI_AGAIN) redis\.example\.invalid$/);
    });

    it('a server that accepts and never answers → timeout, within the connect timeout', async () => {
      const silent = await startSilentServer();
      try {
        const error = await expectFailure(source({ url: `redis://127.0.0.1:${silent.port}` }).read(APP_ID), 'timeout', where);
        // Ended by the source's own connect deadline (600 ms here), not by a later one of ioredis
        // (its connectTimeout is 500 ms longer) nor by the server: the text is the deadline's.
        assert.match(error.detail, /^connect: no answer within 600 ms \(/);
      } finally {
        await silent.close();
      }
    });

    it('wrong password (WRONGPASS) and no credentials (NOAUTH) → auth', async () => {
      const wrong = await expectFailure(
        source({ credentials: { username: READER.username, password: 'not-the-password' } }).read(APP_ID),
        'auth',
        where,
      );
      assert.match(wrong.detail, /^WRONGPASS/);
      assert.ok(!wrong.message.includes('not-the-password'));
      assert.match((await expectFailure(source({ credentials: undefined }).read(APP_ID), 'auth', where)).detail, /^NOAUTH/);
    });

    it('an ACL user that may not read the key → noPermission', () =>
      hardeningCase('fault', 'redis: NOPERM on the key (ACL key pattern)', async () => {
        redis.cli('SET', `wx:access_token:${APP_ID}`, TOKEN, 'EX', '100');
        const error = await expectFailure(
          source({ credentials: { username: 'limited', password: 'limited-pw' } }).read(APP_ID),
          'noPermission',
          where,
        );
        assert.match(error.detail, /^NOPERM/);
      }));

    it('a read-only ACL user denied GET and PTTL → noPermission, the connection kept, nothing written', () =>
      hardeningCase('fault', 'redis: NOPERM for GET/PTTL (read-only user without them)', async () => {
        redis.cli('SET', `wx:access_token:${APP_ID}`, TOKEN, 'EX', '100');
        redis.cli('ACL', 'LOG', 'RESET');
        const s = source({ credentials: { username: 'nogetpttl', password: 'nogetpttl-pw' } });
        const error = await expectFailure(s.read(APP_ID), 'noPermission', where);
        assert.match(error.detail, /^NOPERM.*'(get|pttl)'/i);
        assert.ok(error.describe().includes(`wx:access_token:${APP_ID}`), error.describe());
        assert.deepEqual(error.actions, ['setRedisPassword', 'showTokenSource']);
        // Both commands were refused by the ACL (the log names them), and the key is untouched.
        const log = redis.cli('ACL', 'LOG');
        assert.match(log, /\bget\b/);
        assert.match(log, /\bpttl\b/);
        assert.equal(redis.cli('GET', `wx:access_token:${APP_ID}`), TOKEN);
        // NOPERM does not poison the connection: a second read reuses it.
        await expectFailure(s.read(APP_ID), 'noPermission', where);
        assert.equal(ourConnections().length, 1);
      }));

    it('a database that does not exist → wrongDb', async () => {
      const error = await expectFailure(
        source({ url: `redis://127.0.0.1:${redis.port}/99` }).read(APP_ID),
        'wrongDb',
        `wx:access_token:${APP_ID} (db 99)`,
      );
      assert.equal(error.detail, '99');
    });

    it('rediss:// against a plain Redis port → tls', async () => {
      const error = await expectFailure(source({ url: `rediss://127.0.0.1:${redis.port}` }).read(APP_ID), 'tls', where);
      assert.match(error.detail, /plain redis:\/\/ port|ERR_SSL|EPROTO/);
    });

    it('rediss:// to a certificate no CA signed → tls', async function () {
      const cert = selfSignedCert();
      if (!cert) assert.fail('openssl is needed to make a test certificate');
      const server = await startEchoServer(cert);
      try {
        const error = await expectFailure(source({ url: `rediss://127.0.0.1:${server.port}` }).read(APP_ID), 'tls', where);
        assert.match(error.detail, /SELF_SIGNED|CERT|UNABLE_TO/);
      } finally {
        await server.close();
      }
    });

    it('a password in the URL is refused without being echoed', async () => {
      const error = await expectFailure(
        source({ url: `redis://reader:${READER.password}@127.0.0.1:${redis.port}` }).read(APP_ID),
        'misconfigured',
        'wechat.redis.url',
      );
      assert.match(error.detail, /Set Redis Password/);
    });
  });

  // Last: mocha runs a suite's own tests before its nested suites, and this one checks their logs.
  describe('logs', () =>
    it('never the token or a password', () => {
      for (const line of logged) {
        for (const secret of [TOKEN, READER.password, redis.adminPassword, 'limited-pw', 'nogetpttl-pw'])
          assert.ok(!line.includes(secret), line);
      }
      assert.ok(logged.some((line) => line.startsWith('Redis: connected to redis://127.0.0.1:')));
    }));
});
