// Shared helpers for the fake WeChat server's own tests: a fake clock and tiny fetch wrappers.

import * as assert from 'node:assert/strict';

import { type FakeAccount, type FakeWeChat, type FakeWeChatOptions, startFakeWeChat } from '../../fake-wechat/server';

export type Obj = Record<string, unknown>;

/** A clock the test moves by hand. Starts at 2025-06-01 12:00 China time (04:00 UTC). */
export class FakeClock {
  constructor(public t: number = Date.UTC(2025, 5, 1, 4, 0, 0)) {}
  readonly now = (): number => this.t;
  advance(seconds: number): void {
    this.t += seconds * 1000;
  }
}

export const APP: FakeAccount = { appId: 'wxfaketest000001', secret: '0123456789abcdef0123456789abcdef' };
export const OTHER: FakeAccount = { appId: 'wxfaketest000002', secret: 'fedcba9876543210fedcba9876543210' };

export async function start(clock: FakeClock, extra: Partial<FakeWeChatOptions> = {}): Promise<FakeWeChat> {
  return startFakeWeChat({ accounts: [{ ...APP }, { ...OTHER }], now: clock.now, ...extra });
}

export function obj(v: unknown): Obj {
  assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v), `expected a JSON object, got ${JSON.stringify(v)}`);
  return v as Obj;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: Obj;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: Obj = {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) json = parsed as Obj;
  } catch {
    json = {};
  }
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text, json };
}

function urlOf(fake: FakeWeChat, path: string, query: Record<string, string>): string {
  const u = new URL(fake.url + path);
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
  return u.toString();
}

export async function get(fake: FakeWeChat, path: string, query: Record<string, string> = {}): Promise<Answer> {
  return answer(await fetch(urlOf(fake, path, query)));
}

/** POSTs `body` as JSON (a string is sent verbatim). */
export async function post(fake: FakeWeChat, path: string, body: unknown, query: Record<string, string> = {}): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return answer(await fetch(urlOf(fake, path, query), { method: 'POST', headers: { 'content-type': 'application/json' }, body: text }));
}

export async function classic(fake: FakeWeChat, account: FakeAccount = APP): Promise<Answer> {
  return get(fake, '/cgi-bin/token', { grant_type: 'client_credential', appid: account.appId, secret: account.secret });
}

export async function stable(fake: FakeWeChat, force = false, account: FakeAccount = APP): Promise<Answer> {
  return post(fake, '/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid: account.appId,
    secret: account.secret,
    force_refresh: force,
  });
}

/** The access_token of a successful token reply (fails the test otherwise). */
export function tokenOf(a: Answer): string {
  const token = a.json['access_token'];
  assert.equal(typeof token, 'string', `no token in ${a.text}`);
  return token as string;
}

/** Asserts an error reply: HTTP 200, the errcode, and an errmsg ending in ` rid: <hex>`. */
export function assertErr(a: Answer, errcode: number, msgStart?: string): void {
  assert.equal(a.status, 200, a.text);
  assert.equal(a.json['errcode'], errcode, a.text);
  const msg = a.json['errmsg'];
  assert.equal(typeof msg, 'string');
  assert.match(msg as string, / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  if (msgStart !== undefined) assert.ok((msg as string).startsWith(msgStart), `errmsg ${String(msg)} should start with ${msgStart}`);
}

/** Uses a token on a protected endpoint; returns the errcode (0 = accepted). */
export async function probe(fake: FakeWeChat, token: string): Promise<number> {
  const a = await post(fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }, { access_token: token });
  const code = a.json['errcode'];
  return typeof code === 'number' ? code : 0;
}

/** A fresh fake server and clock for each test of the enclosing describe(), closed after it. */
export function useFakeWeChat(extra: Partial<FakeWeChatOptions> = {}): { readonly clock: FakeClock; readonly fake: FakeWeChat } {
  const current: { clock?: FakeClock; fake?: FakeWeChat } = {};
  beforeEach(async () => {
    current.clock = new FakeClock();
    current.fake = await start(current.clock, extra);
  });
  afterEach(async () => {
    await current.fake?.close();
  });
  return {
    get clock() {
      if (!current.clock) throw new Error('useFakeWeChat: used outside a test');
      return current.clock;
    },
    get fake() {
      if (!current.fake) throw new Error('useFakeWeChat: used outside a test');
      return current.fake;
    },
  };
}
