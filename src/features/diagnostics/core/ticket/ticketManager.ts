// TicketManager: the jsapi_ticket of the active account, cached like the access token — in the
// shared store (every window), with an absolute expiry, fetched through one in-flight request per
// AppID. The ticket is fetched with the account's token through TokenManager.withToken, which
// refreshes and retries once when WeChat rejects the token; a cached ticket is dropped when the
// token it was fetched with is no longer the current one (changed, or rejected and replaced).
import { Clock } from '../../../../common/clock';
import { Logger, silentLogger } from '../../../../common/logger';
import type { TokenManager } from '../../../../token/manager';
import { remainingMs } from '../../../../token/policy';
import { CredentialStore } from '../../../../token/store';
import { WeChatTransportError } from '../../../../wechat/apiErrors';
import { WeChatApi } from '../../../../wechat/client';
import { GET_TICKET } from '../../../../wechat/endpoints';
import { CachedTicket, TICKET_LIFETIME_MS, tokenHash } from './ticket';

/**
 * A ticket this close to its expiry is fetched again: a page signed with it must still pass
 * wx.config when the developer tries it a few minutes later.
 */
export const TICKET_MARGIN_MS = 600_000;

export type TicketStore = CredentialStore<CachedTicket>;

export interface TicketManagerOptions {
  readonly store: TicketStore;
  readonly clock: Clock;
  readonly tokens: Pick<TokenManager, 'get' | 'withToken'>;
  readonly api: Pick<WeChatApi, 'call'>;
  /** Told every ticket before anything is logged, so the log can redact it. */
  readonly onTicket?: (ticket: string) => void;
  readonly log?: Logger;
}

/** The ticket, and whether this call asked WeChat for it (else it came from the shared cache). */
export interface TicketResult {
  readonly ticket: CachedTicket;
  readonly fetched: boolean;
}

export class TicketManager {
  private readonly inflight = new Map<string, Promise<TicketResult>>();
  private readonly log: Logger;

  constructor(private readonly options: TicketManagerOptions) {
    this.log = options.log ?? silentLogger;
  }

  /**
   * A ticket of the account (the active one unless pinned) fresh beyond TICKET_MARGIN_MS and
   * fetched with the current token. Concurrent callers share one request.
   */
  async get(forAppId?: string): Promise<TicketResult> {
    // The current token (from its cache unless it is due): it decides whether the cached ticket still counts.
    const token = await this.options.tokens.get(forAppId);
    const cached = await this.usable(token.appId, token.accessToken);
    if (cached) return { ticket: cached, fetched: false };
    const running = this.inflight.get(token.appId);
    if (running) return running;
    const promise = this.fetch(token.appId).finally(() => {
      if (this.inflight.get(token.appId) === promise) this.inflight.delete(token.appId);
    });
    this.inflight.set(token.appId, promise);
    return promise;
  }

  /** Forgets the cached ticket of an AppID (Remove Account, Clear AppSecret). */
  async clear(appId: string): Promise<void> {
    await this.inflight.get(appId)?.catch(() => undefined);
    await this.options.store.clear(appId);
  }

  isFresh(ticket: CachedTicket): boolean {
    return remainingMs(ticket, this.options.clock.now()) > TICKET_MARGIN_MS;
  }

  private async usable(appId: string, accessToken: string): Promise<CachedTicket | undefined> {
    const cached = await this.options.store.read(appId);
    if (!cached) return undefined;
    this.options.onTicket?.(cached.ticket);
    if (!this.isFresh(cached)) return undefined;
    if (cached.tokenHash !== tokenHash(accessToken)) {
      this.log.info('the cached jsapi_ticket was fetched with an earlier access token; fetching a new one');
      return undefined;
    }
    return cached;
  }

  private async fetch(appId: string): Promise<TicketResult> {
    // The token the successful call used: after a rejection, withToken retried with a fresh one.
    let used = '';
    const answer = await this.options.tokens.withToken((accessToken) => {
      used = accessToken;
      return this.options.api.call<Record<string, unknown>>(GET_TICKET, { query: { type: 'jsapi' }, accessToken });
    }, appId);
    const ticket = answer['ticket'];
    const expiresIn = answer['expires_in'];
    if (typeof ticket !== 'string' || ticket.length === 0) {
      throw new WeChatTransportError('notJson', GET_TICKET.path, 'the answer has no ticket');
    }
    this.options.onTicket?.(ticket);
    const now = this.options.clock.now();
    const lifetimeMs = typeof expiresIn === 'number' && expiresIn > 0 ? expiresIn * 1000 : TICKET_LIFETIME_MS;
    const entry: CachedTicket = { appId, ticket, expiresAt: now + lifetimeMs, obtainedAt: now, tokenHash: tokenHash(used) };
    await this.options.store.write(entry);
    this.log.info(`jsapi_ticket obtained for ${appId}, valid for ${Math.round(lifetimeMs / 1000)} s`);
    return { ticket: entry, fetched: true };
  }
}
