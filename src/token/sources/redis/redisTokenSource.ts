// Reads an account's token, read-only, from the Redis production already keeps it in (GET +
// PTTL of one key). Everything outside is injected — the URL and key settings, the credentials
// from SecretStorage, the client (the lazy loader of dist/redis.js) — so this file runs in plain
// mocha against a real redis-server.
//
// One connection per window, reused across reads; a failure drops it and the next read opens a
// new one; a change of URL or credentials replaces it; dispose() closes it.
import { createHash } from 'node:crypto';

import { Clock } from '../../../common/clock';
import { Logger } from '../../../common/logger';
import { isLoopbackHost } from '../../../wechat/baseUrl';
import type { BeforeSendingCredential } from '../credentialHost';
import { credentialOriginOf } from '../credentialOrigin';
import { ReadOptions, SourcedToken, TeamTokenSource } from '../source';
import { refusalOf, TeamSourceError } from '../teamSourceError';
import {
  isRedisClientFailure,
  RedisClientFailure,
  RedisConnection,
  RedisConnectOptions,
  RedisCredentials,
  RedisEndpoint,
} from './connection';
import { describeEndpoint, parseRedisUrl } from './connectionUrl';
import { checkedExpiry, decodeTokenValue, MAX_REDIS_VALUE_BYTES } from './decode';
import { isStaleConnection, poisonsConnection, teamSourceErrorFrom } from './failures';
import { redisKeyFor, RedisKeySettings } from './layouts';

export interface RedisTokenSourceOptions {
  /** "wechat.redis.url", read at every read so a change takes effect without a reload. */
  readonly url: () => string | undefined;
  readonly keySettings: (appId: string) => RedisKeySettings;
  /** From SecretStorage (WeChat: Set Redis Password); undefined when none is set. */
  readonly credentials: () => Promise<RedisCredentials | undefined>;
  readonly connect: (options: RedisConnectOptions) => Promise<RedisConnection>;
  /** Before AUTH would send the stored credentials to this scheme://host:port (CredentialHostGuard); throws to stop. */
  readonly beforeSending?: BeforeSendingCredential;
  readonly clock: Clock;
  readonly log: Logger;
  readonly connectTimeoutMs?: number;
  readonly commandTimeoutMs?: number;
}

/** Short on purpose: the status bar waits for it, and a VPN that is down should say so quickly. */
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;
const DEFAULT_COMMAND_TIMEOUT_MS = 3000;
const CONNECTION_NAME = 'wechat-vscode-readonly';

interface OpenConnection {
  /** Endpoint and credentials it was opened with, hashed: a change means a new connection. */
  readonly identity: string;
  readonly connection: Promise<RedisConnection>;
}

export class RedisTokenSource implements TeamTokenSource {
  readonly kind = 'redis' as const;
  private open: OpenConnection | undefined;
  private disposed = false;

  constructor(private readonly options: RedisTokenSourceOptions) {}

  describe(appId: string): string {
    let key: string;
    try {
      key = redisKeyFor(appId, this.options.keySettings(appId));
    } catch (error) {
      return error instanceof TeamSourceError ? `${error.where} (${error.detail})` : `redis settings of ${appId}`;
    }
    try {
      return `${key} (db ${parseRedisUrl(this.options.url()).db})`;
    } catch {
      return key;
    }
  }

  refusal(kind: 'forceNotOffered' | 'stale', appId: string, detail?: string): Error {
    return refusalOf(this, kind, appId, detail);
  }

