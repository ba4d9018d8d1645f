// Catalog entries: an Official Account's tags and followers (../../../../shared/wechat-api-more.md §1,
// svc:usermanage/tag/*, svc:usermanage/userinfo/*).
import * as E from '../endpoints';
import type { CatalogEntry, ObjectSchema, Schema } from './schema';

const OA = ['officialAccount'] as const;
/** A tag name: at most 30 UTF-8 bytes (the errcode says bytes; the parameter text says characters). */
const TAG_NAME: Schema = {
  type: 'string',
  minLength: 1,
  maxLength: 30,
  lengthUnit: 'bytes',
  errcode: 45158,
  description: 'The tag name, at most 30 bytes (10 Chinese characters).',
};
const TAG_ID: Schema = { type: 'integer', minimum: 0, errcode: 45159, description: 'The tag id (0, 1 and 2 are system tags).' };
const OPENID: Schema = { type: 'string', minLength: 1, maxLength: 64, errcode: 40003, description: "A follower's openid." };
const LANG: Schema = { type: 'string', enum: ['zh_CN', 'zh_TW', 'en'], errcode: 40097 };
const OPENID_LIST = (maxItems?: number): Schema => ({
  type: 'array',
  items: OPENID,
  minItems: 1,
  errcode: 40032,
  ...(maxItems === undefined ? {} : { maxItems }),
});
const tagBody = (tag: ObjectSchema): ObjectSchema => ({ type: 'object', required: ['tag'], errcode: 47001, properties: { tag } });
const MEMBERS: ObjectSchema = { type: 'object', required: ['openid_list', 'tagid'], errcode: 47001, properties: { tagid: TAG_ID } };

export const TAGS_GET: CatalogEntry = {
  endpoint: E.TAGS_GET,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  summary: "List the account's tags with their follower counts.",
};
export const TAGS_CREATE: CatalogEntry = {
  endpoint: E.TAGS_CREATE,
  effect: 'write',
  kinds: OA,
  errcodes: [45056, 45157, 45158],
  body: tagBody({ type: 'object', required: ['name'], errcode: 47001, properties: { name: TAG_NAME } }),
  summary: 'Create a tag (at most 100 per account).',
};
export const TAGS_UPDATE: CatalogEntry = {
  endpoint: E.TAGS_UPDATE,
  effect: 'write',
  kinds: OA,
  errcodes: [45058, 45157, 45158, 45159],
  body: tagBody({ type: 'object', required: ['id', 'name'], errcode: 47001, properties: { id: TAG_ID, name: TAG_NAME } }),
  summary: 'Rename a tag.',
};
export const TAGS_DELETE: CatalogEntry = {
  endpoint: E.TAGS_DELETE,
  effect: 'irreversible',
  kinds: OA,
  errcodes: [45057, 45058, 45159],
  body: tagBody({ type: 'object', required: ['id'], errcode: 47001, properties: { id: TAG_ID } }),
  summary: 'Delete a tag (refused above 100,000 followers: untag them first).',
};
export const TAGS_BATCH_TAGGING: CatalogEntry = {
  endpoint: E.TAGS_BATCH_TAGGING,
  effect: 'write',
  kinds: OA,
  errcodes: [40003, 40032, 45059, 45159],
  body: { ...MEMBERS, properties: { ...MEMBERS.properties, openid_list: OPENID_LIST(50) } },
  summary: 'Tag up to 50 followers (a follower holds at most 20 tags).',
};
// No documented maximum for untagging (40032 exists, its size is unconfirmed): only emptiness is checked.
export const TAGS_BATCH_UNTAGGING: CatalogEntry = {
  endpoint: E.TAGS_BATCH_UNTAGGING,
  effect: 'write',
  kinds: OA,
  errcodes: [40003, 40032, 45159],
  body: { ...MEMBERS, properties: { ...MEMBERS.properties, openid_list: OPENID_LIST() } },
  summary: 'Remove a tag from followers.',
};
export const TAGS_GET_ID_LIST: CatalogEntry = {
  endpoint: E.TAGS_GET_ID_LIST,
  effect: 'read',
  kinds: OA,
  errcodes: [40003],
  body: { type: 'object', required: ['openid'], errcode: 47001, properties: { openid: OPENID } },
  summary: 'The tag ids of one follower.',
};
export const USER_TAG_GET: CatalogEntry = {
  endpoint: E.USER_TAG_GET,
  effect: 'read',
  kinds: OA,
  errcodes: [40003, 45159],
  body: {
    type: 'object',
    required: ['tagid'],
    errcode: 47001,
    properties: { tagid: TAG_ID, next_openid: { type: 'string', maxLength: 64, errcode: 40003 } },
  },
  summary: 'The followers holding a tag, a page at a time.',
};
export const USER_GET: CatalogEntry = {
  endpoint: E.USER_GET,
  effect: 'read',
  kinds: OA,
  errcodes: [40003],
  query: { type: 'object', properties: { next_openid: { type: 'string', maxLength: 64, errcode: 40003 } } },
  summary: "The followers' openids, 10,000 a page (500 calls a day).",
};
export const USER_INFO: CatalogEntry = {
  endpoint: E.USER_INFO,
  effect: 'read',
  kinds: OA,
  errcodes: [40003],
  query: { type: 'object', required: ['openid'], requiredErrcode: 40003, properties: { openid: OPENID, lang: LANG } },
  summary: "One follower's subscription, unionid, tags and follow scene (no nickname or avatar since 2021).",
};
export const USER_INFO_BATCHGET: CatalogEntry = {
  endpoint: E.USER_INFO_BATCHGET,
  effect: 'read',
  kinds: OA,
  errcodes: [40003, 40032],
  body: {
    type: 'object',
    required: ['user_list'],
    errcode: 47001,
    properties: {
      user_list: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        errcode: 40032,
        items: { type: 'object', required: ['openid'], requiredErrcode: 40003, properties: { openid: OPENID, lang: LANG } },
      },
    },
  },
  summary: "Up to 100 followers' info at once.",
};

export const OA_USER_ENTRIES: readonly CatalogEntry[] = [
  TAGS_GET,
  TAGS_CREATE,
  TAGS_UPDATE,
  TAGS_DELETE,
  TAGS_BATCH_TAGGING,
  TAGS_BATCH_UNTAGGING,
  TAGS_GET_ID_LIST,
  USER_TAG_GET,
  USER_GET,
  USER_INFO,
  USER_INFO_BATCHGET,
];
