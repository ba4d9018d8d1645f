import * as assert from 'node:assert/strict';

import { decodeTokenValue, expiryFrom } from '../../../../../src/token/sources/redis/decode';
import { TeamSourceError } from '../../../../../src/token/sources/teamSourceError';

const WHERE = 'wx:access_token:wx1234567890abcdef (db 0)';
const TOKEN = '86_AbCdEf-GhIj_0123456789';
const NOW = Date.UTC(2025, 0, 15, 8);

describe('token/sources/redis/decode', () => {
  it('plain, JSON-quoted and JSON object values', () => {
    assert.deepEqual(decodeTokenValue(TOKEN, WHERE), { accessToken: TOKEN, format: 'plain string' });
    assert.deepEqual(decodeTokenValue(JSON.stringify(TOKEN), WHERE), { accessToken: TOKEN, format: 'JSON-quoted string' });
    assert.deepEqual(decodeTokenValue(JSON.stringify({ access_token: TOKEN, expires_in: 7200 }), WHERE), {
      accessToken: TOKEN,
      format: 'JSON object',
    });
    assert.deepEqual(decodeTokenValue(JSON.stringify({ accessToken: TOKEN }), WHERE), { accessToken: TOKEN, format: 'JSON object' });
  });

  it('expires_at / expireTime in seconds or milliseconds become an absolute hint; expires_in alone does not', () => {
    const at = NOW + 3_600_000;
    assert.equal(decodeTokenValue(JSON.stringify({ access_token: TOKEN, expires_at: at / 1000 }), WHERE).expiresAtHint, at);
    assert.equal(decodeTokenValue(JSON.stringify({ accessToken: TOKEN, expireTime: at }), WHERE).expiresAtHint, at);
    assert.equal(decodeTokenValue(JSON.stringify({ accessToken: TOKEN, expireTime: String(at) }), WHERE).expiresAtHint, at);
    assert.equal(decodeTokenValue(JSON.stringify({ access_token: TOKEN, expires_at: 7200 }), WHERE).expiresAtHint, undefined);
  });

  const unknown: Array<[string, string, RegExp]> = [
    ['an empty value', '', /^empty string$/],
    ['text with spaces', `Bearer ${TOKEN}`, /^text of \d+ characters with spaces$/],
    ['binary (a Java-serialised codec)', '\u00ac\u00ed\u0000\u0005t\u0000\u0010abc', /^binary or non-ASCII data/],
    ['a JSON number', '7200', /^JSON number$/],
    ['a JSON array', JSON.stringify([TOKEN]), /^JSON array of 1$/],
    ['JSON null', 'null', /^JSON null$/],
    ['an object without a token', JSON.stringify({ token: TOKEN, ttl: 1 }), /^JSON object without access_token \(fields: token, ttl\)$/],
    ['an object whose access_token is no string', JSON.stringify({ access_token: 42 }), /access_token is not a token \(number\)/],
    ['a JSON-quoted text with spaces', JSON.stringify(`a ${TOKEN}`), /^JSON-quoted text of \d+ characters/],
    ['broken JSON', `{"access_token":"${TOKEN}"`, /^invalid JSON of \d+ characters starting with \{$/],
  ];
  for (const [name, raw, shape] of unknown) {
    it(`unknownFormat naming the key and the shape, never the value: ${name}`, () => {
      assert.throws(
        () => decodeTokenValue(raw, WHERE),
        (error: unknown) =>
          error instanceof TeamSourceError &&
          error.failure === 'unknownFormat' &&
          error.where === WHERE &&
          shape.test(error.detail) &&
          !error.message.includes(TOKEN),
      );
    });
  }

  it("expiry: PTTL is authoritative; no TTL falls back to the value's own expiry, else unknown", () => {
    const hinted = { accessToken: TOKEN, format: 'JSON object' as const, expiresAtHint: NOW + 99_000 };
    assert.equal(expiryFrom(6_800_000, NOW, hinted), NOW + 6_800_000);
    assert.equal(expiryFrom(0, NOW, hinted), NOW);
    assert.equal(expiryFrom(-1, NOW, hinted), NOW + 99_000);
    assert.equal(expiryFrom(-1, NOW, { accessToken: TOKEN, format: 'plain string' }), undefined);
  });
});
