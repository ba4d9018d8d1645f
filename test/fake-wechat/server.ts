// A local HTTP server with the semantics of the WeChat Official Account API (access tokens,
// quotas, custom menus), used by unit and E2E tests and runnable on its own (cli.ts).
//
// It keeps its own copy of WeChat's limits and errcodes (rules.ts) and must never import from
// src/: a wrong limit in the extension should show up as a disagreement with this server.
// Time always comes from `options.now`, so tests expire tokens by moving a fake clock.
//
// This file is the core: the public API tests use, reading requests, the call log, injected
// faults, routing and the per-API daily quota. The endpoints live in tokens.ts and menus.ts,
// the account state and quota counters in accounts.ts.

import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { Accounts } from './accounts';
import { FakeApi } from './apiRoutes';
import { faultEffect, FaultQueue } from './faults';
import { Menus } from './menus';
import { checkCallbackUrlSetting, Network } from './network';
import { Quota } from './quota';
import { Replies } from './replies';
import { Rids } from './rids';
import { E, FAKE_LIMITS, isRecord } from './rules';
import { Tickets, type TicketType } from './tickets';
import { isAccount, Tokens } from './tokens';
import type { FakeCall, FakeFault, FakeWeChatOptions, Reply, RequestContext, Route } from './types';

export type { FakeAccount, FakeCall, FakeFault, FakeWeChatOptions } from './types';

const MAX_BODY_BYTES = 1024 * 1024;

export class FakeWeChat {
  readonly url: string;
  readonly calls: FakeCall[] = [];
  /** Users, tags, QR codes, materials, messages and mini program endpoints: their state, for tests (apiRoutes.ts). */
  readonly api: FakeApi;

  private readonly replies: Replies;
  private readonly accounts: Accounts;
  private readonly tokens: Tokens;
  private readonly menus: Menus;
  private readonly tickets: Tickets;
  private readonly quota: Quota;
  private readonly rids: Rids;
  private readonly network: Network;
  private readonly faults = new FaultQueue();
  private readonly callWaiters: Array<(call: FakeCall) => void> = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly routes: Map<string, Route>;
  private readonly now: () => number;
  private callerIp: string;
  private closed = false;

