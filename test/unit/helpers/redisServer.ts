// A real redis-server (Debian's, apt-installed) for the Redis token source tests: an ephemeral
// loopback port, no persistence, a throw-away directory; killed by pid when the suite ends, and
// on process exit should a run die before its after() hook. Admin commands go through redis-cli.
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INSTALL_HINT =
  'redis-server is not installed. Install it with `apt-get update && apt-get install -y redis-server` (Debian/Ubuntu); ' +
  '`npm test` and .ci/run do this themselves when run as root.';

const START_WAIT_MS = 5000;
const STOP_WAIT_MS = 2000;

export interface RedisServer {
  readonly port: number;
  /** The default user's password (the server requires one, so a client without credentials gets NOAUTH). */
  readonly adminPassword: string;
  /** Runs one command as the default user; returns redis-cli's raw output, trimmed. */
  cli(...args: string[]): string;
  stop(): Promise<void>;
}

/**
 * The read-only ACL user the README tells teams to create for the extension: GET and PTTL (TTL, PING
 * and the connection's own commands), on every key, nothing else.
 */
export function addReadOnlyUser(redis: RedisServer, username: string, password: string): void {
  redis.cli(
    'ACL',
    'SETUSER',
    username,
    'on',
    `>${password}`,
    '~*',
    'resetchannels',
    '-@all',
    '+get',
    '+pttl',
    '+ttl',
    '+ping',
    '+hello',
    '+auth',
    '+select',
    '+client|setname',
    '+client|id',
  );
}

function hasRedisServer(): boolean {
  return (
    spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0 &&
    spawnSync('redis-cli', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

/** A free loopback port (closed again at once; redis-server binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  if (!hasRedisServer()) throw new Error(INSTALL_HINT);
  const adminPassword = `admin-${process.pid}-${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), 'wechat-redis-'));
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--requirepass',
      adminPassword,
      '--logfile',
      '',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2000)));
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const cli = (...args: string[]): string =>
    execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), '--no-auth-warning', '-a', adminPassword, ...args], {
      encoding: 'utf8',
      timeout: 5000,
      // redis-cli's "Could not connect" while the server starts is expected, not worth printing.
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    child.kill('SIGTERM');
    if (!(await exited(child, STOP_WAIT_MS))) {
      child.kill('SIGKILL');
      await exited(child, STOP_WAIT_MS);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server exited with ${child.exitCode} before answering:\n${output}`);
    }
    try {
      if (cli('PING') === 'PONG') break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() - started > START_WAIT_MS) {
      await stop();
      throw new Error(`redis-server on port ${port} did not answer PING within ${START_WAIT_MS} ms:\n${output}`);
    }
    await sleep(50);
  }
  return { port, adminPassword, cli, stop };
}

/** A TCP server on loopback that accepts connections and never answers (a hung Redis, a black-holing proxy). */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
