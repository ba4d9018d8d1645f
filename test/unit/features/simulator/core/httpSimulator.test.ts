// The simulator's own rules with a scripted transport and a hand-driven clock: timing (late,
// timeout), retries, what a refused push is blamed on, and that no secret reaches the exchange.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';

import { urlSignature } from '../../../../../src/features/simulator/core/crypto/signature';
import { HttpCallbackSimulator } from '../../../../../src/features/simulator/core/httpSimulator';
import { CallbackEndpoint } from '../../../../../src/features/simulator/core/types';
import { HttpRequest, HttpResponse, HttpTransport } from '../../../../../src/wechat/http';
import { createTransport } from '../../../../../src/wechat/undiciTransport';
import { scanForSecrets } from '../../../../hardening/secretForms';
import { FakeClock } from '../../../helpers/fakeClock';
import { ACCOUNT, countingRandom, endpoint, OPENID, SAMPLE } from './helpers';

type Script = (request: HttpRequest) => Promise<HttpResponse>;

class ScriptedTransport implements HttpTransport {
  readonly requests: HttpRequest[] = [];
  constructor(public script: Script) {}
  request(request: HttpRequest): Promise<HttpResponse> {
    this.requests.push(request);
    return this.script(request);
  }
}

const ok = (body: string, status = 200): HttpResponse => ({ status, contentType: 'text/xml', body });
const textReply = (content: string): string =>
  `<xml><ToUserName><![CDATA[${OPENID}]]></ToUserName><FromUserName><![CDATA[${ACCOUNT}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content></xml>`;
const CLICK = { kind: 'menu', button: { type: 'click', key: 'K' } } as const;
const URL_BASE = 'http://127.0.0.1:3000/wechat?tenant=a';

function setup(
  script: Script,
  ep: CallbackEndpoint = endpoint(URL_BASE),
): { clock: FakeClock; transport: ScriptedTransport; simulator: HttpCallbackSimulator } {
  const clock = new FakeClock(Date.UTC(2026, 0, 1));
  const transport = new ScriptedTransport(script);
  return { clock, transport, simulator: new HttpCallbackSimulator(ep, transport, { clock, random: countingRandom(), timeoutMs: 15_000 }) };
}

