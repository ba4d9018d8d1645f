import * as assert from 'node:assert/strict';

import { cachedTokenOf, unlikeToken } from '../../../src/token/sourcedToken';
import { TOKEN_LIFETIME_MS } from '../../../src/token/store';
import { aCachedToken, APP_ID, tokenString } from '../helpers/fixtures';

describe('token/sourcedToken', () => {
  const now = Date.UTC(2026, 11, 8, 1, 0, 0);

  it('refuses what no source may hand over: shell syntax, an expiry years ahead', () => {
    assert.equal(unlikeToken({ accessToken: tokenString('ok'), expiresAt: now + 7_200_000 }, now), undefined);
    assert.match(unlikeToken({ accessToken: 'tok`id`$(id)', expiresAt: undefined }, now) ?? '', /^access_token /);
    assert.match(unlikeToken({ accessToken: tokenString('ok'), expiresAt: now + 10 * 365 * 86_400_000 }, now) ?? '', /^its expiry /);
  });

  it('a WeChat token keeps its mode and the source expiry; a team token is stable with its source kind', () => {
    const accessToken = tokenString('a');
    const wechat = cachedTokenOf(APP_ID, 'wechat', 'classic', { accessToken, expiresAt: now + 1000 }, undefined, now);
    assert.deepEqual(wechat, {
      appId: APP_ID,
      accessToken,
      expiresAt: now + 1000,
      obtainedAt: now,
      checkedAt: now,
      mode: 'classic',
    });
    const team = cachedTokenOf(APP_ID, 'redis', 'classic', { accessToken: tokenString('b'), expiresAt: now + 1000 }, undefined, now);
    assert.equal(team.mode, 'stable');
    assert.equal(team.source, 'redis');
  });

  it('no expiry from the source: bounded by WeChat lifetime and marked unknown; the same token keeps obtainedAt', () => {
    const previous = aCachedToken({ accessToken: tokenString('same'), obtainedAt: now - 60_000 });
    const entry = cachedTokenOf(APP_ID, 'url', 'stable', { accessToken: previous.accessToken, expiresAt: undefined }, previous, now);
    assert.equal(entry.expiresAt, now + TOKEN_LIFETIME_MS);
    assert.equal(entry.expiryKnown, false);
    assert.equal(entry.obtainedAt, now - 60_000);
    assert.equal(entry.checkedAt, now);
  });
});
