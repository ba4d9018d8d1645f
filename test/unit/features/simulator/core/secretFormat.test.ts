import * as assert from 'node:assert/strict';

import { isValidCallbackToken, isValidEncodingAesKey } from '../../../../../src/features/simulator/core/secretFormat';
import { SAMPLE } from './helpers';

describe('callback/secretFormat', () => {
  it('accepts Tokens of 3–32 letters and digits', () => {
    for (const ok of [SAMPLE.token, 'abc', 'A'.repeat(32), 'token2024']) assert.ok(isValidCallbackToken(ok), ok);
    for (const bad of ['', 'ab', 'A'.repeat(33), 'has space', 'tok-en', '令牌令牌', ' QDG6eK']) assert.ok(!isValidCallbackToken(bad), bad);
  });

  it('accepts EncodingAESKeys of exactly 43 base64 characters', () => {
    assert.ok(isValidEncodingAesKey(SAMPLE.encodingAesKey));
    assert.ok(isValidEncodingAesKey(`${SAMPLE.encodingAesKey.slice(0, 41)}+/`));
    for (const bad of [
      '',
      SAMPLE.encodingAesKey.slice(1),
      `${SAMPLE.encodingAesKey}A`,
      `${SAMPLE.encodingAesKey.slice(0, 42)}=`,
      `${SAMPLE.encodingAesKey.slice(0, 42)} `,
    ]) {
      assert.ok(!isValidEncodingAesKey(bad), bad);
    }
  });
});
