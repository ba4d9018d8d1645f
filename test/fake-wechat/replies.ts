// How the fake answers: WeChat's `{errcode, errmsg}` errors with a request id (and a hint on menu
// errors, like the real ones), `ok` replies and plain data replies. Shared by every endpoint file.

import { randomBytes } from 'node:crypto';

import { ERRMSG, isMenuErrcode, isRecord } from './rules';
import type { Reply, RequestContext } from './types';

export class Replies {
  constructor(private readonly now: () => number) {}

  /** `rid: xxxxxxxx-xxxxxxxx-xxxxxxxx`, the first part the clock's seconds in hex as WeChat's are. */
  rid(): string {
    const seconds = Math.max(0, Math.floor(this.now() / 1000))
      .toString(16)
      .padStart(8, '0');
    return `${seconds}-${hex(4)}-${hex(4)}`;
  }

  err(errcode: number, text?: string): Reply {
    const base = text ?? ERRMSG[errcode] ?? 'unknown error';
    const hint = isMenuErrcode(errcode) ? ` hint: [${randomBytes(9).toString('base64url')}]` : '';
    return { status: 200, body: { errcode, errmsg: `${base}${hint} rid: ${this.rid()}` } };
  }

  ok(extra: Record<string, unknown> = {}): Reply {
    return { status: 200, body: { errcode: 0, errmsg: 'ok', ...extra } };
  }

  data(body: Record<string, unknown>): Reply {
    return { status: 200, body };
  }
}

/** The JSON object body of a POST, or undefined (→ 47001 data format error). */
export function jsonBody(ctx: RequestContext): Record<string, unknown> | undefined {
  return ctx.jsonOk && isRecord(ctx.json) ? ctx.json : undefined;
}

/** Stored menus are copies, so a test changing what it uploaded cannot change the fake's state. */
export function deepClone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}
