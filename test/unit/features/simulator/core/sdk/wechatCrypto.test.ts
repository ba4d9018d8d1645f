// node-webot's wechat-crypto 0.0.2 as a second, independent implementation of WeChat's message
// crypto: each side must read what the other writes.
import * as assert from 'node:assert/strict';

import WXBizMsgCrypt from 'wechat-crypto';

import { aesKeyOf, decryptMessage, encryptMessage } from '../../../../../../src/features/simulator/core/crypto/messageCrypto';
import { msgSignature } from '../../../../../../src/features/simulator/core/crypto/signature';
import { countingRandom, SAMPLE, SAMPLE_ENCRYPT } from '../helpers';

const theirs = new WXBizMsgCrypt(SAMPLE.token, SAMPLE.encodingAesKey, SAMPLE.appId);
const aes = aesKeyOf(SAMPLE.encodingAesKey)!;
const MESSAGES = [
  '',
  'a',
  '<xml><Content><![CDATA[你好，世界]]></Content></xml>',
  'x'.repeat(31),
  'y'.repeat(32),
  'z'.repeat(1000),
  '🙂 emoji & <tags>',
];

describe('callback crypto against wechat-crypto 0.0.2', () => {
  it('what we encrypt, it decrypts (message and AppID)', () => {
    const random = countingRandom(11);
    for (const message of MESSAGES) {
      assert.deepEqual(theirs.decrypt(encryptMessage(message, SAMPLE.appId, aes, random)), { message, id: SAMPLE.appId });
    }
  });

  it('what it encrypts, we decrypt', () => {
    for (const message of MESSAGES) {
      assert.deepEqual(decryptMessage(theirs.encrypt(message), SAMPLE.appId, aes), { ok: true, message, appId: SAMPLE.appId });
    }
  });

  it('its getSignature equals our msg_signature', () => {
    for (const [timestamp, nonce] of [
      ['1409659813', '1372623149'],
      ['1', '2'],
      ['1700000000', 'abc'],
    ] as const) {
      const encrypt = theirs.encrypt(`${timestamp}${nonce}`);
      assert.equal(msgSignature(SAMPLE.token, timestamp, nonce, encrypt), theirs.getSignature(timestamp, nonce, encrypt));
    }
    assert.equal(theirs.getSignature('1409659813', '1372623149', SAMPLE_ENCRYPT), '477715d11cdb4164915debcba66cb864d751f3e6');
  });

  it("both read WeChat's sample push the same way", () => {
    const ours = decryptMessage(SAMPLE_ENCRYPT, SAMPLE.appId, aes);
    assert.ok(ours.ok);
    assert.deepEqual(theirs.decrypt(SAMPLE_ENCRYPT), { message: ours.message, id: ours.appId });
  });
});
