// The simulator against node-webot's `wechat` middleware, an SDK nobody here wrote: its signature
// checks and decryption must accept what we send, and we must read what it answers.
import * as assert from 'node:assert/strict';
import { HttpCallbackSimulator } from '../../../../src/callback/httpSimulator';
import { MessageMode, SimulatedInbound } from '../../../../src/callback/types';
import { UndiciTransport, createDispatcher } from '../../../../src/wechat/undiciTransport';
import { OPENID, SAMPLE, endpoint } from '../helpers';
import { WebotServer, startWebotServer } from './webotServer';

const transport = new UndiciTransport(createDispatcher({}));

for (const mode of ['plaintext', 'safe', 'compatible'] as MessageMode[]) {
  describe(`callback against node-webot wechat 2.1.0 (${mode})`, () => {
    let server: WebotServer;

    before(async () => {
      server = await startWebotServer(
        mode === 'plaintext' ? SAMPLE.token : { token: SAMPLE.token, appid: SAMPLE.appId, encodingAESKey: SAMPLE.encodingAesKey },
      );
    });
    after(() => server.close());

    const simulator = (): HttpCallbackSimulator => new HttpCallbackSimulator(endpoint(server.url, mode), transport);

    it('passes the URL check', async () => {
      const result = await simulator().verifyUrl();
      assert.deepEqual(result.problems, []);
      assert.equal(result.ok, true);
      assert.equal(result.status, 200);
    });

    it('a CLICK is accepted and its text reply read back', async () => {
      server.reply = (message) => ({ kind: 'reply', content: `you tapped ${String(message['EventKey'])}` });
      const inbound: SimulatedInbound = { kind: 'menu', button: { type: 'click', key: 'V1001_TODAY_MUSIC' } };
      const result = await simulator().send({ inbound, openId: OPENID });
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.reply, { kind: 'text', content: 'you tapped V1001_TODAY_MUSIC' });
      const got = server.received.at(-1)!;
      assert.equal(got['MsgType'], 'event');
      assert.equal(got['Event'], 'CLICK');
      assert.equal(got['FromUserName'], OPENID);
      if (mode !== 'plaintext') assert.ok(result.exchange.decryptedReplyXml?.includes('you tapped'));
    });
  });
}
