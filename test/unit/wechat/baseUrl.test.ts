import * as assert from 'node:assert/strict';

import { checkApiBaseUrl, isLoopbackHost } from '../../../src/wechat/baseUrl';
import { WECHAT_API_ORIGIN } from '../../../src/wechat/endpoints';

function ok(input: string | undefined): string {
  const result = checkApiBaseUrl(input);
  assert.ok(result.ok, `${input} should be accepted, got ${JSON.stringify(result)}`);
  return result.url;
}

function refused(input: string): 'invalid' | 'insecure' {
  const result = checkApiBaseUrl(input);
  assert.ok(!result.ok, `${input} should be refused, got ${JSON.stringify(result)}`);
  return result.reason;
}

describe('wechat/baseUrl', () => {
  it('defaults to the official host when empty or blank', () => {
    assert.equal(ok(undefined), WECHAT_API_ORIGIN);
    assert.equal(ok(''), WECHAT_API_ORIGIN);
    assert.equal(ok('   '), WECHAT_API_ORIGIN);
    assert.equal(WECHAT_API_ORIGIN, 'https://api.weixin.qq.com');
  });

  it('accepts https and normalises away trailing slashes', () => {
    assert.equal(ok('https://api.weixin.qq.com'), 'https://api.weixin.qq.com');
    assert.equal(ok('https://api.weixin.qq.com/'), 'https://api.weixin.qq.com');
    assert.equal(ok('  https://api.weixin.qq.com//  '), 'https://api.weixin.qq.com');
    assert.equal(ok('https://gw.example.com:8443/wechat/'), 'https://gw.example.com:8443/wechat');
    assert.equal(ok('HTTPS://GW.Example.COM/Api'), 'https://gw.example.com/Api');
  });

  it('accepts plain http on loopback only: 127.0.0.1, 127.x, localhost, [::1]', () => {
    assert.equal(ok('http://127.0.0.1:41234'), 'http://127.0.0.1:41234');
    assert.equal(ok('http://127.0.0.1:41234/'), 'http://127.0.0.1:41234');
    assert.equal(ok('http://127.1.2.3'), 'http://127.1.2.3');
    assert.equal(ok('http://localhost:8080/'), 'http://localhost:8080');
    assert.equal(ok('http://LOCALHOST:8080'), 'http://localhost:8080');
    assert.equal(ok('http://[::1]:3000/'), 'http://[::1]:3000');
    assert.equal(ok('http://[::1]/prefix/'), 'http://[::1]/prefix');
  });

  it('refuses plain http to any other host as insecure', () => {
    for (const input of [
      'http://api.weixin.qq.com',
      'http://10.0.0.1:8080',
      'http://0.0.0.0:8080',
      'http://localhost.evil.example',
      'http://127.0.0.1.nip.io',
      'http://evil.example/127.0.0.1',
    ]) {
      assert.equal(refused(input), 'insecure', input);
    }
  });

  it('refuses garbage and other schemes as invalid', () => {
    for (const input of [
      'not a url',
      'api.weixin.qq.com',
      '//api.weixin.qq.com',
      'ftp://api.weixin.qq.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'ws://127.0.0.1:1',
    ]) {
      assert.equal(refused(input), 'invalid', input);
    }
  });

  it('refuses userinfo, a query or a fragment (they would be glued to every API path)', () => {
    for (const input of [
      'https://user:pass@api.weixin.qq.com',
      'https://user@api.weixin.qq.com',
      'https://api.weixin.qq.com/?x=1',
      'https://api.weixin.qq.com?access_token=abc',
      'https://api.weixin.qq.com/#frag',
      'http://user:pw@127.0.0.1:1',
    ]) {
      assert.equal(refused(input), 'invalid', input);
    }
  });

  it('reports the trimmed input back on refusal', () => {
    const result = checkApiBaseUrl('  http://example.com  ');
    assert.deepEqual(result, { ok: false, reason: 'insecure', input: 'http://example.com' });
  });

  it('isLoopbackHost', () => {
    for (const host of ['localhost', '127.0.0.1', '127.255.0.9', '[::1]', '::1']) assert.ok(isLoopbackHost(host), host);
    for (const host of ['example.com', '128.0.0.1', '127.0.0', 'localhost.example', '::2']) assert.ok(!isLoopbackHost(host), host);
  });
});
