import * as assert from 'node:assert/strict';

import { CachedTicket, parseCachedTicket, tokenHash } from '../../../../../../src/features/diagnostics/core/ticket/ticket';
import { TICKET_MARGIN_MS, TicketManager, TicketResult } from '../../../../../../src/features/diagnostics/core/ticket/ticketManager';
import { TokenManager } from '../../../../../../src/token/manager';
import { WeChatApiError, WeChatTransportError } from '../../../../../../src/wechat/apiErrors';
import { WeChatClient } from '../../../../../../src/wechat/client';
import { GET_TICKET } from '../../../../../../src/wechat/endpoints';
import { createTransport } from '../../../../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../../../../fake-wechat/server';
import { FakeClock } from '../../../../helpers/fakeClock';
import { APP_ID, APP_SECRET, CapturingLogger, fixedCredentials } from '../../../../helpers/fixtures';
import { MemoryCredentialStore } from '../../../../helpers/memoryCredentialStore';
import { MemoryTokenStore } from '../../../../helpers/memoryTokenStore';

const TICKET_LIFETIME_MS = 7_200_000;

/** One VS Code window: its own managers and client, the machine's shared stores. */
interface Window {
  readonly tokens: TokenManager;
  readonly tickets: TicketManager;
  readonly client: WeChatClient;
  readonly seen: string[];
}

