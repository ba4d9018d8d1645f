// `npm run bench`: each figure beside a naive baseline measured in the same run.
//  1. token HTTP calls over a simulated day: 3 windows share one store, each asks every minute;
//  2. token HTTP calls for 100 concurrent get() on a cold cache;
//  2b. Redis mode for a day: token-endpoint calls (none) and Redis reads (bench/teamRedis.ts);
//  3. activation bundle size and require() time vs a bundle that imports undici and ioredis
//     eagerly, and how many Redis client modules each bundles (dist/extension.js: none);
//  3b. menu validation per edit of a 3.8 MB document, with the document limits vs validating it
//     fully, and diagnostics and preview per edit of 249 KB of `{"button":[{},{},…]}` with the
//     problem cap and the bounded walk vs collecting and building everything
//     (bench/menuValidation.ts, also runnable alone);
//  4. activation in the real offline VS Code host: what Show Running Extensions reports for ours beside
//     an empty extension, and where activate() spends it (scripts/vscode-host/run-activation.mjs).
//     Needs the host (npm run setup:vscode-host); BENCH_NO_HOST=1 leaves it out.
// Everything runs against the local fake WeChat server with a fake clock; nothing is timed
// inside tests, and the figures are printed, not asserted.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

import * as esbuild from 'esbuild';

import { TokenManager } from '../src/token/manager';
import { WeChatClient } from '../src/wechat/client';
import { createTransport } from '../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../test/fake-wechat/server';
import { FakeClock } from '../test/unit/helpers/fakeClock';
import { MemoryTokenStore } from '../test/unit/helpers/memoryTokenStore';
import { emptyButtonsFigure, menuValidationFigure } from './menuValidation';
import { teamRedisDay } from './teamRedis';

const APP_ID = 'wxbench000000000001';
const SECRET = 'benchsecret0123456789abcdef012345';
const ROOT = path.resolve(__dirname, '..', '..');
const MINUTE = 60_000;

interface Row {
  readonly figure: string;
  readonly ours: number;
  readonly baseline: number;
  readonly unit: string;
  readonly goal: string;
}

interface Rig {
  readonly clock: FakeClock;
  readonly fake: FakeWeChat;
  readonly client: WeChatClient;
  /** A TokenManager as one VS Code window builds it; windows sharing `store` share SecretStorage. */
  window(store: MemoryTokenStore): TokenManager;
}

async function startRig(): Promise<Rig> {
  const clock = new FakeClock();
  const fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: SECRET }], now: () => clock.now() });
  const client = new WeChatClient({ settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }), transport: () => createTransport({}) });
  const window = (store: MemoryTokenStore): TokenManager =>
    new TokenManager({
      api: client,
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: async (appId) => ({ appId, appSecret: SECRET }),
    });
  return { clock, fake, client, window };
}

async function tokenCallsPerDay(): Promise<Row> {
  const { clock, fake, client, window: openWindow } = await startRig();
  try {
    const store = new MemoryTokenStore();
    const windows = [0, 1, 2].map(() => openWindow(store));
    for (let minute = 0; minute < 24 * 60; minute++) {
      for (const window of windows) await window.get();
      clock.advance(MINUTE);
    }
    const ours = fake.callsTo('/cgi-bin/stable_token').length;

    // Baseline: what a script does today — fetch a token for every use.
    const before = fake.calls.length;
    for (let use = 0; use < 24 * 60 * windows.length; use++) {
      await client.stableToken({ appId: APP_ID, appSecret: SECRET }, false);
    }
    const baseline = fake.calls.length - before;
    windows.forEach((window) => window.dispose());
    return { figure: 'token HTTP calls, 3 windows × 1 use/min × 24 h', ours, baseline, unit: 'calls', goal: '≤ 13' };
  } finally {
    await fake.close();
  }
}

async function coldConcurrentGets(): Promise<Row> {
  const { fake, client, window: openWindow } = await startRig();
  try {
    const manager = openWindow(new MemoryTokenStore());
    await Promise.all(Array.from({ length: 100 }, () => manager.get()));
    const ours = fake.calls.length;
    const before = fake.calls.length;
    await Promise.all(Array.from({ length: 100 }, () => client.stableToken({ appId: APP_ID, appSecret: SECRET }, false)));
    manager.dispose();
    return {
      figure: 'token HTTP calls, 100 concurrent get() on a cold cache',
      ours,
      baseline: fake.calls.length - before,
      unit: 'calls',
      goal: '1',
    };
  } finally {
    await fake.close();
  }
}

async function bundleFigures(): Promise<Row[]> {
  const ours = path.join(ROOT, 'dist', 'extension.js');
  const eager = path.join(ROOT, 'out', 'bench', 'eager-extension.js');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'bench', 'eagerExtension.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    minify: true,
    outfile: eager,
    logLevel: 'error',
  });
  const kb = (file: string): number => Math.round((statSync(file).size / 1024) * 10) / 10;
  const redisModules = await Promise.all(
    [path.join(ROOT, 'src', 'extension.ts'), path.join(ROOT, 'bench', 'eagerExtension.ts')].map(redisClientModulesIn),
  );
  return [
    {
      figure: 'Redis client modules in the activation bundle',
      ours: redisModules[0]!,
      baseline: redisModules[1]!,
      unit: 'files',
      goal: '0 (dist/redis.js, lazily)',
    },
    { figure: 'activation bundle size', ours: kb(ours), baseline: kb(eager), unit: 'KB', goal: '≤ 40 KB' },
    {
      figure: 'activation bundle require() time (median of 15)',
      ours: requireMs(ours),
      baseline: requireMs(eager),
      unit: 'ms',
      goal: 'ratio well below 1',
    },
  ];
}

