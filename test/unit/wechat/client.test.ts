import * as assert from 'node:assert/strict';
import * as net from 'node:net';

import { WeChatApiError, WeChatTransportError } from '../../../src/wechat/apiErrors';
import { WeChatClient, WeChatClientOptions } from '../../../src/wechat/client';
import { WeChatError } from '../../../src/wechat/errors';
import { HttpRequest, HttpResponse, HttpTransport } from '../../../src/wechat/http';
import { createTransport } from '../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../fake-wechat/server';
import { APP_ID, APP_SECRET, CapturingLogger, CREDENTIALS, errorResponse, tokenResponse } from '../helpers/fixtures';
import { apiErrorOf, rejection } from '../helpers/rejections';

const OTHER_APP = 'wx1111111111111111';
const OTHER_SECRET = '00112233445566778899aabbccddeeff';
const T0 = Date.UTC(2025, 0, 15, 1, 0, 0);

/** Every text an error offers to a log or the user. */
function errorTexts(error: unknown): string[] {
  if (!(error instanceof Error)) return [String(error)];
  const texts = [error.message, String(error), error.stack ?? ''];
  if (error instanceof WeChatError) texts.push(error.describe());
  if (error instanceof WeChatApiError) texts.push(error.meaning(), error.fix());
  return texts;
}

