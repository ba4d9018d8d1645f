// The WeChat API endpoints this extension calls, as data: the one place a path is written. A caller
// names an endpoint (MENU_CREATE) and the client takes its path and method from it; each feature
// declares the endpoints it calls (Feature.endpoints), and Show API Quota lists those marked `quota`;
// ENDPOINTS lists those the features call; src/wechat/catalog/ describes every one (schemas, effects,
// errcodes) off the activation path. One const per
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

/** Where an endpoint lives: the API host (WECHAT_API_ORIGIN or wechat.apiBaseUrl) or mp.weixin.qq.com (showqrcode). */
export type EndpointHost = 'api' | 'mp';

export interface Endpoint {
  /** On `host`'s origin. */
  readonly path: string;
  readonly method: HttpMethod;
  /**
   * How the request proves who calls: an access_token in the query, the AppID and AppSecret
   * themselves, or nothing (showqrcode: the ticket is the proof).
   */
  readonly auth: 'token' | 'secret' | 'none';
  /** Absent: 'api' (kept implicit so the endpoints activation names stay as small as they were). */
  readonly host?: EndpointHost;
  /** What a success answers; absent: JSON. A failure is JSON either way (check the Content-Type). */
  readonly returns?: 'json' | 'image';
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

/**
 * Every endpoint a feature calls (test/unit/wechat/endpoints.test.ts holds it to the fake server and
 * to the features' lists). The endpoint catalog (src/wechat/catalog/) names these and the rest.
 */
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

// The endpoints only the catalog (src/wechat/catalog/) names so far: after the ones activation
// uses, so the activation bundle's declarations stay as they were.

// Users and tags (Official Account). Per-API daily quotas where WeChat documents one.
export const TAGS_GET: Endpoint = { path: '/cgi-bin/tags/get', method: 'GET', auth: 'token' };
export const TAGS_CREATE: Endpoint = { path: '/cgi-bin/tags/create', method: 'POST', auth: 'token' };
export const TAGS_UPDATE: Endpoint = { path: '/cgi-bin/tags/update', method: 'POST', auth: 'token' };
export const TAGS_DELETE: Endpoint = { path: '/cgi-bin/tags/delete', method: 'POST', auth: 'token' };
export const TAGS_BATCH_TAGGING: Endpoint = { path: '/cgi-bin/tags/members/batchtagging', method: 'POST', auth: 'token' };
export const TAGS_BATCH_UNTAGGING: Endpoint = { path: '/cgi-bin/tags/members/batchuntagging', method: 'POST', auth: 'token' };
export const TAGS_GET_ID_LIST: Endpoint = { path: '/cgi-bin/tags/getidlist', method: 'POST', auth: 'token' };
/** A tag's followers: POST, although it only reads. */
export const USER_TAG_GET: Endpoint = { path: '/cgi-bin/user/tag/get', method: 'POST', auth: 'token' };
export const USER_GET: Endpoint = { path: '/cgi-bin/user/get', method: 'GET', auth: 'token', quota: true };
export const USER_INFO: Endpoint = { path: '/cgi-bin/user/info', method: 'GET', auth: 'token', quota: true };
export const USER_INFO_BATCHGET: Endpoint = { path: '/cgi-bin/user/info/batchget', method: 'POST', auth: 'token', quota: true };

// QR codes with parameters: the ticket qrcode/create answers is shown by mp.weixin.qq.com without a token.
export const QRCODE_CREATE: Endpoint = { path: '/cgi-bin/qrcode/create', method: 'POST', auth: 'token', quota: true };
export const SHOW_QRCODE: Endpoint = { path: '/cgi-bin/showqrcode', method: 'GET', auth: 'none', host: 'mp', returns: 'image' };

// Materials and publishing.
export const MATERIAL_COUNT: Endpoint = { path: '/cgi-bin/material/get_materialcount', method: 'GET', auth: 'token' };
export const MATERIAL_BATCHGET: Endpoint = { path: '/cgi-bin/material/batchget_material', method: 'POST', auth: 'token' };
/** News and video answer JSON, the other types their bytes: the answer's Content-Type tells. */
export const MATERIAL_GET: Endpoint = { path: '/cgi-bin/material/get_material', method: 'POST', auth: 'token' };
export const DRAFT_BATCHGET: Endpoint = { path: '/cgi-bin/draft/batchget', method: 'POST', auth: 'token', quota: true };
export const FREEPUBLISH_BATCHGET: Endpoint = { path: '/cgi-bin/freepublish/batchget', method: 'POST', auth: 'token', quota: true };
export const FREEPUBLISH_GET_ARTICLE: Endpoint = { path: '/cgi-bin/freepublish/getarticle', method: 'POST', auth: 'token', quota: true };

// Messages (Official Account). Mass sending (message/mass/*) is left out on purpose.
export const TEMPLATE_LIST: Endpoint = { path: '/cgi-bin/template/get_all_private_template', method: 'GET', auth: 'token' };
export const TEMPLATE_SEND: Endpoint = { path: '/cgi-bin/message/template/send', method: 'POST', auth: 'token', quota: true };
export const SUBSCRIBE_BIZSEND: Endpoint = { path: '/cgi-bin/message/subscribe/bizsend', method: 'POST', auth: 'token' };
export const CUSTOM_SEND: Endpoint = { path: '/cgi-bin/message/custom/send', method: 'POST', auth: 'token', quota: true };

// Mini program (its token comes from the same token endpoints).
export const WXACODE_UNLIMITED: Endpoint = { path: '/wxa/getwxacodeunlimit', method: 'POST', auth: 'token', returns: 'image' };
export const GENERATE_SCHEME: Endpoint = { path: '/wxa/generatescheme', method: 'POST', auth: 'token', quota: true };
export const GENERATE_URLLINK: Endpoint = { path: '/wxa/generate_urllink', method: 'POST', auth: 'token', quota: true };
export const SUBSCRIBE_SEND: Endpoint = { path: '/cgi-bin/message/subscribe/send', method: 'POST', auth: 'token', quota: true };
export const MSG_SEC_CHECK: Endpoint = { path: '/wxa/msg_sec_check', method: 'POST', auth: 'token', quota: true };

// Exchanges that carry the AppSecret (the extension adds it itself, never a request body).
export const SNS_OAUTH2_ACCESS_TOKEN: Endpoint = { path: '/sns/oauth2/access_token', method: 'GET', auth: 'secret' };
export const JSCODE2SESSION: Endpoint = { path: '/sns/jscode2session', method: 'GET', auth: 'secret' };
