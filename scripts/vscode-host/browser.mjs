// Launches Debian chromium through playwright-core (from the host cache; it never downloads a
// browser) as a separate server process whose group we kill by pid at the end.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as util from 'node:util';

import { CHROMIUM, SERVER_DIR } from './paths.mjs';
import { adoptGroup, bounded, killGroup, releaseGroup } from './proc.mjs';

export function loadPlaywright() {
  const require = createRequire(path.join(SERVER_DIR, 'package.json'));
  return require('playwright-core');
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // (--disable-crashpad-for-testing would be tempting, but makes grantPermissions hang)
  '--disable-crash-reporter',
  '--disable-breakpad',
];

/**
 * @param {object} o
 * @param {string} o.origin  e.g. http://127.0.0.1:PORT — clipboard permissions are granted to it
 * @param {{width:number,height:number}} [o.viewport]
 * @param {(type: string, text: string) => void} [o.onAutomationLog]  codeAutomationLog(type, args)
 * @param {(code: number) => void} [o.onAutomationExit]  codeAutomationExit(code)
 * @param {(text: string) => void} [o.onConsole]
 */
export async function openBrowser(o) {
  const { chromium } = loadPlaywright();
  const server = await bounded(
    chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    }),
    90_000,
    'chromium to start',
  );
  const pid = server.process().pid; // playwright starts the browser detached: pid is its group id
  adoptGroup(pid);
  let browser;
  const close = async () => {
    try {
      await bounded(browser?.close() ?? Promise.resolve(), 10_000, 'the browser connection to close');
    } catch {
      /* killed below */
    }
    try {
      await bounded(server.close(), 10_000, 'chromium to close');
    } catch {
      /* killed below */
    }
    killGroup(pid, 'SIGKILL');
    releaseGroup(pid);
  };
  try {
    browser = await bounded(chromium.connect(server.wsEndpoint(), { timeout: 30_000 }), 40_000, 'the browser connection');
    const context = await browser.newContext({ viewport: o.viewport ?? { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: o.origin });
    // SecretStorage of the web client: the workbench encrypts secrets into localStorage with a key
    // half it POSTs for at <path>/mint-key. server-main.js does not serve that route (code-server and
    // `code serve-web` do), so secrets would live only in memory and vanish on reload. Serve one fixed
    // 256-bit key per browser session: secrets then survive reloads of this window, as they survive
    // in the OS keychain on the desktop.
    const serverKey = randomBytes(32);
    await context.route(/\/mint-key$/, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: serverKey }));
    context.setDefaultTimeout(30_000);
    context.setDefaultNavigationTimeout(60_000);
    const page = await context.newPage();
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? util.format(...args) : util.format(args);
      o.onAutomationLog?.(String(type), text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
      o.onAutomationExit?.(Number(code));
    });
    if (o.onConsole) page.on('console', (m) => o.onConsole(`${m.type()}: ${m.text()}`));
    return { browser, context, page, pid, close };
  } catch (err) {
    await close();
    throw err;
  }
}
