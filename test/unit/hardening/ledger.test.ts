// The ledger counts what ran and how it ended: a case over its time budget is not handled (and the
// test is not failed for it), a failure is counted and rethrown, a leak scan keeps what it looked for.
// These tests use a ledger of their own, so nothing here reaches the `npm run faults` report.
import * as assert from 'node:assert/strict';

import { DEFAULT_BUDGET_MS, HardeningLedger } from '../../hardening/ledger';

describe('hardening: ledger', () => {
  it('a hostile case has the default budget; a passing run within it is handled', () => {
    const ledger = new HardeningLedger();
    assert.equal(
      ledger.run('hostile', 'h', () => 42),
      42,
    );
    const [t] = ledger.tallies();
    assert.equal(t?.budgetMs, DEFAULT_BUDGET_MS.hostile);
    assert.deepEqual([t?.tried, t?.handled, t?.overBudget], [1, 1, 0]);
  });

  it('a run over its declared budget is tried, not handled, and says so; the test is not failed', async () => {
    const ledger = new HardeningLedger();
    // A budget below zero: every run is over it, whatever the machine's speed.
    ledger.run('hostile', 'slow', () => undefined, { budgetMs: -1 });
    await ledger.run('fault', 'slow async', async () => undefined, { budgetMs: -1 });
    for (const t of ledger.tallies()) {
      assert.deepEqual([t.tried, t.handled, t.overBudget], [1, 0, 1], t.name);
      assert.match(t.firstFailure ?? '', /over its -1 ms budget/);
      assert.ok(t.maxMs >= 0);
    }
  });

  it('the strictest of several declared budgets holds; a fault has none unless declared', () => {
    const ledger = new HardeningLedger();
    ledger.run('hostile', 'x', () => undefined, { budgetMs: 5000 });
    ledger.run('hostile', 'x', () => undefined, { budgetMs: 3000 });
    ledger.run('fault', 'f', () => undefined);
    const byName = new Map(ledger.tallies().map((t) => [t.name, t]));
    assert.equal(byName.get('x')?.budgetMs, 3000);
    assert.equal(byName.get('f')?.budgetMs, undefined);
  });

  it('a failure is rethrown and counted, sync and async', async () => {
    const ledger = new HardeningLedger();
    assert.throws(
      () =>
        ledger.run('hostile', 'boom', () => {
          throw new Error('first line\nsecond');
        }),
      /first line/,
    );
    await assert.rejects(
      ledger.run('fault', 'async boom', () => Promise.reject(new Error('nope'))),
      /nope/,
    );
    const byName = new Map(ledger.tallies().map((t) => [t.name, t]));
    assert.deepEqual([byName.get('boom')?.handled, byName.get('boom')?.firstFailure], [0, 'first line']);
    assert.deepEqual([byName.get('async boom')?.handled, byName.get('async boom')?.firstFailure], [0, 'nope']);
  });

  it('leak scans count occurrences and keep what they looked for; the source is recorded', () => {
    const ledger = new HardeningLedger();
    ledger.setSource('host');
    ledger.leakScan('log', 0, { lookedFor: ['access token'] });
    ledger.leakScan('log', 2, { lookedFor: ['AppSecret', 'access token'] });
    const [t] = ledger.tallies();
    assert.deepEqual([t?.source, t?.tried, t?.handled, t?.leaks, t?.lookedFor], ['host', 2, 1, 2, ['access token', 'AppSecret']]);
  });
});
