// API quotas: openapi/quota/get (one API's daily limit, used, remaining), clear_quota (with a
// token) and clear_quota/v2 (with the AppID and AppSecret, no token — the way out when the token
// endpoint itself answers 45009). Both resets share WeChat's budget of 10 per account per month.
import { WeChatApiError, WeChatTransportError } from '../../../wechat/apiErrors';
import type { Credentials, WeChatApi } from '../../../wechat/client';
import { CLEAR_QUOTA, CLEAR_QUOTA_V2, QUOTA_GET } from '../../../wechat/endpoints';

/** WeChat's budget of quota resets per account per calendar month (48006 beyond it). */
export const MONTHLY_QUOTA_RESETS = 10;
export interface ApiQuota {
  readonly dailyLimit: number;
  readonly used: number;
  readonly remain: number;
}

/** Below this share of the daily limit left, the quota is shown as running out. */
export const LOW_QUOTA_SHARE = 0.1;

export function isQuotaLow(quota: ApiQuota): boolean {
  return quota.dailyLimit > 0 && quota.remain < quota.dailyLimit * LOW_QUOTA_SHARE;
}

/** A cgi_path as openapi/quota/get wants it, or undefined for something that is not an API path. */
export function normalizeCgiPath(input: string): string | undefined {
  let text = input.trim();
  // A whole URL pasted from code or a log: keep its path.
  if (/^https?:\/\//i.test(text)) {
    try {
      text = new URL(text).pathname;
    } catch {
      return undefined;
    }
  }
  text = text.split(/[?#]/)[0] ?? '';
  if (!text.startsWith('/')) text = `/${text}`;
  return /^\/[A-Za-z0-9_./-]+$/.test(text) && !text.includes('..') && text.length > 1 ? text.replace(/\/+$/, '') : undefined;
}

/** POST openapi/quota/get {cgi_path}; 76021 (path not found or not supported) and 76022 throw WeChatApiError. */
export async function getQuota(api: Pick<WeChatApi, 'call'>, accessToken: string, cgiPath: string): Promise<ApiQuota> {
  const answer = await api.call<Record<string, unknown>>(QUOTA_GET, { body: { cgi_path: cgiPath }, accessToken });
  const quota = answer['quota'];
  const fields = typeof quota === 'object' && quota !== null ? (quota as Record<string, unknown>) : {};
  const { daily_limit: dailyLimit, used, remain } = fields;
  if (typeof dailyLimit !== 'number' || typeof used !== 'number' || typeof remain !== 'number') {
    throw new WeChatTransportError('notJson', QUOTA_GET.path, 'the answer has no quota {daily_limit, used, remain}');
  }
  return { dailyLimit, used, remain };
}

/** POST clear_quota {appid} with a token: resets every daily count of the account (48006 when the month's resets are used up). */
export async function clearQuota(api: Pick<WeChatApi, 'call'>, accessToken: string, appId: string): Promise<void> {
  await api.call(CLEAR_QUOTA, { body: { appid: appId }, accessToken });
}

/** POST clear_quota/v2 {appid, appsecret}: the same reset without a token (40013 / 40125 for a wrong AppID / AppSecret). */
export async function clearQuotaWithSecret(api: Pick<WeChatApi, 'call'>, credentials: Credentials): Promise<void> {
  await api.call(CLEAR_QUOTA_V2, {
    body: { appid: credentials.appId, appsecret: credentials.appSecret },
    // Only a command sends it (Clear API Quota): someone is there to be asked about a new host.
    secretOf: { appId: credentials.appId, background: false },
  });
}

/** The token fetch itself answered 45009: no token can be had until the quota is cleared (v2) or the day ends. */
export function isTokenQuotaExhausted(error: unknown): error is WeChatApiError {
  return error instanceof WeChatApiError && error.tokenQuotaExhausted;
}
