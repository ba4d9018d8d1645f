// The fake WeChat server's OWN copy of the platform's limits, errcodes and menu rules.
//
// Written independently from src/ on purpose and never imports from it: when the extension's
// table and this one disagree, a test fails, and someone has to go and check which one is right.
// Sources: ../../../shared/wechat-api.md (WeChat's documentation and global errcode table) and
// the behaviour of the real api.weixin.qq.com where it is known.

import { API_DAILY_LIMITS } from './apiRules';

/** Numeric limits of the real platform. */
export const FAKE_LIMITS = {
  tokenTtlSeconds: 7200,
  /** A superseded classic token keeps working this long. */
  classicOverlapSeconds: 300,
  classicDailyLimit: 2000,
  /** stable_token normal mode hands out the next token within this many seconds of expiry. */
  stableRenewWindowSeconds: 300,
  stableDailyLimit: 500_000,
  stableMinuteLimit: 10_000,
  stableForceDailyLimit: 20,
  stableForceMinIntervalSeconds: 30,
  topButtonsMax: 3,
  subButtonsMax: 5,
  topNameBytes: 16,
  subNameBytes: 60,
  keyBytes: 128,
  urlBytes: 1024,
  menuDomainsMax: 3,
  conditionalMenusMax: 20,
  /** A jsapi_ticket (or wx_card ticket) lives this long, independently of the token that fetched it. */
  ticketTtlSeconds: 7200,
  /** clear_quota and clear_quota/v2 together, per account and calendar month. */
  clearQuotaMonthlyLimit: 10,
  /** openapi/rid/get knows a request this long. */
  ridRetentionDays: 7,
} as const;

/** Daily call limits per API, as `openapi/quota/get` reports them. The token endpoint's limit is per account. */
export const FAKE_DAILY_LIMITS: Readonly<Record<string, number>> = {
  '/cgi-bin/token': FAKE_LIMITS.classicDailyLimit,
  '/cgi-bin/stable_token': FAKE_LIMITS.stableDailyLimit,
  '/cgi-bin/menu/create': 1000,
  '/cgi-bin/menu/get': 10_000,
  '/cgi-bin/menu/delete': 1000,
  '/cgi-bin/get_current_selfmenu_info': 10_000,
  '/cgi-bin/menu/addconditional': 2000,
  '/cgi-bin/menu/delconditional': 2000,
  '/cgi-bin/menu/trymatch': 20_000,
  ...API_DAILY_LIMITS,
};

/** errcodes the fake answers with, named. */
export const E = {
  BUSY: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_GRANT_TYPE: 40002,
  INVALID_MEDIA_ID: 40007,
  INVALID_APPID: 40013,
  BUTTON_SIZE: 40016,
  BUTTON_TYPE: 40017,
  BUTTON_NAME_SIZE: 40018,
  BUTTON_KEY_SIZE: 40019,
  BUTTON_URL_SIZE: 40020,
  SUB_MENU_LEVEL: 40022,
  SUB_BUTTON_SIZE: 40023,
  SUB_BUTTON_TYPE: 40024,
  SUB_BUTTON_NAME_SIZE: 40025,
  SUB_BUTTON_KEY_SIZE: 40026,
  SUB_BUTTON_URL_SIZE: 40027,
  SUB_BUTTON_URL_DOMAIN: 40054,
  BUTTON_URL_DOMAIN: 40055,
  INVALID_ARGS: 40097,
  INVALID_APPSECRET: 40125,
  IP_NOT_WHITELISTED: 40164,
  ACCESS_TOKEN_MISSING: 41001,
  APPID_MISSING: 41002,
  APPSECRET_MISSING: 41004,
  ACCESS_TOKEN_EXPIRED: 42001,
  REQUIRE_POST: 43002,
  DAILY_QUOTA: 45009,
  MINUTE_QUOTA: 45011,
  MENU_VERSION_NOT_EXIST: 46002,
  MENU_NOT_EXIST: 46003,
  DATA_FORMAT: 47001,
  CONDITIONAL_MENU_NOT_EXIST: 65301,
  NO_SUCH_USER: 65302,
  NO_DEFAULT_MENU: 65303,
  MATCHRULE_EMPTY: 65304,
  CONDITIONAL_MENU_LIMIT: 65305,
  CONDITIONAL_MENU_EMPTY: 65307,
  BUTTON_NO_TYPE: 65308,
  COUNTRY_REQUIRED: 65310,
  PROVINCE_REQUIRED: 65311,
  TOO_MANY_DOMAINS: 65316,
  INVALID_URL: 65317,
  CLEAR_QUOTA_LIMIT: 48006,
  RID_NOT_FOUND: 76001,
  RID_MALFORMED: 76002,
  CGI_PATH_NOT_FOUND: 76021,
  /** Not a WeChat errcode: the fake's answer for a path it does not serve (HTTP 404). */
  NOT_FOUND: 404,
} as const;