/** How many ioredis files (and the one file importing it) a bundle of `entry` contains, from esbuild's metafile. */
async function redisClientModulesIn(entry: string): Promise<number> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  return Object.keys(result.metafile.inputs).filter((input) => /node_modules\/ioredis\/|redis\/redisClient/.test(input)).length;
}

/** Median time to require() a bundle in a fresh Node process, with `vscode` stubbed out. */
function requireMs(bundle: string): number {
  const script = `
    const Module = require('module');
    const load = Module._load;
    Module._load = function (request, ...rest) { return request === 'vscode' ? {} : load.call(this, request, ...rest); };
    const started = process.hrtime.bigint();
    require(${JSON.stringify(bundle)});
    process.stdout.write(String(Number(process.hrtime.bigint() - started) / 1e6));`;
  const samples = Array.from({ length: 15 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  samples.sort((a, b) => a - b);
  return Math.round(samples[7] * 100) / 100;
}

async function teamRedisRows(): Promise<Row[]> {
  const day = await teamRedisDay();
  return [
    // Naive: a developer's script fetching its own token for every use, competing with production.
    {
      figure: 'token-endpoint calls, Redis mode, 3 windows × 24 h',
      ours: day.tokenEndpointCalls,
      baseline: day.uses,
      unit: 'calls',
      goal: '0',
    },
    {
      figure: 'Redis reads (GET+PTTL), Redis mode, 3 windows × 24 h',
      ours: day.redisReads,
      baseline: day.naiveRedisReads,
      unit: 'reads',
      goal: '≤ 2 per key lifetime (margin, expiry)',
    },
  ];
}

function menuValidationRows(): Row[] {
  const figure = menuValidationFigure();
  const empty = emptyButtonsFigure();
  return [
    // Naive: what the validator did before the limits — parse and check all of it, on every edit.
    {
      figure: `menu validation per edit, ${figure.documentKb} KB document`,
      ours: figure.cappedMs,
      baseline: figure.uncappedMs,
      unit: 'ms',
      goal: '< 1 ms (one problem)',
    },
    // Naive: before the cap stopped collecting — every problem collected and sorted, every button walked and shown.
    {
      figure: `menu diagnostics per edit, ${empty.documentKb} KB of {} buttons`,
      ours: empty.diagnosticsMs,
      baseline: empty.uncappedDiagnosticsMs,
      unit: 'ms',
      goal: '< 50 ms',
    },
    {
      figure: `menu preview per edit, ${empty.documentKb} KB of {} buttons`,
      ours: empty.previewMs,
      baseline: empty.uncappedPreviewMs,
      unit: 'ms',
      goal: '< 50 ms',
    },
  ];
}

/**
 * What is in dist/extension.js, largest first, from the metafile esbuild.mjs writes with --metafile
 * (dist/extension.meta.json, kept for the next person to open in esbuild's analyser).
 */
function activationContents(): void {
  const metaFile = path.join(ROOT, 'dist', 'extension.meta.json');
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  };
  const inputs = Object.entries(meta.outputs['dist/extension.js']?.inputs ?? {}).sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput);
  console.log(`\nactivation bundle contents (${path.relative(ROOT, metaFile)}), largest first:`);
  for (const [input, { bytesInOutput }] of inputs.slice(0, 12))
    console.log(`  ${(bytesInOutput / 1024).toFixed(1).padStart(5)} KB  ${input}`);
  const rest = inputs.slice(12).reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
  console.log(`  ${(rest / 1024).toFixed(1).padStart(5)} KB  ${inputs.length - 12} more files`);
}

async function main(): Promise<void> {
  const rows = [
    await tokenCallsPerDay(),
    await coldConcurrentGets(),
    ...(await teamRedisRows()),
    ...(await bundleFigures()),
    ...menuValidationRows(),
  ];
  console.log('figure'.padEnd(58), 'ours'.padStart(9), 'naive'.padStart(9), 'ratio'.padStart(8), '  goal');
  for (const row of rows) {
    const ratio = row.baseline === 0 ? 'n/a' : (row.ours / row.baseline).toFixed(4);
    console.log(
      row.figure.padEnd(58),
      `${row.ours} ${row.unit}`.padStart(9),
      `${row.baseline} ${row.unit}`.padStart(9),
      ratio.padStart(8),
      ` ${row.goal}`,
    );
  }
  activationContents();
}

/** Figure 4: a separate Node process drives the real host; bounded, and its process groups die with it. */
function hostActivation(): void {
  console.log('');
  if (process.env.BENCH_NO_HOST) {
    console.log('activation in the real host: left out (BENCH_NO_HOST is set)');
    return;
  }
  const check = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'vscode-host', 'setup.mjs'), '--check'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (check.status !== 0) {
    console.log(
      `activation in the real host: not measured — the offline VS Code host is not ready (${check.stdout.trim()}); run npm run setup:vscode-host`,
    );
    return;
  }
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'vscode-host', 'run-activation.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 8 * MINUTE,
    killSignal: 'SIGTERM',
  });
  if (run.status !== 0) console.log(`activation in the real host: not measured (exit ${run.status ?? run.signal}; see the lines above)`);
}

main()
  .then(hostActivation)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
