#!/usr/bin/env node
// Activation cost in the real offline VS Code host, beside an empty extension, measured the same way
// in the same run. Figures only, never an assertion. Two sessions, each a fresh server + chromium:
//
//  1. "Show Running Extensions": our extension (an unpacked copy of what the .vsix ships, production
//     bundle) and two no-op extensions (folder names sorting before and after ours, since the host
//     starts onStartupFinished extensions in folder-name order) are installed side by side. After each
//     window load the runner opens Developer: Show Running Extensions like a person and reads the
//     figure VS Code shows there: codeLoadingTime + activateCallTime of the extension host's own
//     ActivationTimes (codeLoadingTime also spans the host's awaits: the l10n bundle fetch for a
//     non-English display language and whatever other extensions do meanwhile).
//  2. Breakdown: a generated probe extension (ours not installed) requires our dist/extension.js itself
//     and calls activate() with its own real ExtensionContext (extensionUri pointed at our copy) and
//     the real `vscode` API behind a timing proxy, so every API call activate() makes synchronously is
//     timed (output channel, commands, status bar item, configuration, listeners, l10n.t, …), as is
//     the asynchronous SecretStorage read that activate() starts.
//
//   node scripts/vscode-host/run-activation.mjs [--runs N] [--verbose]
// Expects a production bundle in dist/ (`node esbuild.mjs --production`; npm run bench does it).
/* global document -- the function passed to page.evaluate() runs in the browser */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

import { withHost } from './host.mjs';
import { REPO } from './paths.mjs';
import { bounded, sleep } from './proc.mjs';

// Show Running Extensions names each row by its display name.
const EMPTY = [
  { publisher: 'aa-bench', name: 'empty', displayName: 'empty extension (sorts first)' },
  { publisher: 'zz-bench', name: 'empty', displayName: 'empty extension (sorts last)' },
];
const PROBE = { publisher: 'zz-bench', name: 'activation-probe', displayName: 'activation probe' };

/** Our display name as the workbench shows it (package.nls.json resolves %displayName%). */
function oursDisplayName() {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'));
  return pkg.displayName.replace(/^%(.+)%$/, (_m, key) => nls[key] ?? key);
}
const APP_ID = 'wx0123456789abcdef';

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

const manifest = ({ publisher, name, displayName }, extra = {}) => ({
  name,
  publisher,
  displayName,
  version: '0.0.1',
  engines: { vscode: '^1.96.0' },
  main: './extension.js',
  activationEvents: ['onStartupFinished'],
  ...extra,
});

/** A no-op extension: the floor every extension pays. Returns its folder. */
function writeEmpty(stage, ext) {
  const dir = path.join(stage, `${ext.publisher}.${ext.name}-0.0.1`);
  writeJson(path.join(dir, 'package.json'), manifest(ext));
  fs.writeFileSync(path.join(dir, 'extension.js'), 'exports.activate = function () {};\nexports.deactivate = function () {};\n');
  return dir;
}

