// The hardening ledger: what `npm run faults` reports. Every fault-injection case, hostile input
// and leak scan in the tests goes through one of the functions below, which count what was tried
// and what was handled (the case's own assertions passed). The counts are written per process to
// out/hardening/<pid>.json (the unit run and the VS Code extension host each write their own);
// scripts/faults.mjs adds them up. Outside `npm run faults` the files are simply left in out/.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type HardeningKind = 'fault' | 'hostile' | 'leak';

interface Tally {
  kind: HardeningKind;
  name: string;
  tried: number;
  handled: number;
  /** Only for 'leak': occurrences of a secret found where it must not be. */
  leaks: number;
  /** The first failure's message, so the report can say what was not handled. */
  firstFailure?: string;
}

const tallies = new Map<string, Tally>();
// out/test/hardening/ledger.js → out/hardening/
const LEDGER_DIR = path.resolve(__dirname, '..', '..', 'hardening');

function tallyOf(kind: HardeningKind, name: string): Tally {
  const key = `${kind}\u0000${name}`;
  let tally = tallies.get(key);
  if (!tally) {
    tally = { kind, name, tried: 0, handled: 0, leaks: 0 };
    tallies.set(key, tally);
  }
  return tally;
}

function failed(tally: Tally, err: unknown): void {
  tally.firstFailure ??= err instanceof Error ? err.message.split('\n')[0] : String(err);
}

/**
 * Runs one fault or hostile-input case and counts it: tried when it starts, handled when `run`
 * returns (or resolves) without throwing. The error is rethrown, so the test still fails.
 * Works for synchronous predicates too (fast-check properties): wrap the body of the property.
 */
export function hardeningCase<T>(kind: Exclude<HardeningKind, 'leak'>, name: string, run: () => T): T {
  const tally = tallyOf(kind, name);
  tally.tried++;
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
        tally.handled++;
        return value;
      },
      (err: unknown) => {
        failed(tally, err);
        throw err;
      },
    ) as T;
  }
  tally.handled++;
  return result;
}

/**
 * Records one leak scan: `where` names what was scanned (log lines, globalState, a backup file…),
 * `found` how many occurrences of a secret or token it found there. A scan with 0 found is handled.
 */
export function recordLeakScan(where: string, found: number): void {
  const tally = tallyOf('leak', where);
  tally.tried++;
  tally.leaks += found;
  if (found === 0) tally.handled++;
  else tally.firstFailure ??= `${found} occurrence(s) of a secret`;
}

/** Writes this process's counts now (the extension host may not run exit handlers). */
export function flushLedger(): void {
  if (tallies.size === 0) return;
  try {
    fs.mkdirSync(LEDGER_DIR, { recursive: true });
    fs.writeFileSync(path.join(LEDGER_DIR, `${process.pid}.json`), JSON.stringify([...tallies.values()], null, 1));
  } catch {
    // The ledger is a report, never a reason for a test to fail.
  }
}

process.on('exit', flushLedger);

/** What a case run with a time budget adds to its tally (written with the counts). */
interface BudgetTally extends Tally {
  /** The case's budget in ms, wall clock. */
  budgetMs?: number;
  /** The slowest run seen, in ms. */
  slowestMs?: number;
  /** Runs that finished, but later than the budget: tried, not handled. */
  overBudget?: number;
}

/**
 * A case with a time budget: counted like hardeningCase, and handled only when `run` also finished
 * within `budgetMs`. An overrun does not fail the test — a busy machine must not turn a unit test
 * red — but `npm run faults` reports the case as not handled, with the time it took. Budgets are
 * generous (tens of times the usual cost): they catch a hang or a blow-up (a backtracking regex, a
 * quadratic walk), not noise. For a bound that holds on any machine, count work in the test too.
 */
export function hardeningCaseWithin<T>(kind: Exclude<HardeningKind, 'leak'>, name: string, budgetMs: number, run: () => T): T {
  const tally: BudgetTally = tallyOf(kind, name);
  tally.tried++;
  tally.budgetMs = budgetMs;
  const started = performance.now();
  const finished = (): void => {
    const ms = Math.round(performance.now() - started);
    tally.slowestMs = Math.max(tally.slowestMs ?? 0, ms);
    if (ms <= budgetMs) {
      tally.handled++;
      return;
    }
    tally.overBudget = (tally.overBudget ?? 0) + 1;
    tally.firstFailure ??= `took ${ms} ms, over its budget of ${budgetMs} ms`;
  };
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
        finished();
        return value;
      },
      (err: unknown) => {
        failed(tally, err);
        throw err;
      },
    ) as T;
  }
  finished();
  return result;
}
