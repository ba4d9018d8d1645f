import * as assert from 'node:assert/strict';
import { createCipheriv } from 'node:crypto';

import { aesKeyOf, decryptMessage, encryptMessage, pkcs7Pad } from '../../../../../../src/features/simulator/core/crypto/messageCrypto';
import { hardeningCase } from '../../../../../hardening/ledger';
import { countingRandom, SAMPLE, SAMPLE_ECHOSTR, SAMPLE_ENCRYPT } from '../helpers';

const aes = aesKeyOf(SAMPLE.encodingAesKey)!;

describe('callback/crypto/messageCrypto', () => {
  it('derives the AES key from EncodingAESKey + "=" and the IV from its first 16 bytes', () => {
    assert.equal(aes.key.length, 32);
    assert.deepEqual(aes.iv, aes.key.subarray(0, 16));
    assert.equal(aesKeyOf('too-short'), undefined);
    assert.equal(aesKeyOf(`${SAMPLE.encodingAesKey.slice(0, 42)}!`), undefined);
  });

  it("decrypts WeChat's published sample message", () => {
    const result = decryptMessage(SAMPLE_ENCRYPT, SAMPLE.appId, aes);
    assert.ok(result.ok);
    assert.equal(result.appId, SAMPLE.appId);
    assert.match(result.message, /^<xml><ToUserName><!\[CDATA\[wx5823bf96d3bd56c7\]\]><\/ToUserName>/);
    assert.match(result.message, /<Content><!\[CDATA\[hello\]\]><\/Content>/);
    assert.match(result.message, /<MsgId>4561255354251345929<\/MsgId>/);
  });

  it('decrypts the sample URL-check echostr to 1616140317555161061', () => {
    const result = decryptMessage(SAMPLE_ECHOSTR, SAMPLE.appId, aes);
    assert.deepEqual(result, { ok: true, message: '1616140317555161061', appId: SAMPLE.appId });
  });

  it('pads with PKCS#7 to 32-byte blocks, a whole block when already aligned', () => {
    assert.equal(pkcs7Pad(Buffer.alloc(1)).length, 32);
    assert.equal(pkcs7Pad(Buffer.alloc(1))[31], 31);
    assert.equal(pkcs7Pad(Buffer.alloc(17)).length, 32);
    const aligned = pkcs7Pad(Buffer.alloc(32));
    assert.equal(aligned.length, 64);
    assert.ok(aligned.subarray(32).every((b) => b === 32));
  });

  it('lays out 16 random bytes, the big-endian length, the message and the AppID', () => {
    const random = countingRandom(0);
    const encrypted = encryptMessage('中文 & <xml>', SAMPLE.appId, aes, random);
    const raw = Buffer.from(encrypted, 'base64');
    assert.equal(raw.length % 32, 0);
    // Encrypting the expected layout by hand gives the same ciphertext.
    const body = Buffer.from('中文 & <xml>', 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(body.length);
    const prefix = Buffer.from(Array.from({ length: 16 }, (_, i) => i));
    const plain = pkcs7Pad(Buffer.concat([prefix, length, body, Buffer.from(SAMPLE.appId)]));
    const cipher = createCipheriv('aes-256-cbc', aes.key, aes.iv).setAutoPadding(false);
    assert.equal(Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64'), encrypted);
  });

  it('round-trips messages of every length around the block boundaries', () => {
    const random = countingRandom(7);
    for (let n = 0; n <= 70; n++) {
      const message = 'x'.repeat(n);
      assert.deepEqual(decryptMessage(encryptMessage(message, SAMPLE.appId, aes, random), SAMPLE.appId, aes), {
        ok: true,
        message,
        appId: SAMPLE.appId,
      });
    }
  });

  describe('hostile ciphertexts', () => {
    const good = encryptMessage('<xml><A>1</A></xml>', SAMPLE.appId, aes, countingRandom(3));

    it('a wrong AppID is told apart from a wrong key', () =>
      hardeningCase('hostile', 'callback decrypt: wrong AppID', () => {
        assert.deepEqual(decryptMessage(good, 'wx0000000000000000', aes), { ok: false, reason: 'wrongAppId', appId: SAMPLE.appId });
      }));

    it('a different key reads as a wrong key', () =>
      hardeningCase('hostile', 'callback decrypt: wrong key', () => {
        const other = aesKeyOf('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')!;
        assert.equal(decryptMessage(good, SAMPLE.appId, other).ok, false);
        assert.deepEqual(decryptMessage(good, SAMPLE.appId, other), { ok: false, reason: 'wrongKey' });
      }));

    it('truncated ciphertext is malformed', () =>
      hardeningCase('hostile', 'callback decrypt: truncated', () => {
        const raw = Buffer.from(good, 'base64');
        const cut = raw.subarray(0, raw.length - 5).toString('base64');
        const result = decryptMessage(cut, SAMPLE.appId, aes);
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.reason, 'malformed');
        assert.equal(decryptMessage('', SAMPLE.appId, aes).ok, false);
        assert.equal(!decryptMessage('not base64 at all!', SAMPLE.appId, aes).ok && 'malformed', 'malformed');
      }));

    it('a block cut off the end leaves bad padding (a whole-block truncation)', () =>
      hardeningCase('hostile', 'callback decrypt: bad padding', () => {
        // Re-encrypt a plaintext whose last byte is not a valid pad.
        const plain = Buffer.concat([Buffer.alloc(16), Buffer.from([0, 0, 0, 1]), Buffer.from('a'), Buffer.alloc(11, 0x41)]);
        const cipher = createCipheriv('aes-256-cbc', aes.key, aes.iv).setAutoPadding(false);
        const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
        assert.deepEqual(decryptMessage(encrypted, SAMPLE.appId, aes), { ok: false, reason: 'wrongKey' });
        // Pad bytes that disagree with the pad length.
        const uneven = Buffer.concat([plain.subarray(0, 30), Buffer.from([1, 2])]);
        const c2 = createCipheriv('aes-256-cbc', aes.key, aes.iv).setAutoPadding(false);
        assert.deepEqual(decryptMessage(Buffer.concat([c2.update(uneven), c2.final()]).toString('base64'), SAMPLE.appId, aes), {
          ok: false,
          reason: 'wrongKey',
        });
      }));

    it('a length field longer than the message reads as a wrong key', () =>
      hardeningCase('hostile', 'callback decrypt: impossible length', () => {
        const plain = pkcs7Pad(Buffer.concat([Buffer.alloc(16), Buffer.from([0, 0, 1, 0]), Buffer.from('short')]));
        const cipher = createCipheriv('aes-256-cbc', aes.key, aes.iv).setAutoPadding(false);
        const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
        assert.deepEqual(decryptMessage(encrypted, SAMPLE.appId, aes), { ok: false, reason: 'wrongKey' });
      }));
  });
});
