// What TokenManager is given (its options, the settings it reads) and what it reports (the token
// state the status bar and commands render), apart from the manager so importers of the types do
// not depend on its logic.
import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import type { Credentials, WeChatApi } from '../wechat/client';
import type { ManagedSource } from './sources/managedSource';
import type { CachedToken, TokenMode, TokenStore } from './store';

export interface TokenSettings {
  readonly appId: string | undefined;
  readonly mode: TokenMode;
  readonly refreshMarginSeconds: number;
}

/** What the status bar and commands render. Expiring/expired are derived from the clock. */
export type TokenState =
  | { readonly kind: 'setup' }
  | { readonly kind: 'empty'; readonly appId: string }
  | { readonly kind: 'fetching'; readonly appId: string; readonly token?: CachedToken }
  | { readonly kind: 'ready'; readonly appId: string; readonly token: CachedToken }
  | { readonly kind: 'failed'; readonly appId: string; readonly error: unknown; readonly token?: CachedToken };

export interface TokenManagerOptions {
  readonly api: Pick<WeChatApi, 'classicToken' | 'stableToken'>;
  readonly store: TokenStore;
  readonly clock: Clock;
  readonly settings: () => TokenSettings;
  /** Resolves the AppSecret (SecretStorage); throws MissingCredentialsError when absent. */
  readonly credentials: (appId: string) => Promise<Credentials>;
  /**
   * Asked before every classic-mode fetch the caller has not confirmed already: each classic
   * fetch invalidates the token the account's servers use (about 5 minutes later). `appId` is the
   * account fetched for (a command's pinned one, not necessarily the active one): the modal names it.
   */
  readonly confirmClassicFetch?: (appId: string) => Promise<boolean>;
  /** Asked before a fetch with the AppSecret, ahead of the store's re-read (WeChatSourceOptions.checkSecretHost). */
  readonly checkSecretHost?: (appId: string, background: boolean) => Promise<void>;
  /**
   * The token-host check; rejecting stops the call. Runs before withToken hands the account's token
   * to an API call (`origin` undefined: the API host of the settings now), and again from inside
   * the request with the origin of the exact URL it is about to go to (checkTokenDestination).
   */
  readonly beforeUsingToken?: (appId: string, origin?: string) => Promise<void>;
  /**
   * The team source of an AppID whose account reads its token from the team's Redis or token
   * service; undefined (or no function): the token is fetched from WeChat with the AppSecret.
   */
  readonly teamSource?: (appId: string) => ManagedSource | undefined;
  readonly log?: Logger;
}

export interface RefreshOptions {
  /** force_refresh:true (stable) — issues a new token and invalidates the current one. */
  readonly force?: boolean;
  /** The user asked: ask WeChat even if the store holds a fresh token (normal mode still shares it). */
  readonly always?: boolean;
  /** The user already agreed to a classic-mode fetch (confirmClassicFetch is not asked again). */
  readonly confirmed?: boolean;
  /** Refresh even if the store holds a fresh token, unless it differs from this stale one. */
  readonly stale?: string;
  /** The account to refresh (a command's pinned account); the active one by default. */
  readonly appId?: string;
  /**
   * The token the user saw when they confirmed (Force Refresh's modal): if the store holds
   * another fresh one by now, another window already replaced it, and that one is used.
   */
  readonly replacing?: string;
  /** A timer's refresh: nobody is asked anything (a new API host for the AppSecret stops it). */
  readonly background?: boolean;
}
