// Catalog entries: an Official Account's QR codes with parameters, materials and published articles
// (../../../../shared/wechat-api-more.md §2–§3; svc:qrcode/qrcodes/api_createqrcode,
// svc:material/permanent/*, svc:draftbox/draftmanage/api_draft_batchget, svc:public/api_freepublish_*).
import * as E from '../endpoints';
import type { CatalogEntry, ObjectSchema, Schema } from './schema';

const OA = ['officialAccount'] as const;
/**
 * The errcode for a QR parameter out of range is not documented; 40097 (invalid args) is WeChat's
 * general answer for a malformed argument and what the fake answers.
 */
const QR_ERRCODE = 40097;
const EXPIRE_SECONDS: Schema = {
  type: 'integer',
  minimum: 1,
  maximum: 2_592_000,
  errcode: QR_ERRCODE,
  description: 'Lifetime in seconds, at most 30 days (2,592,000). Always send it: the default is 60 s (older copies say 30 s).',
};
const SCENE_STR: Schema = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  errcode: QR_ERRCODE,
  description: 'The scene as text, 1 to 64 characters.',
};

/** action_info.scene for one kind of QR code. */
function sceneCase(scene: ObjectSchema, temporary: boolean): ObjectSchema {
  return {
    type: 'object',
    required: ['action_info'],
    errcode: QR_ERRCODE,
    properties: {
      ...(temporary ? { expire_seconds: EXPIRE_SECONDS } : {}),
      action_info: { type: 'object', required: ['scene'], errcode: QR_ERRCODE, properties: { scene } },
    },
  };
}
const sceneId = (schema: Schema): ObjectSchema => ({
  type: 'object',
  required: ['scene_id'],
  errcode: QR_ERRCODE,
  properties: { scene_id: schema },
});
const sceneStr: ObjectSchema = { type: 'object', required: ['scene_str'], errcode: QR_ERRCODE, properties: { scene_str: SCENE_STR } };

export const QRCODE_CREATE: CatalogEntry = {
  endpoint: E.QRCODE_CREATE,
  effect: 'write',
  kinds: OA,
  errcodes: [QR_ERRCODE],
  body: {
    type: 'object',
    required: ['action_name', 'action_info'],
    errcode: QR_ERRCODE,
    properties: {
      action_name: { type: 'string', enum: ['QR_SCENE', 'QR_STR_SCENE', 'QR_LIMIT_SCENE', 'QR_LIMIT_STR_SCENE'], errcode: QR_ERRCODE },
    },
    casesBy: {
      property: 'action_name',
      cases: {
        QR_SCENE: sceneCase(
          sceneId({
            type: 'integer',
            minimum: -2_147_483_648,
            maximum: 2_147_483_647,
            notZero: true,
            errcode: QR_ERRCODE,
            description: 'A 32-bit integer other than 0.',
          }),
          true,
        ),
        QR_STR_SCENE: sceneCase(sceneStr, true),
        QR_LIMIT_SCENE: sceneCase(
          sceneId({ type: 'integer', minimum: 1, maximum: 100_000, errcode: QR_ERRCODE, description: 'Permanent codes: 1 to 100,000.' }),
          false,
        ),
        QR_LIMIT_STR_SCENE: sceneCase(sceneStr, false),
      },
    },
  },
  summary: 'Create a QR code ticket: temporary (QR_SCENE, QR_STR_SCENE) or permanent (at most 100,000).',
};
export const SHOW_QRCODE: CatalogEntry = {
  endpoint: E.SHOW_QRCODE,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  query: {
    type: 'object',
    required: ['ticket'],
    properties: { ticket: { type: 'string', minLength: 1, description: 'The ticket qrcode/create answered (URL-encoded).' } },
  },
  summary: 'The QR code image of a ticket (mp.weixin.qq.com, no token; an unknown ticket answers HTTP 404).',
};

const MATERIAL_TYPE: Schema = { type: 'string', enum: ['image', 'video', 'voice', 'news'], errcode: 40004 };
/** offset/count pages: count 1 to 20 (documented for materials, drafts and published articles). */
const page = (extra: Readonly<Record<string, Schema>> = {}): ObjectSchema => ({
  type: 'object',
  required: ['offset', 'count'],
  errcode: 47001,
  properties: {
    offset: { type: 'integer', minimum: 0, errcode: 40097 },
    count: { type: 'integer', minimum: 1, maximum: 20, errcode: 40097 },
    ...extra,
  },
});
const NO_CONTENT: Schema = { type: 'integer', enum: [0, 1], errcode: 40097, description: '1: leave the content out.' };
const MEDIA_ID: Schema = { type: 'string', minLength: 1, errcode: 40007 };

export const MATERIAL_COUNT: CatalogEntry = {
  endpoint: E.MATERIAL_COUNT,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  summary: 'How many permanent images, videos, voices and articles there are.',
};
export const MATERIAL_BATCHGET: CatalogEntry = {
  endpoint: E.MATERIAL_BATCHGET,
  effect: 'read',
  kinds: OA,
  errcodes: [40004, 40097],
  body: { ...page({ type: MATERIAL_TYPE }), required: ['type', 'offset', 'count'] },
  summary: 'A page of permanent materials of one type (count 1 to 20).',
};
export const MATERIAL_GET: CatalogEntry = {
  endpoint: E.MATERIAL_GET,
  effect: 'read',
  kinds: OA,
  errcodes: [40007],
  body: { type: 'object', required: ['media_id'], errcode: 47001, properties: { media_id: MEDIA_ID } },
  summary: 'One permanent material: news and video as JSON, other types as their bytes.',
};
export const DRAFT_BATCHGET: CatalogEntry = {
  endpoint: E.DRAFT_BATCHGET,
  effect: 'read',
  kinds: OA,
  errcodes: [40097],
  body: page({ no_content: NO_CONTENT }),
  summary: 'A page of drafts (count 1 to 20).',
};
export const FREEPUBLISH_BATCHGET: CatalogEntry = {
  endpoint: E.FREEPUBLISH_BATCHGET,
  effect: 'read',
  kinds: OA,
  errcodes: [40097],
  body: page({ no_content: NO_CONTENT }),
  summary: 'A page of published articles (count 1 to 20; 100 calls a day).',
};
export const FREEPUBLISH_GET_ARTICLE: CatalogEntry = {
  endpoint: E.FREEPUBLISH_GET_ARTICLE,
  effect: 'read',
  kinds: OA,
  errcodes: [53600],
  body: {
    type: 'object',
    required: ['article_id'],
    errcode: 47001,
    properties: { article_id: { type: 'string', minLength: 1, errcode: 53600 } },
  },
  summary: 'One published article (100 calls a day).',
};

export const OA_CONTENT_ENTRIES: readonly CatalogEntry[] = [
  QRCODE_CREATE,
  SHOW_QRCODE,
  MATERIAL_COUNT,
  MATERIAL_BATCHGET,
  MATERIAL_GET,
  DRAFT_BATCHGET,
  FREEPUBLISH_BATCHGET,
  FREEPUBLISH_GET_ARTICLE,
];
