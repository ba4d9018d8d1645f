// QR codes with parameters: POST /cgi-bin/qrcode/create (the four action_name kinds) and
// GET /cgi-bin/showqrcode?ticket=… (mp.weixin.qq.com in production; no token) answering a PNG.
// Temporary codes: expire_seconds 1–2,592,000 (default 60), scene_id a non-zero 32-bit integer,
// scene_str 1–64 characters; permanent: scene_id 1–100000, at most 100,000 codes. A malformed
// argument answers 40097; an unknown or expired ticket answers HTTP 404 with no JSON.
import { randomBytes } from 'node:crypto';

import { apiErr, isInt } from './apiReply';
import { AE, API_LIMITS, charLength } from './apiRules';
import type { ApiState } from './apiState';
import { patternPng } from './png';
import { jsonBody, type Replies } from './replies';
import { E, isRecord } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

interface Ticket {
  readonly scene: string;
  readonly expiresAt: number;
}

const KINDS: Readonly<Record<string, { temporary: boolean; text: boolean }>> = {
  QR_SCENE: { temporary: true, text: false },
  QR_STR_SCENE: { temporary: true, text: true },
  QR_LIMIT_SCENE: { temporary: false, text: false },
  QR_LIMIT_STR_SCENE: { temporary: false, text: true },
};

export class QrCodes {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly state: ApiState,
    private readonly replies: Replies,
    private readonly now: () => number,
  ) {}

  create(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const kind =
      typeof body['action_name'] === 'string' && Object.hasOwn(KINDS, body['action_name']) ? KINDS[body['action_name']] : undefined;
    const info = body['action_info'];
    const scene = isRecord(info) && isRecord(info['scene']) ? info['scene'] : undefined;
    if (!kind || !scene) return apiErr(this.replies, AE.INVALID_ARGS);
    const value = kind.text ? scene['scene_str'] : scene['scene_id'];
    if (kind.text && (typeof value !== 'string' || value === '' || charLength(value) > API_LIMITS.qrSceneStrMaxChars))
      return apiErr(this.replies, AE.INVALID_ARGS);
    if (!kind.text && !this.validSceneId(value, kind.temporary)) return apiErr(this.replies, AE.INVALID_ARGS);
    let expireSeconds: number | undefined;
    if (kind.temporary) {
      const raw = body['expire_seconds'] ?? API_LIMITS.qrDefaultExpireSeconds;
      if (!isInt(raw) || raw < 1 || raw > API_LIMITS.qrMaxExpireSeconds) return apiErr(this.replies, AE.INVALID_ARGS);
      expireSeconds = raw;
    } else {
      const data = this.state.of(st.account.appId);
      if (data.permanentQrCodes >= API_LIMITS.permanentQrCodesMax) return apiErr(this.replies, AE.INVALID_ARGS);
      data.permanentQrCodes++;
    }
    const ticket = `gQ${randomBytes(36).toString('base64')}`;
    this.tickets.set(ticket, {
      scene: String(value),
      expiresAt: expireSeconds === undefined ? Infinity : this.now() + expireSeconds * 1000,
    });
    const url = `http://weixin.qq.com/q/${randomBytes(16).toString('base64url')}`;
    return this.replies.data({ ticket, ...(expireSeconds === undefined ? {} : { expire_seconds: expireSeconds }), url });
  }

  /** GET /cgi-bin/showqrcode: the image of a live ticket; anything else HTTP 404 (no JSON, as on mp.weixin.qq.com). */
  show(ctx: RequestContext): Reply {
    const ticket = this.tickets.get(ctx.query['ticket'] ?? '');
    if (!ticket || ticket.expiresAt <= this.now()) return { status: 404, body: 'Not Found', contentType: 'text/plain' };
    return { status: 200, body: patternPng(`qr:${ctx.query['ticket'] ?? ''}`), contentType: 'image/png' };
  }

  /** The scene a ticket carries, for tests (undefined for an unknown ticket). */
  sceneOf(ticket: string): string | undefined {
    return this.tickets.get(ticket)?.scene;
  }

  private validSceneId(value: unknown, temporary: boolean): boolean {
    if (!isInt(value)) return false;
    return temporary
      ? value !== 0 && value >= -2_147_483_648 && value <= 2_147_483_647
      : value >= 1 && value <= API_LIMITS.qrPermanentSceneIdMax;
  }
}
