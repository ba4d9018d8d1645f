// The shapes a token service answers with, decided without a server (the server tests cover the
// wire; these cover the variants and the range checks).
import * as assert from 'node:assert/strict';

import { TeamSourceError } from '../../../../../src/token/sources/teamSourceError';
import { interpretAnswer, ServiceAnswer } from '../../../../../src/token/sources/tokenService/answer';
import { Redactor } from '../../../../../src/wechat/redact';
import { tokenString } from '../../../helpers/fixtures';

const WHERE = 'https://token.example.com/t?appid=wx0123456789abcdef';
const SENT_AT = Date.UTC(2025, 0, 15, 8, 0, 0);
const TOKEN = tokenString('answer');

const json = (body: unknown, status = 200): ServiceAnswer => ({ status, contentType: 'application/json', body: JSON.stringify(body) });
const read = (answer: ServiceAnswer) => interpretAnswer(answer, { where: WHERE, sentAt: SENT_AT, redactor: new Redactor() });

function refused(answer: ServiceAnswer, failure: 'noToken' | 'badToken'): string {
  try {
    read(answer);
  } catch (error) {
    assert.ok(error instanceof TeamSourceError, String(error));
    assert.equal(error.failure, failure, error.message);
    assert.equal(error.where, WHERE);
    assert.ok(!error.message.includes(TOKEN), error.message);
    return error.detail;
  }
  assert.fail(`expected a ${failure} failure`);
}
const noToken = (answer: ServiceAnswer): string => refused(answer, 'noToken');
/** A string in the token's place that is not one (tokenValue.ts): refused as such, never stored. */
const badToken = (answer: ServiceAnswer): string => refused(answer, 'badToken');

describe('token/sources/tokenService/answer', () => {
  describe('accepted variants', () => {
    it('camelCase keys and expireTime in ms (co-wechat-api style)', () => {
      const token = read(json({ accessToken: TOKEN, expireTime: SENT_AT + 60_000 }));
      assert.deepEqual(token, { accessToken: TOKEN, expiresAt: SENT_AT + 60_000, format: 'JSON {accessToken, expireTime}' });
    });

    it('numbers sent as strings, and a UTF-8 BOM in front', () => {
      const token = read({
        status: 200,
        contentType: 'application/json',
        body: `\uFEFF${JSON.stringify({ access_token: TOKEN, expires_in: '7200' })}`,
      });
      assert.equal(token.expiresAt, SENT_AT + 7_200_000);
    });

    it('expires_in wins over expires_at (no dependence on the service clock)', () => {
      assert.equal(read(json({ access_token: TOKEN, expires_in: 100, expires_at: SENT_AT / 1000 + 5000 })).expiresAt, SENT_AT + 100_000);
    });

    it('wrapped with code 200 or "0", and errcode 0 next to a token', () => {
      for (const code of [200, '0']) assert.equal(read(json({ code, data: { access_token: TOKEN } })).accessToken, TOKEN);
      assert.equal(
        read(json({ errcode: 0, errmsg: 'ok', access_token: TOKEN, expires_in: 7200 })).format,
        'JSON {access_token, expires_in}',
      );
    });

    it('a 2xx other than 200 is still an answer', () => {
      assert.equal(read(json({ access_token: TOKEN }, 203)).accessToken, TOKEN);
    });
  });

  describe('refused values', () => {
    it('lifetimes that are zero, negative, beyond two days or not numbers', () => {
      for (const expiresIn of [0, -5, 172_801, 'soon', true]) {
        assert.match(
          noToken(json({ access_token: TOKEN, expires_in: expiresIn })),
          /^expires_in .* is not a lifetime between 1 and 172800 seconds$/,
          String(expiresIn),
        );
      }
      assert.equal(
        noToken(json({ access_token: TOKEN, expires_in: 'soon' })),
        'expires_in (string) is not a lifetime between 1 and 172800 seconds',
      );
    });

    it('expires_at in the past or too far ahead', () => {
      assert.match(
        noToken(json({ access_token: TOKEN, expires_at: SENT_AT / 1000 - 10 })),
        /^expires_at 2025-01-15T07:59:50\.000Z is not within the next 48 hours/,
      );
      assert.match(noToken(json({ access_token: TOKEN, expires_at: SENT_AT + 3 * 86_400_000 })), /^expires_at 2025-01-18T08:00:00\.000Z/);
    });

    it('tokens that are empty, padded, multi-line or far too long — described, never shown', () => {
      assert.equal(noToken(json({ access_token: '' })), 'access_token is an empty string');
      assert.equal(badToken(json({ access_token: ` ${TOKEN}` })), 'access_token contains whitespace or control characters');
      assert.equal(badToken(json({ access_token: `${TOKEN}\n${TOKEN}` })), 'access_token contains whitespace or control characters');
      assert.equal(badToken(json({ access_token: 'x'.repeat(5000) })), 'access_token is 5000 characters long, more than a token can be');
      assert.equal(noToken(json({ access_token: null })), 'access_token is null, not a string');
    });

    it('a wrapped answer whose data has no token, or is not an object', () => {
      assert.equal(noToken(json({ code: 0, data: { token: TOKEN } })), 'keys seen in data: token');
      assert.equal(noToken(json({ code: 0, data: TOKEN })), 'keys seen: code, data');
      assert.equal(noToken(json({})), 'keys seen: none (an empty object)');
    });

    it('keys that look like tokens are not listed', () => {
      assert.equal(noToken(json({ [TOKEN]: 1, status: 'ok' })), 'keys seen: …, status');
    });

    it('a JSON array or scalar is not JSON the source understands', () => {
      for (const body of ['[1,2]', '"token"', 'null']) {
        assert.throws(
          () => read({ status: 200, contentType: 'application/json', body }),
          (e: unknown) => e instanceof TeamSourceError && e.failure === 'notJson',
        );
      }
    });
  });

  describe('error bodies', () => {
    it('long messages are cut to one bounded line', () => {
      const detail = noToken(json({ errcode: 45009, errmsg: `reach max api daily quota limit\n${'word '.repeat(80)}` }));
      assert.ok(detail.length <= 160, `${detail.length}: ${detail}`);
      assert.ok(!detail.includes('\n'));
      assert.match(detail, /^errcode 45009 errmsg reach max api daily quota limit word .*…$/);
    });

    it('4xx other than 401/403, and 5xx, are HTTP failures', () => {
      for (const status of [404, 429, 503]) {
        assert.throws(
          () => read(json({ message: 'nope' }, status)),
          (e: unknown) => e instanceof TeamSourceError && e.failure === 'httpStatus' && e.detail === `${status} (message nope)`,
        );
      }
    });
  });
});