describe('wechat/client against the fake WeChat server (UndiciTransport)', () => {
  let fake: FakeWeChat;
  let now: number;
  let log: CapturingLogger;
  let sleeps: number[];
  let errors: unknown[];
  /** Tokens handed out during a test: none may show up in a log line or an error. */
  let secrets: string[];

  function client(overrides: Partial<WeChatClientOptions> & { timeoutMs?: number; baseUrl?: string } = {}): WeChatClient {
    const { timeoutMs = 5000, baseUrl, ...rest } = overrides;
    return new WeChatClient({
      settings: () => ({ baseUrl: baseUrl ?? fake.url, timeoutMs }),
      transport: () => createTransport({}),
      log,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...rest,
    });
  }

  async function recordedApiError(promise: Promise<unknown>): Promise<WeChatApiError> {
    const error = await apiErrorOf(promise);
    errors.push(error);
    return error;
  }

  async function recordedTransportError(promise: Promise<unknown>): Promise<WeChatTransportError> {
    const error = await rejection(promise, WeChatTransportError);
    errors.push(error);
    return error;
  }

  beforeEach(async () => {
    now = T0;
    log = new CapturingLogger();
    sleeps = [];
    errors = [];
    secrets = [APP_SECRET, OTHER_SECRET];
    fake = await startFakeWeChat({
      accounts: [
        { appId: APP_ID, secret: APP_SECRET },
        { appId: OTHER_APP, secret: OTHER_SECRET, ipWhitelist: ['10.1.2.3'] },
      ],
      now: () => now,
    });
  });

  afterEach(async function () {
    await fake.close();
    // The secret and every token must stay out of every log line and every error text.
    const texts = [...log.lines.map((l) => l.message), ...errors.flatMap(errorTexts)];
    for (const secret of secrets) {
      for (const text of texts) {
        assert.ok(!text.includes(secret), `"${this.currentTest?.title}" leaked a secret/token into: ${text}`);
      }
    }
  });

  describe('token endpoints', () => {
    it('classic token: GET with the credentials in the query, returns the grant', async () => {
      const grant = await client().classicToken(CREDENTIALS);
      secrets.push(grant.accessToken);
      assert.equal(grant.expiresInSeconds, 7200);
      assert.ok(grant.accessToken.length > 100);
      assert.ok(fake.isTokenValid(grant.accessToken));
      const [call] = fake.callsTo('/cgi-bin/token');
      assert.equal(call?.method, 'GET');
      assert.deepEqual(call?.query, { grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET });
    });

    it('every classic fetch issues a new token', async () => {
      const c = client();
      const a = await c.classicToken(CREDENTIALS);
      const b = await c.classicToken(CREDENTIALS);
      secrets.push(a.accessToken, b.accessToken);
      assert.notEqual(a.accessToken, b.accessToken);
    });

    it('stable token: POST JSON body; normal mode returns the same token with the remaining expires_in', async () => {
      const c = client();
      const first = await c.stableToken(CREDENTIALS, false);
      now += 1_000_000;
      const second = await c.stableToken(CREDENTIALS, false);
      secrets.push(first.accessToken);
      assert.equal(first.expiresInSeconds, 7200);
      assert.equal(second.accessToken, first.accessToken);
      assert.equal(second.expiresInSeconds, 6200);
      const calls = fake.callsTo('/cgi-bin/stable_token');
      assert.equal(calls.length, 2);
      assert.equal(calls[0]?.method, 'POST');
      assert.deepEqual(calls[0]?.query, {});
      assert.deepEqual(calls[0]?.body, { grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET, force_refresh: false });
    });

    it('stable token force mode sends force_refresh:true and gets a new token', async () => {
      const c = client();
      const first = await c.stableToken(CREDENTIALS, false);
      now += 60_000;
      const forced = await c.stableToken(CREDENTIALS, true);
      secrets.push(first.accessToken, forced.accessToken);
      assert.notEqual(forced.accessToken, first.accessToken);
      assert.equal((fake.callsTo('/cgi-bin/stable_token')[1]?.body as { force_refresh: unknown }).force_refresh, true);
      assert.ok(!fake.isTokenValid(first.accessToken));
    });

    it('logs requests with the secret redacted but the AppID visible', async () => {
      const grant = await client().stableToken(CREDENTIALS, false);
      secrets.push(grant.accessToken);
      await client()
        .classicToken(CREDENTIALS)
        .then((g) => secrets.push(g.accessToken));
      const text = log.text;
      assert.match(text, /POST http:\/\/127\.0\.0\.1:\d+\/cgi-bin\/stable_token/);
      assert.match(text, /"secret":"\*\*\*"/);
      assert.match(text, /secret=\*\*\*/);
      assert.ok(text.includes(APP_ID));
    });
  });

  describe('generic call', () => {
    it('sends the access_token in the query and returns the parsed body', async () => {
      const c = client();
      const { accessToken } = await c.stableToken(CREDENTIALS, false);
      secrets.push(accessToken);
      const body = await c.call<{ quota: { daily_limit: number; used: number } }>('/cgi-bin/openapi/quota/get', {
        accessToken,
        body: { cgi_path: '/cgi-bin/token' },
      });
      assert.equal(body.quota.daily_limit, 2000);
      const [call] = fake.callsTo('/cgi-bin/openapi/quota/get');
      assert.equal(call?.method, 'POST');
      assert.equal(call?.query['access_token'], accessToken);
      assert.ok(!log.text.includes(accessToken));
      assert.match(log.text, /access_token=\*\*\*/);
    });

    it('41001 when no access_token is sent', async () => {
      const error = await recordedApiError(client().call('/cgi-bin/menu/get'));
      assert.equal(error.errcode, 41001);
      assert.equal(error.reaction, 'report');
    });
  });

  describe('errcodes become WeChatApiError with rid, meaning and fix', () => {
    function assertCommon(error: WeChatApiError, errcode: number, path: string): void {
      assert.equal(error.errcode, errcode);
      assert.equal(error.apiPath, path);
      assert.match(error.rid ?? '', /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/, `rid of ${error.errmsg}`);
      assert.ok(error.describe().includes(`rid ${error.rid}`));
      assert.ok(error.describe().includes(`errcode ${errcode}`));
    }

    it('40125 wrong AppSecret (classic and stable) → re-enter the secret', async () => {
      const wrong = { appId: APP_ID, appSecret: 'ffffffffffffffffffffffffffffffff' };
      secrets.push(wrong.appSecret);
      for (const error of [
        await recordedApiError(client().classicToken(wrong)),
        await recordedApiError(client().stableToken(wrong, false)),
      ]) {
        assert.equal(error.meaning(), 'Invalid AppSecret.');
        assert.match(error.fix(), /WeChat: Set AppSecret/);
        assert.equal(error.reaction, 'report');
      }
      const [classic, stable] = errors as WeChatApiError[];
      assertCommon(classic!, 40125, '/cgi-bin/token');
      assertCommon(stable!, 40125, '/cgi-bin/stable_token');
    });

    it('40013 unknown AppID → check wechat.appId', async () => {
      const error = await recordedApiError(client().stableToken({ appId: 'wxdeadbeefdeadbeef', appSecret: APP_SECRET }, false));
      assertCommon(error, 40013, '/cgi-bin/stable_token');
      assert.equal(error.meaning(), 'Invalid AppID.');
      assert.match(error.fix(), /wechat\.appId/);
    });

    it('40164 caller IP not whitelisted → the IP is in the message and the fix', async () => {
      fake.setCallerIp('203.0.113.45');
      const error = await recordedApiError(client().stableToken({ appId: OTHER_APP, appSecret: OTHER_SECRET }, false));
      assertCommon(error, 40164, '/cgi-bin/stable_token');
      assert.equal(error.callerIp, '203.0.113.45');
      assert.match(error.meaning(), /IP address \(?203\.0\.113\.45\)? is not in the account's IP whitelist\./);
      assert.match(error.fix(), /Add .*203\.0\.113\.45.* in the MP console: .*IP whitelist/);
      assert.match(error.describe(), /203\.0\.113\.45/);
      // Allowed once the IP is whitelisted.
      fake.setCallerIp('10.1.2.3');
      const grant = await client().stableToken({ appId: OTHER_APP, appSecret: OTHER_SECRET }, false);
      secrets.push(grant.accessToken);
    });

    it('41002 AppID missing / 41004 AppSecret missing → set them', async () => {
      const noAppId = await recordedApiError(client().stableToken({ appId: '', appSecret: APP_SECRET }, false));
      assertCommon(noAppId, 41002, '/cgi-bin/stable_token');
      assert.equal(noAppId.meaning(), 'The AppID is missing.');
      assert.match(noAppId.fix(), /Set Up Account/);
      const noSecret = await recordedApiError(client().classicToken({ appId: APP_ID, appSecret: '' }));
      assertCommon(noSecret, 41004, '/cgi-bin/token');
      assert.equal(noSecret.meaning(), 'The AppSecret is missing.');
      assert.match(noSecret.fix(), /Set AppSecret/);
    });

    it('45009 classic daily quota reached → wait or clear, suggest stable mode', async () => {
      await fake.close();
      fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET, classicDailyLimit: 2 }], now: () => now });
      const c = client();
      secrets.push((await c.classicToken(CREDENTIALS)).accessToken, (await c.classicToken(CREDENTIALS)).accessToken);
      const error = await recordedApiError(c.classicToken(CREDENTIALS));
      assertCommon(error, 45009, '/cgi-bin/token');
      assert.equal(error.meaning(), 'The daily API quota has been reached.');
      assert.match(error.fix(), /wechat\.tokenMode/);
      assert.equal(error.reaction, 'report');
    });

    it('40001 on a token-protected call with a token that is not the latest', async () => {
      const c = client();
      const old = await c.classicToken(CREDENTIALS);
      const latest = await c.classicToken(CREDENTIALS);
      secrets.push(old.accessToken, latest.accessToken);
      now += 301_000; // the overlap of the superseded classic token is over
      const error = await recordedApiError(
        c.call('/cgi-bin/openapi/quota/get', { accessToken: old.accessToken, body: { cgi_path: '/cgi-bin/token' } }),
      );
      assertCommon(error, 40001, '/cgi-bin/openapi/quota/get');
      assert.equal(error.reaction, 'refreshToken');
      assert.match(error.meaning(), /Invalid credential/);
      await c.call('/cgi-bin/openapi/quota/get', { accessToken: latest.accessToken, body: { cgi_path: '/cgi-bin/token' } });
    });

    it('42001 on a token-protected call once the token expired', async () => {
      const c = client();
      const grant = await c.stableToken(CREDENTIALS, false);
      secrets.push(grant.accessToken);
      now += 7_200_000;
      const error = await recordedApiError(c.call('/cgi-bin/menu/get', { accessToken: grant.accessToken }));
      assertCommon(error, 42001, '/cgi-bin/menu/get');
      assert.equal(error.reaction, 'refreshToken');
      assert.equal(error.meaning(), 'The access_token has expired.');
      assert.match(error.fix(), /Refresh the access token/);
    });

    it('-1 (busy) is retried with a doubling back-off, then succeeds', async () => {
      fake.injectFault({ kind: 'busy', times: 2, paths: ['/cgi-bin/stable_token'] });
      const grant = await client().stableToken(CREDENTIALS, false);
      secrets.push(grant.accessToken);
      assert.equal(fake.callsTo('/cgi-bin/stable_token').length, 3);
      assert.deepEqual(sleeps, [500, 1000]);
      assert.equal(log.lines.filter((l) => l.level === 'warn' && /busy/.test(l.message)).length, 2);
    });

    it('-1 (busy) retries are bounded: the last -1 propagates as WeChatApiError', async () => {
      fake.injectFault({ kind: 'busy', times: 10 });
      const error = await recordedApiError(client({ busyRetries: 3, busyBackoffMs: 100 }).stableToken(CREDENTIALS, false));
      assertCommon(error, -1, '/cgi-bin/stable_token');
      assert.equal(error.reaction, 'retry');
      assert.equal(error.meaning(), 'WeChat is busy.');
      assert.equal(fake.callsTo('/cgi-bin/stable_token').length, 4);
      assert.deepEqual(sleeps, [100, 200, 400]);
    });

    it('-1 with the default settings: 3 attempts in all', async () => {
      fake.injectFault({ kind: 'busy', times: 3 });
      await recordedApiError(client().classicToken(CREDENTIALS));
      assert.equal(fake.callsTo('/cgi-bin/token').length, 3);
    });

    it('no other errcode is retried', async () => {
      await recordedApiError(client().stableToken({ appId: APP_ID, appSecret: 'wrong-secret-0000' }, false));
      assert.equal(fake.callsTo('/cgi-bin/stable_token').length, 1);
      assert.deepEqual(sleeps, []);
    });
  });

  describe('transport failures become WeChatTransportError', () => {
    it('timeout: a slow answer beyond timeoutMs', async () => {
      fake.injectFault({ kind: 'slow', delayMs: 5_000 });
      const error = await recordedTransportError(client({ timeoutMs: 50 }).classicToken(CREDENTIALS));
      assert.equal(error.failure, 'timeout');
      assert.equal(error.apiPath, '/cgi-bin/token');
      assert.match(error.describe(), /wechat\.requestTimeoutSeconds/);
    });

    it('cancelled: the caller aborts', async () => {
      fake.injectFault({ kind: 'slow', delayMs: 5_000 });
      const controller = new AbortController();
      const arrived = fake.nextCall();
      const pending = client().stableToken(CREDENTIALS, false, { signal: controller.signal });
      await arrived; // in flight: the fake holds its answer for 5 s
      controller.abort();
      const error = await recordedTransportError(pending);
      assert.equal(error.failure, 'cancelled');
    });

    it('http: HTTP 500 with an HTML body, not retried', async () => {
      fake.injectFault({ kind: 'http500' });
      const error = await recordedTransportError(client().stableToken(CREDENTIALS, false));
      assert.equal(error.failure, 'http');
      assert.equal(error.httpStatus, 500);
      assert.match(error.describe(), /HTTP 500/);
      assert.equal(fake.callsTo('/cgi-bin/stable_token').length, 1);
    });

    it('notJson: HTTP 200 with an HTML page (a captive portal or gateway)', async () => {
      fake.injectFault({ kind: 'nonJson' });
      const error = await recordedTransportError(client().classicToken(CREDENTIALS));
      assert.equal(error.failure, 'notJson');
      assert.equal(error.httpStatus, 200);
      assert.match(error.detail, /text\/html/);
      assert.match(error.describe(), /not JSON/);
    });

    it('network: connection refused', async () => {
      const port = await closedPort();
      const error = await recordedTransportError(client({ baseUrl: `http://127.0.0.1:${port}` }).classicToken(CREDENTIALS));
      assert.equal(error.failure, 'network');
      assert.match(error.detail, /ECONNREFUSED/);
      assert.match(error.describe(), /ECONNREFUSED/);
    });

    it('an unknown path: 404 with a JSON errcode is an API error', async () => {
      const error = await recordedApiError(client().call('/cgi-bin/no/such/api'));
      assert.notEqual(error.errcode, 0);
    });
  });
});

