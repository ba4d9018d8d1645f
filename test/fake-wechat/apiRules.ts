// The fake's OWN copy of the limits and errcodes of the users, tags, QR code, material, message and
// mini program endpoints (the endpoint catalog's, src/wechat/catalog/, kept apart on purpose: a
// test compares the two, and a disagreement means one of them misread the reference).
// Source: ../../../shared/wechat-api-more.md §1–§6. Imports nothing, so rules.ts can spread it.

export const API_LIMITS = {
  /** Tags per account, system tags included (45056). */
  tagsPerAccount: 100,
  /** A tag name, in UTF-8 bytes (45158: "超过30个字节"). */
  tagNameBytes: 30,
  /** System tags (0, 1, 2) cannot be changed (45058). */
  systemTagMaxId: 2,
  /** A tag with more followers cannot be deleted (45057). */
  tagDeleteMaxFans: 100_000,
  /** batchtagging's openid_list (40032). batchuntagging's maximum is undocumented: only emptiness is refused. */
  batchTaggingMax: 50,
  tagsPerUser: 20,
  userGetPage: 10_000,
  batchUserInfoMax: 100,
  /** Temporary QR codes live at most 30 days; permanent scene ids are 1–100000; scene_str 1–64 characters. */
  qrMaxExpireSeconds: 2_592_000,
  qrDefaultExpireSeconds: 60,
  qrPermanentSceneIdMax: 100_000,
  qrSceneStrMaxChars: 64,
  permanentQrCodesMax: 100_000,
  /** material/draft/freepublish pages. */
  pageMaxCount: 20,
  /** Customer-service messages: within 48 hours of the follower's last message (45015). */
  customWindowMs: 48 * 3600 * 1000,
  /** getwxacodeunlimit: scene ≤ 32 characters of this set (40169); width 280–1280. */
  wxacodeSceneMax: 32,
  wxacodeScene: /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/,
  wxacodeWidthMin: 280,
  wxacodeWidthMax: 1280,
  /** Schemes and links: expire_interval in days, at most 30. */
  linkMaxDays: 30,
  linkQueryMax: 1024,
  secCheckContentMax: 2500,
} as const;

/** Keyword limits of category templates, by the key's prefix (47003 when broken). */
export const TEMPLATE_VALUE_LIMITS: Readonly<Record<string, { readonly max: number; readonly pattern?: RegExp }>> = {
  thing: { max: 20 },
  number: { max: 32, pattern: /^\d+(\.\d+)?$/ },
  letter: { max: 32, pattern: /^[A-Za-z]+$/ },
  symbol: { max: 5 },
  character_string: { max: 32, pattern: /^[\x21-\x7e]+$/ },
  phone_number: { max: 17 },
  car_number: { max: 8 },
  name: { max: 20 },
  phrase: { max: 5 },
  const: { max: 20 },
};

export const API_DAILY_LIMITS: Readonly<Record<string, number>> = {
  '/cgi-bin/user/get': 500,
  '/cgi-bin/user/info': 5_000_000,
  '/cgi-bin/qrcode/create': 100_000,
  '/cgi-bin/draft/batchget': 1000,
  '/cgi-bin/freepublish/batchget': 100,
  '/cgi-bin/freepublish/getarticle': 100,
  '/cgi-bin/message/custom/send': 500_000,
};

/** errcodes these endpoints answer, named, with the fake's errmsg. */
export const AE = {
  INVALID_OPENID: 40003,
  INVALID_MEDIA_TYPE: 40004,
  INVALID_MEDIA_ID: 40007,
  INVALID_MESSAGE_TYPE: 40008,
  INVALID_CODE: 40029,
  INVALID_OPENID_LIST_SIZE: 40032,
  INVALID_TEMPLATE_ID: 40037,
  INVALID_ARGS: 40097,
  INVALID_SEC_SCENE: 40129,
  CODE_USED: 40163,
  INVALID_SCENE: 40169,
  HIGH_RISK_USER: 40226,
  INVALID_PAGE: 41030,
  REQUIRE_SUBSCRIBE: 43004,
  SUBSCRIPTION_REFUSED: 43101,
  OPENID_APPID_MISMATCH: 43104,
  OUT_OF_RESPONSE_WINDOW: 45015,
  CUSTOM_COUNT_EXCEEDED: 45047,
  TOO_MANY_TAGS: 45056,
  TAG_TOO_MANY_FANS: 45057,
  SYSTEM_TAG: 45058,
  USER_TOO_MANY_TAGS: 45059,
  DUPLICATE_TAG_NAME: 45157,
  TAG_NAME_LENGTH: 45158,
  INVALID_TAG_ID: 45159,
  ARGUMENT_INVALID: 47003,
  INVALID_ARTICLE_ID: 53600,
  NOT_PUBLISHED: 85079,
  RISKY_CONTENT: 87014,
} as const;

export const API_ERRMSG: Readonly<Record<number, string>> = {
  [AE.INVALID_OPENID]: 'invalid openid',
  [AE.INVALID_MEDIA_TYPE]: 'invalid media type',
  [AE.INVALID_MEDIA_ID]: 'invalid media_id',
  [AE.INVALID_MESSAGE_TYPE]: 'invalid message type',
  [AE.INVALID_CODE]: 'invalid code',
  [AE.INVALID_OPENID_LIST_SIZE]: 'invalid openid list size',
  [AE.INVALID_TEMPLATE_ID]: 'invalid template_id',
  [AE.INVALID_ARGS]: 'invalid args',
  [AE.INVALID_SEC_SCENE]: 'invalid scene',
  [AE.CODE_USED]: 'code been used',
  [AE.INVALID_SCENE]: 'invalid scene',
  [AE.HIGH_RISK_USER]: 'high risk user',
  [AE.INVALID_PAGE]: 'invalid page',
  [AE.REQUIRE_SUBSCRIBE]: 'require subscribe',
  [AE.SUBSCRIPTION_REFUSED]: 'user refuse to accept the msg',
  [AE.OPENID_APPID_MISMATCH]: 'appid and openid not match',
  [AE.OUT_OF_RESPONSE_WINDOW]: 'response out of time limit or subscription is canceled',
  [AE.CUSTOM_COUNT_EXCEEDED]: 'out of response count limit',
  [AE.TOO_MANY_TAGS]: 'too many tags now, no need to add new',
  [AE.TAG_TOO_MANY_FANS]: 'too many fans in this tag to delete',
  [AE.SYSTEM_TAG]: 'can not modify sys tag',
  [AE.USER_TOO_MANY_TAGS]: 'tag list size too big',
  [AE.DUPLICATE_TAG_NAME]: 'tag name duplicated',
  [AE.TAG_NAME_LENGTH]: 'invalid tag name length',
  [AE.INVALID_TAG_ID]: 'invalid tag id',
  [AE.ARGUMENT_INVALID]: 'argument invalid!',
  [AE.INVALID_ARTICLE_ID]: 'invalid article id',
  [AE.NOT_PUBLISHED]: 'miniprogram not published',
  [AE.RISKY_CONTENT]: 'content is risky',
};

export function utf8ByteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export function charLength(s: string): number {
  return [...s].length;
}