/** errmsg texts (without the ` rid: …` suffix the server appends). */
export const ERRMSG: Readonly<Record<number, string>> = {
  [E.BUSY]: 'system error',
  [E.INVALID_CREDENTIAL]: 'invalid credential, access_token is invalid or not latest',
  [E.INVALID_GRANT_TYPE]: 'invalid grant_type',
  [E.INVALID_MEDIA_ID]: 'invalid media_id',
  [E.INVALID_APPID]: 'invalid appid',
  [E.BUTTON_SIZE]: 'invalid button size',
  [E.BUTTON_TYPE]: 'invalid button type',
  [E.BUTTON_NAME_SIZE]: 'invalid button name size',
  [E.BUTTON_KEY_SIZE]: 'invalid button key size',
  [E.BUTTON_URL_SIZE]: 'invalid button url size',
  [E.SUB_MENU_LEVEL]: 'invalid sub_menu level',
  [E.SUB_BUTTON_SIZE]: 'invalid sub button size',
  [E.SUB_BUTTON_TYPE]: 'invalid sub button type',
  [E.SUB_BUTTON_NAME_SIZE]: 'invalid sub button name size',
  [E.SUB_BUTTON_KEY_SIZE]: 'invalid sub button key size',
  [E.SUB_BUTTON_URL_SIZE]: 'invalid sub button url size',
  [E.SUB_BUTTON_URL_DOMAIN]: 'invalid sub button url domain',
  [E.BUTTON_URL_DOMAIN]: 'invalid button url domain',
  [E.INVALID_ARGS]: 'invalid args',
  [E.INVALID_APPSECRET]: 'invalid appsecret',
  [E.ACCESS_TOKEN_MISSING]: 'access_token missing',
  [E.APPID_MISSING]: 'appid missing',
  [E.APPSECRET_MISSING]: 'appsecret missing',
  [E.ACCESS_TOKEN_EXPIRED]: 'access_token expired',
  [E.REQUIRE_POST]: 'require POST method',
  [E.DAILY_QUOTA]: 'reach max api daily quota limit',
  [E.MINUTE_QUOTA]: 'api minute-quota reach limit  mustslower  retry next minute',
  [E.MENU_VERSION_NOT_EXIST]: 'not exist menu version',
  [E.MENU_NOT_EXIST]: 'menu no exist',
  [E.DATA_FORMAT]: 'data format error',
  [E.CONDITIONAL_MENU_NOT_EXIST]: 'menuid not exist',
  [E.NO_SUCH_USER]: 'no such user',
  [E.NO_DEFAULT_MENU]: 'there is no selfmenu, please create selfmenu first',
  [E.MATCHRULE_EMPTY]: 'match rule empty',
  [E.CONDITIONAL_MENU_LIMIT]: 'menu count limit',
  [E.CONDITIONAL_MENU_EMPTY]: 'conditional menu info empty',
  [E.BUTTON_NO_TYPE]: 'exist empty button act',
  [E.COUNTRY_REQUIRED]: 'country is required when province or city is set',
  [E.PROVINCE_REQUIRED]: 'province is required when city is set',
  [E.TOO_MANY_DOMAINS]: 'too many url domains in menu, at most 3',
  [E.INVALID_URL]: 'invalid url',
  [E.CLEAR_QUOTA_LIMIT]: 'forbid to clear quota because of reaching the limit',
  [E.RID_NOT_FOUND]: 'rid not found',
  [E.RID_MALFORMED]: 'rid is error',
  [E.CGI_PATH_NOT_FOUND]: 'cgi_path not found, please check',
  [E.NOT_FOUND]: 'api not found',
};

