// One harness for the TokenServiceSource tests: a fixture service with every route the tests use,
// the real UndiciTransport, a fake clock for exact expiry figures, and a check after every test
// that neither the token nor the bearer credential reached an error text, a log line or describe().
import * as assert from 'node:assert/strict';

import { TeamSourceError, TeamSourceFailure } from '../../../../../src/token/sources/teamSourceError';
import { TokenServiceSource, TokenServiceSourceOptions } from '../../../../../src/token/sources/tokenService/tokenServiceSource';
import { WeChatTransportError } from '../../../../../src/wechat/apiErrors';
import { HttpTransport } from '../../../../../src/wechat/http';
import { createTransport } from '../../../../../src/wechat/undiciTransport';
import { DEFAULT_START, FakeClock } from '../../../helpers/fakeClock';
import { APP_ID, CapturingLogger, errorResponse, tokenString } from '../../../helpers/fixtures';
import { FixtureRequest, startTokenServiceFixture, TokenServiceFixture } from './fixtureServer';

export const TOKEN = tokenString('svc');
export const CREDENTIAL = 'tsvc_bearer_9f8e7d6c5b4a39281706f5e4d3c2b1a0';
const LOGIN_PAGE = '<!doctype html><html><head><title>SSO login</title></head><body><form>…</form></body></html>';

function routes(): Parameters<typeof startTokenServiceFixture>[0] {
  return {
    '/plain': { body: { access_token: TOKEN, expires_in: 7200 } },
    '/wrapped': { body: { code: 0, msg: 'ok', data: { access_token: TOKEN, expires_in: 7000 } } },
    '/expires-at-s': { body: { access_token: TOKEN, expires_at: DEFAULT_START / 1000 + 3600 } },
    '/expires-at-ms': { body: { access_token: TOKEN, expires_at: DEFAULT_START + 1_800_000 } },
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
    // Far beyond every timeout the tests set; close() cancels the pending answer.
    '/slow': { body: { access_token: TOKEN, expires_in: 7200 }, delayMs: 5000 },
    '/checked': (request: FixtureRequest) => {
      if (request.headers.authorization !== `Bearer ${CREDENTIAL}`)
        return { status: 401, body: { errcode: 401, errmsg: 'bad credential' } };
      if (request.query.get('appid') !== APP_ID) return { status: 400, body: { errcode: 400, errmsg: 'unknown appid' } };
      return { body: { access_token: TOKEN, expires_in: 7200 } };
    },
  };
}

export interface Harness {
  readonly fixture: TokenServiceFixture;
  readonly log: CapturingLogger;
  /** Texts the test produced (errors, describe()): checked for leaks after the test. */
  readonly shown: string[];
  /** A source reading `path` of the fixture; overrides replace any injected collaborator. */
  source(path: string, overrides?: Partial<TokenServiceSourceOptions>): TokenServiceSource;
  /** The URL the source requests for APP_ID, as errors must name it. */
  urlOf(path: string): string;
  /** Expects a TeamSourceError of `expected` naming `where`; returns it. */
  failure(promise: Promise<unknown>, expected: TeamSourceFailure, where: string): Promise<TeamSourceError>;
  /** Expects the cancellation the scheduler recognises (as WeChatClient reports it). */
  cancellation(promise: Promise<unknown>): Promise<void>;
}

/** Registers the hooks in the calling describe() and returns the harness for its tests. */
export function useTokenService(): Harness {
  let fixture: TokenServiceFixture | undefined;
  let log = new CapturingLogger();
  let clock = new FakeClock(DEFAULT_START);
  let transport: HttpTransport | undefined;
  const shown: string[] = [];

  before(() => {
    transport = createTransport({});
  });
  beforeEach(async () => {
    clock = new FakeClock(DEFAULT_START);
    log = new CapturingLogger();
    shown.length = 0;
    fixture = await startTokenServiceFixture(routes());
  });
  afterEach(async () => {
    await fixture?.close();
    const all = [...shown, log.text].join('\n');
    assert.ok(!all.includes(TOKEN), `the token leaked:\n${all}`);
    assert.ok(!all.includes(CREDENTIAL), `the credential leaked:\n${all}`);
  });

  return {
    get fixture() {
      return fixture!;
    },
    get log() {
      return log;
    },
    shown,
    source: (path, overrides = {}) =>
      new TokenServiceSource({
        url: () => `${fixture!.origin}${path}`,
        credential: async () => CREDENTIAL,
        transport: async () => transport!,
        clock,
        timeoutMs: () => 3000,
        log,
        ...overrides,
      }),
    urlOf: (path) => `${fixture!.origin}${path}?appid=${APP_ID}`,
    async failure(promise, expected, where) {
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
    },
    async cancellation(promise) {
      await assert.rejects(promise, (error: unknown) => error instanceof WeChatTransportError && error.failure === 'cancelled');
    },
  };
}
