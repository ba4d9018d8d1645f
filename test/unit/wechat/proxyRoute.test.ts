import * as assert from 'node:assert/strict';

import { bypasses, environmentProxy, proxyFor } from '../../../src/wechat/proxyRoute';
import { parseProxySettings, PROXY_SETTING_KEYS } from '../../../src/wechat/proxySettings';

const API = new URL('https://api.weixin.qq.com/cgi-bin/stable_token');
const PROXY = 'http://proxy.corp:3128';

describe('wechat/proxyRoute', () => {
  it('no proxy anywhere: direct', () => {
    assert.equal(proxyFor(API, {}, {}), undefined);
  });

  it("http.proxy, else the environment in VS Code's order (lower case first, https before http)", () => {
    assert.equal(proxyFor(API, { proxyUrl: PROXY }, { HTTPS_PROXY: 'http://env:1' }), PROXY);
    assert.equal(environmentProxy({ HTTP_PROXY: 'http://a:1', https_proxy: 'http://b:1' }), 'http://b:1');
    assert.equal(environmentProxy({ HTTP_PROXY: 'http://a:1', http_proxy: ' ' }), 'http://a:1');
  });

  it('loopback is always direct', () => {
    for (const host of ['127.0.0.1', '127.8.9.1', 'localhost', '[::1]']) {
      assert.equal(proxyFor(new URL(`http://${host}:8787/x`), { proxyUrl: PROXY }, { HTTPS_PROXY: PROXY }), undefined, host);
    }
  });

  it('proxySupport "off" ignores both http.proxy and the environment', () => {
    assert.equal(proxyFor(API, { proxyUrl: PROXY, proxySupport: 'off' }, { HTTPS_PROXY: PROXY }), undefined);
  });

  it('noProxy: domains, leading dots, ports, "*", case; settings replace the environment list', () => {
    assert.ok(bypasses(['qq.com'], 'api.weixin.qq.com', '443'));
    assert.ok(bypasses(['.weixin.qq.com'], 'api.weixin.qq.com', '443'));
    assert.ok(bypasses(['API.WEIXIN.QQ.COM:443'], 'api.weixin.qq.com', '443'));
    assert.ok(!bypasses(['api.weixin.qq.com:8443'], 'api.weixin.qq.com', '443'));
    assert.ok(!bypasses(['xqq.com', '', ':443'], 'api.weixin.qq.com', '443'));
    assert.ok(bypasses(['*'], 'anything', '80'));
    assert.equal(proxyFor(API, { proxyUrl: PROXY }, { NO_PROXY: 'example.com, qq.com' }), undefined);
    assert.equal(proxyFor(API, { proxyUrl: PROXY, noProxy: ['example.com'] }, { NO_PROXY: 'qq.com' }), PROXY);
    assert.equal(proxyFor(API, { proxyUrl: PROXY, noProxy: ['  '] }, { no_proxy: 'qq.com' }), undefined);
  });
});

describe('wechat/proxySettings', () => {
  it('reads only keys that affectsProxy watches (a change to any of them rebuilds the transport)', () => {
    const read: string[] = [];
    parseProxySettings((key) => {
      read.push(key);
      return undefined;
    });
    assert.deepEqual([...new Set(read)].sort(), [...PROXY_SETTING_KEYS].sort());
  });

  it("parses values of any shape without throwing; VS Code's defaults when missing", () => {
    assert.deepEqual(
      parseProxySettings(() => undefined),
      {
        proxyUrl: undefined,
        strictSSL: true,
        noProxy: [],
        proxySupport: 'override',
        proxyAuthorization: undefined,
      },
    );
    const raw: Record<string, unknown> = {
      proxy: 42,
      proxyStrictSSL: 'no',
      noProxy: ['a.com', 7, null],
      proxySupport: 'sometimes',
      proxyAuthorization: ' Basic eDp5 ',
    };
    assert.deepEqual(
      parseProxySettings((key) => raw[key]),
      {
        proxyUrl: undefined,
        strictSSL: true,
        noProxy: ['a.com'],
        proxySupport: 'override',
        proxyAuthorization: 'Basic eDp5',
      },
    );
    assert.deepEqual(parseProxySettings((key) => ({ noProxy: 'a.com' })[key]).noProxy, []);
  });
});
