// TokenManager: the single source of access tokens. Serves the cached token while it is fresh,
// refreshes through one in-flight request shared by all callers, adopts a token another window
// stored, and retries an API call once when WeChat says the token went stale.
import { Credentials, TokenGrant, WeChatApi } from '../wechat/client';
import { FetchDeclinedError, MissingCredentialsError, WeChatApiError } from '../wechat/errors';
import { Logger, silentLogger } from '../common/logger';
import { Clock } from '../common/clock';
import { isExpired, isFresh } from './policy';
import { CachedToken, TokenMode, TokenStore, Unsubscribe } from './store';

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
   * fetch invalidates the token the account's servers use (about 5 minutes later).
   */
  readonly confirmClassicFetch?: () => Promise<boolean>;
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
}

export class TokenManager {
  private inflight: { appId: string; promise: Promise<CachedToken> } | undefined;
  private current: TokenState = { kind: 'setup' };
  private readonly listeners = new Set<(state: TokenState) => void>();
  private readonly log: Logger;
  private readonly storeSubscription: Unsubscribe;

  constructor(private readonly options: TokenManagerOptions) {
    this.log = options.log ?? silentLogger;
    this.storeSubscription = options.store.onDidChange((appId) => {
      if (appId === this.options.settings().appId && !this.inflight) {
        this.reload().catch((error: unknown) => this.log.error(`re-reading the shared token failed: ${String(error)}`));
      }
    });
  }

  get state(): TokenState {
    return this.current;
  }

