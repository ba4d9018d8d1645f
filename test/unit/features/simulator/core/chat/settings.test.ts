// The callback settings: where events may go (https, or http to this machine only), what a
// broken entry falls back to, and the follower's OpenID.
import * as assert from 'node:assert/strict';

import { checkCallbackUrl, isOpenId, isOriginalId, parseCallbacks } from '../../../../../../src/features/simulator/core/chat/settings';
import { randomOpenId, standInAccountUserName } from '../../../../../../src/features/simulator/core/identities';
import { hardeningCase } from '../../../../../hardening/ledger';

describe('callback settings', () => {
  it('accepts https anywhere and http on loopback only, keeping a query', () => {
    assert.deepEqual(checkCallbackUrl('https://example.com/wechat?x=1'), { ok: true, url: 'https://example.com/wechat?x=1' });
    assert.deepEqual(checkCallbackUrl(' http://127.0.0.1:3000/wechat '), { ok: true, url: 'http://127.0.0.1:3000/wechat' });
    assert.equal(checkCallbackUrl('http://localhost:8080/').ok, true);
    assert.equal(checkCallbackUrl('http://[::1]:8080/').ok, true);
  });

  for (const [url, reason] of [
    ['http://example.com/wechat', 'insecure'],
    ['http://192.168.1.5/wechat', 'insecure'],
    ['http://127.0.0.1.evil.example/', 'insecure'],
    ['ftp://127.0.0.1/', 'invalid'],
    ['https://user:pw@example.com/', 'invalid'],
    ['https://example.com/#frag', 'invalid'],
    ['not a url', 'invalid'],
    ['', 'invalid'],
  ] as const) {
    it(`refuses ${url || '(empty)'} as ${reason}`, () =>
      hardeningCase('hostile', `callback url: ${url || 'empty'}`, () => {
        assert.deepEqual(checkCallbackUrl(url), { ok: false, reason });
      }));
  }

  it('parses the map by AppID; a broken entry is left out with a warning, an unknown mode falls back to plaintext', () => {
    const parsed = parseCallbacks({
      wx0123456789abcdef: { url: 'http://127.0.0.1:3000/wechat', mode: 'safe', originalId: 'gh_0123456789ab' },
      wx1111111111111111: { url: 'http://evil.example/wechat' },
      wx2222222222222222: { url: 'https://example.com/cb', mode: 'secret', originalId: 'nope' },
      wx3333333333333333: 'https://example.com',
    });
    assert.deepEqual(
      [...parsed.byAppId],
      [
        ['wx0123456789abcdef', { url: 'http://127.0.0.1:3000/wechat', mode: 'safe', originalId: 'gh_0123456789ab' }],
        ['wx2222222222222222', { url: 'https://example.com/cb', mode: 'plaintext', originalId: '' }],
      ],
    );
    assert.equal(parsed.warnings.length, 4, parsed.warnings.join('\n'));
    assert.ok(parsed.warnings.some((w) => w.includes('wx1111111111111111') && w.includes('https')));
  });

  it('ignores a value of the wrong shape', () => {
    assert.equal(parseCallbacks(['x']).byAppId.size, 0);
    assert.equal(parseCallbacks(undefined).warnings.length, 0);
  });

  it("original IDs; the core's stand-in ToUserName passes the same check", () => {
    assert.equal(isOriginalId('gh_0123456789ab'), true);
    assert.equal(isOriginalId('gh_short'), false);
    assert.equal(isOriginalId(standInAccountUserName('wx0123456789abcdef')), true);
  });

  it("the core's random OpenID is what the setting accepts", () => {
    let n = 0;
    const id = randomOpenId({ bytes: (size) => Buffer.from(Array.from({ length: size }, () => (n++ * 37) & 0xff)) });
    assert.equal(id.length, 28);
    assert.ok(id.startsWith('o'));
    assert.ok(isOpenId(id), id);
    assert.equal(isOpenId('o' + 'x'.repeat(26)), false);
  });
});
