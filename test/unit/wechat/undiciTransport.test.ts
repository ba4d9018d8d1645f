// The real transport against real sockets on 127.0.0.1: an echo server (http or https with a
// throw-away self-signed certificate) and a real proxy (TooTallNate's `proxy`). The environment
// is injected, never taken from process.env. Host names under `.wechat.invalid` resolve nowhere:
// a request to one succeeds only through the proxy (which maps them to 127.0.0.1), and fails DNS
// when it goes direct — so each test shows which way the request went.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ProxySettings } from '../../../src/wechat/http';
import { ResponseTooLargeError, WeChatNetworkError } from '../../../src/wechat/networkErrors';
import { createTransport, MAX_RESPONSE_BYTES, UndiciTransport } from '../../../src/wechat/undiciTransport';
import { CapturingLogger } from '../helpers/fixtures';
import { EchoServer, selfSignedCert, startEchoServer } from '../helpers/localServers';
import { RealProxy, startRealProxy } from '../helpers/realProxy';

type Env = Record<string, string | undefined>;

describe('wechat/undiciTransport', () => {
  const transports: UndiciTransport[] = [];
  const closers: Array<() => Promise<void>> = [];
  let log: CapturingLogger;

  function transport(settings: ProxySettings = {}, env: Env = {}): UndiciTransport {
    const created = createTransport(settings, { env, log });
    assert.ok(created instanceof UndiciTransport);
    transports.push(created);
    return created;
  }

  async function networkError(promise: Promise<unknown>): Promise<WeChatNetworkError> {
    try {
      await promise;
    } catch (error) {
      assert.ok(error instanceof WeChatNetworkError, `expected a WeChatNetworkError, got ${String(error)}`);
      return error;
    }
    return assert.fail('the request succeeded');
  }

  async function echo(tls?: { key: string; cert: string }): Promise<EchoServer> {
    const server = await startEchoServer(tls);
    closers.push(() => server.close());
    return server;
  }

  async function proxy(options?: Parameters<typeof startRealProxy>[0]): Promise<RealProxy> {
    const started = await startRealProxy(options);
    closers.push(() => started.close());
    return started;
  }

  beforeEach(() => (log = new CapturingLogger()));
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((t) => t.close()));
    await Promise.all(closers.splice(0).map((close) => close()));
  });

  describe('over plain http', () => {
    it('GET: status, content type and body text', async () => {
      const server = await echo();
      const res = await transport().request({ method: 'GET', url: `${server.url}/cgi-bin/x?a=1` });
      assert.equal(res.status, 200);
      assert.equal(res.contentType, 'application/json; charset=utf-8');
      assert.deepEqual(JSON.parse(res.body), { method: 'GET', url: '/cgi-bin/x?a=1', body: '', contentType: null });
    });

    it('POST: sends the body and the headers', async () => {
      const server = await echo();
      const res = await transport().request({
        method: 'POST',
        url: `${server.url}/cgi-bin/stable_token`,
        body: '{"a":"中文"}',
        headers: { 'content-type': 'application/json' },
      });
      assert.deepEqual(JSON.parse(res.body), {
        method: 'POST',
        url: '/cgi-bin/stable_token',
        body: '{"a":"中文"}',
        contentType: 'application/json',
      });
    });

    it('an HTTP error status is returned, not thrown', async () => {
      const server = await echo();
      assert.equal((await transport().request({ method: 'GET', url: `${server.url}/status/503` })).status, 503);
    });

    it('the abort signal cancels a request that never answers (the abort error itself, for the caller to name)', async () => {
      const server = await echo();
      const controller = new AbortController();
      const arrived = server.nextRequest();
      const pending = transport().request({ method: 'GET', url: `${server.url}/slow`, signal: controller.signal });
      await arrived; // in flight: the server never answers /slow
      controller.abort();
      await assert.rejects(pending, (error: unknown) => !(error instanceof WeChatNetworkError));
    });
  });

  describe('proxies (a real proxy)', () => {
    const target = (server: EchoServer, path = '/'): string => `http://api.wechat.invalid:${server.port}${path}`;

    it('http.proxy: the request goes through the proxy', async () => {
      const [server, p] = [await echo(), await proxy()];
      const res = await transport({ proxyUrl: p.url }).request({ method: 'GET', url: target(server, '/via') });
      assert.equal(res.status, 200);
      assert.deepEqual(p.tunnels, [`api.wechat.invalid:${server.port}`]);
      assert.equal(p.connections(), 1);
      assert.equal(server.requests[0]?.url, '/via');
    });

    for (const key of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) {
      it(`${key} from the environment is used when http.proxy is empty`, async () => {
        const [server, p] = [await echo(), await proxy()];
        assert.equal((await transport({}, { [key]: p.url }).request({ method: 'GET', url: target(server) })).status, 200);
        assert.equal(p.connections(), 1);
      });
    }

    it('http.proxy wins over the environment proxy', async () => {
      const [server, p, other] = [await echo(), await proxy(), await proxy()];
      await transport({ proxyUrl: p.url }, { HTTPS_PROXY: other.url }).request({ method: 'GET', url: target(server) });
      assert.deepEqual([p.connections(), other.connections()], [1, 0]);
    });

    it('http.noProxy names the domain: direct (and here that means DNS fails), the proxy sees nothing', async () => {
      const [server, p] = [await echo(), await proxy()];
      const error = await networkError(
        transport({ proxyUrl: p.url, noProxy: ['wechat.invalid'] }).request({ method: 'GET', url: target(server) }),
      );
      assert.equal(error.fault?.fault, 'dns');
      assert.equal(p.connections(), 0);
    });

    it('http.noProxy with a port matches that port only', async () => {
      const [server, p] = [await echo(), await proxy()];
      const res = await transport({ proxyUrl: p.url, noProxy: ['api.wechat.invalid:1'] }).request({ method: 'GET', url: target(server) });
      assert.equal(res.status, 200);
      assert.equal(p.connections(), 1);
    });

    it('NO_PROXY bypasses an environment proxy', async () => {
      const [server, p] = [await echo(), await proxy()];
      await networkError(
        transport({}, { HTTPS_PROXY: p.url, NO_PROXY: '.wechat.invalid' }).request({ method: 'GET', url: target(server) }),
      );
      assert.equal(p.connections(), 0);
    });

    it('no_proxy bypasses http.proxy too, as in VS Code', async () => {
      const [server, p] = [await echo(), await proxy()];
      await networkError(
        transport({ proxyUrl: p.url }, { no_proxy: 'localhost,api.wechat.invalid' }).request({ method: 'GET', url: target(server) }),
      );
      assert.equal(p.connections(), 0);
    });

    it('entries in http.noProxy replace NO_PROXY (VS Code ignores the environment then)', async () => {
      const [server, p] = [await echo(), await proxy()];
      const res = await transport({ proxyUrl: p.url, noProxy: ['intranet.example'] }, { NO_PROXY: 'wechat.invalid' }).request({
        method: 'GET',
        url: target(server),
      });
      assert.equal(res.status, 200);
      assert.equal(p.connections(), 1);
    });

    it('http.proxySupport "off": no proxy at all, neither http.proxy nor the environment', async () => {
      const [server, p] = [await echo(), await proxy()];
      const error = await networkError(
        transport({ proxyUrl: p.url, proxySupport: 'off' }, { HTTPS_PROXY: p.url, HTTP_PROXY: p.url }).request({
          method: 'GET',
          url: target(server),
        }),
      );
      assert.equal(error.fault?.fault, 'dns');
      assert.equal(p.connections(), 0);
    });

    for (const support of ['on', 'override', 'fallback'] as const) {
      it(`http.proxySupport "${support}": the proxy is used`, async () => {
        const [server, p] = [await echo(), await proxy()];
        await transport({ proxyUrl: p.url, proxySupport: support }).request({ method: 'GET', url: target(server) });
        assert.equal(p.connections(), 1);
      });
    }

    it('a loopback address is always reached directly', async () => {
      const [server, p] = [await echo(), await proxy()];
      const res = await transport({ proxyUrl: p.url }, { HTTPS_PROXY: p.url }).request({ method: 'GET', url: `${server.url}/local` });
      assert.equal(res.status, 200);
      assert.equal(p.connections(), 0);
    });

    it('http.proxyAuthorization reaches the proxy as Proxy-Authorization, and is never logged', async () => {
      const secret = `Basic ${Buffer.from('alice:s3cr3t-pw').toString('base64')}`;
      const [server, p] = [await echo(), await proxy({ requireAuthorization: secret })];
      const res = await transport({ proxyUrl: p.url, proxyAuthorization: secret }).request({ method: 'GET', url: target(server) });
      assert.equal(res.status, 200);
      assert.deepEqual(p.authorizations, [secret]);
      // The target never sees the proxy's credential.
      assert.equal(server.requests[0]?.headers['proxy-authorization'], undefined);
      assert.ok(!log.text.includes('s3cr3t') && !log.text.includes(secret.slice(6)), log.text);
    });

    it('a proxy that wants credentials and gets none: a "proxy" fault with its status (407)', async () => {
      const [server, p] = [await echo(), await proxy({ requireAuthorization: 'Basic eDp5' })];
      const error = await networkError(transport({ proxyUrl: p.url }).request({ method: 'GET', url: target(server) }));
      assert.deepEqual(error.fault, { fault: 'proxy', code: 'PROXY_407' });
      assert.match(error.describe(), /HTTP 407.*"http\.proxyAuthorization"/);
      assert.equal(server.requests.length, 0);
    });

    for (const [proxyUrl, shown] of [
      ['proxy.corp:3128', 'proxy.corp:3128'],
      ['ftp://alice:s3cr3t@proxy.corp', 'ftp://***@proxy.corp'],
    ] as const) {
      it(`a proxy URL that is not http(s) (${shown}) fails clearly, without its credentials, and never goes direct`, async () => {
        const server = await echo();
        const error = await networkError(transport({ proxyUrl }).request({ method: 'GET', url: target(server) }));
        assert.deepEqual(error.fault, { fault: 'badProxy', code: shown });
        assert.equal(
          error.describe(),
          `The proxy address ${shown} is not an http:// or https:// URL. Check "http.proxy", or HTTPS_PROXY / HTTP_PROXY in the environment.`,
        );
        assert.ok(!error.message.includes('s3cr3t'));
        assert.equal(server.requests.length, 0);
      });
    }

    it('a proxy that cannot be reached fails the request (no silent direct fallback)', async () => {
      const [server, p] = [await echo(), await proxy()];
      const url = p.url;
      await p.close();
      const error = await networkError(
        transport({ proxyUrl: url }).request({ method: 'GET', url: `http://api.wechat.invalid:${server.port}/` }),
      );
      assert.equal(error.fault?.fault, 'refused');
      assert.equal(server.requests.length, 0);
    });
  });

  describe('TLS: certificates, http.proxyStrictSSL, NODE_EXTRA_CA_CERTS', function () {
    let targetCert: { key: string; cert: string } | undefined;
    let proxyCert: { key: string; cert: string } | undefined;
    let dir: string;
    let caFile: string;

    before(function () {
      targetCert = selfSignedCert();
      proxyCert = selfSignedCert();
      if (!targetCert || !proxyCert) this.skip(); // openssl not installed: no certificate to test with
      dir = mkdtempSync(join(tmpdir(), 'wechat-ca-'));
      caFile = join(dir, 'extra-ca.pem');
      writeFileSync(caFile, targetCert.cert);
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    it('a self-signed certificate is refused by default, with a "tls" fault', async () => {
      const server = await echo(targetCert);
      const error = await networkError(transport().request({ method: 'GET', url: `${server.url}/` }));
      assert.equal(error.fault?.fault, 'tls');
      assert.match(error.describe(), /certificate of 127\.0\.0\.1:\d+ was not accepted/);
    });

    it('http.proxyStrictSSL false does NOT relax a direct connection (the AppSecret would travel over it)', async () => {
      const server = await echo(targetCert);
      const error = await networkError(transport({ strictSSL: false }).request({ method: 'GET', url: `${server.url}/cgi-bin/token` }));
      assert.equal(error.fault?.fault, 'tls');
      assert.equal(server.requests.length, 0);
    });

    it('http.proxyStrictSSL false does NOT relax the target behind http.proxy either', async () => {
      const [server, p] = [await echo(targetCert), await proxy()];
      const error = await networkError(
        transport({ proxyUrl: p.url, strictSSL: false }).request({ method: 'GET', url: `https://api.wechat.invalid:${server.port}/` }),
      );
      assert.equal(error.fault?.fault, 'tls');
      assert.equal(p.connections(), 1);
      assert.equal(server.requests.length, 0);
    });

    it('NODE_EXTRA_CA_CERTS is trusted (read by the transport itself), direct', async () => {
      const server = await echo(targetCert);
      const res = await transport({}, { NODE_EXTRA_CA_CERTS: caFile }).request({ method: 'GET', url: `${server.url}/trusted` });
      assert.equal(res.status, 200);
    });

    it('NODE_EXTRA_CA_CERTS is trusted for the target behind a proxy', async () => {
      const [server, p] = [await echo(targetCert), await proxy()];
      const res = await transport({ proxyUrl: p.url }, { NODE_EXTRA_CA_CERTS: caFile }).request({
        method: 'GET',
        url: `https://api.wechat.invalid:${server.port}/`,
      });
      assert.equal(res.status, 200);
      assert.equal(p.connections(), 1);
    });

    it('an https proxy with an untrusted certificate is refused while http.proxyStrictSSL is true', async () => {
      const [server, p] = [await echo(targetCert), await proxy({ tls: proxyCert })];
      const error = await networkError(
        transport({ proxyUrl: p.url }, { NODE_EXTRA_CA_CERTS: caFile }).request({
          method: 'GET',
          url: `https://api.wechat.invalid:${server.port}/`,
        }),
      );
      assert.equal(error.fault?.fault, 'tls');
      assert.equal(server.requests.length, 0);
    });

    it("http.proxyStrictSSL false relaxes the proxy's own certificate only, with one warning", async () => {
      const [server, p] = [await echo(targetCert), await proxy({ tls: proxyCert })];
      const t = transport({ proxyUrl: p.url, strictSSL: false }, { NODE_EXTRA_CA_CERTS: caFile });
      for (let i = 0; i < 2; i++)
        assert.equal((await t.request({ method: 'GET', url: `https://api.wechat.invalid:${server.port}/${i}` })).status, 200);
      const warnings = log.lines.filter((line) => line.level === 'warn' && line.message.includes('http.proxyStrictSSL'));
      assert.equal(warnings.length, 1, log.text);
      assert.match(warnings[0]?.message ?? '', /proxy itself is not verified.*WeChat API's certificate still is/);
    });

    it('strictSSL false behind the https proxy still refuses an untrusted target', async () => {
      const [server, p] = [await echo(targetCert), await proxy({ tls: proxyCert })];
      const error = await networkError(
        transport({ proxyUrl: p.url, strictSSL: false }).request({ method: 'GET', url: `https://api.wechat.invalid:${server.port}/` }),
      );
      assert.equal(error.fault?.fault, 'tls');
    });

    it('an unreadable NODE_EXTRA_CA_CERTS is a warning in the log, and trusts nothing', async () => {
      const server = await echo(targetCert);
      const error = await networkError(
        transport({}, { NODE_EXTRA_CA_CERTS: join(dir, 'missing.pem') }).request({ method: 'GET', url: `${server.url}/` }),
      );
      assert.equal(error.fault?.fault, 'tls');
      assert.match(log.text, /\[warn\] NODE_EXTRA_CA_CERTS \(.*missing\.pem\) could not be read \(ENOENT\)/);
    });
  });

  describe('response size cap', () => {
    let server: http.Server;
    let port: number;
    let requests: number;
    const sockets = new Set<net.Socket>();

    before(async () => {
      server = http.createServer((req, res) => {
        requests++;
        const size = Number(/^\/bytes\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
        const declared = req.url?.endsWith('?declared') ?? false;
        res.writeHead(200, { 'content-type': 'text/html', ...(declared ? { 'content-length': String(size) } : {}) });
        // Chunked in 64 KB pieces: the cap must hold for a body without a content-length.
        const piece = Buffer.alloc(64 * 1024, 'a');
        let left = size;
        const pump = (): void => {
          while (left > 0) {
            const chunk = piece.subarray(0, Math.min(left, piece.length));
            left -= chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      });
      server.on('connection', (s: net.Socket) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      port = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)));
    });
    beforeEach(() => (requests = 0));
    after(async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('a body of exactly 1 MB is read whole', async () => {
      const res = await transport().request({ method: 'GET', url: `http://127.0.0.1:${port}/bytes/${MAX_RESPONSE_BYTES}` });
      assert.equal(res.body.length, MAX_RESPONSE_BYTES);
    });

    it('a larger body without content-length is cut off: ResponseTooLargeError naming who answered', async () => {
      const url = `http://127.0.0.1:${port}/bytes/${5 * MAX_RESPONSE_BYTES}`;
      await assert.rejects(transport().request({ method: 'GET', url }), (error: unknown) => {
        assert.ok(error instanceof ResponseTooLargeError, String(error));
        assert.equal(error.endpoint, `127.0.0.1:${port}/bytes/${5 * MAX_RESPONSE_BYTES}`);
        assert.ok(error.bytes > MAX_RESPONSE_BYTES && error.bytes < 2 * MAX_RESPONSE_BYTES, `stopped at ${error.bytes}`);
        return true;
      });
      assert.equal(requests, 1);
    });

    it('a content-length beyond the cap is refused before the body is read', async () => {
      const size = 50 * MAX_RESPONSE_BYTES;
      await assert.rejects(
        transport().request({ method: 'GET', url: `http://127.0.0.1:${port}/bytes/${size}?declared` }),
        (error: unknown) => {
          assert.ok(error instanceof ResponseTooLargeError);
          assert.equal(error.bytes, size);
          return true;
        },
      );
    });
  });
});
