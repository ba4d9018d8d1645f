// What becomes of a token a source handed over: the one token check before anything is stored
// (each source refuses such values itself, naming its key or URL; this is the last line), and the
// cache entry it is stored as. Pure functions of the token and the clock.
import { accessTokenProblem, expiryProblem } from '../wechat/tokenValue';
import type { SourcedToken, TokenSourceKind } from './sources/source';
import { CachedToken, TOKEN_LIFETIME_MS, TokenMode } from './store';

/** Why a sourced token must not be stored (tokenValue.ts: its characters and length, its expiry), or undefined. */
export function unlikeToken(sourced: SourcedToken, now: number): string | undefined {
  const problem = accessTokenProblem(sourced.accessToken);
  if (problem !== undefined) return `access_token ${problem}`;
  const late = sourced.expiresAt === undefined ? undefined : expiryProblem(sourced.expiresAt, now);
  return late === undefined ? undefined : `its expiry ${late}`;
}

/**
 * The cache entry for a token obtained now. A token equal to the previous one keeps its obtainedAt;
 * no expiry from the source means WeChat's lifetime from now is the bound (re-read well before). No
 * refresh lease in the entry: the fetch it announced is done.
 */
export function cachedTokenOf(
  appId: string,
  kind: TokenSourceKind,
  mode: TokenMode,
  sourced: SourcedToken,
  previous: CachedToken | undefined,
  now: number,
): CachedToken {
  const same = previous?.accessToken === sourced.accessToken;
  return {
    appId,
    accessToken: sourced.accessToken,
    expiresAt: sourced.expiresAt ?? now + TOKEN_LIFETIME_MS,
    obtainedAt: same && previous ? previous.obtainedAt : now,
    checkedAt: now,
    mode: kind === 'wechat' ? mode : 'stable',
    ...(kind === 'wechat' ? {} : { source: kind }),
    ...(sourced.expiresAt === undefined ? { expiryKnown: false as const } : {}),
  };
}