/** Menu errcodes that real errmsgs carry a `hint: [...]` for. */
export function isMenuErrcode(errcode: number): boolean {
  return (errcode >= 40015 && errcode <= 40027) || errcode === 40054 || errcode === 40055 || (errcode >= 65301 && errcode <= 65320);
}

/** Every button type the menu API accepts. */
export const BUTTON_TYPES: ReadonlySet<string> = new Set([
  'click',
  'view',
  'scancode_push',
  'scancode_waitmsg',
  'pic_sysphoto',
  'pic_photo_or_album',
  'pic_weixin',
  'location_select',
  'media_id',
  'view_limited',
  'article_id',
  'article_view_limited',
  'miniprogram',
]);

/** Types whose `key` is required (and limited to FAKE_LIMITS.keyBytes). */
export const KEY_TYPES: ReadonlySet<string> = new Set([
  'click',
  'scancode_push',
  'scancode_waitmsg',
  'pic_sysphoto',
  'pic_photo_or_album',
  'pic_weixin',
  'location_select',
]);

/** Fields a button of each type keeps (menu/get and get_current_selfmenu_info echo these). */
export function fieldsForType(type: string): readonly string[] {
  if (KEY_TYPES.has(type)) return ['key'];
  switch (type) {
    case 'view':
      return ['url'];
    case 'miniprogram':
      return ['url', 'appid', 'pagepath'];
    case 'media_id':
    case 'view_limited':
      return ['media_id'];
    case 'article_id':
    case 'article_view_limited':
      return ['article_id'];
    default:
      return [];
  }
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Registrable domains (65316 counts these, not hosts)

/** Second-level labels that, under a two-letter country TLD, form a public suffix (com.cn, co.uk…). */
const GENERIC_SECOND_LEVEL: ReadonlySet<string> = new Set(['com', 'net', 'org', 'edu', 'gov', 'ac', 'co', 'mil']);

/** Explicit two-level public suffixes beyond the generic ones above. */
const TWO_LEVEL_SUFFIXES: ReadonlySet<string> = new Set([
  // China: administrative-division suffixes
  ...[
    'bj',
    'sh',
    'tj',
    'cq',
    'he',
    'sx',
    'nm',
    'ln',
    'jl',
    'hl',
    'js',
    'zj',
    'ah',
    'fj',
    'jx',
    'sd',
    'ha',
    'hb',
    'hn',
    'gd',
    'gx',
    'hi',
    'sc',
    'gz',
    'yn',
    'xz',
    'sn',
    'gs',
    'qh',
    'nx',
    'xj',
    'tw',
    'hk',
    'mo',
  ].map((p) => `${p}.cn`),
  'idv.hk',
  'idv.tw',
  'game.tw',
  'ebiz.tw',
  'club.tw',
  'me.uk',
  'ltd.uk',
  'plc.uk',
  'sch.uk',
  'nhs.uk',
  'ne.jp',
  'or.jp',
  'go.jp',
  'ad.jp',
  'ed.jp',
  'gr.jp',
  'lg.jp',
  'ne.kr',
  'or.kr',
  're.kr',
  'pe.kr',
  'go.kr',
  'asn.au',
  'id.au',
  'govt.nz',
  'geek.nz',
  'gen.nz',
  'firm.in',
  'gen.in',
  'ind.in',
]);

function isIpv4(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host);
}

/** The registrable domain of a host (`a.b.example.com.cn` → `example.com.cn`); undefined if it has none. */
export function registrableDomain(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[')) return host; // IPv6 literal
  if (isIpv4(host)) return host;
  const labels = host.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0)) return undefined;
  const tld = labels[labels.length - 1] as string;
  const second = labels[labels.length - 2] as string;
  const lastTwo = `${second}.${tld}`;
  const twoLevel = TWO_LEVEL_SUFFIXES.has(lastTwo) || (tld.length === 2 && GENERIC_SECOND_LEVEL.has(second));
  if (twoLevel) {
    if (labels.length < 3) return undefined; // the suffix itself is not a domain
    return labels.slice(-3).join('.');
  }
  return lastTwo;
}

