// Faults a test injects (injectFault): a queue matched by path, and what each kind does to the
// request — a canned reply in place of the endpoint's (WeChat's "system busy" or another errcode,
// nginx's 500/502/503 pages, the HTML page the platform serves instead of JSON, JSON cut off, a
// 2 MB body, a token answer without access_token), a delay ('slow'), no answer at all ('hang'),
// the endpoint's own answer cut off by a connection reset ('reset'), or the endpoint's own token
// answer with an absurd expires_in or a hostile access_token. server.ts carries the effects out. Connection refused is not
// a per-request fault: FakeWeChat.stopListening() closes the port.

import type { Replies } from './replies';
import { E } from './rules';
import type { FakeFault, FakeFaultKind, Reply } from './types';

interface ActiveFault {
  fault: FakeFault;
  remaining: number;
}

export class FaultQueue {
  private readonly faults: ActiveFault[] = [];

  inject(fault: FakeFault): void {
    this.faults.push({ fault: { ...fault }, remaining: fault.times ?? 1 });
  }

  /** The first fault that applies to this path, used up once; the oldest injected wins. */
  take(path: string): FakeFault | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const active = this.faults[i] as ActiveFault;
      if (active.fault.paths && !active.fault.paths.includes(path)) continue;
      active.remaining--;
      if (active.remaining <= 0) this.faults.splice(i, 1);
      return active.fault;
    }
    return undefined;
  }

  /** Drops every fault not used up yet. */
  clear(): void {
    this.faults.length = 0;
  }
}

/** What the server does with a request a fault took. */
export type FaultEffect =
  /** Answer this instead of the endpoint. */
  | { readonly kind: 'reply'; readonly reply: Reply }
  /** Wait, then let the endpoint answer. */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Never answer. */
  | { readonly kind: 'hang' }
  /** Let the endpoint answer, but send only half of its body and reset the connection. */
  | { readonly kind: 'reset' }
  /** Let the endpoint answer, then change its reply. */
  | { readonly kind: 'rewrite'; readonly rewrite: (reply: Reply) => Reply };

/** A 2 MB access_token: more than any transport should read into memory for a token answer. */
const OVERSIZED_BYTES = 2 * 1024 * 1024;

const NGINX_PAGES: Readonly<Record<'http500' | 'http502' | 'http503', { status: number; title: string }>> = {
  http500: { status: 500, title: '500 Internal Server Error' },
  http502: { status: 502, title: '502 Bad Gateway' },
  http503: { status: 503, title: '503 Service Temporarily Unavailable' },
};

export function faultEffect(fault: FakeFault, replies: Replies): FaultEffect {
  const kind: FakeFaultKind = fault.kind;
  switch (kind) {
    case 'busy':
      return reply(replies.err(E.BUSY));
    case 'errcode':
      return reply(replies.err(fault.errcode ?? E.BUSY));
    case 'http500':
    case 'http502':
    case 'http503': {
      const page = NGINX_PAGES[kind];
      return reply({
        status: page.status,
        contentType: 'text/html; charset=utf-8',
        body: `<html><head><title>${page.title}</title></head><body><center><h1>${page.title}</h1></center><hr><center>nginx</center></body></html>`,
      });
    }
    case 'nonJson':
      return reply({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>微信公众平台</title></head><body><p>系统繁忙，请稍后再试</p></body></html>',
      });
    case 'brokenJson':
      return reply({ status: 200, contentType: 'application/json; encoding=utf-8', body: '{"access_token":"86_cut_off_in_the_mid' });
    case 'oversized':
      return reply({
        status: 200,
        contentType: 'application/json; encoding=utf-8',
        body: `{"access_token":"${'A'.repeat(OVERSIZED_BYTES)}","expires_in":7200}`,
      });
    case 'noToken':
      return reply(replies.data({ expires_in: 7200 }));
    case 'slow':
      return { kind: 'delay', ms: fault.delayMs ?? 1000 };
    case 'hang':
      return { kind: 'hang' };
    case 'reset':
      return { kind: 'reset' };
    case 'expiresIn':
      return { kind: 'rewrite', rewrite: (answer) => withExpiresIn(answer, fault.expiresIn ?? '0') };
    case 'accessToken':
      return { kind: 'rewrite', rewrite: (answer) => withAccessToken(answer, fault.accessToken ?? '') };
  }
}

function reply(answer: Reply): FaultEffect {
  return { kind: 'reply', reply: answer };
}

/** The token answer (a token was issued) with `access_token` replaced by `value`, as a gateway in between might. */
function withAccessToken(answer: Reply, value: string): Reply {
  const body = answer.body;
  if (typeof body !== 'object' || body === null || !('access_token' in body)) return answer;
  return { ...answer, body: { ...body, access_token: value } };
}

/** The token answer as raw JSON text with `expires_in` replaced (1e400 cannot go through JSON.stringify). */
function withExpiresIn(answer: Reply, literal: string): Reply {
  const body = answer.body;
  if (typeof body !== 'object' || body === null || !('access_token' in body)) return answer;
  const marker = '__fake_expires_in__';
  const text = JSON.stringify({ ...body, expires_in: marker }).replace(`"${marker}"`, literal);
  return { status: answer.status, contentType: 'application/json; encoding=utf-8', body: text };
}
