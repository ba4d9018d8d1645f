// The hardening report of `npm run faults` (scripts/faults.mjs runs the suites, then this): it adds
// up the ledger files (ledger.ts writes one per process), compares them with the cases expected to
// run (test/hardening/expected.json) and says, per kind, what ran, what did not and why, what was
// not handled (a failed assertion, or a run over its time budget), and how many runs were
// iterations of a repeated case (fast-check properties, loops) rather than distinct cases.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { HardeningKind, LedgerSource, Tally } from './ledger';

export const KINDS: readonly HardeningKind[] = ['fault', 'hostile', 'leak'];
const TITLES: Record<HardeningKind, string> = { fault: 'faults', hostile: 'hostile inputs', leak: 'leak scans' };

/** One case a complete run records: test/hardening/expected.json lists these. */
export interface ExpectedCase {
  readonly kind: HardeningKind;
  readonly name: string;
  readonly source: LedgerSource;
}

/** Why a source's cases did not run at all (undefined: it ran, so a missing case was skipped or renamed). */
export type NotRun = Partial<Record<LedgerSource, string>>;

export interface Report {
  readonly lines: string[];
  /** Expected cases that did not run. */
  readonly skipped: number;
  /** Cases run and not handled (an assertion failed, or a run was over its budget). */
  readonly unhandled: number;
  readonly leaks: number;
  /** Cases run that expected.json does not list yet. */
  readonly newCases: number;
}

const keyOf = (t: { kind: string; name: string }): string => `${t.kind}\u0000${t.name}`;

/** Every ledger file in `dir` (none: []), merged by kind and name. */
export function readLedger(dir: string): Tally[] {
  if (!fs.existsSync(dir)) return [];
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Tally[]);
  return mergeTallies(all);
}

/** One tally per kind and name: a case recorded by two processes is one case with the runs of both. */
export function mergeTallies(tallies: readonly Tally[]): Tally[] {
  const merged = new Map<string, Tally>();
  for (const t of tallies) {
    const prev = merged.get(keyOf(t));
    if (!prev) {
      merged.set(keyOf(t), { ...t, lookedFor: t.lookedFor ? [...t.lookedFor] : undefined });
      continue;
    }
    prev.tried += t.tried;
    prev.handled += t.handled;
    prev.leaks += t.leaks;
    prev.overBudget += t.overBudget;
    prev.maxMs = Math.max(prev.maxMs, t.maxMs);
    prev.totalMs += t.totalMs;
    prev.firstFailure ??= t.firstFailure;
    if (t.budgetMs !== undefined) prev.budgetMs = Math.min(prev.budgetMs ?? t.budgetMs, t.budgetMs);
    if (t.lookedFor) prev.lookedFor = [...new Set([...(prev.lookedFor ?? []), ...t.lookedFor])];
  }
  return [...merged.values()];
}

export function readExpected(file: string): ExpectedCase[] {
  if (!fs.existsSync(file)) return [];
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { cases: ExpectedCase[] }).cases;
}

/** The expected cases as a complete run recorded them, sorted so the file's diff reads well. */
export function expectedFrom(tallies: readonly Tally[]): ExpectedCase[] {
  return tallies
    .map((t) => ({ kind: t.kind, name: t.name, source: t.source }))
    .sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind) || a.source.localeCompare(b.source) || a.name.localeCompare(b.name));
}

export function writeExpected(file: string, tallies: readonly Tally[]): void {
  const comment =
    'The hardening cases a complete `npm run faults` records (unit run + real VS Code host). A case listed here that does not run is reported as not run, and fails the run unless --allow-skips is given. Rewritten by `npm run faults -- --update-expected` after a complete run: review its diff.';
  // One case a line, so a diff shows each case added or gone.
  const cases = expectedFrom(tallies).map((c) => `  ${JSON.stringify({ kind: c.kind, source: c.source, name: c.name })}`);
  fs.writeFileSync(file, `{\n "comment": ${JSON.stringify(comment)},\n "cases": [\n${cases.join(',\n')}\n ]\n}\n`);
}

const ms = (n: number): string => `${n >= 100 ? Math.round(n) : Math.round(n * 10) / 10} ms`;

function reasonFor(source: LedgerSource, notRun: NotRun): string {
  return (
    notRun[source] ??
    (source === 'host'
      ? 'not run in the host (test skipped, failed before it or renamed)'
      : 'not run (test skipped, filtered out or renamed)')
  );
}

