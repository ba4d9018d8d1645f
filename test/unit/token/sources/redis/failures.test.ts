import * as assert from 'node:assert/strict';

import { RedisClientFailure, RedisEndpoint } from '../../../../../src/token/sources/redis/connection';
import { isStaleConnection, poisonsConnection, teamSourceErrorFrom } from '../../../../../src/token/sources/redis/failures';

const WHERE = 'wx:access_token:wx1234567890abcdef (db 4)';
const ENDPOINT: RedisEndpoint = { host: 'redis.internal', port: 6379, db: 4, tls: true };
const failure = (code: string, message = code, stage: RedisClientFailure['stage'] = 'connect'): RedisClientFailure => ({
  redisClientFailure: true,
  stage,
  code,
  message,
});

describe('token/sources/redis/failures', () => {
  const cases: Array<[RedisClientFailure, string, RegExp]> = [
    [failure('ECONNREFUSED'), 'unreachable', /^ECONNREFUSED rediss:\/\/redis\.internal:6379\/4$/],
    [failure('CLOSED', 'Connection is closed.', 'command'), 'unreachable', /^CLOSED/],
    [failure('ENOTFOUND'), 'dns', /^ENOTFOUND redis\.internal$/],
    [failure('EAI_AGAIN'), 'dns', /^EAI_AGAIN/],
    [failure('ETIMEDOUT', 'no answer within 5000 ms'), 'timeout', /^connect: no answer within 5000 ms/],
    [failure('WRONGPASS', 'WRONGPASS invalid username-password pair'), 'auth', /^WRONGPASS from/],
    [failure('NOAUTH', 'NOAUTH Authentication required.'), 'auth', /^NOAUTH/],
    [
      failure('NOPERM', 'NOPERM this user has no permissions to access one of the keys used as arguments', 'command'),
      'noPermission',
      /^NOPERM/,
    ],
    [failure('ERR', 'ERR DB index is out of range', 'select'), 'wrongDb', /^4$/],
    [failure('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls', /^DEPTH_ZERO_SELF_SIGNED_CERT from/],
    [failure('ERR_SSL_WRONG_VERSION_NUMBER'), 'tls', /^ERR_SSL_WRONG_VERSION_NUMBER/],
    [failure('TLS_HANDSHAKE_TIMEOUT'), 'tls', /plain redis:\/\/ port/],
    [failure('WRONGTYPE', 'WRONGTYPE Operation against a key holding the wrong kind of value', 'command'), 'unknownFormat', /not a string/],
    [failure('LOADING', 'LOADING Redis is loading the dataset in memory', 'command'), 'unreachable', /^LOADING: LOADING Redis is loading/],
  ];
  for (const [input, kind, detail] of cases) {
    it(`${input.code} (${input.stage}) → ${kind}`, () => {
      const error = teamSourceErrorFrom(input, WHERE, ENDPOINT, undefined);
      assert.equal(error.failure, kind);
      assert.equal(error.where, WHERE);
      assert.match(error.detail, detail);
    });
  }

  it('a password that found its way into a message is scrubbed', () => {
    const error = teamSourceErrorFrom(failure('LOADING', 'LOADING p4ssw0rd-here'), WHERE, ENDPOINT, 'p4ssw0rd-here');
    assert.ok(!error.message.includes('p4ssw0rd-here'));
    assert.match(error.detail, /\*\*\*/);
  });

  it('which failures drop the connection, and which justify one fresh connection', () => {
    assert.equal(poisonsConnection(failure('NOPERM')), false);
    assert.equal(poisonsConnection(failure('WRONGTYPE')), false);
    assert.equal(poisonsConnection(failure('ETIMEDOUT')), true);
    assert.equal(isStaleConnection(failure('CLOSED')), true);
    assert.equal(isStaleConnection(failure('ECONNRESET')), true);
    assert.equal(isStaleConnection(failure('ETIMEDOUT')), false);
  });
});