  /** Use startFakeWeChat(). */
  constructor(
    private readonly server: http.Server,
    options: FakeWeChatOptions,
  ) {
    const address = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${address.port}`;
    this.now = options.now ?? Date.now;
    this.callerIp = options.callerIp ?? '127.0.0.1';
    this.replies = new Replies(this.now);
    this.accounts = new Accounts(options.accounts, this.now);
    const ttlMs = (options.tokenTtlSeconds ?? FAKE_LIMITS.tokenTtlSeconds) * 1000;
    this.tokens = new Tokens(this.accounts, this.replies, this.now, ttlMs, () => this.callerIp);
    this.menus = new Menus(this.replies);
    this.tickets = new Tickets(this.replies, this.now);
    this.quota = new Quota(this.accounts, this.replies, this.now);
    this.rids = new Rids(this.replies, this.now);
    this.network = new Network(this.replies);
    this.api = new FakeApi(this.accounts, this.replies, this.now);
    const { tokens, menus, tickets, quota, rids, network } = this;
    this.routes = new Map<string, Route>([
      ['/cgi-bin/token', { method: 'ANY', auth: false, handler: (c) => tokens.classicToken(c) }],
      ['/cgi-bin/stable_token', { method: 'POST', auth: false, handler: (c) => tokens.stableToken(c) }],
      ['/cgi-bin/openapi/quota/get', { method: 'POST', auth: true, handler: (c, st) => quota.quotaGet(c, st) }],
      ['/cgi-bin/clear_quota', { method: 'POST', auth: true, handler: (c, st) => quota.clearQuota(c, st) }],
      ['/cgi-bin/clear_quota/v2', { method: 'POST', auth: false, handler: (c) => quota.clearQuotaV2(c) }],
      ['/cgi-bin/openapi/rid/get', { method: 'POST', auth: true, handler: (c, st) => rids.ridGet(c, st) }],
      ['/cgi-bin/menu/create', { method: 'POST', auth: true, handler: (c, st) => menus.create(c, st) }],
      ['/cgi-bin/menu/get', { method: 'ANY', auth: true, handler: (c, st) => menus.get(c, st) }],
      ['/cgi-bin/get_current_selfmenu_info', { method: 'ANY', auth: true, handler: (c, st) => menus.selfmenuInfo(c, st) }],
      ['/cgi-bin/menu/delete', { method: 'ANY', auth: true, handler: (c, st) => menus.delete(c, st) }],
      ['/cgi-bin/menu/addconditional', { method: 'POST', auth: true, handler: (c, st) => menus.addConditional(c, st) }],
      ['/cgi-bin/menu/delconditional', { method: 'POST', auth: true, handler: (c, st) => menus.delConditional(c, st) }],
      ['/cgi-bin/menu/trymatch', { method: 'POST', auth: true, handler: (c, st) => menus.tryMatch(c, st) }],
      ['/cgi-bin/ticket/getticket', { method: 'ANY', auth: true, handler: (c, st) => tickets.getTicket(c, st) }],
      ['/cgi-bin/get_api_domain_ip', { method: 'ANY', auth: true, handler: () => network.apiDomainIp() }],
      ['/cgi-bin/getcallbackip', { method: 'ANY', auth: true, handler: () => network.callbackIp() }],
      ['/cgi-bin/callback/check', { method: 'POST', auth: true, handler: (c, st) => network.check(c, st) }],
      ...this.api.routes,
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

  /** Resolves when the next request is logged (before its answer, or its fault, goes out): call it before sending. */
  nextCall(): Promise<FakeCall> {
    return new Promise((resolve) => this.callWaiters.push(resolve));
  }

  injectFault(fault: FakeFault): void {
    this.faults.inject(fault);
  }

  setCallerIp(ip: string): void {
    this.callerIp = ip;
  }

  /** Every access token the fake issued (classic and stable, valid or not), for leak scans. */
  issuedTokens(): string[] {
    return this.tokens.issued();
  }

  /** Whether a protected endpoint would accept this token right now. */
  isTokenValid(token: string): boolean {
    return this.tokens.isValid(token);
  }

  /** The default menu as uploaded (upload shape), or undefined. */
  liveMenu(appId: string): unknown | undefined {
    return this.menus.live(this.accounts.get(appId));
  }

  /** Replaces the default menu without validation (undefined removes it; conditional menus stay). */
  setLiveMenu(appId: string, menu: unknown | undefined): void {
    this.menus.setLive(this.accounts.get(appId), menu);
  }

  /** Conditional menus in upload shape: `{button, matchrule, menuid}` (menuid as the string addconditional returned). */
  conditionalMenus(appId: string): unknown[] {
    return this.menus.conditional(this.accounts.get(appId));
  }

  /** The JS-SDK ticket the account was issued last (jsapi by default), or undefined. */
  currentTicket(appId: string, type: TicketType = 'jsapi'): string | undefined {
    return this.tickets.current(appId, type);
  }

  /** Whether a ticket is still within its lifetime. */
  isTicketValid(ticket: string): boolean {
    return this.tickets.isValid(ticket);
  }

  /** How many tickets of that type the account fetched successfully. */
  ticketFetches(appId: string, type: TicketType = 'jsapi'): number {
    return this.tickets.fetchCount(appId, type);
  }

  /** Sets the account's server URL (null: none configured, so callback/check answers 40201). */
  setCallbackUrl(appId: string, url: string | null): void {
    this.accounts.get(appId).account.callbackUrl = checkCallbackUrlSetting(url);
  }

  /** The account's configured server URL, or undefined when none is configured. */
  callbackUrl(appId: string): string | undefined {
    return this.network.callbackUrlOf(this.accounts.get(appId));
  }

  /** Clears every daily counter of the account (token quota, force-refresh count, per-API counts). */
  resetQuota(appId: string): void {
    this.accounts.resetQuota(appId);
  }

  /** Sets an API's count for today, e.g. to its daily limit so the next call answers 45009. */
  setQuotaUsed(appId: string, path: string, used: number): void {
    this.accounts.setUsed(appId, path, used);
  }

  /** Uses up an API's daily quota (the token endpoints' included): the next call answers 45009. */
  exhaustQuota(appId: string, path: string): void {
    const st = this.accounts.get(appId);
    const limit = this.accounts.limitFor(st, path);
    if (limit === undefined) throw new Error(`exhaustQuota: the fake has no daily limit for ${path}`);
    this.accounts.setUsed(appId, path, limit);
  }

  /** clear_quota and clear_quota/v2 resets the account used this month (10 allowed). */
  quotaResetsThisMonth(appId: string): number {
    return this.quota.resetsThisMonth(appId);
  }

  /** Drops the faults injected and not used up yet. */
  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Connection refused: closes the listening port (and every open connection) until
   * startListening() opens the same port again. The url stays the same.
   */
  async stopListening(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Listens again on the port stopListening() closed. */
  async startListening(): Promise<void> {
    if (this.server.listening || this.closed) return;
    const port = Number(new URL(this.url).port);
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    // Stopped by stopListening(): nothing left to close.
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.server.close((err) => (err ? reject(err) : resolve()));
      this.server.closeAllConnections();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Plumbing

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
          res.end(`fake-wechat internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
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
    for (const resolve of this.callWaiters.splice(0)) resolve(call);

    const fault = this.faults.take(path);
    const effect = fault ? faultEffect(fault, this.replies) : undefined;
    if (fault) call.fault = fault.kind;
    if (effect?.kind === 'reply') {
      // The HTML pages carry no errcode; the log records them as the busy they stand for.
      call.errcode =
        isRecord(effect.reply.body) && typeof effect.reply.body['errcode'] === 'number' ? effect.reply.body['errcode'] : E.BUSY;
      this.rememberRid(effect.reply, call, raw);
      this.send(res, effect.reply);
      return;
    }
    // The request stays open until the client gives up or close() ends every connection.
    if (effect?.kind === 'hang') return;
    if (effect?.kind === 'delay') {
      await this.delay(effect.ms);
      if (this.closed) return;
    }

    const routed = this.route({ method, path, query, raw, json, jsonOk: jsonOk && !tooBig });
    const reply = effect?.kind === 'rewrite' ? effect.rewrite(routed) : routed;
    call.errcode = isRecord(routed.body) && typeof routed.body['errcode'] === 'number' ? routed.body['errcode'] : 0;
    this.rememberRid(reply, call, raw);
    if (effect?.kind === 'reset') this.sendHalfAndReset(res, reply);
    else this.send(res, reply);
  }