// ---------------------------------------------------------------------------------------------
// Menu validation, in the order the fake checks (first violation wins, like the real server)

export interface MenuViolation {
  errcode: number;
  /** JSON path of the offending value, for debugging the fake; not sent to the client. */
  path: string;
}

interface LevelCodes {
  type: number;
  name: number;
  nameBytes: number;
  key: number;
  url: number;
  domain: number;
}

const TOP: LevelCodes = {
  type: E.BUTTON_TYPE,
  name: E.BUTTON_NAME_SIZE,
  nameBytes: FAKE_LIMITS.topNameBytes,
  key: E.BUTTON_KEY_SIZE,
  url: E.BUTTON_URL_SIZE,
  domain: E.BUTTON_URL_DOMAIN,
};

const SUB: LevelCodes = {
  type: E.SUB_BUTTON_TYPE,
  name: E.SUB_BUTTON_NAME_SIZE,
  nameBytes: FAKE_LIMITS.subNameBytes,
  key: E.SUB_BUTTON_KEY_SIZE,
  url: E.SUB_BUTTON_URL_SIZE,
  domain: E.SUB_BUTTON_URL_DOMAIN,
};

function nonEmptyString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0;
}

function checkName(b: Record<string, unknown>, codes: LevelCodes, path: string): MenuViolation | undefined {
  const name = b['name'];
  if (typeof name !== 'string' || name.length === 0 || utf8Bytes(name) > codes.nameBytes) {
    return { errcode: codes.name, path: `${path}.name` };
  }
  return undefined;
}

