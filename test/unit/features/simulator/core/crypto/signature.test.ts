import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { msgSignature, urlSignature } from '../../../../../../src/features/simulator/core/crypto/signature';
import { SAMPLE, SAMPLE_ECHOSTR, SAMPLE_ENCRYPT } from '../helpers';

describe('callback/crypto/signature', () => {
  it("reproduces the msg_signature of WeChat's published sample push", () => {
    assert.equal(msgSignature(SAMPLE.token, '1409659813', '1372623149', SAMPLE_ENCRYPT), '477715d11cdb4164915debcba66cb864d751f3e6');
  });

  it('reproduces the msg_signature of the sample URL check', () => {
    assert.equal(msgSignature(SAMPLE.token, '1409659589', '263014780', SAMPLE_ECHOSTR), '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3');
  });

  it('signs the URL with sha1 of the sorted Token, timestamp and nonce', () => {
    // Sorted as strings: "1372623149" < "1409659813" < "QDG6eK".
    const expected = createHash('sha1').update('13726231491409659813QDG6eK').digest('hex');
    assert.equal(urlSignature(SAMPLE.token, '1409659813', '1372623149'), expected);
    assert.equal(urlSignature(SAMPLE.token, '1372623149', '1409659813'), expected, 'order of the arguments does not matter');
  });
});
