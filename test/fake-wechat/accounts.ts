// Per-account state and the quota bookkeeping: daily counters per cgi path that roll over at
// midnight China time (the platform's day) and the per-minute stable_token counter. The quota
// endpoints that read and reset them are in quota.ts.

import { FAKE_DAILY_LIMITS, FAKE_LIMITS } from './rules';
import type { AccountState, FakeAccount } from './types';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;

export class Accounts {
  private readonly states = new Map<string, AccountState>();

  constructor(
    accounts: readonly FakeAccount[],
    private readonly now: () => number,
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

  /** Sets an API's count for today, e.g. to its limit so the next call answers 45009 (tests). */
  setUsed(appId: string, path: string, used: number): void {
    this.get(appId).used.set(path, used);
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
