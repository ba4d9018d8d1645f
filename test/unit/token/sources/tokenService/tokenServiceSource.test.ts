import * as assert from 'node:assert/strict';
import { TeamSourceError, TeamSourceFailure } from '../../../../../src/token/sources/teamSourceError';
import { TokenServiceSource, TokenServiceSourceOptions } from '../../../../../src/token/sources/tokenService/tokenServiceSource';
import { WeChatTransportError } from '../../../../../src/wechat/errors';
import { HttpTransport } from '../../../../../src/wechat/http';
import { createTransport } from '../../../../../src/wechat/undiciTransport';
import { FakeClock, DEFAULT_START } from '../../../helpers/fakeClock';
import { APP_ID, CapturingLogger, errorResponse, tokenString } from '../../../helpers/fixtures';
import { selfSignedCert, startEchoServer } from '../../../helpers/localServers';
import { closedPort, FixtureRequest, startTokenServiceFixture, TokenServiceFixture } from './fixtureServer';

const TOKEN = tokenString('svc');
const CREDENTIAL = 'tsvc_bearer_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const LOGIN_PAGE = '<!doctype html><html><head><title>SSO login</title></head><body><form>…</form></body></html>';

describe('token/sources/tokenService: TokenServiceSource against a local token service (UndiciTransport)', () => {
  let fixture: TokenServiceFixture;
  let clock: FakeClock;
  let log: CapturingLogger;
  let transport: HttpTransport;
  /** Every text an error or describe() produced in the test: none may hold the token or the credential. */
  let shown: string[];

  function source(path: string, overrides: Partial<TokenServiceSourceOptions> = {}): TokenServiceSource {
    return new TokenServiceSource({
      url: () => `${fixture.origin}${path}`,
      credential: async () => CREDENTIAL,
      transport: async () => transport,
      clock,
      timeoutMs: () => 3000,
      log,
      ...overrides,
    });
  }

  /** The URL the source requests for APP_ID, as errors must name it. */
  const urlOf = (path: string): string => `${fixture.origin}${path}?appid=${APP_ID}`;

  async function failure(promise: Promise<unknown>, expected: TeamSourceFailure, where: string): Promise<TeamSourceError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof TeamSourceError, `expected a TeamSourceError, got ${String(error)}`);
      shown.push(error.message, error.describe(), error.stack ?? '');
      assert.equal(error.failure, expected, error.message);
      assert.equal(error.source, 'url');
      assert.equal(error.where, where);
      assert.ok(error.message.includes(where), error.message);
      // The table's dns, tls and misconfigured texts name the setting instead of the URL.
      if (!['dns', 'tls', 'misconfigured'].includes(expected)) assert.ok(error.describe().includes(where), error.describe());
      return error;
    }
    assert.fail(`expected a '${expected}' failure, but the read succeeded`);
  }

  async function cancellation(promise: Promise<unknown>): Promise<void> {
    await assert.rejects(promise, (error: unknown) => error instanceof WeChatTransportError && error.failure === 'cancelled');
  }

  before(() => {
    transport = createTransport({});
  });

  beforeEach(async () => {
    clock = new FakeClock(DEFAULT_START);
    log = new CapturingLogger();
    shown = [];
    fixture = await startTokenServiceFixture({
      '/plain': { body: { access_token: TOKEN, expires_in: 7200 } },
      '/wrapped': { body: { code: 0, msg: 'ok', data: { access_token: TOKEN, expires_in: 7000 } } },
      '/expires-at-s': () => ({ body: { access_token: TOKEN, expires_at: DEFAULT_START / 1000 + 3600 } }),
      '/expires-at-ms': () => ({ body: { access_token: TOKEN, expires_at: DEFAULT_START + 1_800_000 } }),
      '/no-expiry': { body: { access_token: TOKEN } },
      '/401': { status: 401, body: { message: 'unauthorized' } },
      '/403': { status: 403, contentType: 'text/plain', body: 'Forbidden' },
      '/500-errcode': { status: 500, body: errorResponse(-1, 'system error') },
      '/500-html': { status: 500, contentType: 'text/html', body: '<html><body>Internal Server Error</body></html>' },
      '/login-page': { status: 200, contentType: 'text/html; charset=utf-8', body: LOGIN_PAGE },
      '/redirect': { status: 302, contentType: 'text/html', body: '' },
      '/no-token': { body: { ok: true, result: 'cached', ttl: 7200 } },
      '/wechat-error': { body: errorResponse(40013, 'invalid appid') },
      '/wrapped-error': { status: 200, body: { code: 5001, msg: 'upstream WeChat call failed' } },
      '/echoing-error': { status: 500, body: { errcode: 1, errmsg: `bad header Bearer ${CREDENTIAL}, last token ${TOKEN}` } },
      '/bad-lifetime': { body: { access_token: TOKEN, expires_in: 7_200_000 } },
      '/bad-token': { body: { access_token: 12345, expires_in: 7200 } },
      '/slow': { body: { access_token: TOKEN, expires_in: 7200 }, delayMs: 5000 },
      '/checked': (request: FixtureRequest) => {
        if (request.headers.authorization !== `Bearer ${CREDENTIAL}`) return { status: 401, body: { errcode: 401, errmsg: 'bad credential' } };
        if (request.query.get('appid') !== APP_ID) return { status: 400, body: { errcode: 400, errmsg: 'unknown appid' } };
        return { body: { access_token: TOKEN, expires_in: 7200 } };
      },
    });
  });

  afterEach(async () => {
    await fixture.close();
    const all = [...shown, log.text].join('\n');
    assert.ok(!all.includes(TOKEN), `the token leaked:\n${all}`);
    assert.ok(!all.includes(CREDENTIAL), `the credential leaked:\n${all}`);
  });

  describe('answers with a token', () => {
    it('plain {access_token, expires_in}: expiry counted from the moment the request was sent', async () => {
      const token = await source('/plain').read(APP_ID);
      assert.deepEqual(token, { accessToken: TOKEN, expiresAt: DEFAULT_START + 7_200_000, format: 'JSON {access_token, expires_in}' });
    });

    it('wrapped {code: 0, data: {…}}', async () => {
      const token = await source('/wrapped').read(APP_ID);
      assert.deepEqual(token, { accessToken: TOKEN, expiresAt: DEFAULT_START + 7_000_000, format: 'wrapped {code, data: {access_token, expires_in}}' });
    });

    it('expires_at in seconds or in milliseconds', async () => {
      assert.equal((await source('/expires-at-s').read(APP_ID)).expiresAt, DEFAULT_START + 3_600_000);
      const ms = await source('/expires-at-ms').read(APP_ID);
      assert.equal(ms.expiresAt, DEFAULT_START + 1_800_000);
      assert.equal(ms.format, 'JSON {access_token, expires_at}');
    });

    it('without any expiry: expiresAt undefined (shown as "expiry unknown")', async () => {
      const token = await source('/no-expiry').read(APP_ID);
      assert.deepEqual(token, { accessToken: TOKEN, expiresAt: undefined, format: 'JSON {access_token}' });
      assert.match(log.text, /expiry unknown/);
    });

    it('sends the bearer credential and the appid, and asks for JSON', async () => {
      const svc = source('/checked');
      assert.equal((await svc.read(APP_ID)).accessToken, TOKEN);
      const [request] = fixture.requests;
      assert.equal(request!.headers.authorization, `Bearer ${CREDENTIAL}`);
      assert.equal(request!.headers.accept, 'application/json');
      assert.equal(request!.query.get('appid'), APP_ID);
      assert.equal(svc.describe(APP_ID), urlOf('/checked'));
      shown.push(svc.describe(APP_ID));
      assert.match(log.text, /with bearer credential/);
    });

    it('fills {appid} into the path and appends nothing', async () => {
      fixture.route(`/wx/${APP_ID}/token`, { body: { access_token: TOKEN, expires_in: 7200 } });
      const svc = source('/wx/{appid}/token');
      assert.equal((await svc.read(APP_ID)).accessToken, TOKEN);
      assert.equal(fixture.requests[0]!.query.size, 0);
      assert.equal(svc.describe(APP_ID), `${fixture.origin}/wx/${APP_ID}/token`);
    });

    it('sends no Authorization header without a credential (and a blank one counts as none)', async () => {
      for (const credential of [undefined, '  ']) {
        await source('/plain', { credential: async () => credential }).read(APP_ID);
      }
      assert.deepEqual(fixture.requests.map((r) => r.headers.authorization), [undefined, undefined]);
    });

    it('reads the URL setting on every request', async () => {
      let path = '/plain';
      const svc = source('', { url: () => `${fixture.origin}${path}` });
      await svc.read(APP_ID);
      path = '/wrapped';
      assert.match((await svc.read(APP_ID)).format ?? '', /^wrapped/);
      assert.deepEqual(fixture.requests.map((r) => r.path), ['/plain', '/wrapped']);
    });
  });

  describe('answers without a usable token', () => {
    it('a wrong credential → auth (the checked route answers 401)', async () => {
      const error = await failure(source('/checked', { credential: async () => 'another-credential-000000' }).read(APP_ID), 'auth', urlOf('/checked'));
      assert.equal(error.detail, 'HTTP 401, errcode 401 errmsg bad credential');
      assert.deepEqual(error.actions, ['setTokenServiceCredential']);
    });

    it('401 and 403 → auth', async () => {
      assert.equal((await failure(source('/401').read(APP_ID), 'auth', urlOf('/401'))).detail, 'HTTP 401, message unauthorized');
      assert.equal((await failure(source('/403').read(APP_ID), 'auth', urlOf('/403'))).detail, 'HTTP 403');
    });

    it('500 with a JSON errcode → httpStatus, the errcode in the detail', async () => {
      const error = await failure(source('/500-errcode').read(APP_ID), 'httpStatus', urlOf('/500-errcode'));
      assert.match(error.detail, /^500 \(errcode -1 errmsg system error rid: [0-9a-f-]+\)$/);
      assert.match(error.describe(), /with HTTP 500 \(errcode -1/);
    });

    it('500 with an HTML page → httpStatus with the bare status', async () => {
      assert.equal((await failure(source('/500-html').read(APP_ID), 'httpStatus', urlOf('/500-html'))).detail, '500');
    });

    it('200 with an HTML login page → notJson, naming the content type', async () => {
      const error = await failure(source('/login-page').read(APP_ID), 'notJson', urlOf('/login-page'));
      assert.equal(error.detail, 'HTTP 200, content type text/html; charset=utf-8');
      assert.ok(!log.text.includes('SSO login'), 'the body is not logged');
    });

    it('a redirect (to SSO) → notJson, not followed', async () => {
      assert.match((await failure(source('/redirect').read(APP_ID), 'notJson', urlOf('/redirect'))).detail, /HTTP 302, a redirect \(not followed\)/);
      assert.equal(fixture.requests.length, 1);
    });

    it('JSON without access_token → noToken listing the keys, never the values', async () => {
      const error = await failure(source('/no-token').read(APP_ID), 'noToken', urlOf('/no-token'));
      assert.equal(error.detail, 'keys seen: ok, result, ttl');
      assert.ok(!error.describe().includes('cached'));
    });

    it("WeChat's error shape → noToken with errcode and errmsg (rid kept)", async () => {
      const error = await failure(source('/wechat-error').read(APP_ID), 'noToken', urlOf('/wechat-error'));
      assert.match(error.detail, /^errcode 40013 errmsg invalid appid rid: [0-9a-f-]+$/);
    });

    it('a wrapped answer with a failing code → noToken with code and message', async () => {
      const error = await failure(source('/wrapped-error').read(APP_ID), 'noToken', urlOf('/wrapped-error'));
      assert.equal(error.detail, 'code 5001 message upstream WeChat call failed');
    });

    it('an errmsg that echoes the credential and a token is redacted', async () => {
      const error = await failure(source('/echoing-error').read(APP_ID), 'httpStatus', urlOf('/echoing-error'));
      assert.match(error.detail, /^500 \(errcode 1 errmsg bad header Bearer \*\*\*\(\d+\), last token \*\*\*\(150\)\)$/);
    });

    it('an implausible lifetime or a token that is not a string → noToken with a detail', async () => {
      assert.match((await failure(source('/bad-lifetime').read(APP_ID), 'noToken', urlOf('/bad-lifetime'))).detail, /^expires_in 7200000 is not a lifetime between 1 and 172800 seconds$/);
      assert.equal((await failure(source('/bad-token').read(APP_ID), 'noToken', urlOf('/bad-token'))).detail, 'access_token is number, not a string');
    });
  });

  describe('no answer', () => {
    it('a slow service → timeout after timeoutMs (bounded)', async function () {
      this.timeout(4000);
      const started = Date.now();
      const error = await failure(source('/slow', { timeoutMs: () => 200 }).read(APP_ID), 'timeout', urlOf('/slow'));
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 150 && elapsed < 2000, `${elapsed} ms`);
      assert.equal(error.detail, 'no answer within 200 ms');
      assert.equal(error.reaction, 'wait');
    });

    it('a refused connection → unreachable (ECONNREFUSED)', async () => {
      const origin = `http://127.0.0.1:${await closedPort()}`;
      const error = await failure(source('', { url: () => `${origin}/t` }).read(APP_ID), 'unreachable', `${origin}/t?appid=${APP_ID}`);
      assert.equal(error.detail, 'ECONNREFUSED');
    });

    it('a certificate the transport does not trust → tls', async function () {
      const cert = selfSignedCert();
      if (!cert) this.skip();
      const server = await startEchoServer(cert);
      try {
        const error = await failure(source('', { url: () => `${server.url}/t` }).read(APP_ID), 'tls', `${server.url}/t?appid=${APP_ID}`);
        assert.match(error.detail, /CERT|SELF_SIGNED|TLS|SSL/);
        assert.equal(server.requests.length, 0);
      } finally {
        await server.close();
      }
    });
  });

  describe('network failures reported by the transport', () => {
    /** A transport that fails like undici does: a TypeError whose cause carries the code. */
    const failingWith = (cause: unknown): (() => Promise<HttpTransport>) => async () => ({
      request: async () => {
        throw Object.assign(new TypeError('fetch failed'), { cause });
      },
    });
    const where = 'https://token.example.invalid/t?appid=' + APP_ID;
    const remote = (overrides: Partial<TokenServiceSourceOptions>): TokenServiceSource =>
      source('', { url: () => 'https://token.example.invalid/t', ...overrides });

    it('ENOTFOUND and EAI_AGAIN → dns', async () => {
      for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
        const cause = Object.assign(new Error(`getaddrinfo ${code} token.example.invalid`), { code });
        assert.equal((await failure(remote({ transport: failingWith(cause) }).read(APP_ID), 'dns', where)).detail, code);
      }
    });

    it('a code inside an AggregateError (several addresses tried) is found', async () => {
      const refused = (address: string): Error => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
      const cause = new AggregateError([refused('::1:443'), refused('127.0.0.1:443')], 'all failed');
      assert.equal((await failure(remote({ transport: failingWith(cause) }).read(APP_ID), 'unreachable', where)).detail, 'ECONNREFUSED');
    });

    it('an unknown error → unreachable with its message, redacted', async () => {
      const cause = new Error(`socket hang up after sending Bearer ${CREDENTIAL}`);
      const error = await failure(remote({ transport: failingWith(cause) }).read(APP_ID), 'unreachable', where);
      assert.match(error.detail, /^socket hang up after sending Bearer \*\*\*\(\d+\)$/);
    });
  });

  describe('cancellation and disposal', () => {
    it("the caller's abort rejects as a cancellation, not a TeamSourceError", async () => {
      const controller = new AbortController();
      const reading = source('/slow').read(APP_ID, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await cancellation(reading);
    });

    it('an already aborted signal sends nothing', async () => {
      await cancellation(source('/plain').read(APP_ID, { signal: AbortSignal.abort() }));
      assert.equal(fixture.requests.length, 0);
    });

    it('dispose() aborts a read in flight', async () => {
      const svc = source('/slow');
      const reading = svc.read(APP_ID);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await svc.dispose();
      await cancellation(reading);
    });
  });

  describe('settings that cannot work', () => {
    it('no URL → misconfigured before any request; describe() names the setting', async () => {
      const svc = source('', { url: () => undefined });
      await failure(svc.read(APP_ID), 'misconfigured', 'wechat.tokenService.url');
      assert.equal(svc.describe(APP_ID), 'wechat.tokenService.url');
    });

    it('a password in the URL → misconfigured, never echoed by read() or describe()', async () => {
      const svc = source('', { url: () => `http://user:${CREDENTIAL}@127.0.0.1:1/t` });
      await failure(svc.read(APP_ID), 'misconfigured', 'http://127.0.0.1:1/t');
      shown.push(svc.describe(APP_ID));
      assert.equal(svc.describe(APP_ID), 'http://127.0.0.1:1/t');
    });

    it('a stored credential with a line break → misconfigured, nothing sent', async () => {
      const svc = source('/plain', { credential: async () => `${CREDENTIAL}\r\nX-Injected: 1` });
      const error = await failure(svc.read(APP_ID), 'misconfigured', urlOf('/plain'));
      assert.match(error.detail, /line break/);
      assert.equal(fixture.requests.length, 0);
    });
  });
});
