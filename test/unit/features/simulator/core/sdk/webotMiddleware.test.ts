// The simulator against node-webot's `wechat` middleware, an SDK nobody here wrote: its signature
// checks and decryption must accept what we send, and we must read what it answers.
import * as assert from 'node:assert/strict';

import { HttpCallbackSimulator } from '../../../../../../src/features/simulator/core/httpSimulator';
import { MessageMode, SimulatedReply } from '../../../../../../src/features/simulator/core/types';
import { createTransport } from '../../../../../../src/wechat/undiciTransport';
import { scanForSecrets } from '../../../../../hardening/secretForms';
import { ACCOUNT, endpoint, OPENID, SAMPLE } from '../helpers';
import { INBOUND_CASES } from './inboundCases';
import { startWebotServer, WebotAnswer, WebotServer } from './webotServer';

const transport = createTransport({});
const CLICK = { kind: 'menu', button: { type: 'click', key: 'K' } } as const;

/** node-webot's res.reply / transfer2CustomerService arguments, and what a follower should see. */
const REPLIES: ReadonlyArray<[name: string, answer: WebotAnswer, expected: SimulatedReply]> = [
  [
    'text',
    { kind: 'reply', content: '<a href="https://example.com">link</a> & 你好' },
    { kind: 'text', content: '<a href="https://example.com">link</a> & 你好' },
  ],
  ['image', { kind: 'reply', content: { type: 'image', content: { mediaId: 'img_1' } } }, { kind: 'image', mediaId: 'img_1' }],
  ['voice', { kind: 'reply', content: { type: 'voice', content: { mediaId: 'voice_1' } } }, { kind: 'voice', mediaId: 'voice_1' }],
  [
    'video',
    { kind: 'reply', content: { type: 'video', content: { mediaId: 'video_1', title: 'A film', description: 'About it' } } },
    { kind: 'video', mediaId: 'video_1', title: 'A film', description: 'About it' },
  ],
  [
    'music',
    {
      kind: 'reply',
      content: {
        title: '来段音乐吧',
        description: '一无所有',
        musicUrl: 'http://mp3.com/xx.mp3',
        hqMusicUrl: 'http://mp3.com/hq.mp3',
        thumbMediaId: 'thumb_1',
      },
    },
    {
      kind: 'music',
      title: '来段音乐吧',
      description: '一无所有',
      musicUrl: 'http://mp3.com/xx.mp3',
      hqMusicUrl: 'http://mp3.com/hq.mp3',
      thumbMediaId: 'thumb_1',
    },
  ],
  [
    'news',
    {
      kind: 'reply',
      content: [
        {
          title: '你来我家接我吧',
          description: '这是女神与高富帅之间的对话',
          picurl: 'http://example.com/q.jpg',
          url: 'http://example.com/',
        },
      ],
    },
    {
      kind: 'news',
      articles: [
        {
          title: '你来我家接我吧',
          description: '这是女神与高富帅之间的对话',
          picUrl: 'http://example.com/q.jpg',
          url: 'http://example.com/',
        },
      ],
    },
  ],
  ['transfer_customer_service', { kind: 'transfer' }, { kind: 'transferCustomerService' }],
  [
    'transfer_customer_service to an agent',
    { kind: 'transfer', kfAccount: 'test1@test' },
    { kind: 'transferCustomerService', kfAccount: 'test1@test' },
  ],
  ['an empty body', { kind: 'reply', content: '' }, { kind: 'none', why: 'empty' }],
];

const keyed = (mode: MessageMode) =>
  mode === 'plaintext' ? SAMPLE.token : { token: SAMPLE.token, appid: SAMPLE.appId, encodingAESKey: SAMPLE.encodingAesKey };

