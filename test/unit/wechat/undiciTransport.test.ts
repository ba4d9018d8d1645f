import * as assert from 'node:assert/strict';
import { Agent, Dispatcher, EnvHttpProxyAgent, ProxyAgent } from 'undici';
import { createDispatcher, createTransport, UndiciTransport } from '../../../src/wechat/undiciTransport';
import { ConnectProxy, EchoServer, selfSignedCert, startConnectProxy, startEchoServer } from '../helpers/localServers';

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

describe('wechat/undiciTransport', () => {
  let savedEnv: Record<string, string | undefined>;
  const dispatchers: Dispatcher[] = [];

  /** A transport whose dispatcher is closed after the test. */
  function transportFor(dispatcher: Dispatcher): UndiciTransport {
    dispatchers.push(dispatcher);
    return new UndiciTransport(dispatcher);
  }

  beforeEach(() => {
    savedEnv = {};
    for (const key of PROXY_VARS) {
      savedEnv[key] = process.env[key];
      delete process.env[key];
    }
  });

  afterEach(async () => {
    for (const key of PROXY_VARS) {
      if (savedEnv[key] === undefined) delete process.env[key];
      else process.env[key] = savedEnv[key];
    }
    await Promise.all(dispatchers.splice(0).map((d) => d.destroy().catch(() => undefined)));
  });

  describe('createDispatcher', () => {
    it('no proxy anywhere: a plain Agent', () => {
      const d = createDispatcher({});
      dispatchers.push(d);
      assert.ok(d instanceof Agent && !(d instanceof ProxyAgent) && !(d instanceof EnvHttpProxyAgent));
    });

    it('VS Code http.proxy wins: a ProxyAgent, even when env proxies are set', () => {
      process.env['HTTPS_PROXY'] = 'http://127.0.0.1:9';
      const d = createDispatcher({ proxyUrl: 'http://127.0.0.1:3128' });
      dispatchers.push(d);
      assert.ok(d instanceof ProxyAgent);
    });

    for (const key of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']) {
      it(`${key} in the environment: an EnvHttpProxyAgent (which honours NO_PROXY)`, () => {
        process.env[key] = 'http://127.0.0.1:3128';
        const d = createDispatcher({});
        dispatchers.push(d);
        assert.ok(d instanceof EnvHttpProxyAgent);
      });
    }
  });

  describe('UndiciTransport over plain http', () => {
    let echo: EchoServer;
    beforeEach(async () => (echo = await startEchoServer()));
    afterEach(() => echo.close());

    it('GET: status, content type and body text', async () => {
      const res = await transportFor(createDispatcher({})).request({ method: 'GET', url: `${echo.url}/cgi-bin/x?a=1` });
      assert.equal(res.status, 200);
      assert.equal(res.contentType, 'application/json; charset=utf-8');
      assert.deepEqual(JSON.parse(res.body), { method: 'GET', url: '/cgi-bin/x?a=1', body: '', contentType: null });
    });

    it('POST: sends the body and the headers', async () => {
      const res = await transportFor(createDispatcher({})).request({
        method: 'POST',
        url: `${echo.url}/cgi-bin/stable_token`,
        body: '{"a":"中文"}',
        headers: { 'content-type': 'application/json' },
      });
      assert.deepEqual(JSON.parse(res.body), { method: 'POST', url: '/cgi-bin/stable_token', body: '{"a":"中文"}', contentType: 'application/json' });
    });

    it('an HTTP error status is returned, not thrown', async () => {
      const res = await transportFor(createDispatcher({})).request({ method: 'GET', url: `${echo.url}/status/503` });
      assert.equal(res.status, 503);
    });

    it('the abort signal cancels a request that never answers', async () => {
      const controller = new AbortController();
      const pending = transportFor(createDispatcher({})).request({ method: 'GET', url: `${echo.url}/slow`, signal: controller.signal });
      setImmediate(() => controller.abort());
      await assert.rejects(pending);
    });

    it('createTransport({}) is the module entry point', async () => {
      const transport = createTransport({});
      assert.ok(transport instanceof UndiciTransport);
      const res = await transport.request({ method: 'GET', url: `${echo.url}/` });
      assert.equal(res.status, 200);
    });
  });

  describe('proxies', () => {
    let echo: EchoServer;
    let proxy: ConnectProxy;
    beforeEach(async () => {
      echo = await startEchoServer();
      proxy = await startConnectProxy();
    });
    afterEach(async () => {
      await echo.close();
      await proxy.close();
    });

    it('http.proxy (proxyUrl) tunnels the request through the proxy', async () => {
      const res = await transportFor(createDispatcher({ proxyUrl: proxy.url })).request({ method: 'GET', url: `${echo.url}/via-proxy` });
      assert.equal(res.status, 200);
      assert.deepEqual(proxy.tunnels, [`127.0.0.1:${echo.port}`]);
      assert.equal(echo.requests[0]?.url, '/via-proxy');
    });

    it('HTTP_PROXY from the environment is used', async () => {
      process.env['HTTP_PROXY'] = proxy.url;
      const res = await transportFor(createDispatcher({})).request({ method: 'GET', url: `${echo.url}/env` });
      assert.equal(res.status, 200);
      assert.deepEqual(proxy.tunnels, [`127.0.0.1:${echo.port}`]);
    });

    it('NO_PROXY bypasses the environment proxy', async () => {
      process.env['HTTP_PROXY'] = proxy.url;
      process.env['NO_PROXY'] = '127.0.0.1';
      const res = await transportFor(createDispatcher({})).request({ method: 'GET', url: `${echo.url}/direct` });
      assert.equal(res.status, 200);
      assert.deepEqual(proxy.tunnels, []);
    });

    it('a proxy that cannot be reached fails the request (no silent direct fallback)', async () => {
      const port = proxy.port;
      await proxy.close();
      await assert.rejects(transportFor(createDispatcher({ proxyUrl: `http://127.0.0.1:${port}` })).request({ method: 'GET', url: `${echo.url}/` }));
      assert.equal(echo.requests.length, 0);
    });
  });

  describe('TLS and http.proxyStrictSSL', function () {
    let tls: { key: string; cert: string } | undefined;
    let target: EchoServer | undefined;
    let proxy: ConnectProxy | undefined;

    before(function () {
      tls = selfSignedCert();
      if (!tls) this.skip(); // openssl not installed: no certificate to test with
    });
    beforeEach(async () => {
      target = await startEchoServer(tls);
      proxy = await startConnectProxy();
    });
    afterEach(async () => {
      await target?.close();
      await proxy?.close();
    });

    it('a self-signed certificate is refused by default', async () => {
      await assert.rejects(transportFor(createDispatcher({})).request({ method: 'GET', url: `${target!.url}/` }));
      await assert.rejects(transportFor(createDispatcher({ strictSSL: true })).request({ method: 'GET', url: `${target!.url}/` }));
    });

    it('strictSSL:false accepts it, directly', async () => {
      const res = await transportFor(createDispatcher({ strictSSL: false })).request({ method: 'GET', url: `${target!.url}/direct` });
      assert.equal(res.status, 200);
    });

    it('strictSSL:false accepts it through http.proxy', async () => {
      const res = await transportFor(createDispatcher({ proxyUrl: proxy!.url, strictSSL: false })).request({ method: 'GET', url: `${target!.url}/p` });
      assert.equal(res.status, 200);
      assert.deepEqual(proxy!.tunnels, [`127.0.0.1:${target!.port}`]);
    });

    it('strictSSL:true through http.proxy still verifies the target', async () => {
      await assert.rejects(transportFor(createDispatcher({ proxyUrl: proxy!.url, strictSSL: true })).request({ method: 'GET', url: `${target!.url}/p` }));
    });

    describe('http.proxyStrictSSL with a proxy from HTTPS_PROXY', () => {
      // EnvHttpProxyAgent's inner ProxyAgents take TLS options from requestTls/proxyTls, not `connect`.
      it('strictSSL:false accepts it through an HTTPS_PROXY from the environment', async () => {
        process.env['HTTPS_PROXY'] = proxy!.url;
        const res = await transportFor(createDispatcher({ strictSSL: false })).request({ method: 'GET', url: `${target!.url}/env` });
        assert.equal(res.status, 200);
        assert.deepEqual(proxy!.tunnels, [`127.0.0.1:${target!.port}`]);
      });
    });
  });
});
