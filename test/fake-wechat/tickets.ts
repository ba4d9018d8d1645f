// JS-SDK tickets: GET /cgi-bin/ticket/getticket?type=jsapi|wx_card&access_token=… (the token check
// — 41001/40001/42001 — happens in the server's routing). Every success issues a new ticket that
// lives its own 7200 s of fake time; earlier tickets keep working until their expiry. An unknown
// or missing `type` answers 40097 (invalid args). Fetches are counted per account and type, so
// tests can tell a cached ticket from a fetched one.

import { randomBytes } from 'node:crypto';

import type { Replies } from './replies';
import { E, FAKE_LIMITS } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

export type TicketType = 'jsapi' | 'wx_card';
const TYPES: readonly string[] = ['jsapi', 'wx_card'];

interface TicketRecord {
  readonly ticket: string;
  readonly appId: string;
  readonly type: TicketType;
  readonly expiresAt: number;
}

export class Tickets {
  private readonly byTicket = new Map<string, TicketRecord>();
  private readonly latest = new Map<string, TicketRecord>();
  private readonly fetches = new Map<string, number>();

  constructor(
    private readonly replies: Replies,
    private readonly now: () => number,
  ) {}

  /** GET /cgi-bin/ticket/getticket */
  getTicket(ctx: RequestContext, st: AccountState): Reply {
    const type = ctx.query['type'];
    if (type === undefined || !TYPES.includes(type)) return this.replies.err(E.INVALID_ARGS);
    const t = this.now();
    const ttlSeconds = FAKE_LIMITS.ticketTtlSeconds;
    const rec: TicketRecord = {
      // Real tickets are 86 characters of base64url-ish text.
      ticket: randomBytes(64).toString('base64url').slice(0, 86),
      appId: st.account.appId,
      type: type as TicketType,
      expiresAt: t + ttlSeconds * 1000,
    };
    this.byTicket.set(rec.ticket, rec);
    this.latest.set(key(rec.appId, rec.type), rec);
    this.fetches.set(key(rec.appId, rec.type), this.fetchCount(rec.appId, rec.type) + 1);
    return this.replies.ok({ ticket: rec.ticket, expires_in: ttlSeconds });
  }

  /** The ticket issued last for the account (whether or not it still works), or undefined. */
  current(appId: string, type: TicketType): string | undefined {
    return this.latest.get(key(appId, type))?.ticket;
  }

  isValid(ticket: string): boolean {
    const rec = this.byTicket.get(ticket);
    return rec !== undefined && this.now() < rec.expiresAt;
  }

  fetchCount(appId: string, type: TicketType): number {
    return this.fetches.get(key(appId, type)) ?? 0;
  }
}

function key(appId: string, type: TicketType): string {
  return `${appId}/${type}`;
}
