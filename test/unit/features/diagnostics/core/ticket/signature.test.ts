import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { parsePageUrl } from '../../../../../../src/features/diagnostics/core/ticket/pageUrl';
import {
  jsSdkSignature,
  randomNonceStr,
  signedString,
  timestampSeconds,
} from '../../../../../../src/features/diagnostics/core/ticket/signature';

// WeChat's JS-SDK documentation, appendix 1 (signature algorithm), and its older revision.
const DOC_TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';
const DOC = { ticket: DOC_TICKET, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457 };

describe('token/ticket/signature', () => {
  it('gives the documented signature for the documented example', () => {
    const result = jsSdkSignature({ ...DOC, url: 'http://mp.weixin.qq.com?params=value' });
    assert.equal(result.signature, '0f9de62fce790f9a083d5c99e95740ceb90c27ed');
    assert.equal(
      result.signed,
      `jsapi_ticket=${DOC_TICKET}&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=http://mp.weixin.qq.com?params=value`,
    );
    // The older revision of the page signs the bare host.
    assert.equal(jsSdkSignature({ ...DOC, url: 'http://mp.weixin.qq.com' }).signature, 'f4d90daf4b3bca3078ab155816175ba34c443a7b');
  });

  it('masks the ticket in the string it shows, and only the ticket', () => {
    const result = jsSdkSignature({ ...DOC, url: 'https://example.com/a' });
    assert.ok(!result.maskedSigned.includes(DOC_TICKET));
    assert.equal(
      result.maskedSigned,
      `jsapi_ticket=***(${DOC_TICKET.length})&noncestr=Wm3WZYTPz0wzccnW&timestamp=1414587457&url=https://example.com/a`,
    );
  });

  it('sorts the keys by ASCII whatever order they come in, and keeps values raw (no URL encoding)', () => {
    assert.equal(
      signedString({ url: 'https://a.com/?q=中文&x=a b', timestamp: '1', noncestr: 'n', jsapi_ticket: 't' }),
      'jsapi_ticket=t&noncestr=n&timestamp=1&url=https://a.com/?q=中文&x=a b',
    );
    // ASCII, not locale order: upper case sorts before lower case.
    assert.equal(signedString({ b: '1', B: '2', a: '3' }), 'B=2&a=3&b=1');
    const url = 'https://example.com/p?b=2&a=1';
    const expected = createHash('sha1').update(`jsapi_ticket=${DOC_TICKET}&noncestr=abc&timestamp=10&url=${url}`).digest('hex');
    assert.equal(jsSdkSignature({ ticket: DOC_TICKET, nonceStr: 'abc', timestamp: 10, url }).signature, expected);
  });

  it('draws 16-character alphanumeric nonces that differ, and whole-second timestamps', () => {
    const a = randomNonceStr();
    assert.match(a, /^[A-Za-z0-9]{16}$/);
    assert.notEqual(a, randomNonceStr());
    assert.equal(timestampSeconds(1_414_587_457_999), 1414587457);
  });
});

describe('token/ticket/pageUrl', () => {
  it('signs the URL as typed, trimmed', () => {
    assert.deepEqual(parsePageUrl('  https://example.com/page?b=2&a=1 '), { ok: true, url: 'https://example.com/page?b=2&a=1' });
  });

  it('strips a fragment and reports it', () => {
    assert.deepEqual(parsePageUrl('https://example.com/app/#/orders?id=1'), {
      ok: true,
      url: 'https://example.com/app/',
      strippedFragment: '#/orders?id=1',
    });
  });

  it('tells how location.href would spell a URL a browser normalises (the documented example lacks the "/")', () => {
    const result = parsePageUrl('http://mp.weixin.qq.com?params=value');
    assert.deepEqual(result, {
      ok: true,
      url: 'http://mp.weixin.qq.com?params=value',
      browserForm: 'http://mp.weixin.qq.com/?params=value',
    });
    const upper = parsePageUrl('https://Example.com/x');
    assert.ok(upper.ok && upper.browserForm === 'https://example.com/x');
  });

  it('refuses what is not an http(s) URL, naming the problem', () => {
    assert.deepEqual(parsePageUrl(''), { ok: false, problem: 'empty' });
    assert.deepEqual(parsePageUrl('#only-a-fragment'), { ok: false, problem: 'notAUrl' });
    assert.deepEqual(parsePageUrl('example.com/page'), { ok: false, problem: 'notAUrl' });
    assert.deepEqual(parsePageUrl('https://example.com/a\nb'), { ok: false, problem: 'notAUrl' });
    assert.deepEqual(parsePageUrl('file:///home/me/page.html'), { ok: false, problem: 'notHttp', scheme: 'file' });
    assert.deepEqual(parsePageUrl('weixin://dl/business'), { ok: false, problem: 'notHttp', scheme: 'weixin' });
  });
});
