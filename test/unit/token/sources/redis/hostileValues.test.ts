// Whoever can write the team's Redis must not get shell syntax, a 10 MB value or an expiry in the
// year 33715 into this machine's token store (and from there into `${command:wechat.accessToken}`
// and the terminals). RedisTokenSource with the real client against a real redis-server, and
// through TokenManager: every hostile value refused with an error naming the key, never the
// value, and nothing stored. Fails, never skips, when redis-server is missing.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

import { TokenManager } from '../../../../../src/token/manager';
import { RedisConnectOptions } from '../../../../../src/token/sources/redis/connection';
import { MAX_REDIS_VALUE_BYTES } from '../../../../../src/token/sources/redis/decode';
import { connectRedis } from '../../../../../src/token/sources/redis/redisClient';
import { RedisTokenSource } from '../../../../../src/token/sources/redis/redisTokenSource';
import { TeamSourceReader } from '../../../../../src/token/sources/teamSource';
import { TeamSourceError } from '../../../../../src/token/sources/teamSourceError';
import { hardeningCase } from '../../../../hardening/ledger';
import { FakeClock } from '../../../helpers/fakeClock';
import { CapturingLogger, fixedCredentials, ScriptedTokenApi } from '../../../helpers/fixtures';
import { HOSTILE_TOKENS } from '../../../helpers/hostileTokens';
import { MemoryTokenStore } from '../../../helpers/memoryTokenStore';
import { RedisServer, startRedisServer } from '../../../helpers/redisServer';

const APP_ID = 'wx1234567890abcdef';
const KEY = `wx:access_token:${APP_ID}`;
const WHERE = `${KEY} (db 0)`;
const TOKEN = '86_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcdefGHIJKL';
const TEN_MB = 10 * 1024 * 1024;

