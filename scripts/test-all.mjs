#!/usr/bin/env node
// `npm test`: builds, lints, then unit tests (mocha, no VS Code), integration tests (mocha inside a real
// VS Code extension host) and UI tests (a person's clicks in a real VS Code), in that order.
// On a fresh machine it first prepares the offline VS Code host (scripts/vscode-host/setup.mjs,
// a few minutes once; later runs reuse .vscode-test/host). Ends with one line: `N passed, M failed`.
//
//   node scripts/test-all.mjs [--skip-build] [--unit-only] [--verbose]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { runBounded, sleep, startGroup } from './vscode-host/proc.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const MIN = 60_000;

let passed = 0;
let failed = 0;
const timings = [];
const problems = [];

/**
 * The Redis token source's unit tests start a real redis-server (Debian's). Installed here when
 * missing and we are root (CI, the dev container), like .ci/run; otherwise said plainly, and those
 * tests fail with the same hint rather than being skipped.
 */
async function ensureRedisServer() {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(
      '[test] redis-server is not installed and this is not root: run `sudo apt-get install -y redis-server`; the Redis unit tests fail without it.',
    );
    return;
  }
  console.log('[test] redis-server is missing: apt-get install -y redis-server');
  await runBounded('apt-get update', 'apt-get', ['update'], { cwd: REPO, timeoutMs: 5 * MIN, inherit: true });
  await runBounded('apt-get install redis-server', 'apt-get', ['install', '-y', 'redis-server'], {
    cwd: REPO,
    timeoutMs: 5 * MIN,
    inherit: true,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function section(title) {
  console.log(`\n=== ${title} ===`);
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
  } catch (err) {
    failed++;
    problems.push(`${name}: ${err.message.split('\n')[0]}`);
    console.error(`[test] ${name} failed: ${err.message}`);
  } finally {
    timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  }
}

/** Runs a command with output shown, bounded; returns its stdout+stderr text. */
async function runShown(cmd, cmdArgs, timeoutMs) {
  let text = '';
  const g = startGroup(cmd, cmdArgs, {
    cwd: REPO,
    env: { ...process.env, FORCE_COLOR: '0' },
    onLine: (line) => {
      text += line + '\n';
      console.log(line);
    },
  });
  let timer;
  const r = await Promise.race([
    g.exited,
    new Promise((res) => {
      timer = setTimeout(() => res('timeout'), timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  await g.stop(1000);
  await sleep(10);
  return { code: r === 'timeout' ? 'timeout' : r.code, text };
}

async function main() {
  const t0 = Date.now();
  if (!args.includes('--skip-build')) {
    section('build (typecheck, bundle, .vsix, tests)');
    let built = true;
    await step('build', async () => {
      await runBounded('npm run package', 'npm', ['run', '--silent', 'package'], { cwd: REPO, timeoutMs: 5 * MIN, inherit: true });
      await runBounded('npm run build:tests', 'npm', ['run', '--silent', 'build:tests'], { cwd: REPO, timeoutMs: 5 * MIN, inherit: true });
    }).catch(() => undefined);
    if (failed) built = false;
    if (!built) return finish(t0);
  }

  section('lint (layer rules, typescript-eslint, import order, Prettier)');
  await step('lint', async () => {
    const r = await runShown('npm', ['run', '--silent', 'lint'], 5 * MIN);
    if (r.code !== 0)
      throw new Error(`lint found problems (exit ${r.code}); run npm run lint (npm run format fixes formatting and import order)`);
  });

  section('unit tests (mocha)');
  await step('redis-server', ensureRedisServer);
  await step('unit', async () => {
    const r = await runShown(
      path.join(REPO, 'node_modules', '.bin', 'mocha'),
      ['--config', '.mocharc.unit.json', '--reporter', 'spec'],
      10 * MIN,
    );
    const p = Number(/(\d+) passing/.exec(r.text)?.[1] ?? 0);
    const f = Number(/(\d+) failing/.exec(r.text)?.[1] ?? 0);
    passed += p;
    failed += f;
    if (r.code !== 0 && f === 0) throw new Error(`mocha exited ${r.code}`);
  });
  if (args.includes('--unit-only')) return finish(t0);

  section('offline VS Code host (setup; cached after the first run)');
  let hostReady = false;
  await step('setup', async () => {
    const { ensureHost } = await import('./vscode-host/setup.mjs');
    await ensureHost();
    hostReady = true;
  });

  if (hostReady) {
    section('integration tests (real extension host)');
    await step('integration', async () => {
      const { runIntegration } = await import('./vscode-host/run-integration.mjs');
      const r = await runIntegration({ verbose });
      for (const f of r.failures) console.log(`[integration] FAILED ${f.title}: ${f.error.split('\n')[0]}`);
      console.log(`[integration] ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(0)} s)`);
      passed += r.passed;
      failed += r.failed;
    });

    section('UI tests (a person in a real VS Code)');
    await step('ui', async () => {
      const { runE2E } = await import('./vscode-host/run-e2e.mjs');
      const r = await runE2E({ verbose });
      for (const f of r.failures) console.log(`[ui] FAILED ${f.title}: ${f.error.split('\n')[0]}`);
      console.log(`[ui] ${r.passed} passed, ${r.failed} failed (${r.seconds.toFixed(0)} s); screenshots in test-results/`);
      passed += r.passed;
      failed += r.failed;
    });
  }
  return finish(t0);
}

function finish(t0) {
  console.log(`\n[test] ${timings.join(', ')}; total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  for (const p of problems) console.log(`[test] problem: ${p}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
