// "wechat.redis.url" → where to connect. The URL is a setting (synced, shown, shared in
// workspace files), so it must not carry credentials: those live in SecretStorage.
import { TeamSourceError } from '../teamSourceError';
import type { RedisEndpoint } from './connection';

export const REDIS_URL_SETTING = 'wechat.redis.url';
const DEFAULT_PORT = 6379;

function misconfigured(detail: string): TeamSourceError {
  // `where` is the setting's name, not the URL: the URL may hold the very password being refused.
  return new TeamSourceError('misconfigured', 'redis', REDIS_URL_SETTING, detail);
}

export function parseRedisUrl(url: string | undefined): RedisEndpoint {
  const text = url?.trim() ?? '';
  if (text === '') throw misconfigured(`"${REDIS_URL_SETTING}" is empty: set it to the team's Redis, e.g. redis://redis.internal:6379/0.`);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    // Not echoed: a malformed URL may still contain a password.
    throw misconfigured(`"${REDIS_URL_SETTING}" is not a URL; expected redis://host:port/db or rediss://host:port/db.`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw misconfigured(
      `"${REDIS_URL_SETTING}" contains a user name or password: remove it from the URL and move the password to SecretStorage with WeChat: Set Redis Password.`,
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw misconfigured(`"${REDIS_URL_SETTING}" must start with redis:// or rediss:// (TLS), not ${parsed.protocol}//.`);
  }
  if (parsed.hostname === '') throw misconfigured(`"${REDIS_URL_SETTING}" has no host name.`);
  if (parsed.search !== '' || parsed.hash !== '') {
    throw misconfigured(
      `"${REDIS_URL_SETTING}" has a query or fragment, which the extension does not read; use redis://host:port/db only.`,
    );
  }
  const dbText = parsed.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d{1,5}$/.test(dbText)) {
    throw misconfigured(`the path of "${REDIS_URL_SETTING}" must be a database number such as /0, not /${dbText.slice(0, 20)}.`);
  }
  return {
    // WHATWG keeps IPv6 literals bracketed; sockets want them bare.
    host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: parsed.port === '' ? DEFAULT_PORT : Number(parsed.port),
    db: dbText === '' ? 0 : Number(dbText),
    tls: parsed.protocol === 'rediss:',
  };
}

/** The endpoint as the user wrote it, for logs and error details (it never held credentials). */
export function describeEndpoint(endpoint: RedisEndpoint): string {
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `${endpoint.tls ? 'rediss' : 'redis'}://${host}:${endpoint.port}/${endpoint.db}`;
}