describe('token/ticket/ticketManager against the fake WeChat server', () => {
  let clock: FakeClock;
  let fake: FakeWeChat;
  let log: CapturingLogger;
  let tokenStore: MemoryTokenStore;
  let ticketStore: MemoryCredentialStore<CachedTicket>;
  let windows: Window[];

  function openWindow(): Window {
    const client = new WeChatClient({
      settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }),
      transport: () => createTransport({}),
      log,
    });
    const tokens = new TokenManager({
      api: client,
      store: tokenStore,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: fixedCredentials(),
      log,
    });
    const seen: string[] = [];
    const tickets = new TicketManager({ store: ticketStore, clock, tokens, api: client, onTicket: (t) => seen.push(t), log });
    const win = { tokens, tickets, client, seen };
    windows.push(win);
    return win;
  }

  const getticketCalls = (): Array<{ errcode: number; token: string | undefined }> =>
    fake.callsTo(GET_TICKET.path).map((call) => ({ errcode: call.errcode, token: call.query['access_token'] }));

  /** Makes every stable token the account holds invalid, as a forced refresh elsewhere does. */
  async function forceRefreshElsewhere(): Promise<void> {
    const res = await fetch(`${fake.url}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET, force_refresh: true }),
    });
    assert.equal(((await res.json()) as { errcode?: number }).errcode, undefined);
  }

  beforeEach(async () => {
    clock = new FakeClock();
    log = new CapturingLogger();
    tokenStore = new MemoryTokenStore();
    ticketStore = new MemoryCredentialStore(parseCachedTicket);
    windows = [];
    fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET }], now: () => clock.now() });
  });

  afterEach(async () => {
    for (const win of windows) win.tokens.dispose();
    await fake.close();
  });

  it('fetches a ticket once, stores it with an absolute expiry and the hash of its token, then serves the cache', async () => {
    const win = openWindow();
    const first = await win.tickets.get();
    assert.equal(first.fetched, true);
    assert.equal(first.ticket.ticket, fake.currentTicket(APP_ID));
    assert.equal(first.ticket.expiresAt, clock.now() + TICKET_LIFETIME_MS);
    const token = (await tokenStore.read(APP_ID))?.accessToken ?? '';
    assert.equal(first.ticket.tokenHash, tokenHash(token));
    assert.ok(!ticketStore.raw().some((text) => text.includes(token)), 'the stored ticket entry must not hold the token');
    const second = await win.tickets.get();
    assert.deepEqual(second, { ticket: first.ticket, fetched: false });
    assert.equal(fake.ticketFetches(APP_ID), 1);
    assert.deepEqual(getticketCalls(), [{ errcode: 0, token }]);
  });

  it('single flight: concurrent callers share one getticket request', async () => {
    const win = openWindow();
    const results = await Promise.all([win.tickets.get(), win.tickets.get(), win.tickets.get()]);
    assert.equal(fake.ticketFetches(APP_ID), 1);
    assert.equal(new Set(results.map((r: TicketResult) => r.ticket.ticket)).size, 1);
  });

  it('two windows share the stored ticket: the second fetches nothing', async () => {
    const a = openWindow();
    const b = openWindow();
    const fromA = await a.tickets.get();
    const fromB = await b.tickets.get();
    assert.deepEqual(fromB, { ticket: fromA.ticket, fetched: false });
    assert.equal(fake.ticketFetches(APP_ID), 1);
    assert.equal(fake.callsTo('/cgi-bin/stable_token').length, 1, 'the token is shared too');
  });

  it('fetches again only when the ticket is within the margin of its expiry', async () => {
    const win = openWindow();
    const first = await win.tickets.get();
    clock.advance(TICKET_LIFETIME_MS - TICKET_MARGIN_MS - 1000);
    assert.equal((await win.tickets.get()).fetched, false);
    clock.advance(2000);
    const renewed = await win.tickets.get();
    assert.equal(renewed.fetched, true);
    assert.notEqual(renewed.ticket.ticket, first.ticket.ticket);
    assert.equal(renewed.ticket.tokenHash, first.ticket.tokenHash, 'same token: only the ticket ran out');
    assert.equal(fake.ticketFetches(APP_ID), 2);
  });

  it('drops a cached ticket once the token it was fetched with was rejected elsewhere and replaced', async () => {
    const win = openWindow();
    const first = await win.tickets.get();
    await forceRefreshElsewhere();
    // Another command's call meets 40001: withToken refreshes the token and retries.
    await win.tokens.withToken((accessToken) =>
      win.client.call('/cgi-bin/openapi/quota/get', { body: { cgi_path: '/cgi-bin/token' }, accessToken }),
    );
    const current = (await tokenStore.read(APP_ID))?.accessToken ?? '';
    const next = await win.tickets.get();
    assert.equal(next.fetched, true);
    assert.notEqual(next.ticket.ticket, first.ticket.ticket);
    assert.equal(next.ticket.tokenHash, tokenHash(current));
    assert.match(log.text, /fetched with an earlier access token/);
  });

  it('a getticket call rejected with 40001 refreshes the token once and stores the ticket of the fresh token', async () => {
    const win = openWindow();
    await win.tokens.get();
    const stale = (await tokenStore.read(APP_ID))?.accessToken ?? '';
    await forceRefreshElsewhere();
    const result = await win.tickets.get();
    const fresh = (await tokenStore.read(APP_ID))?.accessToken ?? '';
    assert.notEqual(fresh, stale);
    assert.deepEqual(getticketCalls(), [
      { errcode: 40001, token: stale },
      { errcode: 0, token: fresh },
    ]);
    assert.equal(result.ticket.tokenHash, tokenHash(fresh));
    assert.equal(fake.ticketFetches(APP_ID), 1);
  });

  it('an expired token (42001 on the fake) is refreshed and the ticket fetched with the new one', async () => {
    const win = openWindow();
    const token = await win.tokens.get();
    // The cache believes the token has long to live; the platform already expired it.
    await tokenStore.write({ ...token, expiresAt: clock.now() + TICKET_LIFETIME_MS * 10 });
    clock.advance(TICKET_LIFETIME_MS);
    const result = await win.tickets.get();
    assert.deepEqual(
      getticketCalls().map((c) => c.errcode),
      [42001, 0],
    );
    assert.equal(result.fetched, true);
  });

  it('never logs a ticket (the log is told it) and keeps it out of errors', async () => {
    const win = openWindow();
    const { ticket } = (await win.tickets.get()).ticket;
    clock.advance(TICKET_LIFETIME_MS);
    const renewed = (await win.tickets.get()).ticket.ticket;
    assert.ok(win.seen.includes(ticket) && win.seen.includes(renewed), 'every ticket is registered with the redactor');
    for (const secret of [ticket, renewed]) assert.ok(!log.text.includes(secret), 'a ticket reached the log');
    assert.match(log.text, /jsapi_ticket obtained for wx0123456789abcdef, valid for 7200 s/);
  });

  it('a WeChat error other than a stale token reaches the caller, and nothing is cached', async () => {
    const win = openWindow();
    fake.injectFault({ kind: 'http500', paths: [GET_TICKET.path], times: 1 });
    await assert.rejects(win.tickets.get(), (error: unknown) => error instanceof WeChatTransportError && error.failure === 'http');
    assert.equal(await ticketStore.read(APP_ID), undefined);
    assert.equal((await win.tickets.get()).fetched, true);
  });

  it('an answer without a ticket is a clear transport error, not an empty ticket', async () => {
    const tokens = openWindow().tokens;
    const tickets = new TicketManager({
      store: ticketStore,
      clock,
      tokens,
      api: { call: async <T extends object>() => ({ errcode: 0, errmsg: 'ok' }) as unknown as T },
    });
    await assert.rejects(tickets.get(), (error: unknown) => error instanceof WeChatTransportError && /no ticket/.test(error.message));
    assert.equal(await ticketStore.read(APP_ID), undefined);
  });

  it('a bad type (40097) is reported as it is, not retried with a new token', async () => {
    const win = openWindow();
    const error = await win.tokens
      .withToken((accessToken) => win.client.call(GET_TICKET, { query: { type: 'bogus' }, accessToken }))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    assert.ok(error instanceof WeChatApiError && error.errcode === 40097 && error.reaction === 'report');
  });
});