  async read(appId: string, readOptions: ReadOptions = {}): Promise<SourcedToken> {
    if (this.disposed) throw new Error('RedisTokenSource used after dispose()');
    // Read once: the host check below judges the very URL this read connects to (a second read
    // of the setting after an await could name another host than the one AUTH goes to).
    const url = this.options.url();
    const endpoint = parseRedisUrl(url);
    const key = redisKeyFor(appId, this.options.keySettings(appId));
    const where = `${key} (db ${endpoint.db})`;
    const credentials = (await this.options.credentials()) ?? {};
    // Every read, before any connection (a new one sends AUTH; a reused one was opened with them).
    if (credentials.username !== undefined || credentials.password !== undefined) {
      const origin = credentialOriginOf('redis', url);
      if (origin) await this.options.beforeSending?.(origin, readOptions.background === true);
    }
    readOptions.signal?.throwIfAborted();

    const fail = (failure: RedisClientFailure): TeamSourceError => teamSourceErrorFrom(failure, where, endpoint, credentials.password);
    let reused = this.isOpenFor(endpoint, credentials);
    let value: string | null;
    let pttl: number;
    for (;;) {
      const connection = await this.connection(endpoint, credentials).catch((error: unknown) => {
        throw isRedisClientFailure(error) ? fail(error) : error;
      });
      readOptions.signal?.throwIfAborted();
      try {
        // Sent back to back on one connection, so Redis answers both in one round trip.
        [value, pttl] = await Promise.all([connection.get(key), connection.pttl(key)]);
        break;
      } catch (error) {
        if (!isRedisClientFailure(error)) throw error;
        if (poisonsConnection(error)) await this.closeConnection();
        // A connection the server dropped while idle: one fresh connection, then report.
        if (reused && isStaleConnection(error)) {
          this.options.log.debug(`Redis: reused connection to ${describeEndpoint(endpoint)} was gone (${error.code}); reconnecting once`);
          reused = false;
          continue;
        }
        throw fail(error);
      }
    }
    if (value === null || pttl === -2) throw new TeamSourceError('keyMissing', 'redis', where);
    const decoded = decodeTokenValue(value, where);
    const expiresAt = checkedExpiry(pttl, this.options.clock.now(), decoded, where);
    this.options.log.debug(`Redis: read ${where}: ${decoded.format}, ${pttl >= 0 ? `TTL ${Math.round(pttl / 1000)} s` : 'no TTL'}`);
    return { accessToken: decoded.accessToken, expiresAt, format: decoded.format };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    await this.closeConnection();
  }

  private isOpenFor(endpoint: RedisEndpoint, credentials: RedisCredentials): boolean {
    return this.open?.identity === identityOf(endpoint, credentials);
  }

  private async connection(endpoint: RedisEndpoint, credentials: RedisCredentials): Promise<RedisConnection> {
    const identity = identityOf(endpoint, credentials);
    if (this.open && this.open.identity !== identity) {
      this.options.log.debug('Redis: URL or credentials changed; closing the old connection');
      await this.closeConnection();
    }
    // A read that was under way when the source was closed (switch, settings or password change)
    // must not open a connection nobody will close.
    if (this.disposed) throw new TeamSourceError('unreachable', 'redis', 'wechat.redis.url', 'the Redis source was closed');
    if (!this.open) {
      if (!endpoint.tls && !isLoopbackHost(endpoint.host)) {
        // Allowed (many internal Redis servers have no TLS), but said: AUTH and the token travel in clear text.
        this.options.log.warn(
          `Redis: ${describeEndpoint(endpoint)} is plain redis://; the password and the token cross the network unencrypted (use rediss:// if the server offers TLS)`,
        );
      }
      const started = this.options.clock.now();
      const connection = this.options.connect({
        ...endpoint,
        ...credentials,
        connectTimeoutMs: this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
        commandTimeoutMs: this.options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
        connectionName: CONNECTION_NAME,
        // A 10 MB value is refused as it arrives, not downloaded and parsed (decode.ts checks again).
        maxValueBytes: MAX_REDIS_VALUE_BYTES,
      });
      const open: OpenConnection = { identity, connection };
      this.open = open;
      connection.then(
        () => {
          const user = credentials.username ? ` as ${credentials.username}` : '';
          this.options.log.debug(`Redis: connected to ${describeEndpoint(endpoint)}${user} in ${this.options.clock.now() - started} ms`);
        },
        // A failed connect is forgotten so the next read tries again (the caller reports this one).
        () => {
          if (this.open === open) this.open = undefined;
        },
      );
    }
    return this.open.connection;
  }

  private async closeConnection(): Promise<void> {
    const open = this.open;
    this.open = undefined;
    if (!open) return;
    const connection = await open.connection.catch(() => undefined);
    await connection?.close();
  }
}

/** Hashed so the source keeps no second copy of the password around. */
function identityOf(endpoint: RedisEndpoint, credentials: RedisCredentials): string {
  return createHash('sha256')
    .update(JSON.stringify([describeEndpoint(endpoint), credentials.username ?? '', credentials.password ?? '']))
    .digest('hex');
}
