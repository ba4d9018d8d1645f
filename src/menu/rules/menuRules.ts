// The one table of WeChat custom-menu rules: limits, button types and the fields each one needs,
// match-rule fields, the menu errcodes and their explanations. The validator (src/menu/validate.ts),
// the JSON schema (src/menu/schema.ts) and the UI read these values from here only, so a limit is
// written exactly once. vscode-free; every text is an English template (with `{0}` placeholders)
// that is also the key of the zh-cn bundle — pass it through a `Localize` before showing it.

import type { ErrcodeInfo } from '../../wechat/errcodes';
import { formatMessage, type Localize, type MessageArg } from '../../common/localize';

/** Top-level buttons form the menu bar; sub-buttons sit in a top-level button's pop-up. */
export type ButtonLevel = 'top' | 'sub';

export interface CountRule {
  readonly min: number;
  readonly max: number;
  readonly errcode: number;
}

/**
 * How many buttons a level may hold. An empty `sub_button: []` means "no sub-buttons" (the shape
 * menu/get returns), so `min` for sub-buttons applies only to a non-empty list.
 */
export const BUTTON_COUNT: Readonly<Record<ButtonLevel, CountRule>> = {
  top: { min: 1, max: 3, errcode: 40016 },
  sub: { min: 1, max: 5, errcode: 40023 },
};

/** Sub-buttons may not have sub-buttons of their own. */
export const SUB_MENU_DEPTH_ERRCODE = 40022;

export type ByteLimitedField = 'name' | 'key' | 'url';

export interface ByteLimit {
  /** Maximum length in UTF-8 bytes (a Chinese character is 3 bytes, an emoji 4). */
  readonly maxBytes: number;
  readonly errcode: number;
}

/** Byte limits per field and level; the errcode is what the server answers when one is exceeded. */
export const BYTE_LIMITS: Readonly<Record<ByteLimitedField, Readonly<Record<ButtonLevel, ByteLimit>>>> = {
  name: { top: { maxBytes: 16, errcode: 40018 }, sub: { maxBytes: 60, errcode: 40025 } },
  key: { top: { maxBytes: 128, errcode: 40019 }, sub: { maxBytes: 128, errcode: 40026 } },
  url: { top: { maxBytes: 1024, errcode: 40020 }, sub: { maxBytes: 1024, errcode: 40027 } },
};

/** Errcode for an unknown or missing button type, per level. */
export const BUTTON_TYPE_ERRCODE: Readonly<Record<ButtonLevel, number>> = { top: 40017, sub: 40024 };

/** Errcode for a url whose domain the server refuses, per level. */
export const URL_DOMAIN_ERRCODE: Readonly<Record<ButtonLevel, number>> = { top: 40055, sub: 40054 };

/** A leaf button (no sub-buttons) without a `type`. */
export const NO_RESPONSE_TYPE_ERRCODE = 65308;

/** Accepted url schemes, and the errcode for a url that is not a valid http(s) url. */
export const URL_RULE = { schemes: ['http:', 'https:'] as const, errcode: 65317 } as const;

/**
 * All view/miniprogram urls of one menu may point at no more than `max` distinct registrable
 * domains ("最多跳转到3个域名的链接").
 */
export const URL_DOMAIN_RULE = { max: 3, errcode: 65316 } as const;

/** Malformed JSON body. */
export const MALFORMED_JSON_ERRCODE = 47001;

// ---------------------------------------------------------------------------------------------
// Buttons

export type ButtonField =
  | 'type'
  | 'name'
  | 'key'
  | 'url'
  | 'media_id'
  | 'article_id'
  | 'appid'
  | 'pagepath'
  | 'sub_button';

export interface ButtonFieldRule {
  readonly field: ButtonField;
  /** English description (schema hover, UI). */
  readonly description: string;
  /** Values for the `{n}` placeholders of `description`. */
  readonly descriptionArgs?: readonly MessageArg[];
  /** Set for the fields with a byte limit (see BYTE_LIMITS). */
  readonly byteLimited?: ByteLimitedField;
}

