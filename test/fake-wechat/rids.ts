// Request ids: every error answer carries ` rid: …` at the end of its errmsg (replies.ts), and
// openapi/rid/get tells the account what that request was — when, how long it took, the URL,
// the body, the answer and the caller's IP. Only the account's own rids, kept 7 days; 76001 for
// an unknown, foreign or expired rid, 76002 for one that is not shaped like a rid.

import { jsonBody, Replies } from './replies';
import { E, FAKE_LIMITS, isRecord } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

/** What the fake remembers of a request it answered with an error. */
export interface RidRecord {
  /** The account the request belonged to (token owner or appid), if it named one. */
  readonly appId: string | undefined;
  readonly at: number;
  readonly costMs: number;
  /** Path and query as sent, access_token and secret included: what WeChat stores. */
  readonly requestUrl: string;
  readonly requestBody: string;
  readonly responseBody: string;
  readonly clientIp: string;
}

const RID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;
const RID_IN_ERRMSG = /\brid: ([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})$/;

export class Rids {
  private readonly records = new Map<string, RidRecord>();

  constructor(
    private readonly replies: Replies,
    private readonly now: () => number,
  ) {}

  /** Remembers the request behind an error reply (a reply without a rid is ignored). */
  remember(reply: Reply, record: Omit<RidRecord, 'responseBody'>): void {
    if (!isRecord(reply.body)) return;
    const errmsg = reply.body['errmsg'];
    const rid = typeof errmsg === 'string' ? RID_IN_ERRMSG.exec(errmsg)?.[1] : undefined;
    if (!rid) return;
    this.records.set(rid, { ...record, responseBody: JSON.stringify(reply.body) });
    this.forgetExpired();
  }

  /** POST /cgi-bin/openapi/rid/get?access_token= {rid} */
  ridGet(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const rid = body['rid'];
    if (typeof rid !== 'string' || !RID_SHAPE.test(rid)) return this.replies.err(E.RID_MALFORMED);
    const record = this.records.get(rid);
    const expired = record !== undefined && this.now() - record.at > FAKE_LIMITS.ridRetentionDays * 86_400_000;
    if (!record || expired || record.appId !== st.account.appId) return this.replies.err(E.RID_NOT_FOUND);
    return this.replies.ok({
      request: {
        invoke_time: Math.floor(record.at / 1000),
        cost_in_ms: record.costMs,
        request_url: record.requestUrl,
        request_body: record.requestBody,
        response_body: record.responseBody,
        client_ip: record.clientIp,
      },
    });
  }

  private forgetExpired(): void {
    const oldest = this.now() - FAKE_LIMITS.ridRetentionDays * 86_400_000;
    for (const [rid, record] of this.records) if (record.at < oldest) this.records.delete(rid);
  }
}