  /** Headers with the full Content-Length, half the body, then a TCP reset: an answer lost on the way. */
  private sendHalfAndReset(res: http.ServerResponse, reply: Reply): void {
    const bytes = bodyBytes(reply);
    res.writeHead(reply.status, {
      'Content-Type': reply.contentType ?? 'application/json; encoding=utf-8',
      'Content-Length': bytes.length,
    });
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.socket?.resetAndDestroy());
  }

  /** An error answer's rid, for openapi/rid/get: the request as sent, owned by its token's or appid's account. */
  private rememberRid(reply: Reply, call: FakeCall, raw: string): void {
    const body = isRecord(call.body) ? call.body : {};
    const token = call.query['access_token'];
    const named = call.query['appid'] ?? body['appid'];
    const appId = token !== undefined ? this.tokens.ownerOf(token) : typeof named === 'string' ? named : undefined;
    const query = new URLSearchParams(call.query).toString();
    this.rids.remember(reply, {
      appId,
      at: call.at,
      costMs: Math.max(0, this.now() - call.at),
      requestUrl: `${call.path}${query ? `?${query}` : ''}`,
      requestBody: raw,
      clientIp: this.callerIp,
    });
  }

  /** A 'slow' fault's wait; close() cancels it so no timer outlives the server. */
  private delay(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private send(res: http.ServerResponse, reply: Reply): void {
    if (res.destroyed || res.writableEnded) return;
    const bytes = bodyBytes(reply);
    res.writeHead(reply.status, {
      'Content-Type': reply.contentType ?? 'application/json; encoding=utf-8',
      'Content-Length': bytes.length,
    });
    res.end(bytes);
  }

  /** Token check first (41001/40001/42001), then the method (43002), then the daily quota (45009). */
  private route(ctx: RequestContext): Reply {
    const route = this.routes.get(ctx.path);
    if (!route) {
      const r = this.replies.err(E.NOT_FOUND, `api not found: ${ctx.path}`);
      return { ...r, status: 404 };
    }
    const wrongMethod = route.method === 'POST' && ctx.method !== 'POST';
    if (!route.auth) return wrongMethod ? this.replies.err(E.REQUIRE_POST) : route.handler(ctx);
    const st = this.tokens.check(ctx);
    if (!isAccount(st)) return st;
    if (wrongMethod) return this.replies.err(E.REQUIRE_POST);
    if (this.accounts.overQuota(st, ctx.path)) return this.replies.err(E.DAILY_QUOTA);
    const reply = route.handler(ctx, st);
    // Only successful calls count against the quota, as on the platform.
    if (isRecord(reply.body) && (reply.body['errcode'] === undefined || reply.body['errcode'] === 0)) this.accounts.count(st, ctx.path);
    return reply;
  }
}

/** A reply's bytes: an image as it is, text as UTF-8, anything else as JSON. */
function bodyBytes(reply: Reply): Buffer {
  if (Buffer.isBuffer(reply.body)) return reply.body;
  return Buffer.from(reply.contentType ? String(reply.body) : JSON.stringify(reply.body), 'utf8');
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