export const BUTTON_FIELDS: Readonly<Record<ButtonField, ButtonFieldRule>> = {
  type: { field: 'type', description: 'What the button does when tapped. Leave it out on a button that has sub-buttons.' },
  name: {
    field: 'name',
    description: 'Button title. At most {0} bytes on the menu bar and {1} bytes in a sub-menu (UTF-8: a Chinese character is 3 bytes, an emoji 4).',
    descriptionArgs: [BYTE_LIMITS.name.top.maxBytes, BYTE_LIMITS.name.sub.maxBytes],
    byteLimited: 'name',
  },
  key: {
    field: 'key',
    description: 'Event key pushed to your server when the button is used. At most {0} bytes.',
    descriptionArgs: [BYTE_LIMITS.key.top.maxBytes],
    byteLimited: 'key',
  },
  url: {
    field: 'url',
    description: 'Web page to open (http or https). At most {0} bytes. For miniprogram buttons: the page opened by clients that cannot open mini programs.',
    descriptionArgs: [BYTE_LIMITS.url.top.maxBytes],
    byteLimited: 'url',
  },
  media_id: { field: 'media_id', description: 'media_id of a permanent material (media_id and view_limited buttons).' },
  article_id: { field: 'article_id', description: 'article_id of a published article (article_id and article_view_limited buttons).' },
  appid: { field: 'appid', description: 'AppID of the mini program to open. It must be linked to this official account.' },
  pagepath: { field: 'pagepath', description: 'Page of the mini program to open, e.g. pages/index/index.' },
  sub_button: {
    field: 'sub_button',
    description: 'Sub-menu: {0} to {1} sub-buttons. A button with sub-buttons has no type of its own. An empty list means no sub-menu.',
    descriptionArgs: [BUTTON_COUNT.sub.min, BUTTON_COUNT.sub.max],
  },
};

export const BUTTON_TYPE_NAMES = [
  'click',
  'view',
  'miniprogram',
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
] as const;

export type ButtonType = (typeof BUTTON_TYPE_NAMES)[number];

export interface ButtonTypeRule {
  readonly type: ButtonType;
  /** Fields this type needs besides `type` and `name`. */
  readonly requires: readonly ButtonField[];
  /** Short English label (pick lists, preview). */
  readonly label: string;
  /** English description (schema hover, UI). */
  readonly description: string;
}

export const BUTTON_TYPES: Readonly<Record<ButtonType, ButtonTypeRule>> = {
  click: {
    type: 'click',
    requires: ['key'],
    label: 'Click event',
    description: 'Sends a click event with the key to your server, which can reply with a message.',
  },
  view: { type: 'view', requires: ['url'], label: 'Open web page', description: 'Opens the url in WeChat.' },
  miniprogram: {
    type: 'miniprogram',
    requires: ['url', 'appid', 'pagepath'],
    label: 'Open mini program',
    description: 'Opens a page of a linked mini program; clients without mini program support open the url instead.',
  },
  scancode_push: {
    type: 'scancode_push',
    requires: ['key'],
    label: 'Scan code',
    description: 'Opens the QR code scanner, shows the result and sends it with the key to your server.',
  },
  scancode_waitmsg: {
    type: 'scancode_waitmsg',
    requires: ['key'],
    label: 'Scan code and wait for reply',
    description: 'Opens the scanner, sends the result with the key to your server and shows "receiving message" until it replies.',
  },
  pic_sysphoto: {
    type: 'pic_sysphoto',
    requires: ['key'],
    label: 'Take photo',
    description: 'Opens the camera; the photo is sent to your server with the key.',
  },
  pic_photo_or_album: {
    type: 'pic_photo_or_album',
    requires: ['key'],
    label: 'Photo or album',
    description: 'Lets the user take a photo or pick one from the album; it is sent to your server with the key.',
  },
  pic_weixin: {
    type: 'pic_weixin',
    requires: ['key'],
    label: 'WeChat album',
    description: 'Lets the user pick a photo from the WeChat album; it is sent to your server with the key.',
  },
  location_select: {
    type: 'location_select',
    requires: ['key'],
    label: 'Send location',
    description: 'Opens the location picker; the chosen location is sent to your server with the key.',
  },
  media_id: {
    type: 'media_id',
    requires: ['media_id'],
    label: 'Send material',
    description: 'Sends the permanent material (image, voice, video or news) with this media_id to the user.',
  },
  view_limited: {
    type: 'view_limited',
    requires: ['media_id'],
    label: 'Open news material',
    description: 'Opens the permanent news material with this media_id.',
  },
  article_id: {
    type: 'article_id',
    requires: ['article_id'],
    label: 'Send article',
    description: 'Sends the published article with this article_id to the user.',
  },
  article_view_limited: {
    type: 'article_view_limited',
    requires: ['article_id'],
    label: 'Open article',
    description: 'Opens the published article with this article_id.',
  },
};

