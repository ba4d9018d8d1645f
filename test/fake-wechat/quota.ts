// The quota endpoints: openapi/quota/get (one API's daily limit, used, remaining), clear_quota
// (with an access token) and clear_quota/v2 (with the AppID and AppSecret, no token: it works when
// the token endpoint itself answers 45009). Both resets share one budget of 10 per account per
// calendar month (China time), 48006 beyond it. The daily counters live in accounts.ts.

import type { Accounts } from './accounts';
import { jsonBody, Replies } from './replies';
import { E, FAKE_LIMITS } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export class Quota {
  /** AppID → the China-time month ("2025-06") and the resets made in it. */
  private readonly resets = new Map<string, { month: string; count: number }>();

  constructor(
    private readonly accounts: Accounts,
    private readonly replies: Replies,
    private readonly now: () => number,
  ) {}

  /** Resets used this month by an account (tests read it). */
  resetsThisMonth(appId: string): number {
    const entry = this.resets.get(appId);
    return entry && entry.month === this.month() ? entry.count : 0;
  }

  /** POST /cgi-bin/openapi/quota/get {cgi_path} */
  quotaGet(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const cgiPath = body['cgi_path'];
    if (typeof cgiPath !== 'string') return this.replies.err(E.CGI_PATH_NOT_FOUND);
    const limit = this.accounts.limitFor(st, cgiPath);
    if (limit === undefined) return this.replies.err(E.CGI_PATH_NOT_FOUND);
    const used = this.accounts.usedOf(st, cgiPath);
    return this.replies.ok({ quota: { daily_limit: limit, used, remain: Math.max(0, limit - used) } });
  }

  /** POST /cgi-bin/clear_quota?access_token= {appid}: resets every daily counter of the account. */
  clearQuota(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    if (body['appid'] !== st.account.appId) return this.replies.err(E.INVALID_APPID);
    return this.reset(st);
  }

  /**
   * POST /cgi-bin/clear_quota/v2 with appid + appsecret: no token needed. The docs list them as body
   * fields and their example puts them in the query, so both are accepted (the body wins).
   */
  clearQuotaV2(ctx: RequestContext): Reply {
    const body = ctx.raw.length > 0 ? jsonBody(ctx) : {};
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const appId = body['appid'] ?? ctx.query['appid'];
    const secret = body['appsecret'] ?? ctx.query['appsecret'];
    if (typeof appId !== 'string' || appId === '') return this.replies.err(E.APPID_MISSING);
    if (typeof secret !== 'string' || secret === '') return this.replies.err(E.APPSECRET_MISSING);
    const st = this.accounts.find(appId);
    if (!st) return this.replies.err(E.INVALID_APPID);
    if (st.account.secret !== secret) return this.replies.err(E.INVALID_APPSECRET);
    return this.reset(st);
  }

  private reset(st: AccountState): Reply {
    const appId = st.account.appId;
    const used = this.resetsThisMonth(appId);
    if (used >= FAKE_LIMITS.clearQuotaMonthlyLimit) return this.replies.err(E.CLEAR_QUOTA_LIMIT);
    this.resets.set(appId, { month: this.month(), count: used + 1 });
    this.accounts.resetQuota(appId);
    return this.replies.ok();
  }

  private month(): string {
    return new Date(this.now() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
  }
}
