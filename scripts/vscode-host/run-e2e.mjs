#!/usr/bin/env node
// UI tests (test/e2e/*.e2e.ts → out/test/e2e): a real VS Code (server for the web + Debian chromium)
// with the packaged extension installed, driven the way a person works. Screenshots go to
// test-results/. Builds nothing: expects `npm run package` (dist/wechat-token-menu.vsix) and
// `npm run build:tests`.
//
//   node scripts/vscode-host/run-e2e.mjs [--verbose]
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { startFake } from './fake.mjs';
import { withHost } from './host.mjs';
import { REPO } from './paths.mjs';
import { bounded } from './proc.mjs';

const E2E_DIR = path.join(REPO, 'out', 'test', 'e2e');
export const VSIX = path.join(REPO, 'dist', 'wechat-token-menu.vsix');
export const RESULTS = path.join(REPO, 'test-results');
const PER_TEST_MS = 90_000;

export async function runE2E(o = {}) {
  const log = o.log ?? ((s) => console.log(s));
  const t0 = Date.now();
  if (!fs.existsSync(VSIX)) throw new Error(`${path.relative(REPO, VSIX)} missing: run \`npm run package\` first`);
  const files = fs.existsSync(E2E_DIR)
    ? fs
        .readdirSync(E2E_DIR)
        .filter((f) => f.endsWith('.e2e.js'))
        .sort()
    : [];
  if (files.length === 0) throw new Error('no compiled UI tests in out/test/e2e: run `npm run build:tests` first');
  const require = createRequire(import.meta.url);
  const suites = files.map((f) => ({ file: f, tests: require(path.join(E2E_DIR, f)).tests ?? [] }));
  fs.mkdirSync(RESULTS, { recursive: true });

  const fake = await startFake(undefined, { tokenTtlSeconds: 7200 });
  const account = fake.accounts[0];
  let passed = 0;
  let failed = 0;
  const failures = [];
  try {
    await withHost(
      {
        verbose: o.verbose,
        smokeTestDriver: false, // modal dialogs are part of what a person sees
        disableWorkspaceTrust: true,
        installVsix: [VSIX],
        settings: { 'wechat.appId': account.appId },
        machineSettings: { 'wechat.apiBaseUrl': fake.url },
      },
      async ({ server, page }) => {
        const shot = async (name) => {
          const file = path.join(RESULTS, `${name}.png`);
          await page.screenshot({ path: file });
          return file;
        };
        const shotOf = async (locator, name) => {
          const file = path.join(RESULTS, `${name}.png`);
          await locator.screenshot({ path: file });
          return file;
        };
        await page.goto(server.workbenchUrl(), { waitUntil: 'domcontentloaded' });
        await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: 60_000 });
        await page.locator('[id$="wechat.token"]').first().waitFor({ state: 'visible', timeout: 60_000 });
        const ctx = { page, account, fake: fake.fake, shot, shotOf };
        for (const suite of suites) {
          for (const t of suite.tests) {
            const started = Date.now();
            try {
              await bounded(t.run(ctx), PER_TEST_MS, `UI test "${t.name}"`);
              passed++;
              log(`  ✔ ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
            } catch (err) {
              failed++;
              const safe = t.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
              await shot(`FAILED-${safe}`).catch(() => undefined);
              failures.push({ title: `${suite.file}: ${t.name}`, error: String(err?.message ?? err) });
              log(`  ✘ ${t.name}: ${String(err?.message ?? err).split('\n')[0]}`);
              await page.keyboard.press('Escape').catch(() => undefined);
            }
          }
        }
      },
    );
  } finally {
    await fake.close();
  }
  return { passed, failed, failures, seconds: (Date.now() - t0) / 1000 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runE2E({ verbose: process.argv.includes('--verbose') }).then(
    (r) => {
      for (const f of r.failures) console.log(`[ui] FAILED ${f.title}: ${f.error}`);
      console.log(`[ui] ${r.seconds.toFixed(1)} s; screenshots in ${path.relative(process.cwd(), RESULTS)}/`);
      console.log(`${r.passed} passed, ${r.failed} failed`);
      process.exit(r.failed ? 1 : 0);
    },
    (err) => {
      console.error(`[ui] ERROR: ${err.stack ?? err.message}`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
