// A local HTTP server with the semantics of the WeChat Official Account API (access tokens,
// quotas, custom menus), used by unit and E2E tests and runnable on its own (cli.ts).
//
// It keeps its own copy of WeChat's limits and errcodes (rules.ts) and must never import from
// src/: a wrong limit in the extension should show up as a disagreement with this server.
// Time always comes from `options.now`, so tests expire tokens by moving a fake clock.

import * as http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import {
  E,
  ERRMSG,
  FAKE_DAILY_LIMITS,
  FAKE_LIMITS,
  checkMatchrule,
  checkMenu,
  fieldsForType,
  isMenuErrcode,
  isRecord,
} from './rules';

export interface FakeAccount {
  appId: string;
  secret: string;
  /** caller IPs allowed; undefined = any */
  ipWhitelist?: string[];
  /** default 2000 */
  classicDailyLimit?: number;
}

export interface FakeWeChatOptions {
  accounts: FakeAccount[];
  /** ms epoch, default Date.now; tests pass a fake clock */
  now?: () => number;
  /** default 0 = ephemeral */
  port?: number;
  /** default 7200 */
  tokenTtlSeconds?: number;
  /** the IP the fake pretends the caller has, default '127.0.0.1' */
  callerIp?: string;
}

export interface FakeCall {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body; the raw text if it is not JSON; undefined when empty. */
  body: unknown;
  /** errcode of the JSON reply (0 on success; -1 for the http500/nonJson faults, which have none). */
  errcode: number;
  /** now() when the request arrived */
  at: number;
  /** set when an injected fault answered (or delayed) this request */
  fault?: FakeFault['kind'];
}

export interface FakeFault {
  kind: 'busy' /* errcode -1 */ | 'http500' | 'nonJson' /* HTML body, 200 */ | 'slow' /* delay reply by delayMs */;
  /** default 1 */
  times?: number;
  /** for 'slow'; default 1000 */
  delayMs?: number;
  /** only for these paths; default all */
  paths?: string[];
}

type TokenKind = 'classic' | 'stable';

interface TokenRecord {
  token: string;
  appId: string;
  kind: TokenKind;
  issuedAt: number;
  expiresAt: number;
  /** When it stopped (or stops) working because a newer token replaced it; Infinity if never. */
  invalidAt: number;
}

interface StoredMenu {
  /** The body as uploaded, deep-cloned (upload shape). */
  body: Record<string, unknown>;
  menuid: number;
}

interface ConditionalMenu extends StoredMenu {
  matchrule: Record<string, unknown>;
}

interface AccountState {
  account: FakeAccount;
  classicCurrent?: TokenRecord;
  classicPrevious?: TokenRecord;
  stableCurrent?: TokenRecord;
  stableOlder: TokenRecord[];
  lastForceRefreshAt?: number;
  /** China-time day the counters below belong to. */
  day: number;
  /** Successful calls today per cgi path. */
  used: Map<string, number>;
  forceCallsToday: number;
  minute: number;
  stableCallsThisMinute: number;
  defaultMenu?: StoredMenu;
  conditional: ConditionalMenu[];
}

interface Reply {
  status: number;
  /** JSON value, or raw text when `contentType` is given. */
  body: unknown;
  contentType?: string;
}

type Handler = (ctx: RequestContext) => Reply;

interface RequestContext {
  method: string;
  path: string;
  query: Record<string, string>;
  /** raw body text */
  raw: string;
  /** parsed JSON, or undefined when the body is empty or not JSON */
  json: unknown;
  jsonOk: boolean;
  /** set for token-protected endpoints once the token checked out */
  state?: AccountState;
}

interface Route {
  method: 'GET' | 'POST' | 'ANY';
  auth: boolean;
  handler: Handler;
}

interface ActiveFault {
  fault: FakeFault;
  remaining: number;
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 86_400_000;
const MAX_BODY_BYTES = 1024 * 1024;

function deepClone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

export class FakeWeChat {
  readonly url: string;
  readonly calls: FakeCall[] = [];

