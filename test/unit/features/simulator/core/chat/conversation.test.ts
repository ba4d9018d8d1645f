// The chat's view model: each exchange as the phone draws it, the late reply's retry offer, the
// core's problem templates localised, and the Token and EncodingAESKey never in anything shown —
// also when a server echoes them.
import * as assert from 'node:assert/strict';

import { formatMessage, type Localize } from '../../../../../../src/common/localize';
import { chatStrings } from '../../../../../../src/features/simulator/core/chat/chatTexts';
import { Conversation } from '../../../../../../src/features/simulator/core/chat/conversation';
import { rawExchangeText } from '../../../../../../src/features/simulator/core/chat/rawText';
import type { SimulatedReply, SimulationProblem, SimulationResult } from '../../../../../../src/features/simulator/core/types';
import { LabelledSecret, scanForSecrets } from '../../../../../hardening/secretForms';

const TOKEN = 'Tok3nSecret42';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
/** Looked for in every form (literal, URL-encoded, JSON-escaped, base64): test/hardening/secretForms.ts. */
const SECRETS: LabelledSecret[] = [
  { label: 'callback Token', value: TOKEN },
  { label: 'EncodingAESKey', value: AES_KEY },
];

function result(reply: SimulatedReply, problems: SimulationProblem[] = [], responseBody = ''): SimulationResult {
  return {
    sent: { msgId: '1234567890123456', createTime: 1700000000, xml: '<xml><MsgType><![CDATA[event]]></MsgType></xml>' },
    reply,
    problems,
    elapsedMs: 42,
    exchange: {
      requestUrl: 'http://127.0.0.1:3000/wechat?signature=abc&timestamp=1700000000&nonce=123&openid=oX',
      requestXml: '<xml><MsgType><![CDATA[event]]></MsgType></xml>',
      postedBody: '<xml><Encrypt><![CDATA[AAAA]]></Encrypt></xml>',
      status: 200,
      responseBody,
      decryptedReplyXml: '<xml><Content><![CDATA[hi]]></Content></xml>',
    },
  };
}