describe('callback/httpSimulator', () => {
  it('posts text/xml to the URL with signature, timestamp, nonce and openid, keeping its own query', async () => {
    const { transport, simulator, clock } = setup(async () => ok(textReply('hi')));
    const result = await simulator.send({ inbound: CLICK, openId: OPENID });
    assert.deepEqual(result.reply, { kind: 'text', content: 'hi' });
    const [request] = transport.requests;
    assert.equal(request!.method, 'POST');
    assert.deepEqual(request!.headers, { 'Content-Type': 'text/xml' });
    const url = new URL(request!.url);
    assert.equal(url.searchParams.get('tenant'), 'a');
    const timestamp = String(Math.floor(clock.now() / 1000));
    assert.equal(url.searchParams.get('timestamp'), timestamp);
    assert.equal(url.searchParams.get('signature'), urlSignature(SAMPLE.token, timestamp, url.searchParams.get('nonce')!));
    assert.equal(url.searchParams.get('openid'), OPENID);
    assert.equal(result.sent.createTime, Number(timestamp));
    assert.equal(result.exchange.requestUrl, request!.url);
    assert.equal(result.exchange.postedBody, request!.body);
  });

  it('a reply after 5 s counts as none, with the retry explained', async () => {
    const { clock, simulator } = setup(async () => {
      clock.advance(5_001);
      return ok(textReply('too late'));
    });
    const result = await simulator.send({ inbound: { kind: 'text', content: 'x' }, openId: OPENID });
    assert.deepEqual(result.reply, { kind: 'none', why: 'late' });
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.args]),
      [['late', [5_001]]],
    );
    assert.equal(result.elapsedMs, 5_001);
    assert.match(result.problems[0]!.fix, /3 times with the same MsgId/);
  });

  it('exactly 5 s is still in time', async () => {
    const { clock, simulator } = setup(async () => {
      clock.advance(5_000);
      return ok('success');
    });
    assert.deepEqual((await simulator.send({ inbound: CLICK, openId: OPENID })).reply, { kind: 'none', why: 'success' });
  });

  it('aborts at the timeout and reports it', async () => {
    const { clock, simulator } = setup(
      (request) =>
        new Promise((_resolve, reject) => {
          request.signal!.addEventListener('abort', () => reject(request.signal!.reason));
        }),
    );
    const pending = simulator.send({ inbound: CLICK, openId: OPENID });
    await Promise.resolve();
    clock.advance(15_000);
    const result = await pending;
    assert.deepEqual(result.reply, { kind: 'none', why: 'late' });
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.args]),
      [['timeout', [15]]],
    );
    assert.equal(clock.pendingTimers, 0);
  });

  it("the caller's cancellation rejects instead of producing a result", async () => {
    const { simulator } = setup(
      (request) =>
        new Promise((_resolve, reject) => {
          request.signal!.addEventListener('abort', () => reject(request.signal!.reason));
        }),
    );
    const controller = new AbortController();
    const pending = simulator.send({ inbound: CLICK, openId: OPENID }, controller.signal);
    controller.abort(new Error('cancelled by the user'));
    await assert.rejects(pending, /cancelled by the user/);
  });

  it('a retry sends the same message with a fresh signature', async () => {
    const { clock, transport, simulator } = setup(async () => ok('success'));
    const first = await simulator.send({ inbound: { kind: 'text', content: 'dedup me' }, openId: OPENID });
    clock.advance(5_000);
    const retry = await simulator.send({ inbound: { kind: 'text', content: 'dedup me' }, openId: OPENID, retryOf: first.sent });
    assert.deepEqual(retry.sent, first.sent);
    assert.equal(transport.requests[1]!.body, transport.requests[0]!.body);
    assert.notEqual(
      new URL(transport.requests[1]!.url).searchParams.get('timestamp'),
      new URL(transport.requests[0]!.url).searchParams.get('timestamp'),
    );
    assert.match(first.sent.xml, new RegExp(`<MsgId>${first.sent.msgId}</MsgId>`));
  });

  it('a late event is retried with the same FromUserName and CreateTime, though the clock moved on', async () => {
    const { clock, transport, simulator } = setup(async () => {
      clock.advance(6_000);
      return ok(textReply('late'));
    });
    const first = await simulator.send({ inbound: CLICK, openId: OPENID });
    assert.deepEqual(first.reply, { kind: 'none', why: 'late' });
    assert.equal(first.sent.msgId, undefined);
    const retries = [];
    for (let n = 0; n < 3; n++) retries.push(await simulator.send({ inbound: CLICK, openId: OPENID, retryOf: first.sent }));
    const stamped = `<FromUserName><![CDATA[${OPENID}]]></FromUserName><CreateTime>${first.sent.createTime}</CreateTime>`;
    assert.equal(transport.requests.length, 4);
    for (const request of transport.requests) assert.ok(request.body!.includes(stamped), 'same FromUserName + CreateTime');
    assert.ok(
      transport.requests.every((request) => !/<MsgId>/.test(request.body!)),
      'events carry no MsgId',
    );
    // Four posts 6 s apart: each signed with its own timestamp.
    assert.equal(new Set(transport.requests.map((r) => new URL(r.url).searchParams.get('timestamp'))).size, 4);
    assert.ok(retries.every((r) => r.sent === first.sent));
  });

  it('a non-200 the URL check accepts is blamed on the key in safe mode, on nothing in plaintext', async () => {
    const script: Script = async (request) =>
      request.method === 'GET' ? ok(new URL(request.url).searchParams.get('echostr')!) : ok('boom', 500);
    const safe = setup(script, endpoint(URL_BASE, 'safe'));
    const result = await safe.simulator.send({ inbound: CLICK, openId: OPENID });
    assert.deepEqual(
      result.problems.map((p) => [p.code, p.args]),
      [['rejectedEncrypted', [500, SAMPLE.appId, 'safe']]],
    );
    assert.equal(result.exchange.status, 500);
    const plain = setup(script);
    assert.deepEqual(
      (await plain.simulator.send({ inbound: CLICK, openId: OPENID })).problems.map((p) => [p.code, p.args]),
      [['httpStatus', [500]]],
    );
  });

  it('a push and URL check both refused point at the Token', async () => {
    const { simulator } = setup(async () => ok('Invalid signature', 401));
    assert.deepEqual(
      (await simulator.send({ inbound: CLICK, openId: OPENID })).problems.map((p) => p.code),
      ['rejectedToken'],
    );
  });

  it('a 3xx is reported as a status without a probe', async () => {
    const { simulator, transport } = setup(async () => ok('', 302));
    assert.deepEqual(
      (await simulator.send({ inbound: CLICK, openId: OPENID })).problems.map((p) => [p.code, p.args]),
      [['httpStatus', [302]]],
    );
    assert.equal(transport.requests.length, 1);
  });

  it('refuses to send with a missing key, a malformed Token or a plain-http remote URL', async () => {
    const cases: Array<[CallbackEndpoint, string[]]> = [
      [endpoint(URL_BASE, 'safe', { encodingAesKey: undefined }), ['missingAesKey']],
      [endpoint(URL_BASE, 'compatible', { encodingAesKey: 'short' }), ['invalidAesKey']],
      [endpoint(URL_BASE, 'plaintext', { token: 'a b' }), ['invalidToken']],
      [endpoint('http://example.com/wechat'), ['insecureUrl']],
      [endpoint('ftp://127.0.0.1/x'), ['invalidUrl']],
      [endpoint('not a url'), ['invalidUrl']],
    ];
    for (const [ep, expected] of cases) {
      const { simulator, transport } = setup(async () => ok('success'), ep);
      const result = await simulator.send({ inbound: CLICK, openId: OPENID });
      assert.deepEqual(
        result.problems.map((p) => p.code),
        expected,
        ep.url,
      );
      assert.deepEqual(result.reply, { kind: 'none', why: 'failed' });
      assert.equal(transport.requests.length, 0);
      // The URL check needs no key: it goes out (and fails on 'success'); the others stop before sending.
      const check = await simulator.verifyUrl();
      const needsOnlyKey = expected[0] === 'missingAesKey' || expected[0] === 'invalidAesKey';
      assert.equal(transport.requests.length, needsOnlyKey ? 1 : 0, ep.url);
      if (!needsOnlyKey)
        assert.deepEqual(
          check.problems.map((p) => p.code),
          expected,
        );
    }
  });

  it('[leak] the exchange never holds the Token or the EncodingAESKey', async () => {
    for (const mode of ['plaintext', 'compatible', 'safe'] as const) {
      const { simulator } = setup(
        async (request) => (request.method === 'GET' ? ok('nope', 403) : ok(textReply('x'))),
        endpoint(URL_BASE, mode),
      );
      const result = await simulator.send({ inbound: { kind: 'text', content: 'hello' }, openId: OPENID });
      const check = await simulator.verifyUrl();
      const text = JSON.stringify([result, check]);
      const secrets = [
        { label: 'callback Token', value: SAMPLE.token },
        { label: 'EncodingAESKey', value: SAMPLE.encodingAesKey },
      ];
      assert.deepEqual(scanForSecrets(`callback exchange (${mode})`, text, secrets), []);
    }
  });

  describe('verifyUrl', () => {
    it('passes only an exact echo of echostr', async () => {
      const { simulator, transport } = setup(async (request) => ok(new URL(request.url).searchParams.get('echostr')!));
      const result = await simulator.verifyUrl();
      assert.deepEqual(result.problems, []);
      assert.equal(result.ok, true);
      const url = new URL(transport.requests[0]!.url);
      assert.equal(transport.requests[0]!.method, 'GET');
      assert.equal(
        url.searchParams.get('signature'),
        urlSignature(SAMPLE.token, url.searchParams.get('timestamp')!, url.searchParams.get('nonce')!),
      );
      assert.match(url.searchParams.get('echostr')!, /^\d{19}$/);
    });

    it('says why the console would refuse the URL', async () => {
      const cases: Array<[Script, string, unknown[]]> = [
        [async () => ok('', 200), 'handshakeNoEcho', []],
        [async (r) => ok(`${new URL(r.url).searchParams.get('echostr')}\n`), 'handshakeWrongEcho', []],
        [async () => ok('{"ok":true}'), 'handshakeWrongEcho', ['"{\\"ok\\":true}"']],
        [async () => ok('Invalid signature', 401), 'handshakeRejected', [401]],
        [async () => ok('Forbidden', 403), 'handshakeRejected', [403]],
        [async () => ok('Not found', 404), 'httpStatus', [404]],
      ];
      for (const [script, code, args] of cases) {
        const result = await setup(script).simulator.verifyUrl();
        assert.equal(result.ok, false);
        assert.equal(result.problems[0]!.code, code);
        if (args.length > 0) assert.deepEqual(result.problems[0]!.args, args);
      }
    });

    it('cuts a long wrong answer short', async () => {
      const result = await setup(async () => ok('x'.repeat(500))).simulator.verifyUrl();
      assert.equal(String(result.problems[0]!.args[0]).length, 80 + 3);
      assert.equal(result.responseBody.length, 500);
    });
  });

  describe('over the network', () => {
    const transport = createTransport({});

    it('a closed port is reported as refused', async () => {
      const server = http.createServer();
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const simulator = new HttpCallbackSimulator(endpoint(`http://127.0.0.1:${port}/wechat`), transport);
      const sent = await simulator.send({ inbound: CLICK, openId: OPENID });
      assert.deepEqual(
        sent.problems.map((p) => [p.code, p.args]),
        [['refused', [`127.0.0.1:${port}`]]],
      );
      assert.deepEqual(sent.reply, { kind: 'none', why: 'failed' });
      const check = await simulator.verifyUrl();
      assert.deepEqual(
        check.problems.map((p) => p.code),
        ['refused'],
      );
    });

    it('a server that never answers times out', async () => {
      const server = http.createServer(() => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const port = (server.address() as AddressInfo).port;
        const simulator = new HttpCallbackSimulator(endpoint(`http://127.0.0.1:${port}/wechat`), transport, { timeoutMs: 200 });
        const check = await simulator.verifyUrl();
        assert.deepEqual(
          check.problems.map((p) => [p.code, p.args]),
          [['handshakeTimeout', [0.2]]],
        );
        // The push's advice (answer "success", reply through the customer-service API) does not apply to the GET.
        assert.match(check.problems[0]!.fix, /echostr/);
        assert.doesNotMatch(check.problems[0]!.fix, /success|customer-service/);
      } finally {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    });
  });
});