describe('token/sources/redis: hostile token values (real redis-server, TokenManager)', function () {
  this.timeout(20_000);
  let redis: RedisServer;
  const clock = new FakeClock();
  let log: CapturingLogger;
  let sources: RedisTokenSource[] = [];
  /** The connect options of every connection the sources opened. */
  let connects: RedisConnectOptions[] = [];

  before(async () => {
    redis = await startRedisServer();
  });
  after(async () => {
    await redis?.stop();
  });
  beforeEach(() => {
    log = new CapturingLogger();
    connects = [];
  });
  afterEach(async () => {
    await Promise.all(sources.map((s) => s.dispose()));
    sources = [];
    redis.cli('FLUSHALL');
  });

  /** SET with the value on stdin (redis-cli -x, the last argument): any bytes, any size; then the TTL, if any. */
  function setRaw(value: string, expiry?: ['EX' | 'PX', string]): void {
    execFileSync(
      'redis-cli',
      ['-h', '127.0.0.1', '-p', String(redis.port), '--no-auth-warning', '-a', redis.adminPassword, '-x', 'SET', KEY],
      {
        input: value,
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 10_000,
      },
    );
    assert.equal(redis.cli('STRLEN', KEY), String(Buffer.byteLength(value)));
    if (expiry) redis.cli(expiry[0] === 'EX' ? 'EXPIRE' : 'PEXPIRE', KEY, expiry[1]);
  }

  function source(): RedisTokenSource {
    const created = new RedisTokenSource({
      url: () => `redis://127.0.0.1:${redis.port}/0`,
      keySettings: () => ({}),
      credentials: async () => ({ password: redis.adminPassword }),
      connect: (options) => {
        connects.push(options);
        return connectRedis(options);
      },
      clock,
      log,
      connectTimeoutMs: 2000,
      commandTimeoutMs: 2000,
    });
    sources.push(created);
    return created;
  }

  /** A team account's TokenManager over `redisSource`, with its own store. */
  function managerOver(redisSource: RedisTokenSource, store: MemoryTokenStore): TokenManager {
    const reader = new TeamSourceReader(redisSource, clock, () => 0);
    return new TokenManager({
      api: new ScriptedTokenApi(),
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: fixedCredentials(),
      teamSource: () => reader,
      log,
    });
  }

  /** Reads through a TokenManager: the failure it ends in, and that nothing reached the store. */
  async function refusedAndNotStored(value: string): Promise<TeamSourceError> {
    const store = new MemoryTokenStore();
    const manager = managerOver(source(), store);
    try {
      const error = await manager.refresh().catch((e: unknown) => e);
      assert.ok(error instanceof TeamSourceError, String(error));
      assert.equal(error.source, 'redis');
      assert.equal(error.where, WHERE);
      assert.ok(error.describe().includes(WHERE), error.describe());
      assert.deepEqual(store.writes, []);
      assert.equal(store.peek(APP_ID), undefined);
      assert.equal(manager.state.kind, 'failed');
      for (const text of [error.message, error.describe(), log.text]) assert.ok(!text.includes(value), `the value shown: ${text}`);
      return error;
    } finally {
      manager.dispose();
    }
  }

  const forms: ReadonlyArray<readonly [string, (value: string) => string]> = [
    ['plain', (value) => value],
    ['JSON-quoted', (value) => JSON.stringify(value)],
    ['JSON object', (value) => JSON.stringify({ access_token: value, expires_in: 7200 })],
  ];
  for (const [name, value] of HOSTILE_TOKENS) {
    for (const [form, encode] of forms) {
      it(`${name} (${form}): refused naming the key, never stored`, () =>
        hardeningCase('hostile', `Redis: ${name} (${form})`, async () => {
          setRaw(encode(value), ['EX', '7000']);
          const error = await refusedAndNotStored(value);
          // Printable text without spaces is meant as a token and fails the token check; text with
          // spaces, controls or non-ASCII is no token format the decoder knows. Both are refusals.
          const printable = /^[\x21-\x7e]+$/.test(value);
          assert.equal(error.failure, printable ? 'badToken' : 'unknownFormat', error.message);
          if (printable)
            assert.match(
              error.describe(),
              /^The value at .+ in the team's Redis was refused: .+\. WeChat's access tokens are at most 512 characters/,
            );
        }));
    }
  }

  it('a 10 MB value: refused as it arrives (the connection stops reading), never decoded nor stored', () =>
    hardeningCase('hostile', 'Redis: a 10 MB value', async () => {
      const huge = `86_${'A'.repeat(TEN_MB)}`;
      setRaw(huge, ['EX', '7000']);
      const error = await refusedAndNotStored(huge);
      assert.equal(error.failure, 'badToken');
      assert.equal(error.detail, `a value of more than ${MAX_REDIS_VALUE_BYTES} bytes`);
      assert.equal(connects[0]?.maxValueBytes, MAX_REDIS_VALUE_BYTES, 'the source bounds its connections');
      assert.ok(!log.text.includes('AAAAAAAAAAAAAAAA'), 'no part of it logged');
      // The next read opens a new connection and gets the token production stores next.
      setRaw(TOKEN, ['EX', '7000']);
      const s = source();
      assert.equal((await s.read(APP_ID)).accessToken, TOKEN);
    }));

  it('the client alone: a GET past maxValueBytes fails with VALUE_TOO_LARGE and closes the connection under it', () =>
    hardeningCase('hostile', 'Redis client: GET past maxValueBytes', async () => {
      setRaw(`86_${'A'.repeat(TEN_MB)}`);
      const connection = await connectRedis({
        host: '127.0.0.1',
        port: redis.port,
        db: 0,
        tls: false,
        password: redis.adminPassword,
        connectTimeoutMs: 2000,
        commandTimeoutMs: 5000,
        maxValueBytes: 4096,
      });
      try {
        const failure = await connection.get(KEY).then(
          () => undefined,
          (e: unknown) => e,
        );
        assert.deepEqual(
          failure && typeof failure === 'object'
            ? { stage: (failure as { stage: unknown }).stage, code: (failure as { code: unknown }).code }
            : failure,
          { stage: 'command', code: 'VALUE_TOO_LARGE' },
        );
        await assert.rejects(
          connection.pttl(KEY),
          (e: unknown) => (e as { code?: unknown }).code === 'CLOSED',
          'the connection was closed',
        );
      } finally {
        await connection.close();
      }
    }));

  it('values up to the bound still read, also side by side on one connection', async () => {
    const shape = JSON.stringify({ access_token: TOKEN, expires_in: 7200, note: '' });
    const padded = JSON.stringify({ access_token: TOKEN, expires_in: 7200, note: 'x'.repeat(MAX_REDIS_VALUE_BYTES - shape.length) });
    assert.equal(padded.length, MAX_REDIS_VALUE_BYTES);
    setRaw(padded, ['EX', '7000']);
    const s = source();
    const reads = await Promise.all([s.read(APP_ID), s.read(APP_ID), s.read(APP_ID)]);
    assert.deepEqual(
      reads.map((r) => r.accessToken),
      [TOKEN, TOKEN, TOKEN],
    );
  });

  it('a PTTL of 1e15 ms (the year 33715): refused, naming the TTL; nothing stored', () =>
    hardeningCase('hostile', 'Redis: PTTL 1e15 ms', async () => {
      setRaw(TOKEN, ['PX', String(1e15)]);
      const error = await refusedAndNotStored(TOKEN);
      assert.equal(error.failure, 'badToken');
      assert.match(error.detail, /^the key's TTL is \d+ days ahead, more than the 48 hours a token can live$/);
    }));

  it('no TTL, and expires_at in the value years ahead: refused; two hours ahead is read', () =>
    hardeningCase('hostile', 'Redis: expires_at years ahead', async () => {
      // In ms (1e15 ahead), and in seconds (99999999999 s: the year 5138).
      for (const expiresAt of [clock.now() + 1e15, 99_999_999_999]) {
        setRaw(JSON.stringify({ access_token: TOKEN, expires_at: expiresAt }));
        const error = await refusedAndNotStored(TOKEN);
        assert.equal(error.failure, 'badToken');
        assert.match(error.detail, /^the value's expires_at is \d+ days ahead/);
      }
      setRaw(JSON.stringify({ access_token: TOKEN, expires_at: clock.now() + 7_200_000 }));
      assert.equal((await source().read(APP_ID)).expiresAt, clock.now() + 7_200_000);
    }));
});
