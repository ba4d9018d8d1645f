// The one binding of a token-protected call: TokenManager.withToken hands the account's token to
// the client's call and, when WeChat rejects it, refreshes it and retries once. The menu service,
// the network diagnostics and their tests get this instead of a token.
import type { TokenCall, WeChatApi } from '../wechat/client';
import type { TokenManager } from './manager';

/** Calls of `appId`'s endpoints (the active account's when undefined). */
export function tokenCall(manager: Pick<TokenManager, 'withToken'>, api: Pick<WeChatApi, 'call'>, appId?: string): TokenCall {
  return (endpoint, request) => manager.withToken((accessToken) => api.call(endpoint, { ...request, accessToken }), appId);
}
