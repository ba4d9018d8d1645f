// The WeChat API endpoints this extension calls, as data: the one place a path is written. A caller
// names an endpoint (MENU_CREATE) and the client takes its path and method from it; each feature
// declares the endpoints it calls (Feature.endpoints), and Show API Quota lists those marked `quota`;
// ENDPOINTS is the seed of an endpoint catalog. One const per
// endpoint, so a bundle holds only those it names (the activation bundle: the token fetches and the
// rid lookup). The fake server (test/fake-wechat/) keeps its own copy of the paths on purpose: a
// wrong path here shows up as a disagreement with it (test/unit/wechat/endpoints.test.ts).
import type { HttpMethod } from './http';

/**
 * Where the API lives, and so where every AppSecret is meant to go; the setting wechat.apiBaseUrl
 * may point elsewhere (a gateway, the fake server).
 */
export const WECHAT_API_ORIGIN = 'https://api.weixin.qq.com';
/** The MP console a person opens in a browser: its root, as WeChat documents no deep links into it. */
export const MP_CONSOLE_URL = 'https://mp.weixin.qq.com/';

export interface Endpoint {
  /** On the API host (WECHAT_API_ORIGIN or wechat.apiBaseUrl), as every endpoint so far. */
  readonly path: string;
  readonly method: HttpMethod;
  /** How the request proves who calls: an access_token in the query, or the AppID and AppSecret themselves. */
  readonly auth: 'token' | 'secret';
  /**
   * Show API Quota lists it: WeChat counts its calls against a daily quota, which openapi/quota/get
   * reports under the endpoint's own path (its cgi_path).
   */
  readonly quota?: true;
}

// Access tokens (the AppSecret leaves the machine: the secret-host check guards these).
export const STABLE_TOKEN: Endpoint = { path: '/cgi-bin/stable_token', method: 'POST', auth: 'secret', quota: true };
export const CLASSIC_TOKEN: Endpoint = { path: '/cgi-bin/token', method: 'GET', auth: 'secret', quota: true };

// Custom menus.
export const MENU_CREATE: Endpoint = { path: '/cgi-bin/menu/create', method: 'POST', auth: 'token', quota: true };
export const MENU_GET: Endpoint = { path: '/cgi-bin/menu/get', method: 'GET', auth: 'token', quota: true };
/** The live menu, also one made in the MP console (menu/get knows only API-made menus). */
export const CURRENT_SELFMENU_INFO: Endpoint = { path: '/cgi-bin/get_current_selfmenu_info', method: 'GET', auth: 'token', quota: true };
export const MENU_DELETE: Endpoint = { path: '/cgi-bin/menu/delete', method: 'GET', auth: 'token', quota: true };
export const MENU_ADD_CONDITIONAL: Endpoint = { path: '/cgi-bin/menu/addconditional', method: 'POST', auth: 'token', quota: true };
export const MENU_DEL_CONDITIONAL: Endpoint = { path: '/cgi-bin/menu/delconditional', method: 'POST', auth: 'token', quota: true };
export const MENU_TRY_MATCH: Endpoint = { path: '/cgi-bin/menu/trymatch', method: 'POST', auth: 'token', quota: true };

// Quotas and request lookup.
export const QUOTA_GET: Endpoint = { path: '/cgi-bin/openapi/quota/get', method: 'POST', auth: 'token' };
export const CLEAR_QUOTA: Endpoint = { path: '/cgi-bin/clear_quota', method: 'POST', auth: 'token' };
/** The reset without a token: the way out when the token fetch itself answers 45009. */
export const CLEAR_QUOTA_V2: Endpoint = { path: '/cgi-bin/clear_quota/v2', method: 'POST', auth: 'secret' };
export const RID_GET: Endpoint = { path: '/cgi-bin/openapi/rid/get', method: 'POST', auth: 'token' };

// JS-SDK and network diagnostics.
export const GET_TICKET: Endpoint = { path: '/cgi-bin/ticket/getticket', method: 'GET', auth: 'token' };
export const API_DOMAIN_IP: Endpoint = { path: '/cgi-bin/get_api_domain_ip', method: 'GET', auth: 'token' };
export const CALLBACK_IP: Endpoint = { path: '/cgi-bin/getcallbackip', method: 'GET', auth: 'token' };
export const CALLBACK_CHECK: Endpoint = { path: '/cgi-bin/callback/check', method: 'POST', auth: 'token' };

/** The token fetches: when they answer 45009, no token-protected call can run. */
export const TOKEN_ENDPOINTS: readonly Endpoint[] = [STABLE_TOKEN, CLASSIC_TOKEN];

export function isTokenFetch(apiPath: string): boolean {
  return TOKEN_ENDPOINTS.some((endpoint) => endpoint.path === apiPath);
}

/** Every endpoint (test/unit/wechat/endpoints.test.ts holds it to the fake server and to the features' lists). */
export const ENDPOINTS: readonly Endpoint[] = [
  STABLE_TOKEN,
  CLASSIC_TOKEN,
  MENU_CREATE,
  MENU_GET,
  CURRENT_SELFMENU_INFO,
  MENU_DELETE,
  MENU_ADD_CONDITIONAL,
  MENU_DEL_CONDITIONAL,
  MENU_TRY_MATCH,
  QUOTA_GET,
  CLEAR_QUOTA,
  CLEAR_QUOTA_V2,
  RID_GET,
  GET_TICKET,
  API_DOMAIN_IP,
  CALLBACK_IP,
  CALLBACK_CHECK,
];
