// The token state the status bar and commands render, and how a re-read of the store changes it.
import type { TokenState } from './managerTypes';
import type { CachedToken, Unsubscribe } from './store';

/** The current state and who listens to it. */
export class TokenStateCell {
  private current: TokenState = { kind: 'setup' };
  private readonly listeners = new Set<(state: TokenState) => void>();

  get state(): TokenState {
    return this.current;
  }

  set(state: TokenState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }

  onDidChange(listener: (state: TokenState) => void): Unsubscribe {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  dispose(): void {
    this.listeners.clear();
  }
}

/**
 * The state after re-reading the store for `appId` (which holds `token`, or nothing). `storeEcho`:
 * the store announced a change; if it still holds the token whose refresh failed (a refresh lease
 * written, this window's own write echoed), nothing is new and the failure stands. Otherwise a
 * stored token is 'ready'; without one a failure keeps its error, anything else is 'empty'.
 */
export function reloadedState(current: TokenState, appId: string, token: CachedToken | undefined, storeEcho: boolean): TokenState {
  const failed = current.kind === 'failed' && current.appId === appId ? current : undefined;
  if (token && storeEcho && failed && failed.token?.accessToken === token.accessToken) return { ...failed, token };
  if (token) return { kind: 'ready', appId, token };
  if (failed) return { ...failed, token: undefined };
  return { kind: 'empty', appId };
}
