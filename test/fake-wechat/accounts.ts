// Per-account state and the quota bookkeeping: daily counters per cgi path that roll over at
// midnight China time (the platform's day), the per-minute stable_token counter, and the two
// quota endpoints (openapi/quota/get, clear_quota).

import { E, FAKE_DAILY_LIMITS, FAKE_LIMITS } from './rules';
import { Replies, jsonBody } from './replies';
import type { AccountState, FakeAccount, Reply, RequestContext } from './types';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

export class Accounts {
  private readonly states = new Map<string, AccountState>();

  constructor(
    accounts: readonly FakeAccount[],
    private readonly now: () => number,
    private readonly replies: Replies,
  ) {
    for (const account of accounts) {
      this.states.set(account.appId, {
        account: { ...account },
        stableOlder: [],
        day: this.dayOf(this.now()),
        used: new Map(),
        forceCallsToday: 0,
        minute: Math.floor(this.now() / 60_000),
        stableCallsThisMinute: 0,
        conditional: [],
      });
    }
  }

  /** The state of a registered account, counters rolled to now; throws for an unknown AppID. */
  get(appId: string): AccountState {
    const st = this.find(appId);
    if (!st) throw new Error(`FakeWeChat: unknown account ${appId}`);
    return st;
  }

  /** Like get(), but undefined for an AppID the fake does not know (the token endpoints answer 40013). */
  find(appId: string): AccountState | undefined {
    const st = this.states.get(appId);
    if (st) this.rollCounters(st);
    return st;
  }

  limitFor(st: AccountState, path: string): number | undefined {
    if (path === '/cgi-bin/token') return st.account.classicDailyLimit ?? FAKE_LIMITS.classicDailyLimit;
    return FAKE_DAILY_LIMITS[path];
  }

  usedOf(st: AccountState, path: string): number {
    return st.used.get(path) ?? 0;
  }

  overQuota(st: AccountState, path: string): boolean {
    const limit = this.limitFor(st, path);
    return limit !== undefined && this.usedOf(st, path) >= limit;
  }

  count(st: AccountState, path: string): void {
    st.used.set(path, this.usedOf(st, path) + 1);
  }

  /** Clears every daily counter of the account (token quota, force-refresh count, per-API counts). */
  resetQuota(appId: string): void {
    const st = this.get(appId);
    st.used.clear();
    st.forceCallsToday = 0;
    st.stableCallsThisMinute = 0;
  }

  /** POST /cgi-bin/openapi/quota/get {cgi_path} */
  quotaGet(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const cgiPath = body['cgi_path'];
    if (typeof cgiPath !== 'string') return this.replies.err(E.CGI_PATH_NOT_FOUND);
    const limit = this.limitFor(st, cgiPath);
    if (limit === undefined) return this.replies.err(E.CGI_PATH_NOT_FOUND);
    const used = this.usedOf(st, cgiPath);
    return this.replies.ok({ quota: { daily_limit: limit, used, remain: Math.max(0, limit - used) } });
  }

  /** POST /cgi-bin/clear_quota {appid}: like resetQuota(). */
  clearQuota(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    if (body['appid'] !== st.account.appId) return this.replies.err(E.INVALID_APPID);
    this.resetQuota(st.account.appId);
    return this.replies.ok();
  }

  private dayOf(t: number): number {
    return Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
  }

  /** Daily counters reset at midnight China time, like the platform's. */
  private rollCounters(st: AccountState): void {
    const t = this.now();
    const day = this.dayOf(t);
    if (day !== st.day) {
      st.day = day;
      st.used.clear();
      st.forceCallsToday = 0;
    }
    const minute = Math.floor(t / 60_000);
    if (minute !== st.minute) {
      st.minute = minute;
      st.stableCallsThisMinute = 0;
    }
  }
}