  private readonly states = new Map<string, AccountState>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly faults: ActiveFault[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly routes: Map<string, Route>;
  private readonly now: () => number;
  private readonly ttlMs: number;
  private callerIp: string;
  private nextMenuId = 400_000_001;
  private closed = false;

  /** Use startFakeWeChat(). */
  constructor(
    private readonly server: http.Server,
    options: FakeWeChatOptions,
  ) {
    const address = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    this.now = options.now ?? Date.now;
    this.ttlMs = (options.tokenTtlSeconds ?? FAKE_LIMITS.tokenTtlSeconds) * 1000;
    this.callerIp = options.callerIp ?? '127.0.0.1';
    for (const account of options.accounts) {
      this.states.set(account.appId, {
        account: { ...account },
        stableOlder: [],
        day: this.dayOf(this.now()),
        used: new Map(),
        forceCallsToday: 0,
        minute: Math.floor(this.now() / 60_000),
        stableCallsThisMinute: 0,
        conditional: [],
      });
    }
    this.routes = new Map<string, Route>([
      ['/cgi-bin/token', { method: 'ANY', auth: false, handler: (c) => this.classicToken(c) }],
      ['/cgi-bin/stable_token', { method: 'POST', auth: false, handler: (c) => this.stableToken(c) }],
      ['/cgi-bin/openapi/quota/get', { method: 'POST', auth: true, handler: (c) => this.quotaGet(c) }],
      ['/cgi-bin/clear_quota', { method: 'POST', auth: true, handler: (c) => this.clearQuota(c) }],
      ['/cgi-bin/menu/create', { method: 'POST', auth: true, handler: (c) => this.menuCreate(c) }],
      ['/cgi-bin/menu/get', { method: 'ANY', auth: true, handler: (c) => this.menuGet(c) }],
      ['/cgi-bin/get_current_selfmenu_info', { method: 'ANY', auth: true, handler: (c) => this.selfmenuInfo(c) }],
      ['/cgi-bin/menu/delete', { method: 'ANY', auth: true, handler: (c) => this.menuDelete(c) }],
      ['/cgi-bin/menu/addconditional', { method: 'POST', auth: true, handler: (c) => this.addConditional(c) }],
      ['/cgi-bin/menu/delconditional', { method: 'POST', auth: true, handler: (c) => this.delConditional(c) }],
      ['/cgi-bin/menu/trymatch', { method: 'POST', auth: true, handler: (c) => this.tryMatch(c) }],
    ]);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      this.onRequest(req, res);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Public API for tests

  callsTo(path: string): FakeCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  injectFault(fault: FakeFault): void {
    this.faults.push({ fault: { ...fault }, remaining: fault.times ?? 1 });
  }

  setCallerIp(ip: string): void {
    this.callerIp = ip;
  }

  /** Whether a protected endpoint would accept this token right now. */
  isTokenValid(token: string): boolean {
    const rec = this.tokens.get(token);
    if (!rec) return false;
    const t = this.now();
    return t < rec.expiresAt && t < rec.invalidAt;
  }

  /** The default menu as uploaded (upload shape), or undefined. */
  liveMenu(appId: string): unknown | undefined {
    const menu = this.state(appId).defaultMenu;
    return menu ? deepClone(menu.body) : undefined;
  }

  /** Replaces the default menu without validation (undefined removes it; conditional menus stay). */
  setLiveMenu(appId: string, menu: unknown | undefined): void {
    const st = this.state(appId);
    if (menu === undefined) {
      st.defaultMenu = undefined;
      return;
    }
    if (!isRecord(menu)) throw new Error('setLiveMenu: menu must be an object like {"button":[…]}');
    st.defaultMenu = { body: deepClone(menu), menuid: this.nextMenuId++ };
  }

  /** Conditional menus in upload shape: `{button, matchrule, menuid}` (menuid as the string addconditional returned). */
  conditionalMenus(appId: string): unknown[] {
    return this.state(appId).conditional.map((m) => ({ ...deepClone(m.body), matchrule: deepClone(m.matchrule), menuid: String(m.menuid) }));
  }

  /** Clears every daily counter of the account (token quota, force-refresh count, per-API counts). */
  resetQuota(appId: string): void {
    const st = this.state(appId);
    st.used.clear();
    st.forceCallsToday = 0;
    st.stableCallsThisMinute = 0;
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    return new Promise((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Plumbing

  private state(appId: string): AccountState {
    const st = this.states.get(appId);
    if (!st) throw new Error(`FakeWeChat: unknown account ${appId}`);
    this.rollCounters(st);
    return st;
  }

  private dayOf(t: number): number {
    return Math.floor((t + CHINA_OFFSET_MS) / DAY_MS);
  }

  /** Daily counters reset at midnight China time, like the platform's. */
  private rollCounters(st: AccountState): void {
    const t = this.now();
    const day = this.dayOf(t);
    if (day !== st.day) {
      st.day = day;
      st.used.clear();
      st.forceCallsToday = 0;
    }
    const minute = Math.floor(t / 60_000);
    if (minute !== st.minute) {
      st.minute = minute;
      st.stableCallsThisMinute = 0;
    }
  }

  private rid(): string {
    const seconds = Math.max(0, Math.floor(this.now() / 1000)).toString(16).padStart(8, '0');
    return `${seconds}-${hex(4)}-${hex(4)}`;
  }

  private err(errcode: number, text?: string): Reply {
    const base = text ?? ERRMSG[errcode] ?? 'unknown error';
    const hint = isMenuErrcode(errcode) ? ` hint: [${randomBytes(9).toString('base64url')}]` : '';
    return { status: 200, body: { errcode, errmsg: `${base}${hint} rid: ${this.rid()}` } };
  }

  private ok(extra: Record<string, unknown> = {}): Reply {
    return { status: 200, body: { errcode: 0, errmsg: 'ok', ...extra } };
  }

  private data(body: Record<string, unknown>): Reply {
    return { status: 200, body };
  }

  private limitFor(st: AccountState, path: string): number | undefined {
    if (path === '/cgi-bin/token') return st.account.classicDailyLimit ?? FAKE_LIMITS.classicDailyLimit;
    return FAKE_DAILY_LIMITS[path];
  }

  private usedOf(st: AccountState, path: string): number {
    return st.used.get(path) ?? 0;
  }

  private overQuota(st: AccountState, path: string): boolean {
    const limit = this.limitFor(st, path);
    return limit !== undefined && this.usedOf(st, path) >= limit;
  }

  private count(st: AccountState, path: string): void {
    st.used.set(path, this.usedOf(st, path) + 1);
  }

  private takeFault(path: string): FakeFault | undefined {
    for (let i = 0; i < this.faults.length; i++) {
      const active = this.faults[i] as ActiveFault;
      if (active.fault.paths && !active.fault.paths.includes(path)) continue;
      active.remaining--;
      if (active.remaining <= 0) this.faults.splice(i, 1);
      return active.fault;
    }
    return undefined;
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.on('error', () => undefined);
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      const raw = tooBig ? '' : Buffer.concat(chunks).toString('utf8');
      this.dispatch(req, res, raw, tooBig).catch((e: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'text/plain' });
          res.end(`fake-wechat internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
        }
      });
    });
  }

  private async dispatch(req: http.IncomingMessage, res: http.ServerResponse, raw: string, tooBig: boolean): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) if (!(k in query)) query[k] = v;
    let json: unknown;
    let jsonOk = false;
    if (raw.length > 0 && !tooBig) {
      try {
        json = JSON.parse(raw) as unknown;
        jsonOk = true;
      } catch {
        json = undefined;
      }
    }
    const call: FakeCall = {
      method,
      path,
      query,
      body: raw.length === 0 ? undefined : jsonOk ? json : raw,
      errcode: 0,
      at: this.now(),
    };
    this.calls.push(call);

    const fault = this.takeFault(path);
    if (fault) call.fault = fault.kind;
    if (fault?.kind === 'busy') {
      const reply = this.err(E.BUSY);
      call.errcode = E.BUSY;
      this.send(res, reply);
      return;
    }
    if (fault?.kind === 'http500') {
      call.errcode = E.BUSY;
      this.send(res, {
        status: 500,
        contentType: 'text/html; charset=utf-8',
        body: '<html><head><title>500 Internal Server Error</title></head><body><center><h1>500 Internal Server Error</h1></center><hr><center>nginx</center></body></html>',
      });
      return;
    }
    if (fault?.kind === 'nonJson') {
      call.errcode = E.BUSY;
      this.send(res, {
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html><head><meta charset="utf-8"><title>微信公众平台</title></head><body><p>系统繁忙，请稍后再试</p></body></html>',
      });
      return;
    }
    if (fault?.kind === 'slow') {
      const delay = fault.delayMs ?? 1000;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          resolve();
        }, delay);
        this.timers.add(timer);
      });
      if (this.closed) return;
    }

    const reply = this.route({ method, path, query, raw, json, jsonOk: jsonOk && !tooBig });
    call.errcode = isRecord(reply.body) && typeof reply.body['errcode'] === 'number' ? reply.body['errcode'] : 0;
    this.send(res, reply);
  }

  private send(res: http.ServerResponse, reply: Reply): void {
    if (res.destroyed || res.writableEnded) return;
    const text = reply.contentType ? String(reply.body) : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      'Content-Type': reply.contentType ?? 'application/json; encoding=utf-8',
      'Content-Length': Buffer.byteLength(text, 'utf8'),
    });
    res.end(text);
  }

  private route(ctx: RequestContext): Reply {
    const route = this.routes.get(ctx.path);
    if (!route) {
      const r = this.err(E.NOT_FOUND, `api not found: ${ctx.path}`);
      return { ...r, status: 404 };
    }
    if (route.auth) {
      const denied = this.checkToken(ctx);
      if (denied) return denied;
    }
    if (route.method === 'POST' && ctx.method !== 'POST') return this.err(E.REQUIRE_POST);
    if (ctx.state) {
      if (this.overQuota(ctx.state, ctx.path)) return this.err(E.DAILY_QUOTA);
      const reply = route.handler(ctx);
      if (isRecord(reply.body) && (reply.body['errcode'] === undefined || reply.body['errcode'] === 0)) this.count(ctx.state, ctx.path);
      return reply;
    }
    return route.handler(ctx);
  }

  /** access_token check for protected endpoints: 41001 missing, 40001 unknown/superseded, 42001 expired. */
  private checkToken(ctx: RequestContext): Reply | undefined {
    const token = ctx.query['access_token'];
    if (token === undefined || token === '') return this.err(E.ACCESS_TOKEN_MISSING);
    const rec = this.tokens.get(token);
    if (!rec) return this.err(E.INVALID_CREDENTIAL);
    const t = this.now();
    if (rec.invalidAt <= t && rec.invalidAt < rec.expiresAt) return this.err(E.INVALID_CREDENTIAL);
    if (rec.expiresAt <= t) return this.err(E.ACCESS_TOKEN_EXPIRED);
    ctx.state = this.state(rec.appId);
    return undefined;
  }

  /** The JSON object body of a POST, or undefined (→ 47001 data format error). */
  private jsonBody(ctx: RequestContext): Record<string, unknown> | undefined {
    return ctx.jsonOk && isRecord(ctx.json) ? ctx.json : undefined;
  }

  private issueToken(st: AccountState, kind: TokenKind, t: number): TokenRecord {
    const rec: TokenRecord = {
      token: `86_${randomBytes(105).toString('base64url')}`,
      appId: st.account.appId,
      kind,
      issuedAt: t,
      expiresAt: t + this.ttlMs,
      invalidAt: Number.POSITIVE_INFINITY,
    };
    this.tokens.set(rec.token, rec);
    return rec;
  }

  private tokenReply(rec: TokenRecord, t: number): Reply {
    const remaining = Math.max(0, Math.floor((rec.expiresAt - t) / 1000));
    return this.data({ access_token: rec.token, expires_in: remaining });
  }

  /** appid/secret/IP checks shared by both token endpoints; returns the account or an error reply. */
  private authenticate(grantType: unknown, appId: unknown, secret: unknown): AccountState | Reply {
    if (grantType !== 'client_credential') return this.err(E.INVALID_GRANT_TYPE);
    if (typeof appId !== 'string' || appId === '') return this.err(E.APPID_MISSING);
    if (typeof secret !== 'string' || secret === '') return this.err(E.APPSECRET_MISSING);
    const st = this.states.get(appId);
    if (!st) return this.err(E.INVALID_APPID);
    this.rollCounters(st);
    if (st.account.secret !== secret) return this.err(E.INVALID_APPSECRET);
    const wl = st.account.ipWhitelist;
    if (wl !== undefined && !wl.includes(this.callerIp)) {
      const ip = this.callerIp;
      const v6 = ip.includes(':') ? ip : `::ffff:${ip}`;
      return this.err(E.IP_NOT_WHITELISTED, `invalid ip ${ip} ipv6 ${v6}, not in whitelist`);
    }
    return st;
  }

  // ---------------------------------------------------------------------------------------------
  // Endpoints

  /** GET /cgi-bin/token: every success issues a new token; the previous one keeps 5 minutes. */
  private classicToken(ctx: RequestContext): Reply {
    const q = ctx.query;
    const st = this.authenticate(q['grant_type'], q['appid'], q['secret']);
    if (!('account' in st)) return st;
    const path = '/cgi-bin/token';
    if (this.overQuota(st, path)) return this.err(E.DAILY_QUOTA);
    this.count(st, path);
    const t = this.now();
    // Only the latest token and the one before it work; the one before runs out the overlap.
    if (st.classicPrevious && st.classicPrevious.invalidAt > t) st.classicPrevious.invalidAt = t;
    if (st.classicCurrent) {
      const overlapEnd = t + FAKE_LIMITS.classicOverlapSeconds * 1000;
      st.classicCurrent.invalidAt = Math.min(st.classicCurrent.invalidAt, overlapEnd);
      st.classicPrevious = st.classicCurrent;
    }
    st.classicCurrent = this.issueToken(st, 'classic', t);
    return this.tokenReply(st.classicCurrent, t);
  }

  /** POST /cgi-bin/stable_token: same token while valid; renewal in the last 5 min; force mode. */
  private stableToken(ctx: RequestContext): Reply {
    const b = this.jsonBody(ctx);
    if (!b) return this.err(E.DATA_FORMAT);
    const st = this.authenticate(b['grant_type'], b['appid'], b['secret']);
    if (!('account' in st)) return st;
    const path = '/cgi-bin/stable_token';
    if (st.stableCallsThisMinute >= FAKE_LIMITS.stableMinuteLimit) return this.err(E.MINUTE_QUOTA);
    if (this.overQuota(st, path)) return this.err(E.DAILY_QUOTA);
    const force = b['force_refresh'] === true;
    if (force && st.forceCallsToday >= FAKE_LIMITS.stableForceDailyLimit) return this.err(E.DAILY_QUOTA);
    st.stableCallsThisMinute++;
    this.count(st, path);
    const t = this.now();
    const current = st.stableCurrent;
    const currentValid = current !== undefined && t < current.expiresAt && t < current.invalidAt;
    if (force) {
      st.forceCallsToday++;
      const tooSoon =
        st.lastForceRefreshAt !== undefined && t - st.lastForceRefreshAt < FAKE_LIMITS.stableForceMinIntervalSeconds * 1000;
      if (tooSoon && currentValid) return this.tokenReply(current, t);
      // A forced refresh invalidates every earlier stable token at once.
      for (const old of [...st.stableOlder, ...(current ? [current] : [])]) old.invalidAt = Math.min(old.invalidAt, t);
      st.stableOlder = [];
      st.stableCurrent = this.issueToken(st, 'stable', t);
      st.lastForceRefreshAt = t;
      return this.tokenReply(st.stableCurrent, t);
    }
    if (currentValid && current.expiresAt - t > FAKE_LIMITS.stableRenewWindowSeconds * 1000) return this.tokenReply(current, t);
    // None yet, expired, or inside the renewal window: the next token; the old one runs out its time.
    if (current) st.stableOlder.push(current);
    st.stableOlder = st.stableOlder.filter((r) => t < r.expiresAt && t < r.invalidAt);
    st.stableCurrent = this.issueToken(st, 'stable', t);
    return this.tokenReply(st.stableCurrent, t);
  }

  /** POST /cgi-bin/openapi/quota/get {cgi_path} */
  private quotaGet(ctx: RequestContext): Reply {
    const body = this.jsonBody(ctx);
    if (!body) return this.err(E.DATA_FORMAT);
    const st = ctx.state as AccountState;
    const cgiPath = body['cgi_path'];
    if (typeof cgiPath !== 'string') return this.err(E.CGI_PATH_NOT_FOUND);
    const limit = this.limitFor(st, cgiPath);
    if (limit === undefined) return this.err(E.CGI_PATH_NOT_FOUND);
    const used = this.usedOf(st, cgiPath);
    return this.ok({ quota: { daily_limit: limit, used, remain: Math.max(0, limit - used) } });
  }

  /** POST /cgi-bin/clear_quota {appid}: like resetQuota(). */
  private clearQuota(ctx: RequestContext): Reply {
    const body = this.jsonBody(ctx);
    if (!body) return this.err(E.DATA_FORMAT);
    const st = ctx.state as AccountState;
    if (body['appid'] !== st.account.appId) return this.err(E.INVALID_APPID);
    this.resetQuota(st.account.appId);
    return this.ok();
  }

  /** POST /cgi-bin/menu/create: validates with rules.ts, replaces the default menu. */
  private menuCreate(ctx: RequestContext): Reply {
    const body = this.jsonBody(ctx);
    if (!body) return this.err(E.DATA_FORMAT);
    const violation = checkMenu(body);
    if (violation) return this.err(violation.errcode);
    const st = ctx.state as AccountState;
    st.defaultMenu = { body: deepClone(body), menuid: this.nextMenuId++ };
    return this.ok();
  }

  /** GET /cgi-bin/menu/get: the API-created menus, leaves with `sub_button: []` like the real one. */
  private menuGet(ctx: RequestContext): Reply {
    const st = ctx.state as AccountState;
    if (!st.defaultMenu) return this.err(E.MENU_NOT_EXIST);
    const result: Record<string, unknown> = {
      menu: { button: menuGetButtons(st.defaultMenu.body), menuid: st.defaultMenu.menuid },
    };
    if (st.conditional.length > 0) {
      result['conditionalmenu'] = st.conditional.map((m) => ({
        button: menuGetButtons(m.body),
        matchrule: deepClone(m.matchrule),
        menuid: m.menuid,
      }));
    }
    return this.data(result);
  }

  /** GET /cgi-bin/get_current_selfmenu_info: the live menu in its own shape (sub_button.list). */
  private selfmenuInfo(ctx: RequestContext): Reply {
    const st = ctx.state as AccountState;
    if (!st.defaultMenu) return this.data({ is_menu_open: 0 });
    const buttons = asArray(st.defaultMenu.body['button']).map((b) => {
      const rec = isRecord(b) ? b : {};
      const subs = asArray(rec['sub_button']);
      if (subs.length > 0) {
        return { name: rec['name'], sub_button: { list: subs.map((s) => leafFields(isRecord(s) ? s : {})) } };
      }
      return leafFields(rec);
    });
    return this.data({ is_menu_open: 1, selfmenu_info: { button: buttons } });
  }

  /** GET /cgi-bin/menu/delete: removes the default and every conditional menu. */
  private menuDelete(ctx: RequestContext): Reply {
    const st = ctx.state as AccountState;
    st.defaultMenu = undefined;
    st.conditional = [];
    return this.ok();
  }

  /** POST /cgi-bin/menu/addconditional {button, matchrule} → {menuid} */
  private addConditional(ctx: RequestContext): Reply {
    const body = this.jsonBody(ctx);
    if (!body) return this.err(E.DATA_FORMAT);
    const st = ctx.state as AccountState;
    const ruleProblem = checkMatchrule(body['matchrule']);
    if (ruleProblem) return this.err(ruleProblem.errcode);
    if (!st.defaultMenu) return this.err(E.NO_DEFAULT_MENU);
    const buttons = body['button'];
    if (buttons === undefined || buttons === null || (Array.isArray(buttons) && buttons.length === 0)) {
      return this.err(E.CONDITIONAL_MENU_EMPTY);
    }
    const violation = checkMenu(body);
    if (violation) return this.err(violation.errcode);
    if (st.conditional.length >= FAKE_LIMITS.conditionalMenusMax) return this.err(E.CONDITIONAL_MENU_LIMIT);
    const { matchrule, ...rest } = deepClone(body);
    const menuid = this.nextMenuId++;
    st.conditional.push({ body: rest, matchrule: matchrule as Record<string, unknown>, menuid });
    return this.data({ menuid: String(menuid) });
  }

  /** POST /cgi-bin/menu/delconditional {menuid} */
  private delConditional(ctx: RequestContext): Reply {
    const body = this.jsonBody(ctx);
    if (!body) return this.err(E.DATA_FORMAT);
    const st = ctx.state as AccountState;
    const id = body['menuid'];
    const wanted = typeof id === 'number' || typeof id === 'string' ? String(id) : '';
    const index = st.conditional.findIndex((m) => String(m.menuid) === wanted);
    if (index < 0) return this.err(E.CONDITIONAL_MENU_NOT_EXIST);
    st.conditional.splice(index, 1);
    return this.ok();
  }

  /** POST /cgi-bin/menu/trymatch {user_id}: the fake knows no user profiles, so everyone sees the default menu. */
  private tryMatch(ctx: RequestContext): Reply {
    const body = this.jsonBody(ctx);
    if (!body) return this.err(E.DATA_FORMAT);
    const userId = body['user_id'];
    if (typeof userId !== 'string' || userId.trim() === '') return this.err(E.NO_SUCH_USER);
    const st = ctx.state as AccountState;
    if (!st.defaultMenu) return this.err(E.MENU_VERSION_NOT_EXIST);
    return this.data({ button: menuGetButtons(st.defaultMenu.body) });
  }
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A leaf in the live shape: type, name and the fields its type uses. */
function leafFields(b: Record<string, unknown>): Record<string, unknown> {
  const type = typeof b['type'] === 'string' ? b['type'] : '';
  const out: Record<string, unknown> = { type, name: b['name'] };
  for (const f of fieldsForType(type)) if (b[f] !== undefined) out[f] = b[f];
  return out;
}

/** Buttons the way menu/get and trymatch return them: only known fields, `sub_button: []` on leaves. */
function menuGetButtons(body: Record<string, unknown>): unknown[] {
  return asArray(body['button']).map((b) => {
    const rec = isRecord(b) ? b : {};
    const subs = asArray(rec['sub_button']);
    if (subs.length > 0) {
      return {
        name: rec['name'],
        sub_button: subs.map((s) => ({ ...leafFields(isRecord(s) ? s : {}), sub_button: [] })),
      };
    }
    return { ...leafFields(rec), sub_button: [] };
  });
}

/** Starts a fake WeChat server on 127.0.0.1 (ephemeral port unless `port` is given). */
export async function startFakeWeChat(options: FakeWeChatOptions): Promise<FakeWeChat> {
  const ids = new Set<string>();
  for (const a of options.accounts) {
    if (ids.has(a.appId)) throw new Error(`startFakeWeChat: duplicate appId ${a.appId}`);
    ids.add(a.appId);
  }
  const server = http.createServer();
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error): void => reject(e);
    server.once('error', onError);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  return new FakeWeChat(server, options);
}
