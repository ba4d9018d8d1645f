// TokenManager: the single source of access tokens. Serves the cached token while it is fresh,
// refreshes through one in-flight request shared by all callers, adopts a token another window
// stored, and retries an API call once when WeChat says the token went stale. Where a token comes
// from — WeChat, or the team's Redis / token service — is the account's ManagedSource.
import { errorMessage } from '../common/errorMessage';
import { Logger, silentLogger } from '../common/logger';
import { errcodeOf, WeChatError } from '../wechat/errors';
import { MissingCredentialsError, TokenValueRefusedError } from '../wechat/refusals';
import type { RefreshOptions, TokenManagerOptions, TokenState } from './managerTypes';
import { isExpired, isFresh } from './policy';
import { claimRefreshLease, type LeaseOutcome } from './refreshLease';
import { cachedTokenOf, unlikeToken } from './sourcedToken';
import type { ManagedSource, ObtainRequest } from './sources/managedSource';
import { WeChatTokenSource } from './sources/wechatSource';
import { CachedToken, Unsubscribe } from './store';
import { persistToken } from './storeError';
import { TokenLoans } from './tokenLoans';
import { reloadedState, TokenStateCell } from './tokenState';

export type { RefreshOptions, TokenManagerOptions, TokenSettings, TokenState } from './managerTypes';
export { REFRESH_LEASE_MS } from './refreshLease';

export class TokenManager {
  /** Names this window in the refresh lease of the shared entry. */
  private readonly windowId = Math.random().toString(36).slice(2, 12);
  private inflight: { appId: string; promise: Promise<CachedToken> } | undefined;
  /** Tokens withToken has handed to a call that is still running, with their account: see checkTokenDestination. */
  private readonly loans = new TokenLoans();
  private readonly cell = new TokenStateCell();
  private readonly log: Logger;
  private readonly storeSubscription: Unsubscribe;
  private readonly wechatSource: WeChatTokenSource;

  constructor(private readonly options: TokenManagerOptions) {
    this.log = options.log ?? silentLogger;
    this.wechatSource = new WeChatTokenSource({
      api: options.api,
      clock: options.clock,
      mode: () => options.settings().mode,
      credentials: options.credentials,
      confirmClassicFetch: options.confirmClassicFetch,
      checkSecretHost: options.checkSecretHost,
    });
    this.storeSubscription = options.store.onDidChange((appId) => {
      if (appId !== this.options.settings().appId) return;
      // A change during a fetch (another window's Clear, a write that did not stick) is read
      // once the fetch settled: dropping it would leave 'ready' over an empty store.
      const settled = this.inflight?.promise.catch(() => undefined) ?? Promise.resolve();
      settled
        .then(() => this.reload(true))
        .catch((error: unknown) => this.log.error(`re-reading the shared token failed: ${errorMessage(error)}`));
    });
  }

  get state(): TokenState {
    return this.cell.state;
  }

  onDidChangeState(listener: (state: TokenState) => void): Unsubscribe {
    return this.cell.onDidChange(listener);
  }

  /**
   * Re-reads the store (activation, settings change, another window wrote). Never fetches.
   * `storeEcho`: the store announced a change; if it still holds the token whose refresh failed
   * (a refresh lease written, this window's own write echoed), the failure stands. A reload for
   * any other reason (a new AppSecret) lets the token be 'ready' — and due — again.
   */
  async reload(storeEcho = false): Promise<TokenState> {
    const { appId } = this.options.settings();
    if (!appId) {
      this.setState({ kind: 'setup' });
      return this.cell.state;
    }
    const token = await this.options.store.read(appId);
    if (this.inflight?.appId === appId) return this.cell.state;
    this.setStateFor(appId, reloadedState(this.cell.state, appId, token, storeEcho));
    return this.cell.state;
  }

