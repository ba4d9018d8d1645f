// Transport-level faults, end to end: the WeChat client on the real transport against sockets on
// 127.0.0.1 that misbehave. Each must end in a clear message — what happened, what to check —
// with no stack, no raw "fetch failed"/"other side closed", and never the AppSecret, which the
// classic token request carries in its URL.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';

import { formatMessage } from '../../../src/common/localize';
import { WeChatTransportError } from '../../../src/wechat/apiErrors';
import { WeChatClient } from '../../../src/wechat/client';
import { WeChatError } from '../../../src/wechat/errors';
import { ResponseTooLargeError, WeChatNetworkError } from '../../../src/wechat/networkErrors';
import { createTransport, UndiciTransport } from '../../../src/wechat/undiciTransport';
import { hardeningCase } from '../../hardening/ledger';
import { APP_SECRET, CapturingLogger, CREDENTIALS } from '../helpers/fixtures';
import { selfSignedCert, startEchoServer } from '../helpers/localServers';

interface Misbehaving {
  readonly url: string;
  requests: number;
  close(): Promise<void>;
}

/** A local server whose every request is answered by `answer` (which may never answer). */
async function misbehaving(answer: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Misbehaving> {
  const sockets = new Set<net.Socket>();
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    answer(req, res);
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
  );
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}

describe('wechat transport faults (client + real transport, local sockets)', () => {
  let log: CapturingLogger;
  const cleanups: Array<() => Promise<void>> = [];

  beforeEach(() => (log = new CapturingLogger()));
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  /** Fetches a classic token from `baseUrl` and returns the error it fails with. */
  async function failure(baseUrl: string, timeoutMs = 5000): Promise<WeChatError> {
    const transport = createTransport({}, { env: {}, log });
    assert.ok(transport instanceof UndiciTransport);
    cleanups.push(() => transport.close());
    const client = new WeChatClient({ settings: () => ({ baseUrl, timeoutMs }), transport: () => transport, log });
    try {
      await client.classicToken(CREDENTIALS);
    } catch (error) {
      assert.ok(error instanceof WeChatError, `not a WeChatError: ${String(error)}`);
      return error;
    }
    return assert.fail('the request succeeded');
  }

  /** The user's message: clear, no stack, no secret, no raw undici wording; also the log. */
  function assertClear(error: WeChatError, expected: RegExp): void {
    const message = error.describe(formatMessage);
    assert.match(message, expected);
    for (const text of [message, error.message, log.text]) {
      assert.ok(!text.includes(APP_SECRET), `secret in: ${text}`);
    }
    assert.ok(!/\n\s+at /.test(message), `stack in: ${message}`);
    assert.ok(!/fetch failed|other side closed|\bsocket hang up\b/i.test(message), `raw wording in: ${message}`);
  }

  it('connection refused', () =>
    hardeningCase('fault', 'transport: connection refused', async () => {
      const server = await misbehaving(() => undefined);
      const url = server.url;
      await server.close();
      const error = await failure(url);
      assert.ok(error instanceof WeChatNetworkError);
      assert.equal(error.apiPath, '/cgi-bin/token');
      assertClear(
        error,
        /^Could not connect to 127\.0\.0\.1:\d+: the connection was refused \(ECONNREFUSED\)\. Check "wechat\.apiBaseUrl"/,
      );
    }));

  it('DNS failure (a .invalid host)', () =>
    hardeningCase('fault', 'transport: DNS failure', async () => {
      const error = await failure('https://api.wechat.invalid');
      assert.ok(error instanceof WeChatNetworkError);
      assertClear(
        error,
        /^Could not find the server api\.wechat\.invalid \(DNS lookup failed, E[A-Z_]+\)\. Check the host name in "wechat\.apiBaseUrl"/,
      );
    }));

  it("timeout: the server never answers; the client's bound ends the request", () =>
    hardeningCase('fault', 'transport: server never answers', async () => {
      const server = await misbehaving(() => undefined);
      cleanups.push(() => server.close());
      const error = await failure(server.url, 300);
      assert.ok(error instanceof WeChatTransportError && error.failure === 'timeout', String(error));
      assertClear(error, /did not answer within the timeout\. Check your network or proxy, or raise "wechat\.requestTimeoutSeconds"/);
      assert.deepEqual(error.actions, ['timeoutSetting']);
    }));

  it('timeout: the body stalls halfway', () =>
    hardeningCase('fault', 'transport: body stalls', async () => {
      const server = await misbehaving((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"access_token":"');
      });
      cleanups.push(() => server.close());
      const error = await failure(server.url, 300);
      assert.ok(error instanceof WeChatTransportError && error.failure === 'timeout', String(error));
    }));

  it('connection reset mid-body', () =>
    hardeningCase('fault', 'transport: reset mid-body', async () => {
      const server = await misbehaving((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{"access_token":"', () => res.socket?.destroy());
      });
      cleanups.push(() => server.close());
      const error = await failure(server.url);
      assert.ok(error instanceof WeChatNetworkError, String(error));
      assert.equal(error.fault?.fault, 'reset');
      assertClear(error, /^The connection to 127\.0\.0\.1:\d+ was closed before the answer was complete \([A-Z_]+\)\. A proxy or firewall/);
    }));

  it('oversized body: a clear error naming the endpoint and size, asked once (no retry loop)', () =>
    hardeningCase('fault', 'transport: oversized body', async () => {
      const page = `<html>${'x'.repeat(3 * 1024 * 1024)}</html>`;
      const server = await misbehaving((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(page);
      });
      cleanups.push(() => server.close());
      const error = await failure(server.url);
      assert.ok(error instanceof ResponseTooLargeError, String(error));
      assert.equal(error.reaction, 'report');
      assertClear(
        error,
        /^127\.0\.0\.1:\d+\/cgi-bin\/token answered with more than 1024 KB \(at least \d+ bytes\)\. That is not a WeChat answer: a proxy or a captive portal/,
      );
      assert.equal(server.requests, 1);
    }));

  it('TLS certificate rejected', function () {
    const cert = selfSignedCert();
    if (!cert) return this.skip(); // openssl not installed
    return hardeningCase('fault', 'transport: TLS certificate rejected', async () => {
      const server = await startEchoServer(cert);
      cleanups.push(() => server.close());
      const error = await failure(server.url);
      assert.ok(error instanceof WeChatNetworkError);
      assertClear(
        error,
        /^The certificate of 127\.0\.0\.1:\d+ was not accepted \([A-Z_]+\)\. If your network inspects TLS, trust its CA through NODE_EXTRA_CA_CERTS/,
      );
      assert.equal(server.requests.length, 0);
    });
  });
});