/** Types whose url counts for the domain rule and must be http(s). */
export const URL_BUTTON_TYPES: readonly ButtonType[] = BUTTON_TYPE_NAMES.filter((t) =>
  BUTTON_TYPES[t].requires.includes('url'),
);

export function isButtonType(value: string): value is ButtonType {
  return (BUTTON_TYPE_NAMES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Match rules (conditional menus)

export type MatchRuleField =
  | 'tag_id'
  | 'group_id'
  | 'client_platform_type'
  | 'sex'
  | 'country'
  | 'province'
  | 'city'
  | 'language';

export interface MatchRuleValue {
  readonly value: string;
  /** English label, when the value is a code that needs one. */
  readonly label?: string;
}

export interface MatchRuleFieldRule {
  readonly field: MatchRuleField;
  readonly description: string;
  /** The accepted values, when the set is closed. */
  readonly values?: readonly MatchRuleValue[];
  /** The newer name of this field (group_id → tag_id). */
  readonly renamedTo?: MatchRuleField;
  /** An older field: still accepted but based on personal data (see errcode 65320). */
  readonly legacy?: boolean;
  /** Fields that must be present when this one is set, with the errcode the server answers. */
  readonly needs?: { readonly field: MatchRuleField; readonly errcode: number };
}

export const MATCHRULE_FIELDS: Readonly<Record<MatchRuleField, MatchRuleFieldRule>> = {
  tag_id: { field: 'tag_id', description: 'User tag id: only users with this tag see the menu.' },
  group_id: { field: 'group_id', description: 'Older name of tag_id.', renamedTo: 'tag_id' },
  client_platform_type: {
    field: 'client_platform_type',
    description: 'Client platform: 1 iOS, 2 Android, 3 others.',
    values: [
      { value: '1', label: 'iOS' },
      { value: '2', label: 'Android' },
      { value: '3', label: 'Others' },
    ],
  },
  sex: {
    field: 'sex',
    description: 'Older field: user gender, 1 male, 2 female.',
    legacy: true,
    values: [
      { value: '1', label: 'Male' },
      { value: '2', label: 'Female' },
    ],
  },
  country: { field: 'country', description: 'Older field: country, as in the user profile (e.g. 中国).', legacy: true },
  province: {
    field: 'province',
    description: 'Older field: province (e.g. 广东). Needs country.',
    legacy: true,
    needs: { field: 'country', errcode: 65310 },
  },
  city: {
    field: 'city',
    description: 'Older field: city (e.g. 广州). Needs province and country.',
    legacy: true,
    needs: { field: 'province', errcode: 65311 },
  },
  language: {
    field: 'language',
    description: 'Older field: client language, e.g. zh_CN.',
    legacy: true,
    values: [
      'zh_CN', 'zh_TW', 'zh_HK', 'en', 'id', 'ms', 'es', 'ko', 'it', 'ja', 'pl', 'pt', 'ru', 'th', 'vi', 'ar',
      'hi', 'he', 'tr', 'de', 'fr',
    ].map((value) => ({ value })),
  },
};

export const MATCHRULE_FIELD_NAMES = Object.keys(MATCHRULE_FIELDS) as MatchRuleField[];

/** A match rule must set at least one field. */
export const MATCHRULE_EMPTY_ERRCODE = 65304;
/** Match rule based on personal data that the platform no longer allows. */
export const MATCHRULE_PRIVACY_ERRCODE = 65320;

// ---------------------------------------------------------------------------------------------
// Registrable domains (for the 3-domain rule)

/**
 * Public suffixes with two labels that menus commonly use: `a.example.com.cn` and
 * `b.example.com.cn` are one registrable domain, `example.com.cn`. A compact list, not the full
 * Public Suffix List; anything else is treated as a one-label suffix (`example.com`).
 */
export const TWO_LEVEL_PUBLIC_SUFFIXES: ReadonlySet<string> = new Set([
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'edu.cn', 'ac.cn', 'mil.cn',
  'com.hk', 'net.hk', 'org.hk', 'edu.hk', 'gov.hk', 'idv.hk',
  'com.tw', 'net.tw', 'org.tw', 'edu.tw', 'gov.tw', 'idv.tw',
  'com.mo', 'net.mo', 'org.mo', 'edu.mo', 'gov.mo',
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp',
  'co.kr', 'or.kr', 'ac.kr', 'go.kr',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au',
  'com.sg', 'net.sg', 'org.sg', 'edu.sg', 'gov.sg',
  'com.my', 'net.my', 'org.my',
  'co.nz', 'org.nz',
  'com.br', 'com.mx', 'com.ar', 'com.tr', 'co.in', 'co.id', 'co.th', 'com.vn', 'com.ph',
]);

/**
 * The registrable domain of a host name: `ly.example.net` → `example.net`,
 * `a.example.com.cn` → `example.com.cn`. IP addresses and single labels are returned as they are.
 */
export function registrableDomain(host: string): string {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(h)) {
    return h;
  }
  const labels = h.split('.').filter((l) => l.length > 0);
  if (labels.length <= 2) {
    return labels.join('.');
  }
  const lastTwo = labels.slice(-2).join('.');
  const take = TWO_LEVEL_PUBLIC_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.slice(-take).join('.');
}

// ---------------------------------------------------------------------------------------------
// Bytes

const encoder = new TextEncoder();

/** Length of a string in UTF-8 bytes — what WeChat counts. Never count characters. */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

// ---------------------------------------------------------------------------------------------
// Errcodes

export interface MenuErrcodeInfo {
  readonly errcode: number;
  /** What the server means, in English. */
  readonly meaning: string;
  /** What the user should do: an English template (the bundle key) with the limits in `fixArgs`. */
  readonly fix: string;
  readonly fixArgs: readonly MessageArg[];
}

function info(errcode: number, meaning: string, fix: string, ...fixArgs: MessageArg[]): MenuErrcodeInfo {
  return { errcode, meaning, fix, fixArgs };
}

const between = (limit: ByteLimit): MessageArg => limit.maxBytes;

/** Every errcode a menu request can return, with what it means and how to fix it. */
export const MENU_ERRCODES: ReadonlyMap<number, MenuErrcodeInfo> = new Map(
  [
    info(40015, 'Invalid menu type.', 'Use one of the documented button types.'),
    info(40016, 'Invalid number of buttons.', 'Use {0} to {1} top-level buttons.', BUTTON_COUNT.top.min, BUTTON_COUNT.top.max),
    info(40017, 'Invalid button type.', 'Give every top-level button without sub-buttons a documented type.'),
    info(40018, 'Top-level button name too long or empty.', 'Keep top-level names between 1 and {0} bytes (a Chinese character is 3 bytes).', between(BYTE_LIMITS.name.top)),
    info(40019, 'Top-level button key too long or empty.', 'Keep keys between 1 and {0} bytes.', between(BYTE_LIMITS.key.top)),
    info(40020, 'Top-level button url too long or empty.', 'Keep urls between 1 and {0} bytes.', between(BYTE_LIMITS.url.top)),
    info(40021, 'Invalid menu version.', 'Download the current menu and upload it again.'),
    info(40022, 'Sub-menus are nested too deeply.', 'Sub-buttons cannot have sub-buttons of their own.'),
    info(40023, 'Invalid number of sub-buttons.', 'Use {0} to {1} sub-buttons per top-level button.', BUTTON_COUNT.sub.min, BUTTON_COUNT.sub.max),
    info(40024, 'Invalid sub-button type.', 'Give every sub-button a documented type.'),
    info(40025, 'Sub-button name too long or empty.', 'Keep sub-button names between 1 and {0} bytes (a Chinese character is 3 bytes).', between(BYTE_LIMITS.name.sub)),
    info(40026, 'Sub-button key too long or empty.', 'Keep keys between 1 and {0} bytes.', between(BYTE_LIMITS.key.sub)),
    info(40027, 'Sub-button url too long or empty.', 'Keep urls between 1 and {0} bytes.', between(BYTE_LIMITS.url.sub)),
    info(40054, 'Sub-button url domain not allowed.', 'Use an http(s) url on a domain the account may link to.'),
    info(40055, 'Top-level button url domain not allowed.', 'Use an http(s) url on a domain the account may link to.'),
    info(40155, 'The url points at the home page of another official account.', 'Link to a page of this account or to your own site instead.'),
    info(45064, 'The account may not use this mini program in its menu.', 'Link the mini program to the official account in the MP console (Mini Programs → Mini Program management), then upload again. Local checks cannot detect this.'),
    info(46002, 'The menu version does not exist.', 'Download the current menu and upload it again.'),
    info(46003, 'There is no menu data.', 'The account has no menu created through the API yet; upload one first.'),
    info(47001, 'The request body is not valid JSON.', 'Fix the JSON syntax errors shown in the editor.'),
    info(65301, 'No conditional menu with this menuid.', 'Download the menus again and pick an existing conditional menu.'),
    info(65302, 'No such user.', 'Check the openid or WeChat id.'),
    info(65303, 'There is no default menu, so a conditional menu cannot be created.', 'Upload a default menu (without matchrule) first.'),
    info(65304, 'The match rule is empty.', 'Set at least one matchrule field, e.g. tag_id or client_platform_type.'),
    info(65305, 'Too many conditional menus.', 'Delete conditional menus you no longer need, then try again.'),
    info(65306, 'This account does not support conditional menus.', 'Conditional menus need a verified account.'),
    info(65307, 'The conditional menu is empty.', 'Add buttons to the conditional menu.'),
    info(65308, 'A button has no response type.', 'Give every button without sub-buttons a type.'),
    info(65309, 'Conditional menus are switched off for this account.', 'Switch conditional menus on in the MP console.'),
    info(65310, 'Province or city is set without a country.', 'Add country to the match rule.'),
    info(65311, 'City is set without a province.', 'Add province to the match rule.'),
    info(65312, 'Unknown country.', 'Use the country name as WeChat shows it in user profiles.'),
    info(65313, 'Unknown province.', 'Use the province name as WeChat shows it in user profiles.'),
    info(65314, 'Unknown city.', 'Use the city name as WeChat shows it in user profiles.'),
    info(65315, 'The user does not follow this account.', 'Try match with a follower of this account.'),
    info(65316, 'The menu links to too many domains.', 'Point all view and miniprogram urls at no more than {0} registrable domains.', URL_DOMAIN_RULE.max),
    info(65317, 'Invalid url.', 'Use a complete http:// or https:// url.'),
    info(65318, 'The request must be UTF-8.', 'Send the menu as UTF-8 JSON.'),
    info(65319, 'The account may not create menus.', 'Check the account status and permissions in the MP console.'),
    info(65320, 'The match rule uses personal data that is no longer allowed.', 'Match on tag_id or client_platform_type instead of sex, region or language.'),
  ].map((i) => [i.errcode, i] as const),
);

/** "errcode 40018: Top-level button name too long or empty. Keep …", localised; undefined if not a menu errcode. */
export function explainMenuErrcode(errcode: number, localize: Localize = formatMessage): string | undefined {
  const entry = MENU_ERRCODES.get(errcode);
  if (!entry) {
    return undefined;
  }
  return localize('errcode {0}: {1} {2}', errcode, localize(entry.meaning), localize(entry.fix, ...entry.fixArgs));
}

/**
 * The menu errcodes in the shape of the general errcode table (src/wechat/errcodes.ts), so
 * WeChatApiError explains a failed menu upload like any other error. The menu feature registers
 * it (registerErrcodes) with the activation bundle's errcode lookup when it loads.
 */
export const MENU_ERRCODE_TABLE: Readonly<Record<number, ErrcodeInfo>> = Object.fromEntries(
  [...MENU_ERRCODES.values()].map(
    (e) => [e.errcode, { meaning: e.meaning, fix: e.fix, fixArgs: e.fixArgs, reaction: 'report' }] as const,
  ),
);

/** A button field's description, localised, placeholders filled from the table. */
export function describeButtonField(field: ButtonField, localize: Localize = formatMessage): string {
  const rule = BUTTON_FIELDS[field];
  return localize(rule.description, ...(rule.descriptionArgs ?? []));
}
