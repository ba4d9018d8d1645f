// The one dependency of the network diagnostics: a token-protected call. The composition root
// binds it to TokenManager.withToken + WeChatClient.call, so a stale token is refreshed and the
// call retried once; these modules never see a token.

export interface NetworkCallOptions {
  readonly method: 'GET' | 'POST';
  readonly body?: unknown;
}

/** Calls a token-protected WeChat API path and resolves with its JSON answer (errcode 0). */
export type NetworkCall = <T extends object>(path: string, options: NetworkCallOptions) => Promise<T>;

export const NETWORK_PATHS = {
  apiDomainIp: '/cgi-bin/get_api_domain_ip',
  callbackIp: '/cgi-bin/getcallbackip',
  callbackCheck: '/cgi-bin/callback/check',
} as const;
