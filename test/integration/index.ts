// Entry point the extension host loads (extensionTestsPath). Runs the suites with mocha (TDD UI)
// and reports pass/fail counts: as console lines (forwarded to the runner's codeAutomationLog) and,
// under the offline runner, as one JSON line per phase in config.resultsFile.
//
// Phases: the offline runner cannot reload the window between suites (the web client's
// SecretStorage lives in the window), so after phase 1 this module restarts the extension host;
// VS Code then loads this module again in the new host and phase 2 runs the `restart-*` suites,
// which check what survives a restart (the cached token: no HTTP call). Under @vscode/test-cli
// (desktop) this file is not used; the restart suites skip themselves there.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { itConfig } from './support/env';

interface Phase {
  readonly name: string;
  readonly files: (name: string) => boolean;
}

export const PHASES: readonly Phase[] = [
  { name: 'first activation', files: (f) => !f.startsWith('restart-') },
  { name: 'after extension-host restart 1', files: (f) => f.startsWith('restart-1') },
  { name: 'after extension-host restart 2', files: (f) => f.startsWith('restart-2') },
];

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
  const config = await itConfig();
  const phase = config.resultsFile ? completedPhases(config.resultsFile) : 0;
  const current = PHASES[phase] ?? PHASES[0]!;
  const phased = Boolean(config.resultsFile);

  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec' });
  if (config.grep) mocha.grep(config.grep);
  const dir = __dirname;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .filter((f) => (phased ? current.files(f) : !f.startsWith('restart-')))
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
  if (config.resultsFile) fs.appendFileSync(config.resultsFile, JSON.stringify(result) + '\n');

  if (phased && phase + 1 < PHASES.length) {
    // Hand over to the next phase: a fresh extension host in the same window loads this module again.
    console.log('[wechat-it] restarting the extension host for the next phase');
    await vscode.commands.executeCommand('workbench.action.restartExtensionHost');
    await new Promise(() => undefined); // this host is about to be stopped
  }
  if (result.failed > 0) throw new Error(`${result.failed} integration test(s) failed`);
}