describe('wechat/client with a scripted transport', () => {
  class ScriptedTransport implements HttpTransport {
    readonly requests: HttpRequest[] = [];
    constructor(private readonly replies: Array<HttpResponse | Error>) {}
    async request(request: HttpRequest): Promise<HttpResponse> {
      this.requests.push(request);
      const reply = this.replies.shift();
      if (!reply) throw new Error('no reply scripted');
      if (reply instanceof Error) throw reply;
      return reply;
    }
  }

  const json = (body: unknown, status = 200): HttpResponse => ({ status, contentType: 'application/json', body: JSON.stringify(body) });

  function clientWith(transport: () => HttpTransport | Promise<HttpTransport>, log = new CapturingLogger()): WeChatClient {
    return new WeChatClient({
      settings: () => ({ baseUrl: 'https://api.weixin.qq.com', timeoutMs: 1000 }),
      transport,
      log,
      sleep: async () => undefined,
    });
  }

  it('loads the transport lazily, once, on the first request', async () => {
    let loads = 0;
    const transport = new ScriptedTransport([json(tokenResponse('tok-1')), json(tokenResponse('tok-1', 7000))]);
    const c = clientWith(() => {
      loads++;
      return transport;
    });
    assert.equal(loads, 0);
    await c.stableToken(CREDENTIALS, false);
    await c.stableToken(CREDENTIALS, false);
    assert.equal(loads, 1);
    assert.equal(transport.requests[0]?.url, 'https://api.weixin.qq.com/cgi-bin/stable_token');
    assert.equal(transport.requests[0]?.headers?.['content-type'], 'application/json');
    assert.ok(transport.requests[0]?.signal instanceof AbortSignal);
  });

  it('after resetTransport(), a late failure of the old transport does not clear the new one', async () => {
    let loads = 0;
    let failOld: (error: Error) => void = () => undefined;
    let oldLoading: () => void = () => undefined;
    const firstLoad = new Promise<void>((resolve) => (oldLoading = resolve));
    const c = clientWith(() => {
      loads++;
      if (loads === 1) {
        oldLoading();
        return new Promise<HttpTransport>((_resolve, reject) => (failOld = reject));
      }
      return new ScriptedTransport([json(tokenResponse('tok-new')), json(tokenResponse('tok-new', 7000))]);
    });
    const first = c.stableToken(CREDENTIALS, false);
    await firstLoad; // the first call waits for the old transport
    c.resetTransport();
    assert.equal((await c.stableToken(CREDENTIALS, false)).accessToken, 'tok-new');
    failOld(new Error('old proxy settings: cannot connect'));
    await assert.rejects(first, /old proxy settings/);
    // The new transport is still the one in use: no third load.
    assert.equal((await c.stableToken(CREDENTIALS, false)).accessToken, 'tok-new');
    assert.equal(loads, 2);
  });

  it('an absurd expires_in (1e400 → Infinity, negative, beyond a day) is refused, not cached', async () => {
    for (const raw of ['1e400', '-5', '0', '864000']) {
      const c = clientWith(
        () =>
          new ScriptedTransport([{ status: 200, contentType: 'application/json', body: `{"access_token":"tok-x","expires_in":${raw}}` }]),
      );
      const error = await rejection(c.stableToken(CREDENTIALS, false), WeChatTransportError);
      assert.equal(error.failure, 'badAnswer', raw);
      assert.match(error.detail, /expires_in/, raw);
      // Not "not JSON": it was JSON, without a usable token.
      assert.match(error.describe(), /no usable access token \(expires_in: .*\)\. Nothing was stored/, raw);
    }
    const ok = clientWith(
      () => new ScriptedTransport([{ status: 200, contentType: 'application/json', body: '{"access_token":"tok-y","expires_in":7200}' }]),
    );
    assert.equal((await ok.stableToken(CREDENTIALS, false)).expiresInSeconds, 7200);
  });

  it('a transport that fails to load is loaded again on the next request', async () => {
    let loads = 0;
    const c = clientWith(async () => {
      loads++;
      if (loads === 1) throw new Error('cannot find module dist/transport.js');
      return new ScriptedTransport([json(tokenResponse())]);
    });
    await assert.rejects(c.classicToken(CREDENTIALS), /cannot find module/);
    await c.classicToken(CREDENTIALS);
    assert.equal(loads, 2);
  });

  it('a success body without a usable access_token/expires_in is rejected as badAnswer, naming the shape, never the value', async () => {
    const huge = 'A'.repeat(5000);
    for (const body of [
      { errcode: 0, errmsg: 'ok' },
      { access_token: '', expires_in: 7200 },
      { access_token: 'x', expires_in: 0 },
      { access_token: 'x', expires_in: '7200' },
      { access_token: huge, expires_in: 7200 },
    ]) {
      const error = await rejection(
        clientWith(() => new ScriptedTransport([json(body)])).stableToken(CREDENTIALS, false),
        WeChatTransportError,
      );
      assert.equal(error.failure, 'badAnswer');
      assert.ok(!error.describe().includes(huge.slice(0, 50)));
    }
  });

  it('a JSON array or scalar is not a WeChat answer', async () => {
    for (const text of ['[1,2]', '"ok"', 'null', '']) {
      const transport = new ScriptedTransport([{ status: 200, contentType: 'application/json', body: text }]);
      const error = await rejection(clientWith(() => transport).call('/x'), WeChatTransportError);
      assert.equal(error.failure, 'notJson');
    }
  });

  it('errcode wins over the HTTP status; a 4xx without errcode is an http failure', async () => {
    const api = await rejection(
      clientWith(() => new ScriptedTransport([json(errorResponse(45011, 'api minute-quota reach limit'), 503)])).call('/x'),
      WeChatApiError,
    );
    assert.equal(api.errcode, 45011);
    const http = await rejection(
      clientWith(() => new ScriptedTransport([json({ message: 'forbidden' }, 403)])).call('/x'),
      WeChatTransportError,
    );
    assert.equal(http.failure, 'http');
    assert.equal(http.httpStatus, 403);
  });

  it('errcode 0 is a success', async () => {
    const body = await clientWith(() => new ScriptedTransport([json({ errcode: 0, errmsg: 'ok', menuid: 1 })])).call<{ menuid: number }>(
      '/x',
      { body: {} },
    );
    assert.equal(body.menuid, 1);
  });

  it('method defaults: GET without a body, POST with one; query values are encoded', async () => {
    const transport = new ScriptedTransport([json({ errcode: 0 }), json({ errcode: 0 })]);
    const c = clientWith(() => transport);
    await c.call('/a', { query: { q: 'a b&c' } });
    await c.call('/b', { body: { x: 1 } });
    assert.equal(transport.requests[0]?.method, 'GET');
    assert.equal(transport.requests[0]?.url, 'https://api.weixin.qq.com/a?q=a+b%26c');
    assert.equal(transport.requests[0]?.body, undefined);
    assert.equal(transport.requests[1]?.method, 'POST');
    assert.equal(transport.requests[1]?.body, '{"x":1}');
  });

  it('a network error carrying a URL with the secret is redacted', async () => {
    const cause = Object.assign(new Error(`connect to https://api.weixin.qq.com/cgi-bin/token?secret=${APP_SECRET} failed`), {});
    const failure = Object.assign(new TypeError('fetch failed'), { cause });
    const log = new CapturingLogger();
    const error = await rejection(clientWith(() => new ScriptedTransport([failure]), log).classicToken(CREDENTIALS), WeChatTransportError);
    assert.equal(error.failure, 'network');
    for (const text of [...errorTexts(error), log.text]) assert.ok(!text.includes(APP_SECRET), text);
  });

  it('a non-JSON body is logged redacted and truncated', async () => {
    const log = new CapturingLogger();
    const page = `<html>{"access_token":"${'z'.repeat(20)}"}${'x'.repeat(500)}</html>`;
    await rejection(
      clientWith(() => new ScriptedTransport([{ status: 200, contentType: 'text/html', body: page }]), log).call('/x'),
      WeChatTransportError,
    );
    const line = log.lines.find((l) => l.message.startsWith('non-JSON body'));
    assert.ok(line, log.text);
    assert.ok(!line.message.includes('z'.repeat(20)));
    assert.ok(line.message.length < 260);
  });
});

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
