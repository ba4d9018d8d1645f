// Catalog entries: an Official Account's messages (../../../../shared/wechat-api-more.md §4;
// svc:notify/template/*, svc:notify/notify/api_sendnewsubscribemsg, svc:customer/message/api_sendcustommessage).
// Mass sending (message/mass/*) stays out of the catalog on purpose.
import * as E from '../endpoints';
import type { CatalogEntry, ObjectSchema, Schema } from './schema';
import { TEMPLATE_DATA } from './templateData';

const OA = ['officialAccount'] as const;
const TOUSER: Schema = { type: 'string', minLength: 1, maxLength: 64, errcode: 40003, description: "The follower's openid." };
const TEMPLATE_ID: Schema = { type: 'string', minLength: 1, errcode: 40037 };
const MINIPROGRAM: ObjectSchema = {
  type: 'object',
  required: ['appid'],
  errcode: 40097,
  properties: { appid: { type: 'string', minLength: 1, errcode: 40097 }, pagepath: { type: 'string', errcode: 40097 } },
};

export const TEMPLATE_LIST: CatalogEntry = {
  endpoint: E.TEMPLATE_LIST,
  effect: 'read',
  kinds: OA,
  errcodes: [],
  summary: "The account's template message templates (ids, titles, content).",
};
export const TEMPLATE_SEND: CatalogEntry = {
  endpoint: E.TEMPLATE_SEND,
  effect: 'reachesFollowers',
  kinds: OA,
  errcodes: [40003, 40037, 43004, 47003],
  body: {
    type: 'object',
    required: ['touser', 'template_id', 'data'],
    errcode: 47001,
    properties: {
      touser: TOUSER,
      template_id: TEMPLATE_ID,
      url: { type: 'string', errcode: 40097 },
      miniprogram: MINIPROGRAM,
      client_msg_id: { type: 'string', maxLength: 64, errcode: 40097, description: 'Deduplicates per openid for 10 minutes.' },
      data: TEMPLATE_DATA,
    },
  },
  summary: 'Send a template message to one follower.',
};
export const SUBSCRIBE_BIZSEND: CatalogEntry = {
  endpoint: E.SUBSCRIBE_BIZSEND,
  effect: 'reachesFollowers',
  kinds: OA,
  errcodes: [40003, 40037, 43101, 47003],
  body: {
    type: 'object',
    required: ['touser', 'template_id', 'data'],
    errcode: 47001,
    properties: {
      touser: TOUSER,
      template_id: TEMPLATE_ID,
      page: { type: 'string', errcode: 40097 },
      miniprogram: MINIPROGRAM,
      data: TEMPLATE_DATA,
    },
  },
  summary: 'Send a subscription notice (one per authorisation, then 43101).',
};

const MSGTYPES = ['text', 'image', 'voice', 'video', 'music', 'news', 'mpnews', 'mpnewsarticle', 'msgmenu', 'wxcard', 'miniprogrampage'];
export const CUSTOM_SEND: CatalogEntry = {
  endpoint: E.CUSTOM_SEND,
  effect: 'reachesFollowers',
  kinds: OA,
  errcodes: [40003, 45015, 45047, 40008],
  body: {
    type: 'object',
    required: ['touser', 'msgtype'],
    errcode: 47001,
    properties: {
      touser: TOUSER,
      msgtype: { type: 'string', enum: MSGTYPES, errcode: 40008 },
      text: {
        type: 'object',
        required: ['content'],
        errcode: 47001,
        properties: { content: { type: 'string', minLength: 1, errcode: 47001 } },
      },
    },
  },
  summary: "Send a customer-service message: only within 48 hours of the follower's last message (else 45015).",
};

export const OA_MESSAGE_ENTRIES: readonly CatalogEntry[] = [TEMPLATE_LIST, TEMPLATE_SEND, SUBSCRIBE_BIZSEND, CUSTOM_SEND];
