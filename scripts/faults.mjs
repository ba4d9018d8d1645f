#!/usr/bin/env node
// `npm run faults`: runs every hardening case — fault injection against the fake WeChat server and
// the transport, hostile inputs (fuzzed menus, settings, input boxes), and the leak scans (unit level,
// and, when its offline host is installed, the integration suites in the real VS Code) — and prints what the ledger
// (test/hardening/ledger.ts) counted. The last three lines are the report:
//   faults tried / handled, hostile inputs tried / handled cleanly, leaks found (must be 0).
// Exit code 0 only if every case was handled and no leak was found.
//
//   node scripts/faults.mjs [--no-host]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBounded } from './vscode-host/proc.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LEDGER_DIR = path.join(REPO, 'out', 'hardening');
const MIN = 60_000;
const args = process.argv.slice(2);

async function main() {
  await runBounded('npm run compile', 'npm', ['run', '--silent', 'compile'], { cwd: REPO, timeoutMs: 5 * MIN, inherit: true });
  await runBounded('npm run build:tests', 'npm', ['run', '--silent', 'build:tests'], { cwd: REPO, timeoutMs: 5 * MIN, inherit: true });
  fs.rmSync(LEDGER_DIR, { recursive: true, force: true });

  let runFailures = 0;
  const mocha = path.join(REPO, 'node_modules', '.bin', 'mocha');
  try {
    await runBounded('unit hardening cases', mocha, ['--config', '.mocharc.unit.json', '--reporter', 'dot'], { cwd: REPO, timeoutMs: 10 * MIN, inherit: true });
  } catch (err) {
    runFailures++;
    console.error(`[faults] unit run: ${err.message.split('\n')[0]}`);
  }

  const { missingPieces } = await import('./vscode-host/setup.mjs');
  if (args.includes('--no-host') || missingPieces().length > 0) {
    console.log('[faults] the offline VS Code host is not installed (npm run setup:vscode-host): end-to-end leak scan skipped');
  } else {
    const { runIntegration } = await import('./vscode-host/run-integration.mjs');
    // The whole integration run: a [leak] test scans what the tests before it in its suite produced.
    const r = await runIntegration({});
    for (const f of r.failures) console.log(`[faults] FAILED ${f.title}: ${f.error.split('\n')[0]}`);
    runFailures += r.failed;
  }

  const tallies = fs.existsSync(LEDGER_DIR)
    ? fs.readdirSync(LEDGER_DIR).filter((f) => f.endsWith('.json')).flatMap((f) => JSON.parse(fs.readFileSync(path.join(LEDGER_DIR, f), 'utf8')))
    : [];
  const sum = (kind, field) => tallies.filter((t) => t.kind === kind).reduce((n, t) => n + t[field], 0);
  const unhandled = tallies.filter((t) => t.handled < t.tried);

  console.log('\n=== hardening report ===');
  for (const kind of ['fault', 'hostile', 'leak']) {
    const rows = tallies.filter((t) => t.kind === kind).sort((a, b) => a.name.localeCompare(b.name));
    console.log(`${kind} (${rows.length} cases)`);
    for (const t of rows) console.log(`  ${t.handled === t.tried ? 'ok ' : 'NOT'} ${t.name}: ${t.handled}/${t.tried}${kind === 'leak' ? `, ${t.leaks} found` : ''}${t.firstFailure ? ` — ${t.firstFailure}` : ''}`);
  }
  if (runFailures) console.log(`[faults] ${runFailures} test failure(s) outside the counted cases (see above)`);
  for (const t of unhandled) console.log(`[faults] not handled: ${t.kind} ${t.name}`);
  console.log(`faults tried: ${sum('fault', 'tried')}, handled: ${sum('fault', 'handled')}`);
  console.log(`hostile inputs tried: ${sum('hostile', 'tried')}, handled cleanly: ${sum('hostile', 'handled')}`);
  console.log(`leaks found: ${sum('leak', 'leaks')}`);
  return unhandled.length === 0 && runFailures === 0 && sum('leak', 'leaks') === 0 && tallies.length > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
