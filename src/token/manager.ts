// TokenManager: the single source of access tokens. Serves the cached token while it is fresh,
// refreshes through one in-flight request shared by all callers, adopts a token another window
// stored, and retries an API call once when WeChat says the token went stale. Where a token comes
// from — WeChat, or the team's Redis / token service — is the account's ManagedSource.
import { Clock } from '../common/clock';
import { errorMessage } from '../common/errorMessage';
import { Logger, silentLogger } from '../common/logger';
import { Credentials, WeChatApi } from '../wechat/client';
import { MissingCredentialsError, TokenValueRefusedError, WeChatApiError } from '../wechat/errors';
import { accessTokenProblem, expiryProblem } from '../wechat/tokenValue';
import { isExpired, isFresh } from './policy';
import { TokenNotStoredError } from './storeError';
import type { ManagedSource, ObtainRequest } from './sources/managedSource';
import type { SourcedToken } from './sources/source';
import { WeChatTokenSource } from './sources/wechatSource';
import { CachedToken, TOKEN_LIFETIME_MS, TokenMode, TokenStore, Unsubscribe } from './store';

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

/** How long a window's claim to be fetching a token's successor holds (a request's timeout, with room). */
export const REFRESH_LEASE_MS = 30_000;

export class TokenManager {
  /** Names this window in the refresh lease of the shared entry. */
  private readonly windowId = Math.random().toString(36).slice(2, 12);
  private inflight: { appId: string; promise: Promise<CachedToken> } | undefined;
  /** Tokens withToken has handed to a call that is still running, with their account: see checkTokenDestination. */
  private readonly lent = new Map<string, { readonly appId: string; uses: number }>();
  private current: TokenState = { kind: 'setup' };
  private readonly listeners = new Set<(state: TokenState) => void>();
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
      const settled = this.inflight?.promise.then(() => undefined, () => undefined) ?? Promise.resolve();
      settled
        .then(() => this.reload(true))
        .catch((error: unknown) => this.log.error(`re-reading the shared token failed: ${errorMessage(error)}`));
    });
  }

  get state(): TokenState {
    return this.current;
  }

  onDidChangeState(listener: (state: TokenState) => void): Unsubscribe {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
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
      return this.current;
    }
    const token = await this.options.store.read(appId);
    if (this.inflight?.appId === appId) return this.current;
    const failed = this.current.kind === 'failed' && this.current.appId === appId ? this.current : undefined;
    // The token whose refresh failed, read again (a refresh lease written, this window's own
    // write echoed): nothing new in the store, so the failure stands.
    if (token && storeEcho && failed && failed.token?.accessToken === token.accessToken) this.setStateFor(appId, { ...failed, token });
    else if (token) this.setStateFor(appId, { kind: 'ready', appId, token });
    else if (this.current.kind === 'failed' && this.current.appId === appId) this.setStateFor(appId, { ...this.current, token: undefined });
    else this.setStateFor(appId, { kind: 'empty', appId });
    return this.current;
  }

  /**
   * A token fresh beyond the refresh margin: the cached one, or a refreshed one. `appId` pins the
   * account a command started with, so a switch meanwhile cannot hand it another account's token.
   */
  async get(forAppId?: string): Promise<CachedToken> {
    const appId = this.requireAppId(forAppId);
    const cached = await this.options.store.read(appId);
    if (cached && this.isFresh(cached)) {
      if (this.current.kind !== 'ready' || this.current.token.accessToken !== cached.accessToken) {
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
      return await this.lend(token, call);
    } catch (error) {
      if (!(error instanceof WeChatApiError) || error.reaction !== 'refreshToken') throw error;
      this.log.warn(`errcode ${error.errcode}: the cached token was rejected; refreshing once and retrying`);
      const fresh = await this.refresh({ appId: token.appId, stale: token.accessToken });
      const source = this.sourceFor(token.appId);
      const stale = fresh.accessToken === token.accessToken ? source.staleError?.(token.appId, `errcode ${error.errcode}`) : undefined;
      // The team's store still holds the token WeChat just rejected: retrying cannot help, and the
      // status bar must not stay green while every call fails.
      if (stale) {
        this.setStateFor(token.appId, { kind: 'failed', appId: token.appId, error: stale, token: fresh });
        throw stale;
      }
      return this.lend(fresh, call);
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
    const appId = this.lent.get(accessToken)?.appId;
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
    this.listeners.clear();
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

  /** Runs `call` with the token, known meanwhile as the account's to checkTokenDestination. */
  private async lend<T>(token: CachedToken, call: (accessToken: string) => Promise<T>): Promise<T> {
    const entry = this.lent.get(token.accessToken) ?? { appId: token.appId, uses: 0 };
    entry.uses++;
    this.lent.set(token.accessToken, entry);
    try {
      return await call(token.accessToken);
    } finally {
      if (--entry.uses === 0) this.lent.delete(token.accessToken);
    }
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
    const leased = await this.leaseOrDefer(appId, source, request, options, latest);
    if (leased) return leased;
    this.setStateFor(appId, { kind: 'fetching', appId, token: latest ?? stored });
    try {
      const sourced = await source.obtain(appId, request);
      this.refuseUnlikeToken(appId, source, sourced);
      const token = await this.persist(this.toCachedToken(appId, source, request, sourced, latest ?? stored));
      const validFor = sourced.expiresAt === undefined ? 'expiry unknown' : `valid for ${Math.round((token.expiresAt - token.checkedAt) / 1000)} s`;
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

  /**
   * Stable mode, a refresh nobody asked for explicitly, of a token that still works: another
   * window already fetching its successor (a live lease in the shared entry) is left to it — this
   * window keeps the token and adopts the successor when it is stored. Otherwise this window
   * claims the lease (write, read back: the last writer wins) before it asks. Returns the token to
   * keep using when deferring, undefined to go ahead and fetch.
   */
  private async leaseOrDefer(
    appId: string,
    source: ManagedSource,
    request: ObtainRequest,
    options: RefreshOptions,
    current: CachedToken | undefined,
  ): Promise<CachedToken | undefined> {
    const automatic = source.kind === 'wechat' && request.mode === 'stable' && !options.force && !options.always && options.stale === undefined;
    const now = this.options.clock.now();
    if (!automatic || !current || isExpired(current, now)) return undefined;
    const leasedElsewhere = (entry: CachedToken): boolean =>
      entry.refreshingBy !== undefined && entry.refreshingBy !== this.windowId && (entry.refreshingUntil ?? 0) > now && !isExpired(entry, now);
    let after: CachedToken | undefined;
    try {
      // Read right before the write: a lease written over a token another window just stored
      // would put the old token back.
      const entry = await this.options.store.read(appId);
      if (!entry || entry.accessToken !== current.accessToken) return entry && this.isFresh(entry) ? this.adopt(appId, entry) : undefined;
      if (leasedElsewhere(entry)) return this.defer(appId, entry);
      const { refreshingBy: _by, refreshingUntil: _until, ...plain } = entry;
      await this.options.store.write({ ...plain, refreshingBy: this.windowId, refreshingUntil: now + REFRESH_LEASE_MS });
      after = await this.options.store.read(appId);
    } catch (error) {
      // The lease only saves a request; the fetch (and its own store errors) goes ahead.
      this.log.warn(`could not claim the refresh lease: ${errorMessage(error)}`);
      return undefined;
    }
    if (after && after.accessToken !== current.accessToken && this.isFresh(after)) return this.adopt(appId, after);
    return after && leasedElsewhere(after) ? this.defer(appId, after) : undefined;
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

  /**
   * Writes the token and reads it back: only a token the shared store really holds becomes
   * 'ready'. An entry that does not come back (a store that refuses or drops it) would leave
   * every window with nothing, fetching again at once; it fails with TokenNotStoredError, which
   * the scheduler retries with its back-off.
   */
  private async persist(token: CachedToken): Promise<CachedToken> {
    try {
      await this.options.store.write(token);
    } catch (error) {
      this.log.error(`storing the token failed: ${errorMessage(error)}`);
      throw new TokenNotStoredError('write');
    }
    const back = await this.options.store.read(token.appId);
    if (back?.accessToken === token.accessToken) return back;
    // Another window wrote in between: its token is as good, if it is fresh.
    if (back && this.isFresh(back)) return back;
    this.log.error('the token written to the token store did not read back');
    throw new TokenNotStoredError('readBack');
  }

  /**
   * The one token check (tokenValue.ts), on whatever any source hands over, before it can be
   * stored: each source refuses such values itself, naming its key or URL; this is the last line.
   */
  private refuseUnlikeToken(appId: string, source: ManagedSource, sourced: SourcedToken): void {
    const problem = accessTokenProblem(sourced.accessToken);
    const late = sourced.expiresAt === undefined ? undefined : expiryProblem(sourced.expiresAt, this.options.clock.now());
    if (problem === undefined && late === undefined) return;
    const detail = problem !== undefined ? `access_token ${problem}` : `its expiry ${late ?? ''}`;
    this.log.error(`the token from ${source.kind} ${source.describe(appId)} was refused: ${detail}`);
    throw new TokenValueRefusedError(source.describe(appId), detail);
  }

  private toCachedToken(appId: string, source: ManagedSource, request: ObtainRequest, sourced: SourcedToken, previous: CachedToken | undefined): CachedToken {
    const now = this.options.clock.now();
    const same = previous?.accessToken === sourced.accessToken;
    // No refresh lease in the entry written: the fetch it announced is done.
    const team = source.kind === 'wechat' ? {} : { source: source.kind };
    return {
      appId,
      accessToken: sourced.accessToken,
      // No expiry from the source: WeChat's lifetime from now is the bound, re-read well before.
      expiresAt: sourced.expiresAt ?? now + TOKEN_LIFETIME_MS,
      obtainedAt: same && previous ? previous.obtainedAt : now,
      checkedAt: now,
      mode: source.kind === 'wechat' ? request.mode : 'stable',
      ...team,
      ...(sourced.expiresAt === undefined ? { expiryKnown: false as const } : {}),
    };
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
    this.current = state;
    for (const listener of [...this.listeners]) listener(state);
  }
}
