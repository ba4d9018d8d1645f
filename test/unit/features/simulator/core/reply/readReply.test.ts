import * as assert from 'node:assert/strict';

import { aesKeyOf, encryptMessage } from '../../../../../../src/features/simulator/core/crypto/messageCrypto';
import { msgSignature } from '../../../../../../src/features/simulator/core/crypto/signature';
import { formatTemplate } from '../../../../../../src/features/simulator/core/problems';
import { readReply, ReplyContext } from '../../../../../../src/features/simulator/core/reply/readReply';
import { MessageMode } from '../../../../../../src/features/simulator/core/types';
import { hardeningCase } from '../../../../../hardening/ledger';
import { ACCOUNT, countingRandom, OPENID, SAMPLE } from '../helpers';

const aes = aesKeyOf(SAMPLE.encodingAesKey)!;

function context(mode: MessageMode, overrides: Partial<ReplyContext> = {}): ReplyContext {
  return { mode, token: SAMPLE.token, appId: SAMPLE.appId, aes, openId: OPENID, accountUserName: ACCOUNT, maxArticles: 8, ...overrides };
}

/** A reply addressed correctly, with `fields` after MsgType. */
function replyXml(msgType: string, fields: string, to = OPENID, from = ACCOUNT): string {
  return `<xml><ToUserName><![CDATA[${to}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[${msgType}]]></MsgType>${fields}</xml>`;
}

/** The envelope a correct SDK sends; `tamper` spoils one part of it. */
function envelope(xml: string, options: { appId?: string; key?: string; signature?: string; omit?: string } = {}): string {
  const key = options.key ? aesKeyOf(options.key)! : aes;
  const encrypt = encryptMessage(xml, options.appId ?? SAMPLE.appId, key, countingRandom(5));
  const fields: Record<string, string> = {
    Encrypt: `<![CDATA[${encrypt}]]>`,
    MsgSignature: `<![CDATA[${options.signature ?? msgSignature(SAMPLE.token, '1700000000', '98765', encrypt)}]]>`,
    TimeStamp: '1700000000',
    Nonce: '<![CDATA[98765]]>',
  };
  return `<xml>${Object.entries(fields)
    .filter(([name]) => name !== options.omit)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join('')}</xml>`;
}

const codes = (body: string, ctx: ReplyContext): string[] => readReply(body, ctx).problems.map((p) => p.code);
const TEXT = replyXml('text', '<Content><![CDATA[hi]]></Content>');