  /**
   * A token fresh beyond the refresh margin: the cached one, or a refreshed one. `appId` pins the
   * account a command started with, so a switch meanwhile cannot hand it another account's token.
   */
  async get(forAppId?: string): Promise<CachedToken> {
    const appId = this.requireAppId(forAppId);
    const cached = await this.options.store.read(appId);
    if (cached && this.isFresh(cached)) {
      if (this.cell.state.kind !== 'ready' || this.cell.state.token.accessToken !== cached.accessToken) {
        this.setStateFor(appId, { kind: 'ready', appId, token: cached });
      }
      return cached;
    }
    try {
      return await this.refresh({ appId });
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
    const appId = this.requireAppId(options.appId);
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
  async withToken<T>(call: (accessToken: string) => Promise<T>, forAppId?: string): Promise<T> {
    const token = await this.get(forAppId);
    await this.options.beforeUsingToken?.(token.appId);
    try {
      return await this.loans.lend(token, call);
    } catch (error) {
      if (!(error instanceof WeChatError) || error.reaction !== 'refreshToken') throw error;
      const errcode = errcodeOf(error);
      this.log.warn(`errcode ${errcode}: the cached token was rejected; refreshing once and retrying`);
      const fresh = await this.refresh({ appId: token.appId, stale: token.accessToken });
      const source = this.sourceFor(token.appId);
      const stale = fresh.accessToken === token.accessToken ? source.staleError?.(token.appId, `errcode ${errcode}`) : undefined;
      // The team's store still holds the token WeChat just rejected: retrying cannot help, and the
      // status bar must not stay green while every call fails.
      if (stale) {
        this.setStateFor(token.appId, { kind: 'failed', appId: token.appId, error: stale, token: fresh });
        throw stale;
      }
      return this.loans.lend(fresh, call);
    }
  }

  /**
   * The token-host check of one request, run by the client (WeChatClientOptions.beforeSendingToken)
   * with the origin of the exact URL the token is about to go to. withToken's own check saw the
   * settings once; the client builds a new URL for every busy retry and for the retry after 40001,
   * and the setting may change in between (or while a modal is open). A token withToken did not
   * hand out has no account to check against: refused.
   */
  async checkTokenDestination(accessToken: string, origin: string): Promise<void> {
    const appId = this.loans.ownerOf(accessToken);
    if (appId === undefined) throw new Error(`an access token was about to go to ${origin} without TokenManager.withToken`);
    await this.options.beforeUsingToken?.(appId, origin);
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
    this.cell.dispose();
  }

  isFresh(token: CachedToken): boolean {
    const marginMs = this.options.settings().refreshMarginSeconds * 1000;
    return isFresh(token, this.options.clock.now(), marginMs);
  }

  /** The active account's source (undefined before setup). */
  activeSource(): ManagedSource | undefined {
    const { appId } = this.options.settings();
    return appId ? this.sourceFor(appId) : undefined;
  }

  /** The account's source: its team source, or WeChat. */
  sourceFor(appId: string): ManagedSource {
    return this.options.teamSource?.(appId) ?? this.wechatSource;
  }

  private async doRefresh(appId: string, options: RefreshOptions): Promise<CachedToken> {
    const source = this.sourceFor(appId);
    const request: ObtainRequest = {
      // Read once: a classic fetch is confirmed and made in the mode of the same request.
      mode: this.options.settings().mode,
      force: options.force === true,
      confirmed: options.confirmed === true,
      afterRejection: options.stale !== undefined,
      background: options.background === true,
    };
    // Looked for before any confirmation: a fresh token another window stored needs no modal.
    const stored = await this.options.store.read(appId);
    const adoptable = !options.force && !options.always && stored && stored.accessToken !== options.stale;
    if (adoptable && this.isFresh(stored)) return this.adopt(appId, stored);
    await source.prepare(appId, request);
    // A modal may have been open for minutes: a token another window stored meanwhile is used
    // instead of a fetch that would replace it (classic: and invalidate it).
    const seen = options.replacing ?? stored?.accessToken;
    const latest = await this.options.store.read(appId);
    if (latest && latest.accessToken !== seen && latest.accessToken !== options.stale && this.isFresh(latest)) {
      return this.adopt(appId, latest);
    }
    // A refresh nobody asked for explicitly, of a stable-mode WeChat token that still works: the shared lease decides.
    const automatic =
      source.kind === 'wechat' && request.mode === 'stable' && !options.force && !options.always && options.stale === undefined;
    const lease = automatic && latest ? await this.claimLease(appId, latest) : { kind: 'fetch' as const };
    if (lease.kind !== 'fetch') return lease.kind === 'adopt' ? this.adopt(appId, lease.token) : this.defer(appId, lease.token);
    this.setStateFor(appId, { kind: 'fetching', appId, token: latest ?? stored });
    try {
      const sourced = await source.obtain(appId, request);
      const refused = unlikeToken(sourced, this.options.clock.now());
      if (refused !== undefined) {
        this.log.error(`the token from ${source.kind} ${source.describe(appId)} was refused: ${refused}`);
        throw new TokenValueRefusedError(source.describe(appId), refused);
      }
      const token = await persistToken(
        this.options.store,
        this.log,
        (entry) => this.isFresh(entry),
        cachedTokenOf(appId, source.kind, request.mode, sourced, latest ?? stored, this.options.clock.now()),
      );
      const validFor =
        sourced.expiresAt === undefined ? 'expiry unknown' : `valid for ${Math.round((token.expiresAt - token.checkedAt) / 1000)} s`;
      const how = source.kind === 'wechat' ? `${request.mode} token` : `token read from ${source.kind} ${source.describe(appId)}`;
      this.log.info(`${how} ${token.accessToken === (latest ?? stored)?.accessToken ? 'confirmed' : 'obtained'}, ${validFor}`);
      this.setStateFor(appId, { kind: 'ready', appId, token });
      return token;
    } catch (error) {
      // Keep showing the stored token (its countdown tells whether it still works).
      this.setStateFor(appId, { kind: 'failed', appId, error, token: latest ?? stored });
      throw error;
    }
  }

  /** The lease outcome for a token that still works; a store that fails only costs the saved request. */
  private async claimLease(appId: string, current: CachedToken): Promise<LeaseOutcome> {
    const now = this.options.clock.now();
    if (isExpired(current, now)) return { kind: 'fetch' };
    try {
      return await claimRefreshLease(this.options.store, appId, current, this.windowId, now, (entry) => this.isFresh(entry));
    } catch (error) {
      this.log.warn(`could not claim the refresh lease: ${errorMessage(error)}`);
      return { kind: 'fetch' };
    }
  }

  private defer(appId: string, token: CachedToken): CachedToken {
    this.log.info('another window is fetching the next token; keeping the current one until it is stored');
    this.setStateFor(appId, { kind: 'ready', appId, token });
    return token;
  }

  private adopt(appId: string, token: CachedToken): CachedToken {
    this.log.info(`adopting the token another window stored (expires ${new Date(token.expiresAt).toISOString()})`);
    this.setStateFor(appId, { kind: 'ready', appId, token });
    return token;
  }

  /** The account to work on: the one a caller pinned, else the active one. */
  private requireAppId(pinned?: string): string {
    const appId = pinned ?? this.options.settings().appId;
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
    this.cell.set(state);
  }
}