/** Our extension as the .vsix unpacks it (what activation reads), from the current dist/. */
function copyOurs(dir) {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  const target = path.join(dir, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
  fs.mkdirSync(target, { recursive: true });
  for (const f of fs.readdirSync(REPO)) if (/^package(\.nls.*)?\.json$/.test(f)) fs.copyFileSync(path.join(REPO, f), path.join(target, f));
  for (const d of ['l10n', 'media']) fs.cpSync(path.join(REPO, d), path.join(target, d), { recursive: true });
  fs.mkdirSync(path.join(target, 'dist'));
  for (const f of fs.readdirSync(path.join(REPO, 'dist')).filter((f) => f.endsWith('.js'))) {
    fs.copyFileSync(path.join(REPO, 'dist', f), path.join(target, 'dist', f));
  }
  return target;
}

// The probe runs in the extension host (CommonJS). It loads our bundle with `vscode` resolved to a
// forwarding proxy of its own API object that times each call; classes and enums pass through
// unchanged, so `instanceof vscode.Uri` and friends still hold.
const PROBE_SOURCE = String.raw`
const vscode = require('vscode');
const Module = require('module');
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

let disposables = [];
exports.deactivate = () => { for (const d of disposables) try { d.dispose(); } catch { /* ignore */ } };

exports.activate = function (probeContext) {
  const target = process.env.WECHAT_BENCH_TARGET;
  const out = process.env.WECHAT_BENCH_OUT;
  if (!target || !out) return;
  const calls = new Map();
  const pending = [];
  let phase = 'require';
  const record = (name, ms) => {
    const key = phase + ' ' + name;
    const s = calls.get(key) || { calls: 0, ms: 0 };
    s.calls++; s.ms += ms;
    calls.set(key, s);
  };
  const asyncTimes = [];
  const timeAsync = (name, promise) => {
    const t = performance.now();
    pending.push(Promise.resolve(promise).then(() => asyncTimes.push({ name, ms: performance.now() - t }), () => asyncTimes.push({ name: name + ' (rejected)', ms: performance.now() - t })));
    return promise;
  };
  /** A proxy over an empty object that forwards to real: frozen API objects stay untouched. */
  const forward = (real, label, wrapFn) => new Proxy(Object.create(null), {
    get(_t, key) {
      if (typeof key !== 'string') return Reflect.get(real, key);
      const t = performance.now();
      const v = Reflect.get(real, key);
      const getMs = performance.now() - t;
      if (typeof v !== 'function') { record(label + '.' + key + ' (get)', getMs); return v; }
      if (/^[A-Z]/.test(key)) return v; // class or enum constructor: keep identity
      return wrapFn ? wrapFn(key, v) : function (...args) {
        const t0 = performance.now();
        try { return Reflect.apply(v, real, args); } finally { record(label + '.' + key, performance.now() - t0); }
      };
    },
    set(_t, key, value) {
      const t = performance.now();
      try { return Reflect.set(real, key, value); } finally { record(label + '.' + String(key) + ' =', performance.now() - t); }
    },
    has: (_t, key) => key in real,
    ownKeys: () => Reflect.ownKeys(real).filter((k) => typeof k === 'string'),
    getOwnPropertyDescriptor: (_t, key) => (key in real ? { configurable: true, enumerable: true, writable: true, value: real[key] } : undefined),
  });
  const RESULT_LABELS = { 'window.createOutputChannel': 'OutputChannel', 'window.createStatusBarItem': 'StatusBarItem' };
  const namespace = (ns, label) => forward(ns, label, (key, fn) => function (...args) {
    const t0 = performance.now();
    let result;
    try { result = Reflect.apply(fn, ns, args); } finally { record(label + '.' + key, performance.now() - t0); }
    const as = RESULT_LABELS[label + '.' + key];
    return as && result ? forward(result, as) : result;
  });
  const namespaces = {};
  const api = new Proxy(Object.create(null), {
    get(_t, key) {
      const v = vscode[key];
      if (typeof key === 'string' && /^[a-z]/.test(key) && v && typeof v === 'object') return (namespaces[key] = namespaces[key] || namespace(v, key));
      return v;
    },
    has: (_t, key) => key in vscode,
    ownKeys: () => Reflect.ownKeys(vscode).filter((k) => typeof k === 'string'),
    getOwnPropertyDescriptor: (_t, key) => (key in vscode ? { configurable: true, enumerable: true, writable: true, value: api[key] } : undefined),
  });
  const load = Module._load;
  Module._load = function (request, parent, ...rest) {
    if (request === 'vscode' && parent && parent.filename && parent.filename.startsWith(target + path.sep)) return api;
    return load.call(this, request, parent, ...rest);
  };
  const secrets = forward(probeContext.secrets, 'SecretStorage', (key, fn) => function (...args) {
    const t0 = performance.now();
    let result;
    try { result = Reflect.apply(fn, probeContext.secrets, args); } finally { record('SecretStorage.' + key, performance.now() - t0); }
    return key === 'get' ? timeAsync('SecretStorage.get', result) : result;
  });
  const subscriptions = [];
  disposables = subscriptions;
  const overrides = {
    subscriptions,
    secrets,
    extensionUri: vscode.Uri.file(target),
    extensionPath: target,
    asAbsolutePath: (p) => path.join(target, p),
  };
  // The real context is frozen: forward through a proxy over an empty object.
  const context = new Proxy(Object.create(null), {
    get: (_t, key) => (key in overrides ? overrides[key] : Reflect.get(probeContext, key)),
    has: (_t, key) => key in overrides || key in probeContext,
  });

  const bundle = path.join(target, 'dist', 'extension.js');
  let requireMs;
  let activateMs;
  try {
    const t0 = performance.now();
    const mod = require(bundle);
    requireMs = performance.now() - t0;
    phase = 'activate';
    const t1 = performance.now();
    mod.activate(context);
    activateMs = performance.now() - t1;
    phase = 'after';
  } catch (error) {
    fs.appendFileSync(out, JSON.stringify({ error: String((error && error.stack) || error) }) + '\n');
    return;
  }
  const settled = Promise.race([Promise.allSettled(pending.slice()), new Promise((r) => setTimeout(r, 10000))]);
  settled.then(() => {
    const list = [...calls].map(([key, s]) => ({ phase: key.slice(0, key.indexOf(' ')), name: key.slice(key.indexOf(' ') + 1), calls: s.calls, ms: s.ms }));
    fs.appendFileSync(out, JSON.stringify({ requireMs, activateMs, calls: list, asyncTimes, language: vscode.env.language }) + '\n');
  });
};
`;

function writeProbe(stage) {
  const dir = path.join(stage, `${PROBE.publisher}.${PROBE.name}-0.0.1`);
  writeJson(path.join(dir, 'package.json'), manifest(PROBE));
  fs.writeFileSync(path.join(dir, 'extension.js'), PROBE_SOURCE);
  return dir;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Opens Developer: Show Running Extensions and returns {id or display name → ms}. */
async function readRunningExtensions(page, wanted) {
  const deadline = Date.now() + 45_000;
  let last = {};
  while (Date.now() < deadline) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input.input').filter({ visible: true }).first();
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>Developer: Show Running Extensions');
    await page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ visible: true, hasText: 'Show Running Extensions' })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page
      .locator('.runtime-extensions-editor')
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
    await sleep(500);
    // The list is virtual (only rows in view are in the DOM): scroll through it and collect.
    last = {};
    const editor = page.locator('.runtime-extensions-editor').filter({ visible: true }).first();
    const box = await editor.boundingBox().catch(() => null);
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
    for (let step = 0; step < 20 && !wanted.every((w) => w in last); step++) {
      Object.assign(
        last,
        await page.evaluate(() => {
          const rows = {};
          for (const el of document.querySelectorAll('.runtime-extensions-editor .extension')) {
            const name = el.querySelector('.name')?.textContent?.trim() ?? '';
            rows[name] = el.querySelector('.activation-time')?.textContent?.trim() ?? '';
          }
          return rows;
        }),
      );
      await page.mouse.wheel(0, 200);
      await sleep(150);
    }
    if (wanted.every((w) => /\d+\s*ms/.test(last[w] ?? ''))) break;
    await sleep(1000);
  }
  const figures = {};
  for (const w of wanted) {
    const m = /(\d+)\s*ms/.exec(last[w] ?? '');
    if (!m) throw new Error(`Show Running Extensions shows no activation time for ${w} (rows: ${JSON.stringify(last).slice(0, 400)})`);
    figures[w] = { ms: Number(m[1]), text: last[w] };
  }
  // Close the editor so the next load starts like the first.
  await page.keyboard.press('Escape');
  return figures;
}

