// The refresh lease windows share through the token store: before a background refresh in stable
// mode, a window claims the entry (write, read back: the last writer wins). Another window's live
// claim means it is already fetching the successor: this one keeps the current token and adopts
// the successor when it is stored. A token another window stored meanwhile is adopted at once.
import { isExpired } from './policy';
import type { CachedToken, TokenStore } from './store';

/** How long a window's claim to be fetching a token's successor holds (a request's timeout, with room). */
export const REFRESH_LEASE_MS = 30_000;

/** fetch: this window holds the lease and asks; adopt: use the token another window stored; defer: keep `token` and wait. */
export type LeaseOutcome = { readonly kind: 'fetch' } | { readonly kind: 'adopt' | 'defer'; readonly token: CachedToken };

export async function claimRefreshLease(
  store: Pick<TokenStore, 'read' | 'write'>,
  appId: string,
  current: CachedToken,
  windowId: string,
  now: number,
  isFresh: (token: CachedToken) => boolean,
): Promise<LeaseOutcome> {
  const leasedElsewhere = (entry: CachedToken): boolean =>
    entry.refreshingBy !== undefined && entry.refreshingBy !== windowId && (entry.refreshingUntil ?? 0) > now && !isExpired(entry, now);
  // Read right before the write: a lease written over a token another window just stored would put the old token back.
  const entry = await store.read(appId);
  if (!entry || entry.accessToken !== current.accessToken)
    return entry && isFresh(entry) ? { kind: 'adopt', token: entry } : { kind: 'fetch' };
  if (leasedElsewhere(entry)) return { kind: 'defer', token: entry };
  const { refreshingBy: _by, refreshingUntil: _until, ...plain } = entry;
  await store.write({ ...plain, refreshingBy: windowId, refreshingUntil: now + REFRESH_LEASE_MS });
  const after = await store.read(appId);
  if (after && after.accessToken !== current.accessToken && isFresh(after)) return { kind: 'adopt', token: after };
  return after && leasedElsewhere(after) ? { kind: 'defer', token: after } : { kind: 'fetch' };
}
