// When a cached token must be refreshed. Pure functions of the entry and the clock.
import type { TokenSourceKind } from './sources/source';
import { CachedToken } from './store';

/**
 * The stable_token endpoint issues the next token only inside the last 5 minutes; a refresh
 * earlier than that returns the same token with its remaining expires_in.
 */
export const PLATFORM_RENEWAL_WINDOW_MS = 300_000;

/** After WeChat confirmed the same token inside our margin, ask again no sooner than this. */
export const RECHECK_INTERVAL_MS = 60_000;

/** A team token whose source gave no expiry is re-read this often. */
export const UNKNOWN_EXPIRY_RECHECK_MS = 600_000;

/** Anything with an absolute expiry: a token, a jsapi_ticket. */
export interface Expiring {
  readonly expiresAt: number;
}

export function remainingMs(token: Expiring, now: number): number {
  return token.expiresAt - now;
}

export function isExpired(token: Expiring, now: number): boolean {
  return now >= token.expiresAt;
}

/**
 * The moment the token should be refreshed. Normally `expiresAt − margin`. If WeChat already
 * answered with this very token inside the margin (a margin wider than the platform's renewal
 * window), we adopt that answer instead of asking again at once: the next attempt waits for the
 * platform window (or a minute), and never later than expiry.
 */
export function refreshDueAt(token: CachedToken, marginMs: number): number {
  const byMargin = token.expiresAt - marginMs;
  if (token.expiryKnown === false) return Math.min(byMargin, token.checkedAt + UNKNOWN_EXPIRY_RECHECK_MS);
  if (token.checkedAt < byMargin) return byMargin;
  // A team token read again inside the margin is still production's: production replaces it when
  // its key expires, so the next read is then — once per margin period, not every minute.
  if (token.source !== undefined) return token.expiresAt;
  const byPlatform = token.expiresAt - Math.min(marginMs, PLATFORM_RENEWAL_WINDOW_MS);
  return Math.min(token.expiresAt, Math.max(byPlatform, token.checkedAt + RECHECK_INTERVAL_MS));
}

/** How far the wall clock may be behind a token's checkedAt before it counts as set back. */
export const CLOCK_BACK_TOLERANCE_MS = 60_000;

/**
 * The token was confirmed "in the future": the wall clock was set back since. Its expiry was
 * computed on the old clock, so it now looks later than WeChat's by the jump — the token may be
 * dead while the countdown shows hours. Such a token is due at once (stable mode answers with its
 * real remaining lifetime, measured on the new clock).
 */
export function clockWentBack(token: CachedToken, now: number): boolean {
  return token.checkedAt - now > CLOCK_BACK_TOLERANCE_MS;
}

export function isFresh(token: CachedToken, now: number, marginMs: number): boolean {
  return !clockWentBack(token, now) && now < refreshDueAt(token, marginMs);
}

/** What the background refresh depends on. */
export interface AutoRefreshSettings {
  readonly autoRefresh: boolean;
  readonly tokenMode: 'stable' | 'classic';
  /** The active account's token source; undefined without an account. */
  readonly tokenSource: TokenSourceKind | undefined;
}

/**
 * Whether tokens are refreshed in the background. In classic mode every fetch breaks the servers'
 * token, so nothing is fetched without a person; a team account only reads, so its countdown keeps
 * refreshing whatever the token mode.
 */
export function autoRefreshEnabled(settings: AutoRefreshSettings): boolean {
  return settings.autoRefresh && (settings.tokenMode === 'stable' || settings.tokenSource !== 'wechat');
}

/**
 * Whether regaining window focus should re-read a team token: only for a team account, and at most
 * once per `minIntervalMs` since the last read (the reader rate-limits too; checking here first
 * keeps the status bar from flashing "fetching").
 */
export function rereadOnFocus(
  tokenSource: TokenSourceKind | undefined,
  lastReadAt: number | undefined,
  now: number,
  minIntervalMs: number,
): boolean {
  if (tokenSource === undefined || tokenSource === 'wechat') return false;
  return lastReadAt === undefined || now - lastReadAt >= minIntervalMs;
}
