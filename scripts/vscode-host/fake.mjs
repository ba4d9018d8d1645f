// Starts the project's fake WeChat server (compiled to out/test/fake-wechat/server.js) in this
// process, plus a tiny control endpoint so tests in the extension host can read what it saw.
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { REPO } from './paths.mjs';
import { HOST } from './server.mjs';

export const FAKE_MODULE = path.join(REPO, 'out', 'test', 'fake-wechat', 'server.js');

/** Test account the runner registers with the fake. Not a real credential. */
export const TEST_ACCOUNT = Object.freeze({ appId: 'wx0123456789abcdef', secret: 'it-secret-7f3a9c1e5b2d4f60a8c6e4b2d0f1a3c5' });

export async function startFake(accounts = [TEST_ACCOUNT]) {
  if (!fs.existsSync(FAKE_MODULE)) throw new Error(`${path.relative(REPO, FAKE_MODULE)} missing: run \`npm run build:tests\` first`);
  const require = createRequire(import.meta.url);
  const mod = require(FAKE_MODULE);
  const start = mod.startFakeWeChat ?? mod.default?.startFakeWeChat;
  if (typeof start !== 'function') throw new Error(`${FAKE_MODULE} does not export startFakeWeChat`);
  const fake = await start({ accounts });

  // GET /calls → every request the fake saw; GET /info → url and accounts; anything else 404.
  const control = http.createServer((req, res) => {
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    if (url.pathname === '/calls') return send(200, fake.calls);
    if (url.pathname === '/info') return send(200, { url: fake.url, accounts });
    if (url.pathname === '/state' && typeof fake.state === 'function') return send(200, fake.state());
    return send(404, { error: 'not found' });
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
    async close() {
      control.closeAllConnections?.();
      await new Promise((r) => control.close(() => r()));
      await fake.close();
    },
  };
}
