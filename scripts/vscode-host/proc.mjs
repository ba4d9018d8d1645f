// Process helpers: every child runs in its own process group, every wait is bounded, and every
// group we started is killed by pid on exit, on failure and on SIGINT/SIGTERM.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';

/** pids (= process-group ids) of groups this process started and has not reaped yet. */
const groups = new Set();
let hooked = false;

function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.error(`[vscode-host] ${sig}: stopping ${groups.size} process group(s)`);
      for (const pid of groups) killGroup(pid, 'SIGKILL');
      process.exit(130);
    });
  }
}

/** Remember a process group started elsewhere (e.g. the browser) so exit/SIGINT kills it too. */
export function adoptGroup(pid) {
  hookExit();
  if (pid) groups.add(pid);
}

export function releaseGroup(pid) {
  groups.delete(pid);
}

/** Kill a whole process group by its leader's pid. Never by name. */
export function killGroup(pid, signal = 'SIGTERM') {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

/**
 * Start a command in its own process group and remember it for cleanup.
 * Returns { child, pid, exited: Promise<{code, signal}>, stop() }.
 */
export function startGroup(cmd, args, { cwd, env, logFile, onLine, inherit = false } = {}) {
  hookExit();
  const out = logFile ? fs.openSync(logFile, 'a') : 'ignore';
  const piped = Boolean(onLine);
  const child = spawn(cmd, args, {
    cwd,
    env: env ?? process.env,
    detached: true, // own process group: kill(-pid) reaches every helper it forks
    stdio: inherit ? ['ignore', 'inherit', 'inherit'] : ['ignore', piped ? 'pipe' : out, piped ? 'pipe' : out],
  });
  const pid = child.pid;
  if (pid) groups.add(pid);
  if (piped) {
    const feed = (stream) => {
      let buf = '';
      stream.on('data', (chunk) => {
        if (logFile) fs.appendFileSync(logFile, chunk);
        buf += chunk.toString();
        let i;
        while ((i = buf.indexOf('\n')) >= 0) {
          onLine(buf.slice(0, i));
          buf = buf.slice(i + 1);
        }
      });
    };
    feed(child.stdout);
    feed(child.stderr);
  }
  const exited = new Promise((resolve) => {
    child.on('error', (err) => resolve({ code: -1, signal: null, error: err }));
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  exited.then(() => {
    if (typeof out === 'number') fs.closeSync(out);
  });
  const stop = async (graceMs = 3000) => {
    if (!pid) return;
    killGroup(pid, 'SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(graceMs).then(() => false)]);
    killGroup(pid, 'SIGKILL'); // helpers forked by the leader may outlive it: always sweep the group
    if (!done) await Promise.race([exited, sleep(2000)]);
    groups.delete(pid);
  };
  return { child, pid, exited, stop };
}

/**
 * Run a command to completion with a hard time limit; prints a heartbeat so long steps show progress.
 * Throws with the tail of the log on failure.
 */
export async function runBounded(label, cmd, args, { cwd, env, timeoutMs, logFile, heartbeatMs = 30000, inherit = false }) {
  const t0 = Date.now();
  if (logFile) fs.appendFileSync(logFile, `\n=== ${label}: ${cmd} ${args.join(' ')}\n`);
  const g = startGroup(cmd, args, { cwd, env, logFile, inherit });
  const beat = setInterval(() => {
    console.log(`[setup]   … ${label} still running (${Math.round((Date.now() - t0) / 1000)} s)`);
  }, heartbeatMs);
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const r = await Promise.race([g.exited, timeout]);
  clearInterval(beat);
  clearTimeout(timer);
  await g.stop(1000);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r === 'timeout' || r.code !== 0) {
    const why =
      r === 'timeout'
        ? `timed out after ${Math.round(timeoutMs / 1000)} s`
        : `exited ${r.code ?? r.signal}${r.error ? ` (${r.error.message})` : ''}`;
    const tail = logFile ? tailOf(logFile, 25) : '';
    throw new Error(`${label} ${why}${tail ? `\n--- last lines of ${logFile} ---\n${tail}` : ''}`);
  }
  return Number(secs);
}

export function tailOf(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Resolve within ms or reject with a message naming what we waited for. */
export async function bounded(promise, ms, what) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s waiting for ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
