// The chat's exchanges end to end below the webview: the real core (HttpCallbackSimulator) over a
// recording transport and a hand-driven clock, so a late reply and WeChat's three retries take no
// real time. What the server sees on each retry is what its dedup code keys on: the same MsgId for
// a message, the same FromUserName + CreateTime for an event — also in safe mode, where every post
// is encrypted afresh.
import * as assert from 'node:assert/strict';

import { formatMessage } from '../../../../../../src/common/localize';
import { Conversation } from '../../../../../../src/features/simulator/core/chat/conversation';
import { ExchangeRunner } from '../../../../../../src/features/simulator/core/chat/exchangeRunner';
import { aesKeyOf, decryptMessage } from '../../../../../../src/features/simulator/core/crypto/messageCrypto';
import { HttpCallbackSimulator } from '../../../../../../src/features/simulator/core/httpSimulator';
import type { CallbackEndpoint, SimulatedInbound } from '../../../../../../src/features/simulator/core/types';
import { parseXml, textOf } from '../../../../../../src/features/simulator/core/xml/xmlCodec';
import type { Account } from '../../../../../../src/token/accounts';
import type { HttpRequest, HttpResponse } from '../../../../../../src/wechat/http';
import { FakeClock } from '../../../../helpers/fakeClock';
import { ACCOUNT, countingRandom, endpoint, OPENID, SAMPLE } from '../helpers';

const account: Account = { name: '测试号', appId: SAMPLE.appId, tokenSource: 'wechat', redis: {} };
const textReply = `<xml><ToUserName><![CDATA[${OPENID}]]></ToUserName><FromUserName><![CDATA[${ACCOUNT}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[slow]]></Content></xml>`;

interface Harness {
  readonly runner: ExchangeRunner;
  readonly conversation: Conversation;
  readonly posts: HttpRequest[];
  /** The plaintext message of each post (decrypted in safe mode). */
  readonly messages: () => { msgId?: string; fromUserName?: string; createTime?: string }[];
}

/** A server that answers every post `delayMs` late (by the fake clock). */
function harness(ep: CallbackEndpoint, delayMs: number): Harness {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const posts: HttpRequest[] = [];
  // One source for every simulator the runner makes (one per exchange), as systemRandom is.
  const random = countingRandom();
  const transport = {
    request: async (request: HttpRequest): Promise<HttpResponse> => {
      posts.push(request);
      clock.advance(delayMs);
      return { status: 200, contentType: 'text/xml', body: textReply };
    },
  };
  const conversation = new Conversation(formatMessage, () => [ep.token, ep.encodingAesKey ?? '']);
  const runner = new ExchangeRunner(
    {
      endpoints: { resolve: async () => ({ ok: true, endpoint: ep, account }) },
      simulators: { create: async (e) => new HttpCallbackSimulator(e, transport, { clock, random, timeoutMs: 15_000 }) },
      openId: async () => OPENID,
      log: { info: () => undefined, error: () => undefined },
    },
    conversation,
    formatMessage,
    { remember: () => undefined, refresh: async () => undefined, signal: new AbortController().signal },
  );
  const aes = ep.encodingAesKey ? aesKeyOf(ep.encodingAesKey) : undefined;
  const messages = (): { msgId?: string; fromUserName?: string; createTime?: string }[] =>
    posts.map((post) => {
      let xml = post.body ?? '';
      const outer = parseXml(xml);
      assert.ok(outer.ok);
      const encrypt = textOf(outer.node, 'Encrypt');
      if (encrypt !== undefined) {
        assert.ok(aes);
        const opened = decryptMessage(encrypt, ep.appId, aes);
        assert.ok(opened.ok, 'every retry decrypts with the account key');
        xml = opened.message;
      }
      const parsed = parseXml(xml);
      assert.ok(parsed.ok);
      const field = (name: string): Record<string, string> => {
        const value = textOf(parsed.node, name);
        return value === undefined ? {} : { [name]: value };
      };
      const { MsgId, FromUserName, CreateTime } = { ...field('MsgId'), ...field('FromUserName'), ...field('CreateTime') };
      return {
        ...(MsgId ? { msgId: MsgId } : {}),
        ...(FromUserName ? { fromUserName: FromUserName } : {}),
        ...(CreateTime ? { createTime: CreateTime } : {}),
      };
    });
  return { runner, conversation, posts, messages };
}

