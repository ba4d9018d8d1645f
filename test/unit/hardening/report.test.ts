// The `npm run faults` report cannot show green for what did not run: an expected case that is
// absent is printed with the reason and counted as skipped; distinct cases and the iterations of
// repeated ones are counted apart; a run over budget is not handled and printed with its time.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { Tally } from '../../hardening/ledger';
import { buildReport, ExpectedCase, expectedFrom, mergeTallies, readExpected, writeExpected } from '../../hardening/report';

function tally(kind: Tally['kind'], name: string, over: Partial<Tally> = {}): Tally {
  return { kind, name, source: 'unit', tried: 1, handled: 1, leaks: 0, overBudget: 0, maxMs: 3, totalMs: 3, ...over };
}

const expected = (tallies: readonly Tally[]): ExpectedCase[] => expectedFrom(tallies);

describe('hardening: the faults report', () => {
  const unit = [
    tally('fault', 'token: HTTP 500'),
    tally('hostile', 'fuzz menu: any JSON value', { tried: 400, handled: 400, budgetMs: 2000 }),
    tally('hostile', 'menu: 3.8 MB document', { budgetMs: 2000, maxMs: 120 }),
    tally('leak', 'fault matrix: token core logs', { tried: 20, handled: 20, lookedFor: ['AppSecret', 'access token'] }),
  ];
  const host = [
    tally('fault', 'backup folder unreadable', { source: 'host' }),
    tally('leak', 'extension log file', { source: 'host' }),
    tally('leak', 'notifications', { source: 'host' }),
  ];

  it('without the host: what did not run is printed with the reason and counted as skipped', () => {
    const report = buildReport(unit, expected([...unit, ...host]), { host: 'host not installed' });
    assert.equal(report.skipped, 3);
    assert.equal(report.unhandled, 0);
    const [faults, hostile, leaks] = report.lines.slice(-3);
    assert.equal(faults, 'faults: 1 of 2 run, handled: 1; 1 runs = 1 single + 0 in 0 repeated (properties, loops) — 1 host not installed');
    assert.equal(hostile, 'hostile inputs: 2 of 2 run, handled cleanly: 2; 401 runs = 1 single + 400 in 1 repeated (properties, loops)');
    assert.equal(leaks, 'leak scans: 1 of 3 run (20 scans), clean: 1, leaks found: 0 — 2 host not installed');
    assert.ok(report.lines.includes('  --- extension log file [host]: host not installed'));
    assert.ok(
      report.lines.some((l) =>
        l.startsWith('  ok  fault matrix: token core logs [unit]: 20/20 scans, 0 found (looked for: AppSecret, access token)'),
      ),
    );
  });

  it('with the host: everything expected ran, nothing skipped', () => {
    const report = buildReport([...unit, ...host], expected([...unit, ...host]), {});
    assert.equal(report.skipped, 0);
    assert.match(report.lines.at(-1) ?? '', /^leak scans: 3 of 3 run \(22 scans\), clean: 3, leaks found: 0$/);
  });

  it('a case missing although its source ran: skipped, "test skipped, filtered out or renamed"', () => {
    const report = buildReport(unit.slice(1), expected(unit), {});
    assert.equal(report.skipped, 1);
    assert.ok(report.lines.includes('  --- token: HTTP 500 [unit]: not run (test skipped, filtered out or renamed)'));
  });

  it('a run over budget is not handled, printed with its time and budget', () => {
    const slow = tally('hostile', 'callback reply: repeated links', {
      tried: 2,
      handled: 1,
      overBudget: 1,
      maxMs: 11_700,
      budgetMs: 500,
      firstFailure: 'took 11700 ms, over its 500 ms budget',
    });
    const report = buildReport([slow], expected([slow]), {});
    assert.equal(report.unhandled, 1);
    assert.ok(
      report.lines.includes(
        '  NOT callback reply: repeated links [unit]: 1/2 runs, max 11700 ms (budget 500 ms), 1 over budget — took 11700 ms, over its 500 ms budget',
      ),
    );
    assert.match(report.lines.at(-2) ?? '', /handled cleanly: 0 \(1 over budget\)/);
  });

  it('a case not in expected.json is counted, marked new, and is no skip', () => {
    const report = buildReport(unit, expected(unit.slice(1)), {});
    assert.equal(report.newCases, 1);
    assert.equal(report.skipped, 0);
    assert.ok(report.lines.some((l) => l.includes('token: HTTP 500 [unit]') && l.includes('(new: not in expected.json)')));
  });

  it("leaks are summed; merging two processes' files adds runs and keeps the worst time", () => {
    const merged = mergeTallies([
      tally('leak', 'x', { leaks: 1, handled: 0 }),
      tally('leak', 'x', { leaks: 2, handled: 0 }),
      tally('hostile', 'y', { maxMs: 5 }),
      tally('hostile', 'y', { maxMs: 9, budgetMs: 100 }),
    ]);
    const byName = new Map(merged.map((t) => [t.name, t]));
    assert.deepEqual([byName.get('x')?.tried, byName.get('x')?.leaks], [2, 3]);
    assert.deepEqual([byName.get('y')?.tried, byName.get('y')?.maxMs, byName.get('y')?.budgetMs], [2, 9, 100]);
    assert.equal(buildReport(merged, [], {}).leaks, 3);
  });

  it('expected.json: written one case a line, read back the same', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hardening-expected-'));
    try {
      const file = path.join(dir, 'expected.json');
      writeExpected(file, [...host, ...unit]);
      assert.deepEqual(readExpected(file), expectedFrom([...unit, ...host]));
      assert.equal(
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.startsWith('  {"kind":')).length,
        unit.length + host.length,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
