// What the Redis token source needs from a Redis client, and what dist/redis.js hands back. No
// library is imported here: the source is bundled into dist/extension.js or a feature's bundle,
// the client into dist/redis.js, so the two only share these shapes — failures cross the bundle
// boundary as plain objects with a code, never as class instances (instanceof would not match).

/** Where the Redis server is, parsed from "wechat.redis.url" (no credentials: they come from SecretStorage). */
export interface RedisEndpoint {
  readonly host: string;
  readonly port: number;
  readonly db: number;
  /** rediss:// — TLS with the system's CAs (plus NODE_EXTRA_CA_CERTS). */
  readonly tls: boolean;
}

export interface RedisCredentials {
  readonly username?: string;
  readonly password?: string;
}

export interface RedisConnectOptions extends RedisEndpoint, RedisCredentials {
  /** Bounds the whole connect: TCP, TLS handshake, HELLO/AUTH and SELECT. */
  readonly connectTimeoutMs: number;
  /** Bounds each GET / PTTL. */
  readonly commandTimeoutMs: number;
  /** Shown in CLIENT LIST, so whoever runs the Redis can tell the extension's read-only connections apart. */
  readonly connectionName?: string;
  /**
   * The largest value a GET may bring: past it (bytes on the wire, counted as they arrive) the GET
   * fails with VALUE_TOO_LARGE and the connection is closed, so the rest is never read nor parsed.
   * Undefined: no bound.
   */
  readonly maxValueBytes?: number;
}

/** The only commands the source ever sends after connecting: both read-only. */
export interface RedisConnection {
  get(key: string): Promise<string | null>;
  /** Milliseconds left; -1 when the key has no TTL, -2 when it does not exist. */
  pttl(key: string): Promise<number>;
  close(): Promise<void>;
}

export type RedisFailureStage = 'connect' | 'select' | 'command';

/** A failure of the client, as a plain object (see the note at the top). */
export interface RedisClientFailure {
  readonly redisClientFailure: true;
  readonly stage: RedisFailureStage;
  /**
   * Node's error code (ECONNREFUSED, ENOTFOUND, EAI_AGAIN, ETIMEDOUT, ERR_SSL_…, CERT_…,
   * DEPTH_ZERO_SELF_SIGNED_CERT …), the first word of a Redis error reply (WRONGPASS, NOAUTH,
   * NOPERM, ERR …), TLS_HANDSHAKE_TIMEOUT (TCP connected, no TLS answer: usually a plain port),
   * CLOSED (the connection ended under a command), or VALUE_TOO_LARGE (a GET's answer ran past
   * RedisConnectOptions.maxValueBytes; the connection was closed under it).
   */
  readonly code: string;
  /** The library's or the server's text. Redis never echoes AUTH arguments; the source scrubs anyway. */
  readonly message: string;
}

export function isRedisClientFailure(value: unknown): value is RedisClientFailure {
  return typeof value === 'object' && value !== null && (value as { redisClientFailure?: unknown }).redisClientFailure === true;
}

/** What dist/redis.js exports; the lazy loader in the UI layer returns it. */
export interface RedisClientModule {
  connectRedis(options: RedisConnectOptions): Promise<RedisConnection>;
}