function caseLine(t: Tally, known: boolean): string {
  const ok = t.handled === t.tried;
  const unit = t.kind === 'leak' ? 'scan' : 'run';
  const runs = t.tried === 1 && ok ? `1 ${unit}` : `${t.handled}/${t.tried} ${unit}s`;
  const timing = t.kind === 'leak' ? '' : `, max ${ms(t.maxMs)}${t.budgetMs !== undefined ? ` (budget ${t.budgetMs} ms)` : ''}`;
  const over = t.overBudget ? `, ${t.overBudget} over budget` : '';
  const leak = t.kind === 'leak' ? `, ${t.leaks} found${t.lookedFor?.length ? ` (looked for: ${t.lookedFor.join(', ')})` : ''}` : '';
  const fresh = known ? '' : ' (new: not in expected.json)';
  const why = ok ? '' : ` — ${t.firstFailure ?? 'not handled'}`;
  return `  ${ok ? 'ok ' : 'NOT'} ${t.name} [${t.source}]: ${runs}${timing}${over}${leak}${fresh}${why}`;
}

/** The report: a line per case (run or not), then one summary line per kind, last. */
export function buildReport(tallies: readonly Tally[], expected: readonly ExpectedCase[], notRun: NotRun): Report {
  const lines: string[] = ['=== hardening report ==='];
  const seen = new Set(tallies.map(keyOf));
  const known = new Set(expected.map(keyOf));
  const missing = expected.filter((e) => !seen.has(keyOf(e)));
  const fresh = tallies.filter((t) => !known.has(keyOf(t)));
  const summaries: string[] = [];
  let unhandled = 0;

  for (const kind of KINDS) {
    const rows = tallies.filter((t) => t.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
    const absent = missing.filter((m) => m.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
    lines.push(`${kind} (${rows.length} cases run${absent.length ? `, ${absent.length} not run` : ''})`);
    for (const t of rows) lines.push(caseLine(t, known.has(keyOf(t))));
    for (const m of absent) lines.push(`  --- ${m.name} [${m.source}]: ${reasonFor(m.source, notRun)}`);

    const notOk = rows.filter((t) => t.handled < t.tried);
    unhandled += notOk.length;
    const runs = rows.reduce((n, t) => n + t.tried, 0);
    const repeated = rows.filter((t) => t.tried > 1);
    const iterations = repeated.reduce((n, t) => n + t.tried, 0);
    const overBudget = rows.filter((t) => t.overBudget > 0).length;
    let line = `${TITLES[kind]}: ${rows.length} of ${rows.length + absent.length} run`;
    if (kind === 'leak') {
      line += ` (${runs} scans), clean: ${rows.length - notOk.length}, leaks found: ${rows.reduce((n, t) => n + t.leaks, 0)}`;
    } else {
      line += `, handled${kind === 'hostile' ? ' cleanly' : ''}: ${rows.length - notOk.length}`;
      if (overBudget) line += ` (${overBudget} over budget)`;
      line += `; ${runs} runs = ${rows.length - repeated.length} single + ${iterations} in ${repeated.length} repeated (properties, loops)`;
    }
    const reasons = new Map<string, number>();
    for (const m of absent) reasons.set(reasonFor(m.source, notRun), (reasons.get(reasonFor(m.source, notRun)) ?? 0) + 1);
    if (absent.length) line += ` — ${[...reasons].map(([why, n]) => `${n} ${why}`).join('; ')}`;
    summaries.push(line);
  }

  if (fresh.length)
    lines.push(
      `[faults] ${fresh.length} case(s) ran that test/hardening/expected.json does not list yet (after a complete run: npm run faults -- --update-expected)`,
    );
  for (const t of tallies.filter((each) => each.handled < each.tried)) {
    lines.push(`[faults] not handled: ${t.kind} ${t.name} — ${t.firstFailure ?? ''}${t.overBudget ? ` (max ${ms(t.maxMs)})` : ''}`);
  }
  lines.push(...summaries);
  return {
    lines,
    skipped: missing.length,
    unhandled,
    leaks: tallies.reduce((n, t) => n + (t.kind === 'leak' ? t.leaks : 0), 0),
    newCases: fresh.length,
  };
}
