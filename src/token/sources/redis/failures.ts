// A client failure (a plain object from dist/redis.js) → the TeamSourceError the user sees.
// Details are short and free of secrets: a code, the endpoint, the server's error word.
import { TeamSourceError } from '../teamSourceError';
import { RedisClientFailure, RedisEndpoint } from './connection';
import { describeEndpoint } from './connectionUrl';
import { tooLarge } from './decode';

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'EPIPE', 'ECONNABORTED', 'CLOSED']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const AUTH = new Set(['WRONGPASS', 'NOAUTH']);
const TLS_CODE =
  /^(ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|EPROTO$|TLS_HANDSHAKE_TIMEOUT$|HOSTNAME_MISMATCH$)/;

/** Failures after which the connection cannot be trusted for the next read. */
export function poisonsConnection(failure: RedisClientFailure): boolean {
  return failure.code !== 'NOPERM' && failure.code !== 'WRONGTYPE';
}

/** Failures a reused connection may show when the server dropped it while idle: worth one fresh connection. */
export function isStaleConnection(failure: RedisClientFailure): boolean {
  return failure.code === 'CLOSED' || failure.code === 'ECONNRESET' || failure.code === 'EPIPE';
}

/** Removes the password from a text, however it got there (belt and braces: Redis never echoes it). */
function scrub(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join('***') : text;
}

export function teamSourceErrorFrom(
  failure: RedisClientFailure,
  where: string,
  endpoint: RedisEndpoint,
  password: string | undefined,
): TeamSourceError {
  const at = describeEndpoint(endpoint);
  const serverText = scrub(failure.message, password).slice(0, 160);
  const error = (kind: TeamSourceError['failure'], detail: string): TeamSourceError =>
    new TeamSourceError(kind, 'redis', where, scrub(detail, password));
  const { code } = failure;
  if (failure.stage === 'select') return error('wrongDb', String(endpoint.db));
  if (code === 'VALUE_TOO_LARGE') return tooLarge(where);
  if (AUTH.has(code)) return error('auth', `${code} from ${at}`);
  if (code === 'NOPERM') return error('noPermission', serverText);
  if (code === 'WRONGTYPE') return error('unknownFormat', 'a Redis value that is not a string (WRONGTYPE): hash, list or set');
  if (DNS.has(code)) return error('dns', `${code} ${endpoint.host}`);
  if (code === 'TLS_HANDSHAKE_TIMEOUT') return error('tls', `no TLS handshake from ${at}: is it a plain redis:// port?`);
  if (TLS_CODE.test(code)) return error('tls', `${code} from ${at}`);
  if (code === 'ETIMEDOUT') return error('timeout', `${failure.stage}: ${serverText} (${at})`);
  if (UNREACHABLE.has(code)) return error('unreachable', `${code} ${at}`);
  // Anything else (LOADING, MASTERDOWN, an unexpected reply): the server is there but cannot serve the read now.
  return error('unreachable', `${code}: ${serverText} (${at})`);
}
