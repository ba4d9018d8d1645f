#!/usr/bin/env node
// `npm run test:desktop`: the integration suites in desktop VS Code via @vscode/test-cli
// (.vscode-test.mjs). It must download VS Code first; when it cannot, say so and fail — never pass
// silently. Bounded: the download probe 15 s, the whole run 20 min; the process group is killed.
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as path from 'node:path';

import { REPO } from './paths.mjs';
import { runBounded } from './proc.mjs';

const CLI = path.join(REPO, 'node_modules', '.bin', 'vscode-test');
const PROBE = 'https://update.code.visualstudio.com/api/releases/stable';

function cachedVSCode() {
  const dir = path.join(REPO, '.vscode-test');
  return fs.existsSync(dir) && fs.readdirSync(dir).some((d) => d.startsWith('vscode-'));
}

function probe() {
  return new Promise((resolve) => {
    const req = https.get(PROBE, { timeout: 15_000 }, (res) => {
      res.resume();
      resolve(res.statusCode && res.statusCode < 500 ? null : `HTTP ${res.statusCode}`);
    });
    req.on('timeout', () => req.destroy(new Error('timed out after 15 s')));
    req.on('error', (err) => resolve(err.message));
  });
}

async function main() {
  if (!fs.existsSync(CLI)) {
    console.error('test:desktop: @vscode/test-cli is not installed (devDependency "@vscode/test-cli"); run `npm ci`.');
    return 1;
  }
  if (!cachedVSCode()) {
    const problem = await probe();
    if (problem) {
      console.error(`test:desktop: cannot download VS Code (offline): ${PROBE} is unreachable (${problem}).`);
      console.error('test:desktop: the same suites run offline in a real VS Code server: `npm run test:integration`.');
      return 1;
    }
  }
  try {
    await runBounded('vscode-test', CLI, process.argv.slice(2), { cwd: REPO, timeoutMs: 20 * 60_000, inherit: true, heartbeatMs: 60_000 });
    return 0;
  } catch (err) {
    console.error(`test:desktop: ${err.message}`);
    return 1;
  }
}

process.exit(await main());