function checkUrl(url: unknown, codes: LevelCodes, path: string, urls: string[]): MenuViolation | undefined {
  if (typeof url !== 'string' || url.length === 0 || utf8Bytes(url) > FAKE_LIMITS.urlBytes) {
    return { errcode: codes.url, path };
  }
  // Missing or non-web scheme (javascript:, ftp://, "www.example.com") → the url-domain errcode.
  // Surrounding spaces do not count: menus with them are live (wechat-api.md: warn, don't block).
  const address = url.trim();
  if (!/^https?:\/\//i.test(address)) return { errcode: codes.domain, path };
  let host: string;
  try {
    host = new URL(address).hostname;
  } catch {
    return { errcode: E.INVALID_URL, path };
  }
  if (host.length === 0 || registrableDomain(host) === undefined) return { errcode: E.INVALID_URL, path };
  urls.push(address);
  return undefined;
}

function checkLeaf(b: Record<string, unknown>, codes: LevelCodes, path: string, urls: string[]): MenuViolation | undefined {
  const type = b['type'];
  if (type === undefined || type === null || type === '') return { errcode: E.BUTTON_NO_TYPE, path: `${path}.type` };
  if (typeof type !== 'string' || !BUTTON_TYPES.has(type)) return { errcode: codes.type, path: `${path}.type` };
  if (KEY_TYPES.has(type)) {
    const key = b['key'];
    if (typeof key !== 'string' || key.length === 0 || utf8Bytes(key) > FAKE_LIMITS.keyBytes) {
      return { errcode: codes.key, path: `${path}.key` };
    }
  }
  if (type === 'view' || type === 'miniprogram') {
    const v = checkUrl(b['url'], codes, `${path}.url`, urls);
    if (v) return v;
  }
  if (type === 'miniprogram') {
    if (!nonEmptyString(b['appid'])) return { errcode: E.INVALID_ARGS, path: `${path}.appid` };
    if (!nonEmptyString(b['pagepath'])) return { errcode: E.INVALID_ARGS, path: `${path}.pagepath` };
  }
  if ((type === 'media_id' || type === 'view_limited') && !nonEmptyString(b['media_id'])) {
    return { errcode: E.INVALID_MEDIA_ID, path: `${path}.media_id` };
  }
  if ((type === 'article_id' || type === 'article_view_limited') && !nonEmptyString(b['article_id'])) {
    return { errcode: E.INVALID_ARGS, path: `${path}.article_id` };
  }
  return undefined;
}

/** Validates a menu body (`{"button":[…]}`) the way the real menu/create does. */
export function checkMenu(body: unknown): MenuViolation | undefined {
  if (!isRecord(body)) return { errcode: E.DATA_FORMAT, path: '' };
  const buttons = body['button'];
  if (buttons === undefined || buttons === null) return { errcode: E.BUTTON_SIZE, path: 'button' };
  if (!Array.isArray(buttons)) return { errcode: E.DATA_FORMAT, path: 'button' };
  if (buttons.length === 0 || buttons.length > FAKE_LIMITS.topButtonsMax) return { errcode: E.BUTTON_SIZE, path: 'button' };
  const urls: string[] = [];
  for (let i = 0; i < buttons.length; i++) {
    const b: unknown = buttons[i];
    const path = `button[${i}]`;
    if (!isRecord(b)) return { errcode: E.DATA_FORMAT, path };
    const nameProblem = checkName(b, TOP, path);
    if (nameProblem) return nameProblem;
    const subs = b['sub_button'];
    if (subs !== undefined && subs !== null && !Array.isArray(subs)) return { errcode: E.DATA_FORMAT, path: `${path}.sub_button` };
    if (Array.isArray(subs) && subs.length > 0) {
      if (subs.length > FAKE_LIMITS.subButtonsMax) return { errcode: E.SUB_BUTTON_SIZE, path: `${path}.sub_button` };
      for (let j = 0; j < subs.length; j++) {
        const s: unknown = subs[j];
        const sp = `${path}.sub_button[${j}]`;
        if (!isRecord(s)) return { errcode: E.DATA_FORMAT, path: sp };
        const deeper = s['sub_button'];
        if (deeper !== undefined && deeper !== null && !Array.isArray(deeper)) return { errcode: E.DATA_FORMAT, path: `${sp}.sub_button` };
        if (Array.isArray(deeper) && deeper.length > 0) return { errcode: E.SUB_MENU_LEVEL, path: `${sp}.sub_button` };
        const subName = checkName(s, SUB, sp);
        if (subName) return subName;
        const leaf = checkLeaf(s, SUB, sp, urls);
        if (leaf) return leaf;
      }
    } else {
      const leaf = checkLeaf(b, TOP, path, urls);
      if (leaf) return leaf;
    }
  }
  const domains = new Set(urls.map((u) => registrableDomain(new URL(u).hostname)));
  if (domains.size > FAKE_LIMITS.menuDomainsMax) return { errcode: E.TOO_MANY_DOMAINS, path: 'button' };
  return undefined;
}

/** matchrule fields the conditional-menu API knows (group_id is the old name of tag_id). */
export const MATCHRULE_FIELDS: readonly string[] = [
  'tag_id',
  'group_id',
  'sex',
  'country',
  'province',
  'city',
  'client_platform_type',
  'language',
];

function present(v: unknown): boolean {
  return v !== undefined && v !== null && v !== '';
}

/** Validates a conditional menu's matchrule. */
export function checkMatchrule(matchrule: unknown): MenuViolation | undefined {
  if (matchrule === undefined || matchrule === null) return { errcode: E.MATCHRULE_EMPTY, path: 'matchrule' };
  if (!isRecord(matchrule)) return { errcode: E.DATA_FORMAT, path: 'matchrule' };
  if (!MATCHRULE_FIELDS.some((f) => present(matchrule[f]))) return { errcode: E.MATCHRULE_EMPTY, path: 'matchrule' };
  const hasCountry = present(matchrule['country']);
  const hasProvince = present(matchrule['province']);
  const hasCity = present(matchrule['city']);
  if ((hasProvince || hasCity) && !hasCountry) return { errcode: E.COUNTRY_REQUIRED, path: 'matchrule.country' };
  if (hasCity && !hasProvince) return { errcode: E.PROVINCE_REQUIRED, path: 'matchrule.province' };
  return undefined;
}
