// Errors of the users, tags, QR code, material and message endpoints: WeChat's `{errcode, errmsg}`
// with the fake's own errmsg (apiRules.ts) and an optional detail, as WeChat names the field in
// 47003's errmsg ("argument invalid! data.thing1.value invalid").
import { API_ERRMSG } from './apiRules';
import type { Replies } from './replies';
import type { Reply } from './types';

export function apiErr(replies: Replies, errcode: number, detail?: string): Reply {
  const text = API_ERRMSG[errcode] ?? 'invalid args';
  return replies.err(errcode, detail ? `${text} ${detail}` : text);
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}
