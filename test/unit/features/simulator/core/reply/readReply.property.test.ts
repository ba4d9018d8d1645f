// Whatever a server answers, reading it gives a reply and problems — never an exception.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { aesKeyOf } from '../../../../../../src/features/simulator/core/crypto/messageCrypto';
import { readReply } from '../../../../../../src/features/simulator/core/reply/readReply';
import { MessageMode } from '../../../../../../src/features/simulator/core/types';
import { hardeningCase } from '../../../../../hardening/ledger';
import { ACCOUNT, OPENID, SAMPLE } from '../helpers';

const aes = aesKeyOf(SAMPLE.encodingAesKey)!;
const fragments = [
  '<xml>',
  '</xml>',
  '<MsgType>',
  '</MsgType>',
  'text',
  'news',
  '<Encrypt>',
  '</Encrypt>',
  '<![CDATA[',
  ']]>',
  '<item>',
  '</item>',
  '&amp;',
  '&#x0;',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '&a;',
  '<Articles>',
  '</Articles>',
  'success',
  ' ',
  '<',
  '>',
];
const bodies = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.constantFrom(...fragments), { maxLength: 30 }).map((parts) => parts.join('')),
);

describe('callback/reply/readReply properties', () => {
  it('any body, in any mode, reads without throwing', () => {
    fc.assert(
      fc.property(bodies, fc.constantFrom<MessageMode>('plaintext', 'compatible', 'safe'), (body, mode) =>
        hardeningCase('hostile', 'callback reply: arbitrary body (property)', () => {
          const read = readReply(body, {
            mode,
            token: SAMPLE.token,
            appId: SAMPLE.appId,
            aes,
            openId: OPENID,
            accountUserName: ACCOUNT,
            maxArticles: 8,
          });
          assert.ok(read.reply.kind === 'none' || read.problems.every((p) => typeof p.code === 'string'));
          if (read.reply.kind === 'none' && read.reply.why === 'failed')
            assert.ok(read.problems.length > 0, `failed without a problem: ${body}`);
        }),
      ),
      { numRuns: 500 },
    );
  });
});