describe('callback/reply/readReply', () => {
  it('"success" and an empty body are no reply, without a problem', () => {
    assert.deepEqual(readReply('success', context('safe')), { reply: { kind: 'none', why: 'success' }, problems: [] });
    assert.deepEqual(readReply('  \n', context('plaintext')), { reply: { kind: 'none', why: 'empty' }, problems: [] });
  });

  it('reads a plaintext reply in plaintext and compatible mode, refuses it in safe mode', () => {
    assert.deepEqual(readReply(TEXT, context('plaintext')).reply, { kind: 'text', content: 'hi' });
    assert.deepEqual(readReply(TEXT, context('compatible')).reply, { kind: 'text', content: 'hi' });
    assert.deepEqual(readReply(TEXT, context('safe')).reply, { kind: 'none', why: 'failed' });
    assert.deepEqual(codes(TEXT, context('safe')), ['notEncrypted']);
  });

  it('opens an encrypted reply in safe and compatible mode, and keeps the decrypted XML', () => {
    for (const mode of ['safe', 'compatible'] as const) {
      const read = readReply(envelope(TEXT), context(mode));
      assert.deepEqual(read.problems, []);
      assert.deepEqual(read.reply, { kind: 'text', content: 'hi' });
      assert.equal(read.decryptedXml, TEXT);
    }
  });

  it('an encrypted reply in plaintext mode is a problem', () => {
    assert.deepEqual(codes(envelope(TEXT), context('plaintext', { aes: undefined })), ['encryptedInPlaintext']);
  });

  it('finds swapped ToUserName/FromUserName, and a reply to someone else', () => {
    assert.deepEqual(codes(replyXml('text', '<Content>x</Content>', ACCOUNT, OPENID), context('plaintext')), ['swappedUserNames']);
    assert.deepEqual(readReply(replyXml('text', '<Content>x</Content>', ACCOUNT, OPENID), context('plaintext')).reply, {
      kind: 'none',
      why: 'failed',
    });
    assert.deepEqual(codes(replyXml('text', '<Content>x</Content>', 'oOther', ACCOUNT), context('plaintext')), ['wrongToUserName']);
    assert.deepEqual(codes(replyXml('text', '<Content>x</Content>', OPENID, 'gh_other'), context('plaintext')), ['wrongFromUserName']);
    const swapped = readReply(replyXml('text', '<Content>x</Content>', ACCOUNT, OPENID), context('plaintext')).problems[0]!;
    assert.deepEqual(swapped.args, [ACCOUNT, OPENID]);
  });

  it('reads every reply type, with the fields nested as WeChat specifies', () => {
    const cases: Array<[string, string, unknown]> = [
      ['image', '<Image><MediaId><![CDATA[m1]]></MediaId></Image>', { kind: 'image', mediaId: 'm1' }],
      ['voice', '<Voice><MediaId><![CDATA[m2]]></MediaId></Voice>', { kind: 'voice', mediaId: 'm2' }],
      ['video', '<Video><MediaId>m3</MediaId><Title>t</Title></Video>', { kind: 'video', mediaId: 'm3', title: 't', description: '' }],
      [
        'music',
        '<Music><Title>t</Title><MusicUrl>u</MusicUrl><ThumbMediaId>th</ThumbMediaId></Music>',
        { kind: 'music', title: 't', description: '', musicUrl: 'u', hqMusicUrl: '', thumbMediaId: 'th' },
      ],
      [
        'news',
        '<ArticleCount>2</ArticleCount><Articles><item><Title>a</Title><Description>d</Description><PicUrl>p</PicUrl><Url>u</Url></item><item><Title>b</Title></item></Articles>',
        {
          kind: 'news',
          articles: [
            { title: 'a', description: 'd', picUrl: 'p', url: 'u' },
            { title: 'b', description: '', picUrl: '', url: '' },
          ],
        },
      ],
      ['transfer_customer_service', '', { kind: 'transferCustomerService' }],
      [
        'transfer_customer_service',
        '<TransInfo><KfAccount>kf@x</KfAccount></TransInfo>',
        { kind: 'transferCustomerService', kfAccount: 'kf@x' },
      ],
    ];
    for (const [msgType, fields, expected] of cases) {
      const read = readReply(replyXml(msgType, fields), context('plaintext'));
      assert.deepEqual(read.problems, [], msgType);
      assert.deepEqual(read.reply, expected, msgType);
    }
  });

  it('names a missing required field and an unknown MsgType', () => {
    assert.deepEqual(codes(replyXml('text', ''), context('plaintext')), ['missingField']);
    assert.deepEqual(readReply(replyXml('image', '<MediaId>m</MediaId>'), context('plaintext')).problems[0]!.args, [
      'image',
      'Image/MediaId',
    ]);
    assert.deepEqual(codes(replyXml('music', '<Music><Title>t</Title></Music>'), context('plaintext')), ['missingField']);
    assert.deepEqual(codes(replyXml('news', '<ArticleCount>0</ArticleCount>'), context('plaintext')), ['missingField']);
    assert.deepEqual(codes(replyXml('markdown', '<Content>x</Content>'), context('plaintext')), ['unknownMsgType']);
    assert.deepEqual(codes('<xml><Content>x</Content></xml>', context('plaintext')), ['missingField']);
  });

  it('limits news to one article in reply to a message, and checks ArticleCount', () => {
    const two = replyXml(
      'news',
      '<ArticleCount>2</ArticleCount><Articles><item><Title>a</Title></item><item><Title>b</Title></item></Articles>',
    );
    const read = readReply(two, context('plaintext', { maxArticles: 1 }));
    assert.deepEqual(
      read.problems.map((p) => [p.code, p.args]),
      [['tooManyArticles', [2, 1]]],
    );
    assert.equal(read.reply.kind === 'news' && read.reply.articles.length, 1);
    // To an event WeChat takes up to eight: the fix must not ask for one.
    const items = Array.from({ length: 9 }, (_, i) => `<item><Title>t${i}</Title></item>`).join('');
    const nine = readReply(
      replyXml('news', `<ArticleCount>9</ArticleCount><Articles>${items}</Articles>`),
      context('plaintext', { maxArticles: 8 }),
    );
    assert.deepEqual(
      nine.problems.map((p) => [p.code, p.args]),
      [['tooManyArticles', [9, 8]]],
    );
    assert.equal(formatTemplate(nine.problems[0]!.fix, nine.problems[0]!.args).includes('at most 8'), true);
    assert.doesNotMatch(nine.problems[0]!.fix, /only the first/);
    const miscounted = replyXml('news', '<ArticleCount>3</ArticleCount><Articles><item><Title>a</Title></item></Articles>');
    assert.deepEqual(codes(miscounted, context('plaintext')), ['articleCountMismatch']);
  });

  describe('hostile replies', () => {
    const hostile = (name: string, run: () => void): void => {
      it(name, () => hardeningCase('hostile', `callback reply: ${name}`, run));
    };

    hostile('malformed XML', () => {
      for (const body of [
        '<xml><Content>unclosed</xml>',
        '<xml>',
        'not xml at all',
        '<xml><a></b></xml>',
        '{"errcode":0}',
        '<xml></xml><xml></xml>',
      ]) {
        const read = readReply(body, context('plaintext'));
        assert.deepEqual(read.reply, { kind: 'none', why: 'failed' }, body);
        assert.equal(read.problems.length, 1, body);
        assert.ok(['invalidXml', 'notXmlRoot'].includes(read.problems[0]!.code), body);
      }
    });

    hostile('a root other than <xml>', () => {
      assert.deepEqual(codes('<reply><MsgType>text</MsgType></reply>', context('plaintext')), ['notXmlRoot']);
    });

    hostile('entity expansion stays bounded', () => {
      const bomb = `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(5000)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>${replyXml('text', '<Content>&b;&b;&b;&b;&b;&b;&b;&b;</Content>')}`;
      const read = readReply(bomb, context('plaintext'));
      const content = read.reply.kind === 'text' ? read.reply.content : '';
      assert.ok(content.length < 100_000, `expanded to ${content.length}`);
    });

    hostile('a reply signed with another Token', () => {
      assert.deepEqual(codes(envelope(TEXT, { signature: 'a'.repeat(40) }), context('safe')), ['replySignatureMismatch']);
    });

    hostile('an envelope without MsgSignature or Nonce', () => {
      assert.deepEqual(
        readReply(envelope(TEXT, { omit: 'MsgSignature' }), context('safe')).problems.map((p) => [p.code, p.args]),
        [['missingEnvelopeField', ['MsgSignature']]],
      );
      assert.deepEqual(readReply(envelope(TEXT, { omit: 'Nonce' }), context('safe')).problems[0]!.args, ['Nonce']);
    });

    hostile('a reply encrypted with another key', () => {
      assert.deepEqual(codes(envelope(TEXT, { key: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }), context('safe')), ['replyWrongKey']);
    });

    hostile('a reply encrypted for another AppID', () => {
      const read = readReply(envelope(TEXT, { appId: 'wx1111111111111111' }), context('safe'));
      assert.deepEqual(
        read.problems.map((p) => [p.code, p.args]),
        [['replyWrongAppId', ['wx1111111111111111', SAMPLE.appId]]],
      );
    });

    hostile('truncated ciphertext', () => {
      const encrypt = encryptMessage(TEXT, SAMPLE.appId, aes, countingRandom(9)).slice(0, -8);
      const body = `<xml><Encrypt>${encrypt}</Encrypt><MsgSignature>${msgSignature(SAMPLE.token, '1', '2', encrypt)}</MsgSignature><TimeStamp>1</TimeStamp><Nonce>2</Nonce></xml>`;
      assert.deepEqual(codes(body, context('safe')), ['replyMalformed']);
    });

    hostile('an encrypted reply whose plaintext is not XML', () => {
      assert.deepEqual(codes(envelope('hello'), context('safe')), ['invalidXml']);
    });
  });
});
