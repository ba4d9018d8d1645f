// The only file that imports the Redis library (ioredis). esbuild puts it in dist/redis.js,
// required on the first read of a `redis` token source; activation never loads it.
//
// Read-only by construction: after the handshake (HELLO with AUTH, SELECT, CLIENT SETNAME) only
// GET and PTTL are sent. ioredis' defaults would send more, which a read-only ACL user is
// refused (and which shows in ACL LOG): the ready check's INFO, and CLIENT SETINFO (unknown to
// Redis 7.0). Both are switched off below.
import { isIP, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';

import Redis from 'ioredis';

import type { RedisClientFailure, RedisClientModule, RedisConnection, RedisConnectOptions, RedisFailureStage } from './connection';

/** After an established connection drops, ioredis may reconnect this often (100, 200, 400 ms) before giving up. */
const MAX_RECONNECTS = 3;
/** close() waits this long at most for the socket to end. */
const CLOSE_WAIT_MS = 1000;
/** What a GET's answer carries besides the value ($<length>\r\n…\r\n), with room for PTTL's answer sent along. */
const REPLY_FRAMING_BYTES = 64;

interface ErrorLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/** An ioredis or Node error as the plain object the source maps (see connection.ts). */
function toFailure(error: unknown, stage: RedisFailureStage): RedisClientFailure {
  const err = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const message = typeof err.message === 'string' ? err.message : String(error);
  let code: string;
  if (typeof err.code === 'string' && err.code !== '') code = err.code;
  else if (err.name === 'ReplyError') code = /^[A-Z]+/.exec(message)?.[0] ?? 'ERR';
  else if (message === 'Command timed out') code = 'ETIMEDOUT';
  // ioredis' words for "no connection under this command": closed, reconnecting with no offline
  // queue, or the command was in flight when the socket dropped (maxRetriesPerRequest is 0).
  else if (/Connection is closed|Stream isn't writeable|max retries per request/i.test(message)) code = 'CLOSED';
  else code = 'UNKNOWN';
  // A failed SELECT reaches us as a ReplyError during the handshake.
  const selectFailed = stage === 'connect' && /DB index is out of range|invalid DB index/i.test(message);
  return { redisClientFailure: true, stage: selectFailed ? 'select' : stage, code, message: message.slice(0, 300) };
}

function timeoutFailure(redis: Redis, options: RedisConnectOptions): RedisClientFailure {
  const stream = redis.stream as TLSSocket | undefined;
  // ioredis says "connect" only after the TLS handshake: a TCP peer that never completes one is
  // most often a plain redis:// port addressed as rediss://.
  const tcpUp = stream !== undefined && typeof stream.remoteAddress === 'string';
  if (options.tls && tcpUp && redis.status === 'connecting') {
    return {
      redisClientFailure: true,
      stage: 'connect',
      code: 'TLS_HANDSHAKE_TIMEOUT',
      message: `no TLS handshake within ${options.connectTimeoutMs} ms`,
    };
  }
  return { redisClientFailure: true, stage: 'connect', code: 'ETIMEDOUT', message: `no answer within ${options.connectTimeoutMs} ms` };
}

/** What dist/redis.js exposes to the lazy loader (typed by RedisClientModule, so the two cannot drift). */
export const connectRedis: RedisClientModule['connectRedis'] = async (options: RedisConnectOptions): Promise<RedisConnection> => {
  let established = false;
  let lastError: unknown;
  /** Set when a reconnect's handshake failed (ioredis would carry on, e.g. in db 0 after a failed SELECT). */
  let broken: RedisClientFailure | undefined;
  const redis = new Redis({
    host: options.host,
    port: options.port,
    username: options.username,
    password: options.password,
    db: options.db,
    connectionName: options.connectionName,
    // SNI needs a host name; Node refuses an IP address there.
    tls: options.tls ? (isIP(options.host) ? {} : { servername: options.host }) : undefined,
    lazyConnect: true,
    enableReadyCheck: false,
    disableClientInfo: true,
    // A command without a connection fails at once; the source then opens a fresh connection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    // Our deadline below bounds the first connect; this one bounds ioredis' own reconnects.
    connectTimeout: options.connectTimeoutMs + 500,
    commandTimeout: options.commandTimeoutMs,
    retryStrategy: (times: number) => (established && times <= MAX_RECONNECTS ? 100 * 2 ** (times - 1) : null),
    reconnectOnError: null,
  });
  // Every error goes through here, so none is ever an unhandled 'error' event.
  redis.on('error', (error: unknown) => {
    lastError = error;
    const failure = toFailure(error, 'connect');
    if (established && failure.stage === 'select') {
      broken = failure;
      redis.disconnect();
    }
  });

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(timeoutFailure(redis, options)), options.connectTimeoutMs);
  });
  try {
    await Promise.race([
      redis.connect().then(
        () => {
          // A failed SELECT is emitted as an 'error' while ioredis goes on to "ready" in db 0.
          const failure = lastError === undefined ? undefined : toFailure(lastError, 'connect');
          if (failure?.stage === 'select') throw failure;
        },
        // ioredis rejects with "Connection is closed."; the cause came as an 'error' event.
        (error: unknown) => {
          throw toFailure(lastError ?? error, 'connect');
        },
      ),
      deadline,
    ]);
  } catch (failure) {
    redis.disconnect();
    throw failure;
  } finally {
    clearTimeout(timer);
  }
  established = true;
  lastError = undefined;

  /** GETs under way on this connection: each may bring up to the bound, so the bytes seen are judged against all of them. */
  let pendingGets = 0;
  /**
   * GET with a bound on what it may bring, counted on the socket as the answer arrives: ioredis
   * would buffer a 10 MB value whole before handing it over, and JSON.parse would follow. Past
   * the bound the connection is dropped; the rest of the answer is never read.
   */
  const boundedGet = (key: string, maxBytes: number): Promise<string | null> => {
    const stream: Socket = redis.stream;
    let received = 0;
    let peak = 0;
    let onData: (chunk: Buffer) => void = () => undefined;
    const tooLarge = new Promise<never>((_resolve, reject) => {
      onData = (chunk) => {
        received += chunk.length;
        peak = Math.max(peak, pendingGets);
        if (received <= peak * (maxBytes + REPLY_FRAMING_BYTES)) return;
        const failure: RedisClientFailure = {
          redisClientFailure: true,
          stage: 'command',
          code: 'VALUE_TOO_LARGE',
          message: `a value of more than ${maxBytes} bytes`,
        };
        reject(failure);
        redis.disconnect();
      };
    });
    stream.on('data', onData);
    pendingGets++;
    const get = redis.get(key);
    // Its rejection once the connection is dropped under it is expected, and answered by tooLarge.
    get.catch(() => undefined);
    return Promise.race([get, tooLarge]).finally(() => {
      pendingGets--;
      stream.off('data', onData);
    });
  };

  const run = async <T>(command: () => Promise<T>): Promise<T> => {
    if (broken) throw broken;
    try {
      return await command();
    } catch (error) {
      throw broken ?? toFailure(error, 'command');
    }
  };
  const maxValueBytes = options.maxValueBytes;
  return {
    get: (key) => run(() => (maxValueBytes === undefined ? redis.get(key) : boundedGet(key, maxValueBytes))),
    pttl: (key) => run(() => redis.pttl(key)),
    close: () => close(redis),
  };
};

function close(redis: Redis): Promise<void> {
  // Between reconnect attempts there is no socket: disconnect() only cancels the retry and
  // ioredis emits no 'end', so there is nothing to wait for.
  const socketOpen = ['connecting', 'connect', 'ready'].includes(redis.status);
  // No QUIT: nothing to flush, and one command fewer for the ACL to allow.
  redis.disconnect();
  if (!socketOpen || redis.status === 'end') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, CLOSE_WAIT_MS);
    redis.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
