import * as assert from 'node:assert/strict';

import { postedBody } from '../../../../../../src/features/simulator/core/xml/postedBody';
import { parseXml } from '../../../../../../src/features/simulator/core/xml/xmlCodec';
import { ACCOUNT } from '../helpers';

const plain = `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><CreateTime>1</CreateTime><Content><![CDATA[a & b]]></Content></xml>`;

describe('callback/xml/postedBody', () => {
  it('posts the message itself in plaintext mode', () => {
    assert.equal(postedBody('plaintext', plain, ACCOUNT, undefined), plain);
  });

  it('posts only ToUserName and Encrypt in safe mode', () => {
    assert.equal(
      postedBody('safe', plain, ACCOUNT, 'abc+/='),
      `<xml><ToUserName><![CDATA[${ACCOUNT}]]></ToUserName><Encrypt><![CDATA[abc+/=]]></Encrypt></xml>`,
    );
  });

  it('posts the plaintext fields unchanged, then Encrypt, in compatible mode', () => {
    const body = postedBody('compatible', plain, ACCOUNT, 'abc+/=');
    assert.equal(body, plain.replace('</xml>', '<Encrypt><![CDATA[abc+/=]]></Encrypt></xml>'));
    const parsed = parseXml(body);
    assert.ok(parsed.ok);
    assert.equal(parsed.node['Content'], 'a & b');
  });
});
