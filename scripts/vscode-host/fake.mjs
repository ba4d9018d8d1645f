// Starts the project's fake WeChat server (compiled to out/test/fake-wechat/server.js) in this
// process, plus a tiny control endpoint so tests in the extension host can read what it saw.
import * as fs from 'node:fs';
import * as http from 'node:http';
import { createRequire } from 'node:module';
import * as path from 'node:path';

import { REPO } from './paths.mjs';
import { HOST } from './server.mjs';

export const FAKE_MODULE = path.join(REPO, 'out', 'test', 'fake-wechat', 'server.js');

/** Test account the runner registers with the fake. Not a real credential. */
export const TEST_ACCOUNT = Object.freeze({ appId: 'wx0123456789abcdef', secret: 'it-secret-7f3a9c1e5b2d4f60a8c6e4b2d0f1a3c5' });
/** The team's production account: its AppSecret is the backend's, never given to the extension. */
export const PROD_ACCOUNT = Object.freeze({ appId: 'wxfedcba9876543210', secret: 'it-prod-secret-0c2e4a6b8d1f3e5a7c9b0d2f4e6a8c1' });

/** Integration tokens live 50 min, so the 3600 s refresh-margin setting can reach them. */
export async function startFake(accounts = [TEST_ACCOUNT], { tokenTtlSeconds = 3000 } = {}) {
  if (!fs.existsSync(FAKE_MODULE)) throw new Error(`${path.relative(REPO, FAKE_MODULE)} missing: run \`npm run build:tests\` first`);
  const require = createRequire(import.meta.url);
  const mod = require(FAKE_MODULE);
  const start = mod.startFakeWeChat ?? mod.default?.startFakeWeChat;
  if (typeof start !== 'function') throw new Error(`${FAKE_MODULE} does not export startFakeWeChat`);
  const fake = await start({ accounts, tokenTtlSeconds });

  // Control endpoint for the suites in the extension host (they run in another process):
  //   GET  /calls               every request the fake saw
  //   GET  /token-valid?token=  whether the fake would accept that access token now
  //   POST /fault               inject a fault (FakeFault JSON)
  //   POST /listening           {on} false: the API port refuses connections; true: it listens again
  //   GET  /live-menu?appId=    the account's live default menu (upload shape) or null
  //   POST /live-menu           {appId, menu} replaces it without validation (menu null removes it)
  //   GET  /ticket?appId=       the account's latest jsapi_ticket (or null) and how many were fetched
  //   POST /quota               {appId?, path, used?} sets an API's count today (no `used`: its limit → 45009)
  //   GET  /quota-resets?appId= clear_quota resets the account used this month
  //   POST /callback-url        {appId, url} sets the account's server URL (url null: none, callback/check → 40201)
  //   POST /ui                  ask the runner to act on the page like a person (see ui-ops.mjs)
  let uiHandler;
  const control = http.createServer((req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body ?? null));
    };
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      void (async () => {
        try {
          const body = raw ? JSON.parse(raw) : undefined;
          if (url.pathname === '/calls') return send(200, fake.calls);
          if (url.pathname === '/token-valid') return send(200, { valid: fake.isTokenValid(url.searchParams.get('token') ?? '') });
          if (url.pathname === '/fault' && req.method === 'POST') {
            fake.injectFault(body);
            return send(200, { ok: true });
          }
          if (url.pathname === '/listening' && req.method === 'POST') {
            await (body?.on === false ? fake.stopListening() : fake.startListening());
            return send(200, { ok: true });
          }
          if (url.pathname === '/live-menu' && req.method === 'GET') {
            return send(200, fake.liveMenu(url.searchParams.get('appId') ?? accounts[0].appId) ?? null);
          }
          if (url.pathname === '/live-menu' && req.method === 'POST') {
            fake.setLiveMenu(body?.appId ?? accounts[0].appId, body?.menu ?? undefined);
            return send(200, { ok: true });
          }
          if (url.pathname === '/ticket' && req.method === 'GET') {
            const appId = url.searchParams.get('appId') ?? accounts[0].appId;
            return send(200, { ticket: fake.currentTicket(appId) ?? null, fetches: fake.ticketFetches(appId) });
          }
          if (url.pathname === '/quota' && req.method === 'POST') {
            const appId = body?.appId ?? accounts[0].appId;
            if (typeof body?.used === 'number') fake.setQuotaUsed(appId, body.path, body.used);
            else fake.exhaustQuota(appId, body?.path);
            return send(200, { ok: true });
          }
          if (url.pathname === '/quota-resets' && req.method === 'GET') {
            return send(200, { resets: fake.quotaResetsThisMonth(url.searchParams.get('appId') ?? accounts[0].appId) });
          }
          if (url.pathname === '/callback-url' && req.method === 'POST') {
            fake.setCallbackUrl(body?.appId ?? accounts[0].appId, body?.url ?? null);
            return send(200, { ok: true });
          }
          if (url.pathname === '/ui' && req.method === 'POST') {
            if (!uiHandler) return send(501, { error: 'no page to act on' });
            return send(200, await uiHandler(body));
          }
          return send(404, { error: 'not found' });
        } catch (err) {
          return send(500, { error: String(err?.message ?? err) });
        }
      })();
    });
  });
  await new Promise((resolve, reject) => {
    control.on('error', reject);
    control.listen(0, HOST, resolve);
  });
  const controlUrl = `http://${HOST}:${control.address().port}`;
  return {
    fake,
    url: fake.url,
    controlUrl,
    accounts,
    /** fn(op) → result; called for POST /ui. */
    setUiHandler(fn) {
      uiHandler = fn;
    },
    async close() {
      control.closeAllConnections?.();
      await new Promise((r) => control.close(() => r()));
      await fake.close();
    },
  };
}