/** Session 1: ours beside the empty extensions, read where a person reads it. */
async function runningExtensionsSession({ runs, verbose, log }) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-activation-'));
  try {
    const install = [copyOurs(stage), ...EMPTY.map((e) => writeEmpty(stage, e))];
    const wanted = [oursDisplayName(), ...EMPTY.map((e) => e.displayName)];
    const samples = Object.fromEntries(wanted.map((w) => [w, []]));
    await withHost(
      { verbose, smokeTestDriver: false, disableWorkspaceTrust: true, settings: { 'wechat.appId': APP_ID }, copyExtensions: install },
      async ({ server, page }) => {
        for (let i = 0; i < runs; i++) {
          if (i === 0) await page.goto(server.workbenchUrl(), { waitUntil: 'domcontentloaded' });
          else await page.reload({ waitUntil: 'domcontentloaded' });
          await page.locator('.monaco-workbench').first().waitFor({ state: 'visible', timeout: 60_000 });
          await page.locator('[id$="wechat.token"]').first().waitFor({ state: 'visible', timeout: 60_000 });
          const figures = await bounded(readRunningExtensions(page, wanted), 60_000, 'Show Running Extensions');
          for (const w of wanted) samples[w].push(figures[w].ms);
          log(`  load ${i + 1}/${runs}: ${wanted.map((w) => `${w} ${figures[w].text}`).join(', ')}`);
        }
      },
    );
    return samples;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

/** Session 2: the probe loads and activates our bundle with every API call timed. */
async function breakdownSession({ runs, verbose, log }) {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'wechat-activation-probe-'));
  const outFile = path.join(stage, 'probe.jsonl');
  try {
    const ours = copyOurs(path.join(stage, 'copy'));
    const samples = [];
    await withHost(
      {
        verbose,
        smokeTestDriver: false,
        disableWorkspaceTrust: true,
        settings: { 'wechat.appId': APP_ID },
        env: { WECHAT_BENCH_TARGET: ours, WECHAT_BENCH_OUT: outFile },
        copyExtensions: [writeProbe(stage), writeEmpty(stage, EMPTY[0])],
      },
      async ({ server, page }) => {
        for (let i = 0; i < runs; i++) {
          if (i === 0) await page.goto(server.workbenchUrl(), { waitUntil: 'domcontentloaded' });
          else await page.reload({ waitUntil: 'domcontentloaded' });
          const deadline = Date.now() + 60_000;
          const lines = () => (fs.existsSync(outFile) ? fs.readFileSync(outFile, 'utf8').split('\n').filter(Boolean) : []);
          while (lines().length <= i && Date.now() < deadline) await sleep(250);
          const all = lines();
          if (all.length <= i) throw new Error(`the activation probe reported nothing within 60 s (load ${i + 1})`);
          const sample = JSON.parse(all[i]);
          if (sample.error) throw new Error(`the activation probe failed: ${sample.error.split('\n').slice(0, 3).join(' | ')}`);
          samples.push(sample);
          log(`  load ${i + 1}/${runs}: require ${sample.requireMs.toFixed(1)} ms, activate() ${sample.activateMs.toFixed(1)} ms`);
        }
      },
    );
    return samples;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** What to call each API: grouped the way activate() uses them. */
function group(name) {
  if (/^window\.createOutputChannel$|^OutputChannel\./.test(name)) return 'output channel (create + log lines)';
  if (/^commands\.registerCommand$/.test(name)) return 'command registrations';
  if (/^window\.createStatusBarItem$|^StatusBarItem\./.test(name)) return 'status bar item (create, set fields, show)';
  if (/^workspace\.getConfiguration$/.test(name)) return 'configuration reads';
  if (/^workspace\.on|^window\.on|^SecretStorage\.onDidChange/.test(name)) return 'event listeners';
  if (/^workspace\.registerTextDocumentContentProvider$|^workspace\.textDocuments/.test(name))
    return 'menu loader (schema provider, open documents)';
  if (/^l10n\./.test(name)) return 'l10n.t lookups';
  if (/^SecretStorage\./.test(name)) return 'SecretStorage (sync part)';
  return 'other API';
}

export function summarize(running, probe) {
  const lines = [];
  lines.push('activation in the real host — Show Running Extensions (codeLoadingTime + activateCallTime), per window load:');
  for (const [id, xs] of Object.entries(running)) {
    lines.push(
      `  ${id.padEnd(38)} median ${String(median(xs)).padStart(4)} ms   range ${Math.min(...xs)}–${Math.max(...xs)} ms   (${xs.join(', ')})`,
    );
  }
  const [oursName] = Object.keys(running);
  const ours = median(running[oursName]);
  const empties = Object.entries(running)
    .filter(([id]) => id !== oursName)
    .map(([, xs]) => median(xs));
  const diffs = empties.map((e) => ours - e).sort((a, b) => a - b);
  lines.push(`  ours − empty (medians): ${diffs.map((d) => d.toFixed(0)).join('–')} ms`);
  // The extensions load in the same window each time, so each load gives one interleaved comparison.
  const emptyRuns = Object.entries(running)
    .filter(([id]) => id !== oursName)
    .map(([, xs]) => xs);
  const perLoad = running[oursName].map((x, i) => x - Math.max(...emptyRuns.map((xs) => xs[i] ?? -Infinity)));
  lines.push(
    `  ours − slower empty, per window load: median ${median(perLoad).toFixed(0)} ms (${perLoad.map((d) => d.toFixed(0)).join(', ')}; goal ≤ 10 ms)`,
  );
  if (probe.length) {
    const req = median(probe.map((p) => p.requireMs));
    const act = median(probe.map((p) => p.activateMs));
    lines.push(`activation breakdown (probe in the real host, median of ${probe.length} loads, display language ${probe[0].language}):`);
    lines.push(`  require(dist/extension.js)              ${fmt(req)}`);
    lines.push(`  activate() synchronous                  ${fmt(act)}`);
    const byGroup = new Map();
    const byName = new Map();
    for (const p of probe) {
      const perLoad = new Map();
      for (const c of p.calls.filter((c) => c.phase === 'activate')) {
        const g = group(c.name);
        perLoad.set(g, perLoad.get(g) ?? { ms: 0, calls: 0 });
        perLoad.get(g).ms += c.ms;
        perLoad.get(g).calls += c.calls;
        if (!byName.has(c.name)) byName.set(c.name, []);
        byName.get(c.name).push(c);
      }
      for (const [g, v] of perLoad) {
        if (!byGroup.has(g)) byGroup.set(g, []);
        byGroup.get(g).push(v);
      }
    }
    let apiTotal = 0;
    const rows = [...byGroup]
      .map(([g, vs]) => ({ g, ms: median(vs.map((v) => v.ms)), calls: median(vs.map((v) => v.calls)) }))
      .sort((a, b) => b.ms - a.ms);
    for (const r of rows) {
      apiTotal += r.ms;
      lines.push(`    ${r.g.padEnd(46)} ${fmt(r.ms).padStart(9)}  (${r.calls} calls)`);
    }
    lines.push(`    ${'our own code (activate() − API calls)'.padEnd(46)} ${fmt(Math.max(0, act - apiTotal)).padStart(9)}`);
    const top = [...byName]
      .map(([n, cs]) => ({ n, ms: median(cs.map((c) => c.ms)), calls: median(cs.map((c) => c.calls)) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 8);
    lines.push(`  slowest API calls: ${top.map((t) => `${t.n} ×${t.calls} ${fmt(t.ms)}`).join('; ')}`);
    const asyncNames = [...new Set(probe.flatMap((p) => p.asyncTimes.map((a) => a.name)))];
    for (const n of asyncNames) {
      const xs = probe.map((p) => p.asyncTimes.filter((a) => a.name === n).reduce((m, a) => Math.max(m, a.ms), 0));
      const count = median(probe.map((p) => p.asyncTimes.filter((a) => a.name === n).length));
      lines.push(`  after activate() returns: ${n} ×${count}, until the last resolves ${fmt(median(xs))} (not in the figure above)`);
    }
  }
  return lines.join('\n');
}

/**
 * @param {{ runs?: number, verbose?: boolean, log?: (s: string) => void }} [o]
 */
export async function measureActivation(o = {}) {
  const log = o.log ?? ((s) => console.log(s));
  const runs = o.runs ?? 5;
  if (!fs.existsSync(path.join(REPO, 'dist', 'extension.js')))
    throw new Error('dist/extension.js missing: run `node esbuild.mjs --production` first');
  log(`[activation] session 1: Show Running Extensions, ours beside ${EMPTY.length} empty extensions, ${runs} window loads`);
  const running = await runningExtensionsSession({ runs, verbose: o.verbose, log });
  log(`[activation] session 2: breakdown by the activation probe, ${runs} window loads`);
  const probe = await breakdownSession({ runs, verbose: o.verbose, log });
  return { running, probe, summary: summarize(running, probe) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const ri = args.indexOf('--runs');
  measureActivation({ runs: ri >= 0 ? Number(args[ri + 1]) : undefined, verbose: args.includes('--verbose') }).then(
    (r) => {
      console.log(r.summary);
      process.exit(0);
    },
    (err) => {
      console.error(`[activation] ERROR: ${err.stack ?? err.message}`);
      process.exit(1);
    },
  );
}