describe('callback conversation (the chat view model)', () => {
  const make = (t: Localize = formatMessage): Conversation => new Conversation(t, () => [TOKEN, AES_KEY]);

  it('an exchange: pending first, then the reply bubble with its elapsed time and raw XML', () => {
    const chat = make();
    const record = chat.start('Tapped "今日歌曲" · CLICK V1001', { kind: 'menu', button: { type: 'click', key: 'V1001' } });
    const pending = chat.exchangeView(record);
    assert.equal(pending.pending, true);
    assert.equal(pending.hasRaw, false);
    record.result = result({ kind: 'text', content: '你点了今日歌曲' });
    const done = chat.exchangeView(record);
    assert.deepEqual(
      { pending: done.pending, replies: done.replies, elapsed: done.elapsed, hasRaw: done.hasRaw, canRetry: done.canRetry },
      {
        pending: false,
        replies: [{ kind: 'text', segments: [{ text: '你点了今日歌曲' }] }],
        elapsed: '42 ms',
        hasRaw: true,
        canRetry: false,
      },
    );
    assert.match(done.ariaLabel, /You: Tapped "今日歌曲" · CLICK V1001.*Reply: 你点了今日歌曲/);
  });

  it("a late reply offers WeChat's retries once, and a retry says which one it is", () => {
    const chat = make();
    const first = chat.start('hello', { kind: 'text', content: 'hello' });
    first.result = result({ kind: 'none', why: 'late' });
    assert.equal(chat.exchangeView(first).canRetry, true);
    assert.equal(chat.sentOf(first.id)?.msgId, '1234567890123456');
    first.retried = true;
    assert.equal(chat.exchangeView(first).canRetry, false);
    const retry = chat.start('hello', { kind: 'text', content: 'hello' }, 2);
    retry.result = result({ kind: 'none', why: 'late' });
    const view = chat.exchangeView(retry);
    assert.equal(view.retry, 'Retry 2 of 3, same MsgId');
    assert.equal(view.canRetry, false);
  });

  it("problems are the core's templates, localised with their arguments", () => {
    const upper: Localize = (message, ...args) => formatMessage(`«${message}»`, ...args);
    const chat = make(upper);
    const record = chat.start('x', { kind: 'text', content: 'x' });
    record.result = result({ kind: 'none', why: 'failed' }, [
      { code: 'httpStatus', message: 'The server answered HTTP {0}.', fix: 'Answer 200.', args: [500] },
    ]);
    assert.deepEqual(chat.exchangeView(record).problems, [{ message: '«The server answered HTTP 500.»', fix: '«Answer 200.»' }]);
  });

  it('[leak] the Token and EncodingAESKey never show: not in replies, problems, status or raw XML, even when the server echoes them', () => {
    const chat = make();
    const record = chat.start(`typed ${TOKEN}`, { kind: 'text', content: TOKEN });
    record.result = result(
      { kind: 'text', content: `your token is ${TOKEN} and key ${AES_KEY}` },
      [{ code: 'invalidXml', message: 'The reply is not valid XML: {0}.', fix: 'Fix it.', args: [`near ${AES_KEY}`] }],
      `<xml>${TOKEN}</xml>`,
    );
    const view = chat.view(true, `status ${TOKEN}`, chatStrings(formatMessage));
    const raw = rawExchangeText(record.result.exchange, formatMessage, (text) => chat.scrub(text));
    const shown = JSON.stringify(view) + raw;
    assert.deepEqual(scanForSecrets('simulator chat view and raw XML', shown, SECRETS), []);
    assert.match(shown, /your token is \*\*\* and key \*\*\*/);
    assert.match(raw, /Request: POST http:\/\/127\.0\.0\.1:3000\/wechat\?signature=abc/);
    assert.match(raw, /The body posted \(encrypted envelope\)/);
    assert.match(raw, /The reply, decrypted -->\n<xml><Content>/);
  });

  it('the links the page may open are those of replies shown', () => {
    const chat = make();
    const record = chat.start('x', { kind: 'text', content: 'x' });
    record.result = result({ kind: 'text', content: '<a href="https://example.com/a">a</a> javascript:alert(1)' });
    assert.deepEqual([...chat.links()], ['https://example.com/a']);
  });

  it('[leak] a link carrying the Token or EncodingAESKey shows as text with the secret blanked, and is not opened', () => {
    const chat = make();
    const record = chat.start('x', { kind: 'text', content: 'x' });
    record.result = result({
      kind: 'text',
      content: `see https://example.com/t?token=${TOKEN} or <a href="https://example.com/k/${AES_KEY}">here</a>`,
    });
    const news = chat.start('y', { kind: 'text', content: 'y' });
    news.result = result({
      kind: 'news',
      articles: [{ title: 'T', description: '', picUrl: '', url: `https://example.com/?k=${AES_KEY}` }],
    });
    const shown = JSON.stringify(chat.view(true, '', chatStrings(formatMessage)));
    assert.deepEqual(scanForSecrets('simulator chat links', shown, SECRETS), []);
    assert.match(shown, /https:\/\/example\.com\/t\?token=\*\*\*/);
    assert.deepEqual([...chat.links()], []);
  });

  it('[leak] a Token changed in Set Up Callback stays blanked in the exchanges that echoed the old one', () => {
    const chat = new Conversation(formatMessage);
    chat.remember('OldToken123', undefined, '');
    const record = chat.start('x', { kind: 'text', content: 'x' });
    record.result = result({ kind: 'text', content: 'your token is OldToken123' }, [], '<xml>OldToken123</xml>');
    chat.remember('NewToken456');
    const shown =
      JSON.stringify(chat.view(true, 'status NewToken456', chatStrings(formatMessage))) +
      rawExchangeText(record.result.exchange, formatMessage, (text) => chat.scrub(text));
    const tokens = ['OldToken123', 'NewToken456'].map((value) => ({ label: 'callback Token', value }));
    assert.deepEqual(scanForSecrets('simulator chat after a Token change', shown, tokens), []);
    assert.match(shown, /your token is \*\*\*/);
  });
});
