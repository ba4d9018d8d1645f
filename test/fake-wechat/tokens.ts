// Access tokens: the classic /cgi-bin/token (a new token every call, the previous one keeps 5
// minutes), /cgi-bin/stable_token (the same token while valid, renewal in the last 5 minutes,
// force_refresh) and the access_token check of every protected endpoint. Classic and stable
// tokens live side by side, isolated from each other, as on the platform.

import { randomBytes } from 'node:crypto';

import type { Accounts } from './accounts';
import { jsonBody, Replies } from './replies';
import { E, FAKE_LIMITS } from './rules';
import type { AccountState, Reply, RequestContext, TokenKind, TokenRecord } from './types';

export class Tokens {
  private readonly tokens = new Map<string, TokenRecord>();

  constructor(
    private readonly accounts: Accounts,
    private readonly replies: Replies,
    private readonly now: () => number,
    private readonly ttlMs: number,
    /** The IP the fake pretends the caller has; a function because tests change it (setCallerIp). */
    private readonly callerIp: () => string,
  ) {}

  /** Whether a protected endpoint would accept this token right now. */
  isValid(token: string): boolean {
    const rec = this.tokens.get(token);
    if (!rec) return false;
    const t = this.now();
    return t < rec.expiresAt && t < rec.invalidAt;
  }

  /** Every token issued so far, valid or not (leak scans look for each). */
  issued(): string[] {
    return [...this.tokens.keys()];
  }

  /** The AppID a token was issued to, valid or not; undefined for a token the fake never issued. */
  ownerOf(token: string): string | undefined {
    return this.tokens.get(token)?.appId;
  }

  /** access_token check for protected endpoints: 41001 missing, 40001 unknown/superseded, 42001 expired. */
  check(ctx: RequestContext): AccountState | Reply {
    const token = ctx.query['access_token'];
    if (token === undefined || token === '') return this.replies.err(E.ACCESS_TOKEN_MISSING);
    const rec = this.tokens.get(token);
    if (!rec) return this.replies.err(E.INVALID_CREDENTIAL);
    const t = this.now();
    if (rec.invalidAt <= t && rec.invalidAt < rec.expiresAt) return this.replies.err(E.INVALID_CREDENTIAL);
    if (rec.expiresAt <= t) return this.replies.err(E.ACCESS_TOKEN_EXPIRED);
    return this.accounts.get(rec.appId);
  }

  /** GET /cgi-bin/token: every success issues a new token; the previous one keeps 5 minutes. */
  classicToken(ctx: RequestContext): Reply {
    const q = ctx.query;
    const st = this.authenticate(q['grant_type'], q['appid'], q['secret']);
    if (!isAccount(st)) return st;
    const path = '/cgi-bin/token';
    if (this.accounts.overQuota(st, path)) return this.replies.err(E.DAILY_QUOTA);
    this.accounts.count(st, path);
    const t = this.now();
    // Only the latest token and the one before it work; the one before runs out the overlap.
    if (st.classicPrevious && st.classicPrevious.invalidAt > t) st.classicPrevious.invalidAt = t;
    if (st.classicCurrent) {
      const overlapEnd = t + FAKE_LIMITS.classicOverlapSeconds * 1000;
      st.classicCurrent.invalidAt = Math.min(st.classicCurrent.invalidAt, overlapEnd);
      st.classicPrevious = st.classicCurrent;
    }
    st.classicCurrent = this.issue(st, 'classic', t);
    return this.tokenReply(st.classicCurrent, t);
  }

  /** POST /cgi-bin/stable_token: same token while valid; renewal in the last 5 min; force mode. */
  stableToken(ctx: RequestContext): Reply {
    const b = jsonBody(ctx);
    if (!b) return this.replies.err(E.DATA_FORMAT);
    const st = this.authenticate(b['grant_type'], b['appid'], b['secret']);
    if (!isAccount(st)) return st;
    const path = '/cgi-bin/stable_token';
    if (st.stableCallsThisMinute >= FAKE_LIMITS.stableMinuteLimit) return this.replies.err(E.MINUTE_QUOTA);
    if (this.accounts.overQuota(st, path)) return this.replies.err(E.DAILY_QUOTA);
    const force = b['force_refresh'] === true;
    if (force && st.forceCallsToday >= FAKE_LIMITS.stableForceDailyLimit) return this.replies.err(E.DAILY_QUOTA);
    st.stableCallsThisMinute++;
    this.accounts.count(st, path);
    const t = this.now();
    const current = st.stableCurrent;
    const currentValid = current !== undefined && t < current.expiresAt && t < current.invalidAt;
    if (force) {
      st.forceCallsToday++;
      const tooSoon = st.lastForceRefreshAt !== undefined && t - st.lastForceRefreshAt < FAKE_LIMITS.stableForceMinIntervalSeconds * 1000;
      if (tooSoon && currentValid) return this.tokenReply(current, t);
      // A forced refresh invalidates every earlier stable token at once.
      for (const old of [...st.stableOlder, ...(current ? [current] : [])]) old.invalidAt = Math.min(old.invalidAt, t);
      st.stableOlder = [];
      st.stableCurrent = this.issue(st, 'stable', t);
      st.lastForceRefreshAt = t;
      return this.tokenReply(st.stableCurrent, t);
    }
    if (currentValid && current.expiresAt - t > FAKE_LIMITS.stableRenewWindowSeconds * 1000) return this.tokenReply(current, t);
    // None yet, expired, or inside the renewal window: the next token; the old one runs out its time.
    if (current) st.stableOlder.push(current);
    st.stableOlder = st.stableOlder.filter((r) => t < r.expiresAt && t < r.invalidAt);
    st.stableCurrent = this.issue(st, 'stable', t);
    return this.tokenReply(st.stableCurrent, t);
  }

  /** appid/secret/IP checks shared by both token endpoints; returns the account or an error reply. */
  private authenticate(grantType: unknown, appId: unknown, secret: unknown): AccountState | Reply {
    if (grantType !== 'client_credential') return this.replies.err(E.INVALID_GRANT_TYPE);
    if (typeof appId !== 'string' || appId === '') return this.replies.err(E.APPID_MISSING);
    if (typeof secret !== 'string' || secret === '') return this.replies.err(E.APPSECRET_MISSING);
    const st = this.accounts.find(appId);
    if (!st) return this.replies.err(E.INVALID_APPID);
    if (st.account.secret !== secret) return this.replies.err(E.INVALID_APPSECRET);
    const wl = st.account.ipWhitelist;
    const ip = this.callerIp();
    if (wl !== undefined && !wl.includes(ip)) {
      const v6 = ip.includes(':') ? ip : `::ffff:${ip}`;
      return this.replies.err(E.IP_NOT_WHITELISTED, `invalid ip ${ip} ipv6 ${v6}, not in whitelist`);
    }
    return st;
  }

  private issue(st: AccountState, kind: TokenKind, t: number): TokenRecord {
    const rec: TokenRecord = {
      token: `86_${randomBytes(105).toString('base64url')}`,
      appId: st.account.appId,
      kind,
      issuedAt: t,
      expiresAt: t + this.ttlMs,
      invalidAt: Number.POSITIVE_INFINITY,
    };
    this.tokens.set(rec.token, rec);
    return rec;
  }

  private tokenReply(rec: TokenRecord, t: number): Reply {
    const remaining = Math.max(0, Math.floor((rec.expiresAt - t) / 1000));
    return this.replies.data({ access_token: rec.token, expires_in: remaining });
  }
}

/** Tells an account from an error reply (a Reply has no `account`). */
export function isAccount(v: AccountState | Reply): v is AccountState {
  return 'account' in v;
}
