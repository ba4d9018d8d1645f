// Entry point the extension host loads (extensionTestsPath). Runs the suites with mocha (TDD UI)
// and reports pass/fail counts: as console lines (forwarded to the runner's codeAutomationLog) and,
// under the offline runner, as one JSON line per phase in config.resultsFile.
//
// Phases: after phase 1 this module reloads the window; the workbench keeps the test payload in
// its URL, so the new extension host loads this module again and phase 2 runs the `reload-1-*`
// suites, then phase 3 the `reload-2-*` ones. They check what survives (SecretStorage: the AppSecret
// and the cached token, so no HTTP call). The runner gives the web client's SecretStorage a
// persistent key (see scripts/vscode-host/browser.mjs), as the OS keychain does on the desktop.
// Under @vscode/test-cli (desktop) this file is not used and the reload suites are not loaded.
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import { format } from 'util';
import * as vscode from 'vscode';

import { flushLedger, setLedgerSource } from '../hardening/ledger';
import { itConfig } from './support/env';
import { TEST_MS } from './support/timing';

interface Phase {
  readonly name: string;
  readonly files: (name: string) => boolean;
}

export const PHASES: readonly Phase[] = [
  { name: 'first activation', files: (f) => !f.startsWith('reload-') },
  { name: 'after window reload 1', files: (f) => f.startsWith('reload-1') },
  { name: 'after window reload 2', files: (f) => f.startsWith('reload-2') },
];

/** The web workbench has no "Restart Extension Host"; a window reload starts a new host. */
const NEXT_PHASE_COMMAND = 'workbench.action.reloadWindow';

export interface PhaseResult {
  readonly phase: number;
  readonly phaseCount: number;
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  readonly pending: number;
  readonly failures: { title: string; error: string }[];
}

function completedPhases(resultsFile: string | undefined): number {
  if (!resultsFile || !fs.existsSync(resultsFile)) return 0;
  return fs.readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).length;
}

export async function run(): Promise<void> {
  // What the suites count (hardening cases, leak scans) is the real host's: `npm run faults` tells
  // these apart from the unit run's, to say which did not run when the host did not.
  setLedgerSource('host');
  const config = await itConfig();
  const phase = config.resultsFile ? completedPhases(config.resultsFile) : 0;
  const current = PHASES[phase] ?? PHASES[0]!;
  const phased = Boolean(config.resultsFile);

  // Mark the reporter's lines so the runner can show them apart from the workbench's own log.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]): void => {
    for (const line of format(...args).split('\n')) {
      if (/^\s+at .*\/static\/out\/vs\//.test(line)) continue; // the workbench's own frames: noise
      console.log(`[it] ${line}`);
    }
  };
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: TEST_MS, reporter: 'spec' });
  if (config.grep) mocha.grep(config.grep);
  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => (phased ? current.files(f) : !f.startsWith('reload-')))
    .sort();
  for (const f of files) mocha.addFile(path.join(dir, f));
  console.log(`[wechat-it] phase ${phase + 1}/${PHASES.length} (${current.name}): ${files.join(', ')}`);

  const result = await new Promise<PhaseResult>((resolve) => {
    const failures: { title: string; error: string }[] = [];
    const runner = mocha.run(() => {
      resolve({
        phase: phase + 1,
        phaseCount: phased ? PHASES.length : 1,
        name: current.name,
        passed: runner.stats?.passes ?? 0,
        failed: runner.stats?.failures ?? failures.length,
        pending: runner.stats?.pending ?? 0,
        failures,
      });
    });
    runner.on('fail', (test, err: Error) => {
      failures.push({ title: test.fullTitle(), error: String(err?.message ?? err) });
    });
  });
  console.log(`[wechat-it] phase ${result.phase}: ${result.passed} passed, ${result.failed} failed`);
  // Every case of this phase, also those of suites after the last one that flushed: the reload
  // below stops this host without running its exit handlers.
  flushLedger();
  if (config.resultsFile) fs.appendFileSync(config.resultsFile, JSON.stringify(result) + '\n');

  if (phased && phase + 1 < PHASES.length) {
    // Hand over to the next phase: a fresh extension host in the same window loads this module again.
    console.log('[wechat-it] reloading the window for the next phase');
    await vscode.commands.executeCommand(NEXT_PHASE_COMMAND);
    await new Promise(() => undefined); // this host is about to be stopped
  }
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
}
