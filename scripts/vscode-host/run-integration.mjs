#!/usr/bin/env node
// Runs the mocha suites of test/integration inside a real VS Code extension host (VS Code 1.139
// server for the web + Debian chromium), against the fake WeChat server. Builds nothing: expects
// `npm run compile` (dist/) and `npm run build:tests` (out/) to have run.
//
//   node scripts/vscode-host/run-integration.mjs [--verbose] [--grep PATTERN]
//
// Protocol with test/integration/index.ts: the runner writes a JSON config file and passes its path
// in WECHAT_IT_CONFIG; each phase of the suite appends one JSON line to config.resultsFile. Phases
// after the first run in a restarted extension host of the same window (SecretStorage of the web
// client lives in the window, so a restart keeps it while a reload would not).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { PROD_ACCOUNT, startFake, TEST_ACCOUNT } from './fake.mjs';
import { withHost } from './host.mjs';
import { REPO } from './paths.mjs';
import { bounded } from './proc.mjs';
import { itTiming } from './timing.mjs';
import { performUiOp } from './ui-ops.mjs';

export const EXTENSION_ID = 'wechat-devtools.wechat-token-menu';
const TESTS_ENTRY = path.join(REPO, 'out', 'test', 'integration', 'index.js');

function requireBuilt() {
  const need = [path.join(REPO, 'dist', 'extension.js'), TESTS_ENTRY];
  const missing = need.filter((f) => !fs.existsSync(f)).map((f) => path.relative(REPO, f));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run \`npm run compile && npm run build:tests\` first`);
}

/**
 * @param {{ verbose?: boolean, grep?: string, timeoutMs?: number, log?: (s: string) => void }} [o]
 * @returns {Promise<{ passed: number, failed: number, pending: number, failures: {title: string, error: string}[], seconds: number }>}
 */
export async function runIntegration(o = {}) {
  const log = o.log ?? ((s) => console.log(s));
  const t0 = Date.now();
  requireBuilt();
  // The developer's test account, and production's, whose token the team keeps in Redis.
  const fake = await startFake([TEST_ACCOUNT, PROD_ACCOUNT]);
  // Outside every directory the server writes to, so the "secret is nowhere on disk" scan stays clean.
  const itDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-it-'));
  const configFile = path.join(itDir, 'config.json');
  const resultsFile = path.join(itDir, 'results.jsonl');
  try {
    let exitCode;
    let onExit;
    const exited = new Promise((resolve) => {
      onExit = resolve;
    });
    const result = await withHost(
      {
        verbose: o.verbose,
        machineSettings: { 'wechat.apiBaseUrl': fake.url },
        settings: {},
        env: { WECHAT_IT_CONFIG: configFile },
        onAutomationLog: (type, text) => {
          // The page forwards the workbench's whole log; show the suites' lines unless --verbose.
          for (const line of text.split('\n')) {
            if (o.verbose) log(`  [${type}] ${line}`);
            else if (line.startsWith('[it] ')) log(`  ${line.slice(5)}`);
            else if (line.startsWith('[wechat-it]')) log(`  ${line}`);
          }
        },
        onAutomationExit: (code) => {
          exitCode = code;
          onExit(code);
        },
      },
      async ({ server, page, serverLines }) => {
        const config = {
          fakeUrl: fake.url,
          controlUrl: fake.controlUrl,
          appId: fake.accounts[0].appId,
          secret: fake.accounts[0].secret,
          production: { appId: PROD_ACCOUNT.appId, secret: PROD_ACCOUNT.secret },
          resultsFile,
          grep: o.grep ?? '',
          userSettingsFile: path.join(server.userDataDir, 'User', 'settings.json'),
          machineSettingsFile: path.join(server.userDataDir, 'Machine', 'settings.json'),
          scanDirs: [server.userDataDir, server.serverDataDir, server.extensionsDir, server.workspaceDir],
        };
        fake.setUiHandler((op) => performUiOp(page, op));
        fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
        const url = server.workbenchUrl({
          payload: [
            ['extensionDevelopmentPath', server.remoteUri(REPO)],
            ['extensionTestsPath', server.remoteUri(TESTS_ENTRY)],
            ['skipWelcome', 'true'],
          ],
        });
        await page.goto(url, { waitUntil: 'domcontentloaded' });
        try {
          await bounded(exited, o.timeoutMs ?? itTiming().RUN_MS, 'the integration suites to finish (codeAutomationExit)');
        } catch (err) {
          const shot = path.join(REPO, 'test-results', 'integration-timeout.png');
          fs.mkdirSync(path.dirname(shot), { recursive: true });
          await page.screenshot({ path: shot }).catch(() => undefined);
          log(
            `[integration] ${err.message}; screenshot ${path.relative(REPO, shot)}; last server lines:\n${serverLines.slice(-30).join('\n')}`,
          );
        }
        const phases = fs.existsSync(resultsFile)
          ? fs
              .readFileSync(resultsFile, 'utf8')
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l))
          : [];
        fake.setUiHandler(undefined);
        return { phases };
      },
    );
    let passed = 0;
    let failed = 0;
    let pending = 0;
    const failures = [];
    for (const p of result.phases) {
      passed += p.passed;
      pending += p.pending ?? 0;
      failed += p.failed;
      failures.push(...p.failures);
    }
    const expected = result.phases[0]?.phaseCount ?? 1;
    if (result.phases.length < expected) {
      failed += 1;
      failures.push({
        title: 'integration run',
        error: `only ${result.phases.length} of ${expected} phases reported (exit code ${exitCode ?? 'none'})`,
      });
    } else if (result.phases.length === 0 || (exitCode !== 0 && failed === 0)) {
      failed += 1;
      failures.push({
        title: 'integration run',
        error: `extension host test run ended with code ${exitCode ?? 'none (timed out)'} and reported no results`,
      });
    }
    return { passed, failed, pending, failures, seconds: (Date.now() - t0) / 1000 };
  } finally {
    await fake.close();
    fs.rmSync(itDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const gi = args.indexOf('--grep');
  runIntegration({ verbose: args.includes('--verbose'), grep: gi >= 0 ? args[gi + 1] : undefined }).then(
    (r) => {
      for (const f of r.failures) console.log(`[integration] FAILED ${f.title}: ${f.error}`);
      console.log(`[integration] ${r.seconds.toFixed(1)} s`);
      console.log(`${r.passed} passed, ${r.failed} failed`);
      process.exit(r.failed ? 1 : 0);
    },
    (err) => {
      console.error(`[integration] ERROR: ${err.stack ?? err.message}`);
      console.log('0 passed, 1 failed');
      process.exit(1);
    },
  );
}
