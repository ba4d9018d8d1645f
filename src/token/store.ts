// Where cached tokens live. In VS Code this is SecretStorage (an access_token is a credential),
// shared by every window; `onDidChange` tells a window that another one refreshed.
import { accessTokenProblem, expiryProblem } from '../wechat/tokenValue';

export type TokenMode = 'stable' | 'classic';

/** A team source the token was read from; absent: fetched from WeChat by this machine. */
export type TeamSourceKind = 'redis' | 'url';

/** WeChat's own lifetime of a token: the bound assumed when a team source gives no expiry. */
export const TOKEN_LIFETIME_MS = 7_200_000;

export interface CachedToken {
  readonly appId: string;
  readonly accessToken: string;
  /** Absolute expiry, ms since the epoch: survives sleep, reloads and clock-independent timers. */
  readonly expiresAt: number;
  /** When this token was first received. */
  readonly obtainedAt: number;
  /** Last time WeChat (or the team source) confirmed this token is current. */
  readonly checkedAt: number;
  /** The WeChat API this machine fetched it with; team-read tokens record 'stable' (no fetch broke anything). */
  readonly mode: TokenMode;
  /** Read from the team's Redis or token service instead of fetched. */
  readonly source?: TeamSourceKind;
  /**
   * false when the source gave no expiry (a Redis key without TTL): `expiresAt` is then
   * checkedAt + TOKEN_LIFETIME_MS, an upper bound, and the token is re-read periodically.
   */
  readonly expiryKnown?: false;
  /**
   * A window asking WeChat for this token's successor right now (a lease, not a lock: SecretStorage
   * has no compare-and-set): until `refreshingUntil` other windows keep using this token and adopt
   * the one it stores, instead of asking too.
   */
  readonly refreshingBy?: string;
  readonly refreshingUntil?: number;
}

export interface Unsubscribe {
  dispose(): void;
}

/**
 * One credential per AppID, shared by every window (the access token, the jsapi_ticket). In VS
 * Code each kind is a SecretStorage key prefix.
 */
export interface CredentialStore<Entry extends { readonly appId: string }> {
  read(appId: string): Promise<Entry | undefined>;
  write(entry: Entry): Promise<void>;
  clear(appId: string): Promise<void>;
  /** Fires when any window (this one included) changed the entry of an AppID. */
  onDidChange(listener: (appId: string) => void): Unsubscribe;
}

export type TokenStore = CredentialStore<CachedToken>;

/**
 * A stored entry as a JSON object of this AppID, or undefined when it is missing, corrupt or
 * another account's: the first step of parsing every cached credential defensively.
 */
export function storedEntryOf(text: string | undefined, appId: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const entry = value as Record<string, unknown>;
  return entry['appId'] === appId ? entry : undefined;
}

/** Parses a stored entry defensively: a corrupt or foreign value is treated as "no token". */
export function parseCachedToken(text: string | undefined, appId: string): CachedToken | undefined {
  const entry = storedEntryOf(text, appId);
  if (!entry) return undefined;
  const { accessToken, expiresAt, obtainedAt, checkedAt, mode } = entry;
  if (
    typeof accessToken !== 'string' ||
    accessToken.length === 0 ||
    typeof expiresAt !== 'number' ||
    typeof obtainedAt !== 'number' ||
    (mode !== 'stable' && mode !== 'classic')
  ) {
    return undefined;
  }
  // The one token check again on what is stored: an entry an older version wrote from a hostile
  // team source (shell syntax, an expiry in the year 33715) is not served, but fetched anew. Every
  // entry written since holds an expiry at most MAX_TOKEN_LIFETIME_MS after it was last confirmed.
  const confirmedAt = typeof checkedAt === 'number' ? checkedAt : obtainedAt;
  if (accessTokenProblem(accessToken) !== undefined || expiryProblem(expiresAt, confirmedAt) !== undefined) return undefined;
  const source = entry['source'] === 'redis' || entry['source'] === 'url' ? entry['source'] : undefined;
  return {
    appId,
    accessToken,
    expiresAt,
    obtainedAt,
    checkedAt: confirmedAt,
    mode,
    ...(source ? { source } : {}),
    ...(entry['expiryKnown'] === false ? { expiryKnown: false as const } : {}),
    ...(typeof entry['refreshingBy'] === 'string' && typeof entry['refreshingUntil'] === 'number'
      ? { refreshingBy: entry['refreshingBy'], refreshingUntil: entry['refreshingUntil'] }
      : {}),
  };
}
