// TokenServiceSource when no answer comes: timeouts, network and TLS failures, cancellation,
// disposal, and settings that cannot work.
import * as assert from 'node:assert/strict';

import { TokenServiceSource, TokenServiceSourceOptions } from '../../../../../src/token/sources/tokenService/tokenServiceSource';
import { HttpTransport } from '../../../../../src/wechat/http';
import { ResponseTooLargeError } from '../../../../../src/wechat/networkErrors';
import { APP_ID } from '../../../helpers/fixtures';
import { selfSignedCert, startEchoServer } from '../../../helpers/localServers';
import { holdTimeoutSignals } from '../../../helpers/timeoutSignals';
import { closedPort } from './fixtureServer';
import { CREDENTIAL, TOKEN, useTokenService } from './harness';

describe('token/sources/tokenService: TokenServiceSource without an answer (fixture service, UndiciTransport)', () => {
  const h = useTokenService();

  describe('no answer', () => {
    it('a slow service → timeout after timeoutMs (bounded)', async () => {
      // The source's AbortSignal.timeout is held by the test: it ends when the test says the 200 ms
      // are over, not on a wall clock, so the failure is the timeout's and nothing else's.
      const timeouts = holdTimeoutSignals();
      try {
        const arrived = h.fixture.nextRequest();
        let settled = false;
        const reading = h.source('/slow', { timeoutMs: () => 200 }).read(APP_ID);
        reading.then(
          () => (settled = true),
          () => (settled = true),
        );
        await arrived;
        assert.deepEqual(timeouts.requested, [200], 'one timeout of timeoutMs, armed for the request');
        assert.equal(settled, false, 'not over before the timeout ends: the service holds its answer for 5 s');
        timeouts.expire();
        const error = await h.failure(reading, 'timeout', h.urlOf('/slow'));
        assert.equal(error.detail, 'no answer within 200 ms');
        assert.equal(error.reaction, 'wait');
      } finally {
        timeouts.restore();
      }
    });

    it('a timeout setting out of range is bounded instead of throwing (NaN → the 15 s default, 1 ms → 100 ms)', async function () {
      this.timeout(4000);
      assert.equal((await h.source('/plain', { timeoutMs: () => Number.NaN }).read(APP_ID)).accessToken, TOKEN);
      const error = await h.failure(h.source('/slow', { timeoutMs: () => 1 }).read(APP_ID), 'timeout', h.urlOf('/slow'));
      assert.equal(error.detail, 'no answer within 100 ms');
    });

    it('a refused connection → unreachable (ECONNREFUSED)', async () => {
      const origin = `http://127.0.0.1:${await closedPort()}`;
      const error = await h.failure(h.source('', { url: () => `${origin}/t` }).read(APP_ID), 'unreachable', `${origin}/t?appid=${APP_ID}`);
      assert.equal(error.detail, 'ECONNREFUSED');
    });

    it('a certificate the transport does not trust → tls', async function () {
      const cert = selfSignedCert();
      if (!cert) this.skip();
      const server = await startEchoServer(cert);
      try {
        const error = await h.failure(
          h.source('', { url: () => `${server.url}/t` }).read(APP_ID),
          'tls',
          `${server.url}/t?appid=${APP_ID}`,
        );
        assert.match(error.detail, /CERT|SELF_SIGNED|TLS|SSL/);
        assert.equal(server.requests.length, 0);
      } finally {
        await server.close();
      }
    });
  });

  describe('an answer far too large to be a token', () => {
    it('a portal page over 1 MB → ResponseTooLargeError naming the service, read once', async () => {
      h.fixture.route('/portal', { contentType: 'text/html', body: `<html>${'x'.repeat(2 * 1024 * 1024)}</html>` });
      const error = await h
        .source('/portal')
        .read(APP_ID)
        .then(
          () => assert.fail('the read succeeded'),
          (failure: unknown) => failure,
        );
      assert.ok(error instanceof ResponseTooLargeError, String(error));
      h.shown.push(error.message, error.describe());
      assert.match(error.describe(), /^127\.0\.0\.1:\d+\/portal answered with more than 1024 KB .*not a WeChat answer/);
      assert.equal(h.fixture.requests.length, 1);
    });
  });

  describe('network failures reported by the transport', () => {
    /** A transport that fails like undici does: a TypeError whose cause carries the code. */
    const failingWith =
      (cause: unknown): (() => Promise<HttpTransport>) =>
      async () => ({
        request: async () => {
          throw Object.assign(new TypeError('fetch failed'), { cause });
        },
      });
    const where = 'https://token.example.invalid/t?appid=' + APP_ID;
    const remote = (overrides: Partial<TokenServiceSourceOptions>): TokenServiceSource =>
      h.source('', { url: () => 'https://token.example.invalid/t', ...overrides });

    it('ENOTFOUND and EAI_AGAIN → dns', async () => {
      for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
        const cause = Object.assign(new Error(`getaddrinfo ${code} token.example.invalid`), { code });
        assert.equal((await h.failure(remote({ transport: failingWith(cause) }).read(APP_ID), 'dns', where)).detail, code);
      }
    });

    it('a code inside an AggregateError (several addresses tried) is found', async () => {
      const refused = (address: string): Error => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
      const cause = new AggregateError([refused('::1:443'), refused('127.0.0.1:443')], 'all failed');
      assert.equal((await h.failure(remote({ transport: failingWith(cause) }).read(APP_ID), 'unreachable', where)).detail, 'ECONNREFUSED');
    });

    it('an unknown error → unreachable with its message, redacted', async () => {
      const cause = new Error(`socket hang up after sending Bearer ${CREDENTIAL}`);
      const error = await h.failure(remote({ transport: failingWith(cause) }).read(APP_ID), 'unreachable', where);
      assert.match(error.detail, /^socket hang up after sending Bearer \*\*\*\(\d+\)$/);
    });
  });

  describe('cancellation and disposal', () => {
    it("the caller's abort rejects as a cancellation, not a TeamSourceError", async () => {
      const controller = new AbortController();
      const arrived = h.fixture.nextRequest();
      const reading = h.source('/slow').read(APP_ID, { signal: controller.signal });
      await arrived; // in flight: the service holds its answer
      controller.abort();
      await h.cancellation(reading);
    });

    it('an already aborted signal sends nothing', async () => {
      await h.cancellation(h.source('/plain').read(APP_ID, { signal: AbortSignal.abort() }));
      assert.equal(h.fixture.requests.length, 0);
    });

    it('dispose() aborts a read in flight', async () => {
      const svc = h.source('/slow');
      const arrived = h.fixture.nextRequest();
      const reading = svc.read(APP_ID);
      await arrived; // in flight: the service holds its answer
      await svc.dispose();
      await h.cancellation(reading);
    });
  });

  describe('settings that cannot work', () => {
    it('no URL → misconfigured before any request; describe() names the setting', async () => {
      const svc = h.source('', { url: () => undefined });
      await h.failure(svc.read(APP_ID), 'misconfigured', 'wechat.tokenService.url');
      assert.equal(svc.describe(APP_ID), 'wechat.tokenService.url');
    });

    it('a password in the URL → misconfigured, never echoed by read() or describe()', async () => {
      const svc = h.source('', { url: () => `http://user:${CREDENTIAL}@127.0.0.1:1/t` });
      await h.failure(svc.read(APP_ID), 'misconfigured', 'http://127.0.0.1:1/t');
      h.shown.push(svc.describe(APP_ID));
      assert.equal(svc.describe(APP_ID), 'http://127.0.0.1:1/t');
    });

    it('a stored credential with a line break → misconfigured, nothing sent', async () => {
      const svc = h.source('/plain', { credential: async () => `${CREDENTIAL}\r\nX-Injected: 1` });
      const error = await h.failure(svc.read(APP_ID), 'misconfigured', h.urlOf('/plain'));
      assert.match(error.detail, /line break/);
      assert.equal(h.fixture.requests.length, 0);
    });
  });
});
