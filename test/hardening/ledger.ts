// The hardening ledger: what `npm run faults` reports. Every fault-injection case, hostile input
// and leak scan in the tests goes through one of the functions below, which count what was tried
// and what was handled (the case's own assertions passed, within its time budget). The counts are
// written per process to out/hardening/<source>-<pid>.json (the unit run and each VS Code extension
// host write their own); scripts/faults.mjs adds them up and compares them with the cases expected
// to run (test/hardening/expected.json), so a case that did not run is reported, never counted as
// handled. Outside `npm run faults` the files are simply left in out/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export type HardeningKind = 'fault' | 'hostile' | 'leak';

/** Which run recorded a case: the plain-node unit run or the real VS Code extension host. */
export type LedgerSource = 'unit' | 'host';

export interface CaseOptions {
  /**
   * Wall-clock budget of one run of the case, in ms. A run that passes its assertions but takes
   * longer is counted as not handled (the report prints its time). Budgets are counted, never
   * asserted: a test does not fail over one. Default: DEFAULT_BUDGET_MS for the kind.
   */
  readonly budgetMs?: number;
}

/**
 * Budgets for cases that declare none. A hostile input that takes seconds is a hang waiting for a
 * bigger input (a backtracking regex, a quadratic walk), so every hostile case has one; faults wait
 * for timeouts by design and have one only when the case declares it.
 */
export const DEFAULT_BUDGET_MS: Readonly<Record<Exclude<HardeningKind, 'leak'>, number | undefined>> = {
  hostile: 1_000,
  fault: undefined,
};

export interface LeakScanOptions {
  /** What the scan looked for, by label (never the value): shown in the report. */
  readonly lookedFor?: readonly string[];
}

/** One case as written to the ledger file (scripts/faults.mjs reads this shape). */
export interface Tally {
  kind: HardeningKind;
  name: string;
  source: LedgerSource;
  tried: number;
  handled: number;
  /** Only for 'leak': occurrences of a secret found where it must not be. */
  leaks: number;
  /** The first failure's message, so the report can say what was not handled. */
  firstFailure?: string;
  /** The budget of one run (ms), if the case has one. */
  budgetMs?: number;
  /** Runs that passed but took longer than budgetMs. */
  overBudget: number;
  /** The slowest run and all runs together (ms, wall clock). */
  maxMs: number;
  totalMs: number;
  /** Only for 'leak': what the scan looked for (labels). */
  lookedFor?: string[];
}

// out/test/hardening/ledger.js → out/hardening/
const LEDGER_DIR = path.resolve(__dirname, '..', '..', 'hardening');

function failed(tally: Tally, err: unknown): void {
  tally.firstFailure ??= err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/** A run that passed: handled if within the budget. */
function passed(tally: Tally, startedAt: number): void {
  const ms = performance.now() - startedAt;
  tally.totalMs += ms;
  tally.maxMs = Math.max(tally.maxMs, ms);
  if (tally.budgetMs !== undefined && ms > tally.budgetMs) {
    tally.overBudget++;
    tally.firstFailure ??= `took ${Math.round(ms)} ms, over its ${tally.budgetMs} ms budget`;
    return;
  }
  tally.handled++;
}

/** The counts of one process (the functions below use one per process; tests of the ledger make their own). */
export class HardeningLedger {
  private readonly byKey = new Map<string, Tally>();
  private source: LedgerSource = 'unit';

  private tallyOf(kind: HardeningKind, name: string): Tally {
    const key = `${kind}\u0000${name}`;
    let tally = this.byKey.get(key);
    if (!tally) {
      tally = { kind, name, source: this.source, tried: 0, handled: 0, leaks: 0, overBudget: 0, maxMs: 0, totalMs: 0 };
      this.byKey.set(key, tally);
    }
    return tally;
  }

  /** See hardeningCase. */
  run<T>(kind: Exclude<HardeningKind, 'leak'>, name: string, run: () => T, options: CaseOptions = {}): T {
    const tally = this.tallyOf(kind, name);
    const budget = options.budgetMs ?? DEFAULT_BUDGET_MS[kind];
    // Several declarations of one case: the strictest budget holds.
    if (budget !== undefined) tally.budgetMs = Math.min(tally.budgetMs ?? budget, budget);
    tally.tried++;
    const startedAt = performance.now();
    let result: T;
    try {
      result = run();
    } catch (err) {
      failed(tally, err);
      throw err;
    }
    if (result instanceof Promise) {
      return result.then(
        (value: unknown) => {
          passed(tally, startedAt);
          return value;
        },
        (err: unknown) => {
          failed(tally, err);
          throw err;
        },
      ) as T;
    }
    passed(tally, startedAt);
    return result;
  }

  /** See recordLeakScan. */
  leakScan(where: string, found: number, options: LeakScanOptions = {}): void {
    const tally = this.tallyOf('leak', where);
    tally.tried++;
    tally.leaks += found;
    if (options.lookedFor) tally.lookedFor = [...new Set([...(tally.lookedFor ?? []), ...options.lookedFor])];
    if (found === 0) tally.handled++;
    else tally.firstFailure ??= `${found} occurrence(s) of a secret`;
  }

  setSource(next: LedgerSource): void {
    this.source = next;
  }

  get currentSource(): LedgerSource {
    return this.source;
  }

  /** The counts so far (copies). */
  tallies(): Tally[] {
    return [...this.byKey.values()].map((t) => ({ ...t }));
  }
}

const ledger = new HardeningLedger();

/**
 * Runs one fault or hostile-input case and counts it: tried when it starts, handled when `run`
 * returns (or resolves) without throwing and within the case's time budget (`options.budgetMs`,
 * else DEFAULT_BUDGET_MS[kind]). The error is rethrown, so the test still fails; a run over its
 * budget does not fail the test, the report counts it as not handled.
 * Works for synchronous predicates too (fast-check properties): wrap the body of the property.
 */
export function hardeningCase<T>(kind: Exclude<HardeningKind, 'leak'>, name: string, run: () => T, options: CaseOptions = {}): T {
  return ledger.run(kind, name, run, options);
}

/**
 * Records one leak scan: `where` names what was scanned (log lines, globalState, a backup file…),
 * `found` how many occurrences of a secret or token it found there. A scan with 0 found is handled.
 * test/hardening/secretForms.ts makes the forms to look for (literal, URL-encoded, JSON-escaped,
 * base64) and records the scan with what it looked for (scanForSecrets).
 */
export function recordLeakScan(where: string, found: number, options: LeakScanOptions = {}): void {
  ledger.leakScan(where, found, options);
}

/**
 * Marks what this process records from now on: the integration entry point sets 'host', so the
 * report can say which cases did not run because the real VS Code host did not.
 */
export function setLedgerSource(next: LedgerSource): void {
  ledger.setSource(next);
}

/** Writes this process's counts now (the extension host may not run exit handlers). */
export function flushLedger(): void {
  const tallies = ledger.tallies();
  if (tallies.length === 0) return;
  try {
    fs.mkdirSync(LEDGER_DIR, { recursive: true });
    fs.writeFileSync(path.join(LEDGER_DIR, `${ledger.currentSource}-${process.pid}.json`), JSON.stringify(tallies, null, 1));
  } catch {
    // The ledger is a report, never a reason for a test to fail.
  }
}

process.on('exit', flushLedger);
