// Properties of the message crypto over generated input: every message and AppID round-trips, and
// no mangled ciphertext makes decryption throw (it answers with a reason instead).
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { aesKeyOf, decryptMessage, encryptMessage } from '../../../../../../src/features/simulator/core/crypto/messageCrypto';
import { hardeningCase } from '../../../../../hardening/ledger';
import { countingRandom, SAMPLE } from '../helpers';

const aes = aesKeyOf(SAMPLE.encodingAesKey)!;
const appIds = fc.stringMatching(/^wx[0-9a-f]{16}$/);

describe('callback/crypto/messageCrypto properties', () => {
  it('round-trips any text for any AppID', () => {
    const random = countingRandom(21);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), appIds, (message, appId) =>
        hardeningCase('hostile', 'callback crypto: round trip of any text (property)', () => {
          assert.deepEqual(decryptMessage(encryptMessage(message, appId, aes, random), appId, aes), { ok: true, message, appId });
        }),
      ),
    );
  });

  it('a flipped, cut or extended ciphertext never throws, and what still opens is for this AppID', () => {
    const random = countingRandom(33);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 100 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: -40, max: 40 }),
        (message, at, flip, resize) =>
          hardeningCase('hostile', 'callback decrypt: mangled ciphertext (property)', () => {
            const raw = Buffer.from(encryptMessage(message, SAMPLE.appId, aes, random), 'base64');
            const index = at % raw.length;
            raw[index] = raw[index]! ^ flip;
            const mangled = resize >= 0 ? Buffer.concat([raw, Buffer.alloc(resize, 7)]) : raw.subarray(0, Math.max(0, raw.length + resize));
            const result = decryptMessage(mangled.toString('base64'), SAMPLE.appId, aes);
            // CBC has no integrity of its own (msg_signature over Encrypt provides it), so a flip in the
            // first block can still open, to a garbled prefix; it must still name this account.
            if (result.ok) assert.equal(result.appId, SAMPLE.appId);
            else assert.ok(['malformed', 'wrongKey', 'wrongAppId'].includes(result.reason));
          }),
      ),
    );
  });

  it('any string as Encrypt is answered, never thrown', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) =>
        hardeningCase('hostile', 'callback decrypt: arbitrary Encrypt text (property)', () => {
          const result = decryptMessage(text, SAMPLE.appId, aes);
          assert.equal(typeof result.ok, 'boolean');
        }),
      ),
    );
  });
});
