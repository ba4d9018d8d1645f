import * as assert from 'node:assert/strict';

import { registrableDomain } from '../../../../../../src/features/menu/core/rules/domains';

describe('menu rules: domains', () => {
  describe('registrableDomain', () => {
    const cases: [string, string | undefined][] = [
      ['example.net', 'example.net'],
      ['ly.example.net', 'example.net'],
      ['r.example.net', 'example.net'],
      ['mp.weixin.qq.com', 'qq.com'],
      ['support.qq.com', 'qq.com'],
      ['a.example.com.cn', 'example.com.cn'],
      ['b.example.com.cn', 'example.com.cn'],
      ['example.com.cn', 'example.com.cn'],
      ['www.gov.cn', 'www.gov.cn'],
      ['shop.example.co.uk', 'example.co.uk'],
      ['x.y.example.com.hk', 'example.com.hk'],
      ['WWW.Example.COM.', 'example.com'],
      ['x.gd.cn', 'x.gd.cn'],
      ['a.x.gd.cn', 'x.gd.cn'],
      ['localhost', undefined],
      ['com.cn', undefined],
      ['gd.cn', undefined],
      ['a..example.com', undefined],
      ['192.168.1.10', '192.168.1.10'],
      ['[::1]', '[::1]'],
    ];
    for (const [host, domain] of cases) {
      it(`${host} → ${domain}`, () => assert.equal(registrableDomain(host), domain));
    }
  });
});