  onDidChangeState(listener: (state: TokenState) => void): Unsubscribe {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Re-reads the store (activation, settings change, another window wrote). Never fetches. */
  async reload(): Promise<TokenState> {
    const { appId } = this.options.settings();
    if (!appId) {
      this.setState({ kind: 'setup' });
      return this.current;
    }
    const token = await this.options.store.read(appId);
    if (this.inflight?.appId === appId) return this.current;
    if (token) this.setStateFor(appId, { kind: 'ready', appId, token });
    else if (this.current.kind === 'failed' && this.current.appId === appId) this.setStateFor(appId, { ...this.current, token: undefined });
    else this.setStateFor(appId, { kind: 'empty', appId });
    return this.current;
  }

  /** A token fresh beyond the refresh margin: the cached one, or a refreshed one. */
  async get(): Promise<CachedToken> {
    const appId = this.requireAppId();
    const cached = await this.options.store.read(appId);
    if (cached && this.isFresh(cached)) {
      if (this.current.kind !== 'ready' || this.current.token.accessToken !== cached.accessToken) {
        this.setState({ kind: 'ready', appId, token: cached });
      }
      return cached;
    }
    try {
      return await this.refresh();
    } catch (error) {
      // Inside the margin the old token still works for a few minutes: serve it rather than fail
      // the caller; the failed state (and the scheduler) keep trying to replace it.
      if (cached && !isExpired(cached, this.options.clock.now())) {
        this.log.warn('refresh failed; serving the cached token, which is still valid');
        return cached;
      }
      throw error;
    }
  }

  /**
   * Fetches a token unless another window already stored a fresh one. Concurrent callers share
   * one request. Force mode always asks WeChat for a new token. Async, so that a missing AppID
   * rejects (timers and event handlers call this) instead of throwing synchronously.
   */
  async refresh(options: RefreshOptions = {}): Promise<CachedToken> {
    const appId = this.requireAppId();
    const running = this.inflight?.appId === appId ? this.inflight.promise : undefined;
    if (running) {
      // A request is already on its way: its answer is as fresh as a new one. Only a forced
      // refresh must still happen, after it.
      return options.force ? running.catch(() => undefined).then(() => this.refresh(options)) : running;
    }
    const promise = this.doRefresh(appId, options).finally(() => {
      if (this.inflight?.promise === promise) this.inflight = undefined;
    });
    this.inflight = { appId, promise };
    return promise;
  }

  /**
   * Runs an API call with a token. When WeChat answers that the token is stale (40001, 40014,
   * 42001), refreshes once and retries once.
   */
  async withToken<T>(call: (accessToken: string) => Promise<T>): Promise<T> {
    const token = await this.get();
    try {
      return await call(token.accessToken);
    } catch (error) {
      if (!(error instanceof WeChatApiError) || error.reaction !== 'refreshToken') throw error;
      this.log.warn(`errcode ${error.errcode}: the cached token was rejected; refreshing once and retrying`);
      const fresh = await this.refresh({ stale: token.accessToken });
      return call(fresh.accessToken);
    }
  }

  /** Forgets the cached token of the current AppID (Clear AppSecret). */
  async clear(): Promise<void> {
    // A refresh still on its way would write its token back after the clear.
    await this.inflight?.promise.catch(() => undefined);
    const { appId } = this.options.settings();
    if (appId) await this.options.store.clear(appId);
    await this.reload();
  }

  dispose(): void {
    this.storeSubscription.dispose();
    this.listeners.clear();
  }

  isFresh(token: CachedToken): boolean {
    const marginMs = this.options.settings().refreshMarginSeconds * 1000;
    return isFresh(token, this.options.clock.now(), marginMs);
  }

  private async doRefresh(appId: string, options: RefreshOptions): Promise<CachedToken> {
    const { mode } = this.options.settings();
    const stored = await this.options.store.read(appId);
    const adoptable = !options.force && !options.always && stored && stored.accessToken !== options.stale;
    if (adoptable && this.isFresh(stored)) {
      this.log.info(`adopting the token another window stored (expires ${new Date(stored.expiresAt).toISOString()})`);
      this.setStateFor(appId, { kind: 'ready', appId, token: stored });
      return stored;
    }
    if (mode === 'classic' && !options.confirmed && this.options.confirmClassicFetch && !(await this.options.confirmClassicFetch())) {
      throw new FetchDeclinedError();
    }
    this.setStateFor(appId, { kind: 'fetching', appId, token: stored });
    try {
      const credentials = await this.options.credentials(appId);
      const requestedAt = this.options.clock.now();
      const grant = await this.fetchGrant(credentials, mode, options.force === true);
      const token = this.toCachedToken(appId, mode, grant, stored, requestedAt);
      await this.options.store.write(token);
      this.log.info(
        `${mode} token ${token.accessToken === stored?.accessToken ? 'confirmed' : 'obtained'}, valid for ${grant.expiresInSeconds} s`,
      );
      this.setStateFor(appId, { kind: 'ready', appId, token });
      return token;
    } catch (error) {
      // Keep showing the stored token (its countdown tells whether it still works).
      this.setStateFor(appId, { kind: 'failed', appId, error, token: stored });
      throw error;
    }
  }

  private fetchGrant(credentials: Credentials, mode: TokenMode, force: boolean): Promise<TokenGrant> {
    if (mode === 'classic') return this.options.api.classicToken(credentials);
    return this.options.api.stableToken(credentials, force);
  }

  /** expires_in counts from WeChat's answer; measuring from the request errs on the safe side. */
  private toCachedToken(
    appId: string,
    mode: TokenMode,
    grant: TokenGrant,
    previous: CachedToken | undefined,
    requestedAt: number,
  ): CachedToken {
    const now = this.options.clock.now();
    const same = previous?.accessToken === grant.accessToken;
    return {
      appId,
      accessToken: grant.accessToken,
      expiresAt: requestedAt + grant.expiresInSeconds * 1000,
      obtainedAt: same && previous ? previous.obtainedAt : now,
      checkedAt: now,
      mode,
    };
  }

  private requireAppId(): string {
    const { appId } = this.options.settings();
    if (!appId) {
      this.setState({ kind: 'setup' });
      throw new MissingCredentialsError('appId');
    }
    return appId;
  }

  /** A late answer for an AppID the user has since switched away from must not become the state. */
  private setStateFor(appId: string, state: TokenState): void {
    if (this.options.settings().appId === appId) this.setState(state);
  }

  private setState(state: TokenState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
