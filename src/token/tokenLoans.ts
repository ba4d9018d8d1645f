// Which account each token lent to an API call belongs to, while the call runs: the client's
// per-request token-host check (TokenManager.checkTokenDestination) asks here whose token it is.
// A token lent twice at once (two calls) is forgotten when the last call ends.
import type { CachedToken } from './store';

export class TokenLoans {
  private readonly lent = new Map<string, { readonly appId: string; uses: number }>();

  /** Runs `call` with the token, known meanwhile as its account's. */
  async lend<T>(token: CachedToken, call: (accessToken: string) => Promise<T>): Promise<T> {
    const entry = this.lent.get(token.accessToken) ?? { appId: token.appId, uses: 0 };
    entry.uses++;
    this.lent.set(token.accessToken, entry);
    try {
      return await call(token.accessToken);
    } finally {
      if (--entry.uses === 0) this.lent.delete(token.accessToken);
    }
  }

  /** The account of a token being used by a call right now; undefined for any other token. */
  ownerOf(accessToken: string): string | undefined {
    return this.lent.get(accessToken)?.appId;
  }
}
