// Catalog entries for the endpoints the features already call: tokens, menus, quotas, rids, the
// JS-SDK ticket and the network diagnostics. Their request rules live where they are enforced
// (the menu validator for menu bodies), so only the simple bodies are described here.
import * as E from '../endpoints';
import type { AccountKind, CatalogEntry, ObjectSchema } from './schema';

const BOTH: readonly AccountKind[] = ['officialAccount', 'miniProgram'];
const OA: readonly AccountKind[] = ['officialAccount'];
const CGI_PATH: ObjectSchema = {
  type: 'object',
  required: ['cgi_path'],
  errcode: 47001,
  properties: { cgi_path: { type: 'string', minLength: 1, pattern: '/.*', patternText: 'a path starting with "/"', errcode: 76021 } },
};

export const STABLE_TOKEN: CatalogEntry = {
  endpoint: E.STABLE_TOKEN,
  effect: 'write',
  kinds: BOTH,
  errcodes: [],
  summary: 'The stable access token (force_refresh: true invalidates the current one).',
};
export const CLASSIC_TOKEN: CatalogEntry = {
  endpoint: E.CLASSIC_TOKEN,
  effect: 'write',
  kinds: BOTH,
  errcodes: [],
  summary: 'A new access token; the previous one stops within 5 minutes.',
};
export const MENU_CREATE: CatalogEntry = {
  endpoint: E.MENU_CREATE,
  effect: 'write',
  kinds: OA,
  errcodes: [],
  summary: 'Replace the custom menu (every follower sees it).',
};
export const MENU_GET: CatalogEntry = {
  endpoint: E.MENU_GET,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  summary: 'The menu made through the API, with conditional menus.',
};
export const CURRENT_SELFMENU_INFO: CatalogEntry = {
  endpoint: E.CURRENT_SELFMENU_INFO,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  summary: 'The live menu, also one made in the MP console.',
};
export const MENU_DELETE: CatalogEntry = {
  endpoint: E.MENU_DELETE,
  effect: 'irreversible',
  kinds: OA,
  errcodes: [],
  summary: 'Delete the menu and every conditional menu.',
};
export const MENU_ADD_CONDITIONAL: CatalogEntry = {
  endpoint: E.MENU_ADD_CONDITIONAL,
  effect: 'write',
  kinds: OA,
  errcodes: [],
  summary: 'Add a conditional menu.',
};
export const MENU_DEL_CONDITIONAL: CatalogEntry = {
  endpoint: E.MENU_DEL_CONDITIONAL,
  effect: 'irreversible',
  kinds: OA,
  errcodes: [],
  body: { type: 'object', required: ['menuid'], errcode: 47001 },
  summary: 'Delete a conditional menu.',
};
export const MENU_TRY_MATCH: CatalogEntry = {
  endpoint: E.MENU_TRY_MATCH,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  body: { type: 'object', required: ['user_id'], errcode: 47001, properties: { user_id: { type: 'string', minLength: 1 } } },
  summary: 'The menu a follower (openid or WeChat ID) sees.',
};
export const QUOTA_GET: CatalogEntry = {
  endpoint: E.QUOTA_GET,
  effect: 'read',
  kinds: BOTH,
  errcodes: [76021],
  body: CGI_PATH,
  summary: "One API's daily quota: limit, used, remaining.",
};
export const CLEAR_QUOTA: CatalogEntry = {
  endpoint: E.CLEAR_QUOTA,
  effect: 'irreversible',
  kinds: BOTH,
  errcodes: [48006],
  body: { type: 'object', required: ['appid'], errcode: 47001, properties: { appid: { type: 'string', minLength: 1, errcode: 40013 } } },
  summary: 'Reset every daily quota (10 resets a month).',
};
export const CLEAR_QUOTA_V2: CatalogEntry = {
  endpoint: E.CLEAR_QUOTA_V2,
  effect: 'irreversible',
  kinds: BOTH,
  errcodes: [48006],
  summary: 'Reset every daily quota without a token (the extension adds the AppSecret).',
};
export const RID_GET: CatalogEntry = {
  endpoint: E.RID_GET,
  effect: 'read',
  kinds: BOTH,
  errcodes: [76001, 76002],
  body: { type: 'object', required: ['rid'], errcode: 47001, properties: { rid: { type: 'string', minLength: 1, errcode: 76002 } } },
  summary: 'What WeChat logged for a failed request (its rid), for 7 days.',
};
export const GET_TICKET: CatalogEntry = {
  endpoint: E.GET_TICKET,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  query: { type: 'object', required: ['type'], properties: { type: { type: 'string', enum: ['jsapi', 'wx_card'] } } },
  summary: 'A JS-SDK ticket (jsapi or wx_card).',
};
export const API_DOMAIN_IP: CatalogEntry = {
  endpoint: E.API_DOMAIN_IP,
  effect: 'read',
  kinds: BOTH,
  errcodes: [],
  summary: 'The IP addresses of the API host.',
};
export const CALLBACK_IP: CatalogEntry = {
  endpoint: E.CALLBACK_IP,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  summary: 'The IP addresses WeChat calls your server from.',
};
export const CALLBACK_CHECK: CatalogEntry = {
  endpoint: E.CALLBACK_CHECK,
  effect: 'read',
  kinds: OA,
  errcodes: [40201, 40202, 40203],
  body: {
    type: 'object',
    required: ['action', 'check_operator'],
    errcode: 47001,
    properties: {
      action: { type: 'string', enum: ['dns', 'ping', 'all'], errcode: 40202 },
      check_operator: { type: 'string', enum: ['CHINANET', 'UNICOM', 'CAP', 'DEFAULT'], errcode: 40203 },
    },
  },
  summary: 'Check that WeChat reaches your server URL (DNS and ping).',
};

export const CORE_ENTRIES: readonly CatalogEntry[] = [
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
