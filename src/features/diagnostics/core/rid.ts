// Request lookup: WeChat ends every error's errmsg with `rid: <id>`, and openapi/rid/get tells the
// account what that request was (kept 7 days). People paste a rid from a server log, often with
// the whole errmsg or log line around it, so the rid is dug out of whatever they paste.
import { WeChatTransportError } from '../../../wechat/apiErrors';
import type { WeChatApi } from '../../../wechat/client';
import { RID_GET } from '../../../wechat/endpoints';

/** What WeChat remembers of a request, as openapi/rid/get answers it. */
export interface RequestRecord {
  /** Unix seconds. */
  readonly invokeTime: number;
  readonly costInMs: number;
  /** As WeChat stored it: the access_token (and a secret) still inside. Redact before showing. */
  readonly requestUrl: string;
  readonly requestBody: string;
  readonly responseBody: string;
  readonly clientIp: string;
}

/** `… rid: 6582b7c3-1a2b3c4d-5e6f7a8b`, `"rid":"…"`, `rid=…` in a log line. */
const RID_AFTER_LABEL = /\brid["']?\s*[:=]\s*["']?([0-9a-f]{6,}(?:-[0-9a-f]{6,})+)/i;
/** The shape of a rid on its own: groups of hex digits joined by dashes. */
const BARE_RID = /^[0-9a-f]{6,}(?:-[0-9a-f]{6,})+$/i;
/** WeChat's rids are three groups of 8 hex digits; found anywhere in a pasted line. */
const RID_ANYWHERE = /\b[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}\b/i;

/** The rid in a pasted text (a bare rid, an errmsg, a log line), or undefined when it holds none. */
export function parseRid(input: string): string | undefined {
  const text = input.trim();
  if (BARE_RID.test(text)) return text.toLowerCase();
  const found = RID_AFTER_LABEL.exec(text)?.[1] ?? RID_ANYWHERE.exec(text)?.[0];
  return found?.toLowerCase();
}

/** POST openapi/rid/get {rid}; 76001 (not found, older than 7 days) and 76002 (malformed) throw WeChatApiError. */
export async function lookUpRequest(api: Pick<WeChatApi, 'call'>, accessToken: string, rid: string): Promise<RequestRecord> {
  const answer = await api.call<Record<string, unknown>>(RID_GET, { body: { rid }, accessToken });
  const request = answer['request'];
  if (typeof request !== 'object' || request === null) {
    throw new WeChatTransportError('notJson', RID_GET.path, 'the answer has no "request"');
  }
  const fields = request as Record<string, unknown>;
  const text = (key: string): string => (typeof fields[key] === 'string' ? (fields[key] as string) : '');
  const number = (key: string): number => (typeof fields[key] === 'number' ? (fields[key] as number) : 0);
  return {
    invokeTime: number('invoke_time'),
    costInMs: number('cost_in_ms'),
    requestUrl: text('request_url'),
    requestBody: text('request_body'),
    responseBody: text('response_body'),
    clientIp: text('client_ip'),
  };
}

/** The errcode of the stored answer, if it is a WeChat JSON answer. */
export function responseErrcode(record: RequestRecord): number | undefined {
  try {
    const parsed: unknown = JSON.parse(record.responseBody);
    const errcode = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)['errcode'] : undefined;
    return typeof errcode === 'number' ? errcode : undefined;
  } catch {
    return undefined;
  }
}
