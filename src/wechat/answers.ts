// Reading what came back: a body as a JSON object, a token grant checked before it can be stored,
// the useful part of a network error. The client's helpers, apart so client.ts holds the request flow.
import { WeChatTransportError } from './apiErrors';
import type { TokenGrant } from './client';
import { accessTokenProblem } from './tokenValue';

/** A body as a JSON object, or undefined for anything else (HTML of a gateway, an array, invalid JSON). */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** WeChat's tokens live 7200 s; anything beyond a day is not a lifetime this client can trust. */
const MAX_TOKEN_LIFETIME_S = 86_400;

/** What the details of a refused answer may show: its shape, never the value (it may be a token). */
function shapeOf(value: unknown): string {
  if (typeof value === 'string') return `a string of ${value.length} characters`;
  return value === undefined ? 'missing' : typeof value === 'number' ? String(value) : typeof value;
}

export function parseGrant(body: Record<string, unknown>, path: string): TokenGrant {
  const accessToken = body['access_token'];
  const expiresIn = body['expires_in'];
  // The one check every source's token passes (src/wechat/tokenValue.ts): a gateway's page, a
  // runaway value or shell syntax in place of a token must not land in SecretStorage.
  const problem = accessTokenProblem(accessToken);
  if (problem !== undefined || typeof accessToken !== 'string') {
    const detail = typeof accessToken === 'string' ? `access_token ${problem ?? ''}` : `access_token: ${shapeOf(accessToken)}`;
    throw new WeChatTransportError('badAnswer', path, detail);
  }
  // `1e400` parses as Infinity: a cache entry that cannot be stored and read back, and a refresh loop.
  if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn <= 0 || expiresIn > MAX_TOKEN_LIFETIME_S) {
    throw new WeChatTransportError('badAnswer', path, `expires_in: ${shapeOf(expiresIn)}`);
  }
  return { accessToken, expiresInSeconds: expiresIn };
}

/** undici wraps the interesting part ("connect ECONNREFUSED 127.0.0.1:8787", ENOTFOUND…) in `cause`. */
export function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String(cause.code) : undefined;
  return code ?? (cause instanceof Error ? cause.message : error.message);
}