for (const mode of ['plaintext', 'safe', 'compatible'] as MessageMode[]) {
  describe(`callback against node-webot wechat 2.1.0 (${mode})`, () => {
    let server: WebotServer;

    before(async () => {
      server = await startWebotServer(keyed(mode));
    });
    after(() => server.close());

    const simulator = (): HttpCallbackSimulator => new HttpCallbackSimulator(endpoint(server.url, mode), transport);

    it('passes the URL check', async () => {
      const result = await simulator().verifyUrl();
      assert.deepEqual(result.problems, []);
      assert.equal(result.ok, true);
      assert.equal(result.status, 200);
    });

    for (const inboundCase of INBOUND_CASES) {
      it(`accepts and parses ${inboundCase.name}`, async () => {
        server.reply = () => ({ kind: 'reply', content: '' });
        const before = server.received.length;
        const result = await simulator().send({ inbound: inboundCase.inbound, openId: OPENID });
        assert.deepEqual(result.problems, []);
        assert.deepEqual(result.reply, { kind: 'none', why: 'empty' });
        assert.equal(server.received.length, before + 1, 'the middleware handed the message to the handler');
        const got = server.received.at(-1)!;
        for (const [field, value] of Object.entries(inboundCase.expect)) assert.deepEqual(got[field], value, field);
        assert.equal(got['ToUserName'], ACCOUNT);
        assert.equal(got['FromUserName'], OPENID);
        assert.equal(got['CreateTime'], String(result.sent.createTime));
        assert.equal(got['MsgId'], inboundCase.message ? result.sent.msgId : undefined);
        const url = new URL(server.requests.at(-1)!.url, 'http://x');
        assert.equal(url.searchParams.get('openid'), OPENID);
        assert.equal(url.searchParams.get('encrypt_type'), mode === 'plaintext' ? null : 'aes');
      });
    }

    for (const [name, answer, expected] of REPLIES) {
      it(`reads its ${name} reply`, async () => {
        server.reply = () => answer;
        const result = await simulator().send({ inbound: CLICK, openId: OPENID });
        assert.deepEqual(result.problems, []);
        assert.deepEqual(result.reply, expected);
        if (mode !== 'plaintext' && expected.kind !== 'none') {
          assert.match(result.exchange.responseBody, /<Encrypt>/);
          assert.ok(result.exchange.decryptedReplyXml?.startsWith('<xml>'));
        }
      });
    }

    it('a retry repeats the MsgId, CreateTime and XML', async () => {
      server.reply = () => ({ kind: 'reply', content: 'ok' });
      const first = await simulator().send({ inbound: { kind: 'text', content: 'again' }, openId: OPENID });
      const retry = await simulator().send({ inbound: { kind: 'text', content: 'again' }, openId: OPENID, retryOf: first.sent });
      assert.deepEqual(retry.sent, first.sent);
      const [a, b] = server.received.slice(-2);
      assert.equal(a!['MsgId'], b!['MsgId']);
      assert.equal(a!['CreateTime'], b!['CreateTime']);
    });

    it('a server with another Token is reported as a wrong Token', async () => {
      const other = await startWebotServer(
        mode === 'plaintext' ? 'otherToken1' : { token: 'otherToken1', appid: SAMPLE.appId, encodingAESKey: SAMPLE.encodingAesKey },
      );
      try {
        const sim = new HttpCallbackSimulator(endpoint(other.url, mode), transport);
        const check = await sim.verifyUrl();
        assert.equal(check.ok, false);
        assert.deepEqual(
          check.problems.map((p) => p.code),
          ['handshakeRejected'],
        );
        const result = await sim.send({ inbound: CLICK, openId: OPENID });
        assert.deepEqual(
          result.problems.map((p) => p.code),
          ['rejectedToken'],
        );
        assert.deepEqual(result.reply, { kind: 'none', why: 'failed' });
        assert.equal(other.received.length, 0);
      } finally {
        await other.close();
      }
    });

    it('[leak] no exchange with it holds the Token or the EncodingAESKey', async () => {
      server.reply = () => ({ kind: 'reply', content: 'hello' });
      const sim = simulator();
      const exchanges = [await sim.verifyUrl()];
      const results = [];
      for (const inboundCase of INBOUND_CASES) results.push(await sim.send({ inbound: inboundCase.inbound, openId: OPENID }));
      const text = JSON.stringify([exchanges, results]);
      const secrets = [
        { label: 'callback Token', value: SAMPLE.token },
        { label: 'EncodingAESKey', value: SAMPLE.encodingAesKey },
      ];
      assert.deepEqual(scanForSecrets(`callback exchange with node-webot (${mode})`, text, secrets), []);
    });

    if (mode !== 'plaintext') {
      it('a server configured with another AppID is caught in its encrypted reply', async () => {
        // node-webot does not check the AppID of what it decrypts, but appends its own to the reply.
        const other = await startWebotServer({ token: SAMPLE.token, appid: 'wx1111111111111111', encodingAESKey: SAMPLE.encodingAesKey });
        try {
          other.reply = () => ({ kind: 'reply', content: 'hi' });
          const result = await new HttpCallbackSimulator(endpoint(other.url, mode), transport).send({ inbound: CLICK, openId: OPENID });
          assert.deepEqual(
            result.problems.map((p) => [p.code, p.args]),
            [['replyWrongAppId', ['wx1111111111111111', SAMPLE.appId]]],
          );
          assert.deepEqual(result.reply, { kind: 'none', why: 'failed' });
        } finally {
          await other.close();
        }
      });

      it('a server with another EncodingAESKey is reported as a wrong key', async () => {
        const other = await startWebotServer({
          token: SAMPLE.token,
          appid: SAMPLE.appId,
          encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
        });
        try {
          const result = await new HttpCallbackSimulator(endpoint(other.url, mode), transport).send({ inbound: CLICK, openId: OPENID });
          assert.deepEqual(
            result.problems.map((p) => p.code),
            ['rejectedEncrypted'],
          );
          assert.equal(other.received.length, 0, 'the handler never saw the message');
        } finally {
          await other.close();
        }
      });
    }
  });
}
