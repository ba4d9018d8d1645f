// Catalog entries: mini program server APIs and the two exchanges that carry the AppSecret
// (../../../../shared/wechat-api-more.md §5–§6; mp:server/API/…, svc:webdev/access/api_snsaccesstoken).
import * as E from '../endpoints';
import type { CatalogEntry, ObjectSchema, Schema } from './schema';
import { TEMPLATE_DATA } from './templateData';

const MP = ['miniProgram'] as const;
const ENV_VERSION: Schema = { type: 'string', enum: ['release', 'trial', 'develop'], errcode: 40097 };
/** A page path: no leading "/", no query (wxacode, scheme, link). */
const PAGE: Schema = {
  type: 'string',
  maxLength: 1024,
  lengthUnit: 'bytes',
  pattern: '[^/?][^?]*',
  patternText: 'a page path without a leading "/" or a query',
  errcode: 41030,
};
const QUERY: Schema = { type: 'string', maxLength: 1024, errcode: 40097, description: 'The query, at most 1,024 characters.' };
/** Since 2022-04-11 schemes and links live at most 30 days. */
const expiry = (): Readonly<Record<string, Schema>> => ({
  is_expire: { type: 'boolean' },
  expire_type: { type: 'integer', enum: [0, 1], errcode: 40097 },
  expire_time: { type: 'integer', minimum: 0, errcode: 40097 },
  expire_interval: { type: 'integer', minimum: 1, maximum: 30, errcode: 40097, description: 'Days, 1 to 30.' },
});
const JUMP: ObjectSchema = { type: 'object', errcode: 40097, properties: { path: PAGE, query: QUERY, env_version: ENV_VERSION } };

export const WXACODE_UNLIMITED: CatalogEntry = {
  endpoint: E.WXACODE_UNLIMITED,
  effect: 'read',
  kinds: MP,
  errcodes: [40169, 41030, 45009],
  body: {
    type: 'object',
    required: ['scene'],
    errcode: 47001,
    properties: {
      scene: {
        type: 'string',
        minLength: 1,
        maxLength: 32,
        pattern: "[0-9A-Za-z!#$&'()*+,/:;=?@\\-._~]+",
        patternText: "made of 0-9, A-Z, a-z and !#$&'()*+,/:;=?@-._~",
        errcode: 40169,
        description: 'At most 32 visible characters; the page reads decodeURIComponent(query.scene).',
      },
      page: PAGE,
      check_path: { type: 'boolean' },
      env_version: ENV_VERSION,
      width: { type: 'integer', minimum: 280, maximum: 1280, errcode: 40097 },
      auto_color: { type: 'boolean' },
      is_hyaline: { type: 'boolean' },
    },
  },
  summary: 'An unlimited mini program code image for a scene (5,000 a minute).',
};
export const GENERATE_SCHEME: CatalogEntry = {
  endpoint: E.GENERATE_SCHEME,
  effect: 'write',
  kinds: MP,
  errcodes: [40097, 41030, 85079],
  body: { type: 'object', errcode: 47001, properties: { jump_wxa: JUMP, ...expiry() } },
  summary: 'A URL scheme (weixin://dl/business/…) that opens a page; at most 30 days, one user.',
};
export const GENERATE_URLLINK: CatalogEntry = {
  endpoint: E.GENERATE_URLLINK,
  effect: 'write',
  kinds: MP,
  errcodes: [40097, 41030, 85079],
  body: { type: 'object', errcode: 47001, properties: { path: PAGE, query: QUERY, env_version: ENV_VERSION, ...expiry() } },
  summary: 'A URL link (https://wxaurl.cn/…) that opens a page; at most 30 days.',
};
export const SUBSCRIBE_SEND: CatalogEntry = {
  endpoint: E.SUBSCRIBE_SEND,
  effect: 'reachesFollowers',
  kinds: MP,
  errcodes: [40003, 40037, 41030, 43101, 47003],
  body: {
    type: 'object',
    required: ['touser', 'template_id', 'data'],
    errcode: 47001,
    properties: {
      touser: { type: 'string', minLength: 1, maxLength: 64, errcode: 40003 },
      template_id: { type: 'string', minLength: 1, errcode: 40037 },
      page: { type: 'string', errcode: 41030 },
      miniprogram_state: { type: 'string', enum: ['developer', 'trial', 'formal'], errcode: 40097 },
      lang: { type: 'string', enum: ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'], errcode: 40097 },
      data: TEMPLATE_DATA,
    },
  },
  summary: 'Send a subscription message to a user who accepted it (one per acceptance, then 43101).',
};
export const MSG_SEC_CHECK: CatalogEntry = {
  endpoint: E.MSG_SEC_CHECK,
  effect: 'read',
  kinds: MP,
  errcodes: [40003, 40129, 43104, 87014],
  body: {
    type: 'object',
    required: ['version', 'openid', 'scene', 'content'],
    errcode: 47001,
    properties: {
      version: { type: 'integer', enum: [2], errcode: 40097 },
      openid: { type: 'string', minLength: 1, maxLength: 64, errcode: 40003, description: 'A user active in the last 2 hours.' },
      scene: { type: 'integer', enum: [1, 2, 3, 4], errcode: 40129, description: '1 profile, 2 comment, 3 forum, 4 social log.' },
      content: { type: 'string', maxLength: 2500, errcode: 40097, description: 'At most 2,500 characters.' },
    },
  },
  summary: 'Check text for risky content (4,000 a minute).',
};

const CODE_EXCHANGE = (code: string): ObjectSchema => ({
  type: 'object',
  required: [code],
  requiredErrcode: 40029,
  properties: { [code]: { type: 'string', minLength: 1, errcode: 40029 } },
});
export const SNS_OAUTH2_ACCESS_TOKEN: CatalogEntry = {
  endpoint: E.SNS_OAUTH2_ACCESS_TOKEN,
  effect: 'read',
  kinds: ['officialAccount'],
  errcodes: [40029, 40163],
  query: CODE_EXCHANGE('code'),
  summary: "Exchange a web-authorisation code for the user's openid and token (the extension adds the AppSecret).",
};
export const JSCODE2SESSION: CatalogEntry = {
  endpoint: E.JSCODE2SESSION,
  effect: 'read',
  kinds: MP,
  errcodes: [40029, 40226, 45011],
  query: CODE_EXCHANGE('js_code'),
  summary: 'Exchange a wx.login code for the openid and session_key (the extension adds the AppSecret).',
};

export const MINI_PROGRAM_ENTRIES: readonly CatalogEntry[] = [
  WXACODE_UNLIMITED,
  GENERATE_SCHEME,
  GENERATE_URLLINK,
  SUBSCRIBE_SEND,
  MSG_SEC_CHECK,
  SNS_OAUTH2_ACCESS_TOKEN,
  JSCODE2SESSION,
];
