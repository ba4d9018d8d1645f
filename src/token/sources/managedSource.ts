// What TokenManager asks of an account's source, whichever it is: WeChat (fetch with the
// AppSecret) or the team's Redis / token service (read what production holds).
import type { TokenMode } from '../store';
import type { SourcedToken, TokenSourceKind } from './source';

export interface ObtainRequest {
  /**
   * The token mode (wechat.tokenMode), read once per request: prepare() confirms a classic fetch
   * and obtain() makes the fetch of this same mode, whatever the setting says by then. Team
   * sources ignore it.
   */
  readonly mode: TokenMode;
  /** Force Refresh: a new token that invalidates the current one (WeChat source only). */
  readonly force: boolean;
  /** The user already agreed to a fetch that breaks the servers' token (classic mode). */
  readonly confirmed: boolean;
  /** A read after WeChat rejected `stale`: the team source's read-rate limit does not apply. */
  readonly afterRejection: boolean;
  /** A timer's refresh (RefreshScheduler): the AppSecret is not sent to an API host the user has not confirmed. */
  readonly background: boolean;
}

export interface ManagedSource {
  readonly kind: TokenSourceKind;
  /** Where the token comes from, for logs, the tooltip and errors (a key, a URL, an API path). */
  describe(appId: string): string;
  /** Runs before the "fetching" state: may decline (classic confirmation) or refuse (force on a team source). */
  prepare(appId: string, request: ObtainRequest): Promise<void>;
  obtain(appId: string, request: ObtainRequest): Promise<SourcedToken>;
  /** A team source still holds the token WeChat rejected: the error that says so (undefined for WeChat). */
  staleError?(appId: string, detail: string): Error;
}