const URL_BASE = 'http://127.0.0.1:3000/wechat';

describe("callback exchange runner (late replies and WeChat's retries)", () => {
  it('a late text message offers the retries; they post the same MsgId three more times', async () => {
    const { runner, posts, messages } = harness(endpoint(URL_BASE), 6_000);
    const inbound: SimulatedInbound = { kind: 'text', content: 'dedup me' };
    const first = await runner.exchange('dedup me', inbound);
    assert.equal(first.canRetry, true);
    assert.deepEqual(
      first.replies.map((r) => r.kind),
      ['system'],
    );

    const retries = await runner.retry(first.id);
    assert.deepEqual(
      retries.map((view) => view.retry),
      ['Retry 1 of 3, same MsgId', 'Retry 2 of 3, same MsgId', 'Retry 3 of 3, same MsgId'],
    );
    assert.ok(retries.every((view) => !view.canRetry && !view.pending));
    assert.equal(posts.length, 4);
    const seen = messages();
    const msgId = seen[0]?.msgId;
    assert.match(msgId ?? '', /^\d{18}$/);
    assert.deepEqual(
      seen.map((m) => m.msgId),
      [msgId, msgId, msgId, msgId],
    );
    // Each post is signed afresh (WeChat's retries carry a new timestamp and nonce).
    assert.equal(new Set(posts.map((p) => new URL(p.url).searchParams.get('nonce'))).size, 4);

    // The offer is gone once used: a second request sends nothing.
    assert.deepEqual(await runner.retry(first.id), []);
    assert.equal(posts.length, 4);
  });

  it('in safe mode a tapped CLICK is retried with the same FromUserName and CreateTime, re-encrypted each time', async () => {
    const { runner, posts, messages } = harness(endpoint(URL_BASE, 'safe'), 7_000);
    const first = await runner.exchange('Tapped', { kind: 'menu', button: { type: 'click', key: 'V1001' } });
    assert.equal(first.canRetry, true);
    const retries = await runner.retry(first.id);
    // An event has no MsgId: the label names what a server deduplicates it by.
    assert.deepEqual(
      retries.map((view) => view.retry),
      [1, 2, 3].map((n) => `Retry ${n} of 3, same FromUserName and CreateTime`),
    );
    assert.equal(posts.length, 4);
    const seen = messages();
    assert.ok(
      seen.every((m) => m.msgId === undefined),
      'events carry no MsgId',
    );
    assert.deepEqual(new Set(seen.map((m) => `${m.fromUserName}|${m.createTime}`)), new Set([`${OPENID}|${seen[0]?.createTime}`]));
    // 7 s passed between posts, yet CreateTime is the first push's, as in WeChat's retries.
    assert.equal(seen[0]?.createTime, String(Math.floor(Date.UTC(2026, 0, 1) / 1000)));
    assert.equal(new Set(posts.map((p) => p.body)).size, 4, 'every post has its own ciphertext');
  });

  it('a retry is only for a late exchange: one answered in time, or a retry itself, sends nothing', async () => {
    // The page asks by exchange id; the offer's rule is checked here, not trusted from the page.
    const inTime = harness(endpoint(URL_BASE), 1_000);
    const answered = await inTime.runner.exchange('hello', { kind: 'text', content: 'hello' });
    assert.equal(answered.canRetry, false);
    assert.deepEqual(await inTime.runner.retry(answered.id), []);
    assert.equal(inTime.posts.length, 1);

    const late = harness(endpoint(URL_BASE), 6_000);
    const first = await late.runner.exchange('hello', { kind: 'text', content: 'hello' });
    const [retry1] = await late.runner.retry(first.id);
    assert.ok(retry1);
    assert.deepEqual(await late.runner.retry(retry1.id), []);
    assert.equal(late.posts.length, 4);
  });
});
