// Turns the bytes an SDK stored into a token. SDKs disagree: WxJava stores the token as it is,
// wechatpy json.dumps() it (a JSON-quoted string), silenceper either, co-wechat-api style apps a
// JSON object. Anything else is reported by its shape — never by its value, which is a credential.
import { accessTokenProblem, expiryProblem, MAX_ACCESS_TOKEN_LENGTH } from '../../../wechat/tokenValue';
import { TeamSourceError } from '../teamSourceError';

export type RedisValueFormat = 'plain string' | 'JSON-quoted string' | 'JSON object';

export interface DecodedToken {
  readonly accessToken: string;
  readonly format: RedisValueFormat;
  /**
   * Absolute expiry (ms since the epoch) the value itself states (expires_at / expireTime),
   * used only when the key has no TTL. `expires_in` alone is relative to a write time nobody
   * recorded, so it gives no hint.
   */
  readonly expiresAtHint?: number;
}

/**
 * Text without spaces or controls: what is meant as a token (a plain value, a JSON-quoted one, an
 * access_token field), which then has to pass the one token check (accessTokenProblem). Anything
 * else is a format this decoder does not know.
 */
const TOKEN_TEXT = /^[\x21-\x7e]+$/;

/**
 * The most a token's entry may hold: a token of MAX_ACCESS_TOKEN_LENGTH in a JSON object with a
 * few fields (expires_at, created_at…). The connection stops reading past it (RedisConnectOptions
 * .maxValueBytes), so a 10 MB value is neither downloaded in full nor parsed.
 */
export const MAX_REDIS_VALUE_BYTES = 8 * MAX_ACCESS_TOKEN_LENGTH;

const TOKEN_FIELDS = ['access_token', 'accessToken'] as const;
const EXPIRES_AT_FIELDS = ['expires_at', 'expireTime', 'expiresAt'] as const;

/** Seconds or milliseconds since the epoch? Seconds stay below 1e11 until the year 5138; ms passed 1e11 in 1973. */
function epochMs(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  const ms = n < 1e11 ? n * 1000 : n;
  // Below 2001 is not an absolute time at all (an expires_in stored under the wrong name).
  return ms < 978_307_200_000 ? undefined : ms;
}

/** A description of a value that shows its shape and size only. */
function shapeOf(value: unknown): string {
  if (value === null) return 'JSON null';
  if (Array.isArray(value)) return `JSON array of ${value.length}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object)
      .slice(0, 6)
      .map((k) => (k.length > 24 ? `${k.slice(0, 24)}…` : k));
    return `JSON object without access_token (fields: ${keys.join(', ') || 'none'})`;
  }
  if (typeof value === 'string')
    return value === '' ? 'JSON-quoted empty string' : `JSON-quoted text of ${value.length} characters with spaces or control characters`;
  return `JSON ${typeof value}`;
}

function rawShape(raw: string): string {
  if (raw === '') return 'empty string';
  // A binary codec (Redisson's default, Java serialisation) shows as bytes outside printable ASCII.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x08\x0e-\x1f\x7f-\uffff]/.test(raw)) return `binary or non-ASCII data of ${raw.length} characters`;
  if (/^[{["]/.test(raw)) return `invalid JSON of ${raw.length} characters starting with ${raw[0]}`;
  return `text of ${raw.length} characters with spaces`;
}

export function decodeTokenValue(raw: string, where: string): DecodedToken {
  const unknown = (shape: string): TeamSourceError => new TeamSourceError('unknownFormat', 'redis', where, shape);
  // Before any parsing: the connection already stops reading far beyond this (a client that does not, a race).
  if (raw.length > MAX_REDIS_VALUE_BYTES) throw tooLarge(where);
  /** The value meant as a token must be one: refused by length and character class, never shown. */
  const token = (value: string, what: string): string => {
    const problem = accessTokenProblem(value);
    if (problem !== undefined) throw new TeamSourceError('badToken', 'redis', where, `${what} ${problem}`);
    return value;
  };
  const parsed = parseJson(raw);
  if (parsed === NOT_JSON) {
    // A plain token is never valid JSON (WeChat's contain letters and underscores), so only non-JSON text can be one.
    if (TOKEN_TEXT.test(raw) && !/^[{["]/.test(raw)) return { accessToken: token(raw, 'the plain value'), format: 'plain string' };
    throw unknown(rawShape(raw));
  }
  if (typeof parsed === 'string') {
    if (TOKEN_TEXT.test(parsed)) return { accessToken: token(parsed, 'the JSON-quoted value'), format: 'JSON-quoted string' };
    throw unknown(shapeOf(parsed));
  }
  // Numbers, arrays, true/false/null: valid JSON, no token (e.g. an expires_in stored under the token's key).
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw unknown(shapeOf(parsed));
  const record = parsed as Record<string, unknown>;
  const field = TOKEN_FIELDS.find((name) => typeof record[name] === 'string' && TOKEN_TEXT.test(record[name] as string));
  if (field === undefined) {
    const present = TOKEN_FIELDS.find((name) => name in record);
    throw unknown(present ? `JSON object whose ${present} is not a token (${typeof record[present]})` : shapeOf(parsed));
  }
  const expiresAtHint = EXPIRES_AT_FIELDS.map((name) => epochMs(record[name])).find((ms) => ms !== undefined);
  return {
    accessToken: token(record[field] as string, field),
    format: 'JSON object',
    ...(expiresAtHint !== undefined ? { expiresAtHint } : {}),
  };
}

/** A value larger than a token's entry can be: refused by its size (the connection may have stopped reading it). */
export function tooLarge(where: string): TeamSourceError {
  return new TeamSourceError('badToken', 'redis', where, `a value of more than ${MAX_REDIS_VALUE_BYTES} bytes`);
}

const NOT_JSON: unique symbol = Symbol('not JSON');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return NOT_JSON;
  }
}
/**
 * The absolute expiry from the key's PTTL, which is authoritative: SDKs set it to expires_in
 * minus a safety margin, so it is the safe figure. -1 (no TTL): the value's own expires_at, else
 * unknown. -2 means the key is gone — the caller reports keyMissing before asking this.
 */
export function expiryFrom(pttlMs: number, now: number, decoded: DecodedToken): number | undefined {
  if (pttlMs >= 0) return now + pttlMs;
  return decoded.expiresAtHint;
}

/**
 * expiryFrom, refused when it is further ahead than a token can live (expiryProblem): a PTTL of
 * 1e15 ms is not a WeChat token's, whatever the value holds.
 */
export function checkedExpiry(pttlMs: number, now: number, decoded: DecodedToken, where: string): number | undefined {
  const expiresAt = expiryFrom(pttlMs, now, decoded);
  const problem = expiresAt === undefined ? undefined : expiryProblem(expiresAt, now);
  if (problem !== undefined)
    throw new TeamSourceError('badToken', 'redis', where, `${pttlMs >= 0 ? "the key's TTL" : "the value's expires_at"} ${problem}`);
  return expiresAt;
}
