// The one token check (src/wechat/tokenValue.ts) and the places that share it outside the team
// sources: WeChat's answer (real client, UndiciTransport, the fake server answering in WeChat's
// place with a hostile access_token), TokenManager's last line before the store for any source,
// and the store, which does not serve an entry an older version stored from a hostile source.
import * as assert from 'node:assert/strict';

import { TokenManager } from '../../../src/token/manager';
import type { ManagedSource } from '../../../src/token/sources/managedSource';
import type { SourcedToken } from '../../../src/token/sources/source';
import { parseCachedToken } from '../../../src/token/store';
import { WeChatTransportError } from '../../../src/wechat/apiErrors';
import { WeChatClient } from '../../../src/wechat/client';
import { describeError } from '../../../src/wechat/errors';
import { TokenValueRefusedError } from '../../../src/wechat/refusals';
import { accessTokenProblem, expiryProblem, MAX_ACCESS_TOKEN_LENGTH, MAX_TOKEN_LIFETIME_MS } from '../../../src/wechat/tokenValue';
import { createTransport } from '../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../fake-wechat/server';
import { hardeningCase } from '../../hardening/ledger';
import { FakeClock } from '../helpers/fakeClock';
import { aCachedToken, APP_ID, APP_SECRET, CapturingLogger, fixedCredentials, ScriptedTokenApi } from '../helpers/fixtures';
import { HOSTILE_TOKENS, WECHAT_LIKE_TOKENS } from '../helpers/hostileTokens';
import { MemoryTokenStore } from '../helpers/memoryTokenStore';

const DAY = 86_400_000;

describe("wechat/tokenValue: the one check of every source's token", () => {
  it('accepts tokens as WeChat issues them, up to the 512 characters it reserves', () => {
    for (const token of WECHAT_LIKE_TOKENS) assert.equal(accessTokenProblem(token), undefined, token);
    assert.equal(MAX_ACCESS_TOKEN_LENGTH, 512);
    assert.equal(accessTokenProblem(WECHAT_LIKE_TOKENS[1]), undefined);
    assert.equal(WECHAT_LIKE_TOKENS[1]?.length, 512);
  });

  for (const [name, value] of HOSTILE_TOKENS) {
    it(`refuses ${name}, describing it without its content`, () =>
      hardeningCase('hostile', `token value: ${name}`, () => {
        const problem = accessTokenProblem(value);
        assert.ok(problem !== undefined, 'accepted');
        assert.ok(!problem.includes(value) && !/curl|id\)|jndi|evil/.test(problem), problem);
      }));
  }

  it('says what is wrong: type, emptiness, length, spaces, characters', () => {
    assert.equal(accessTokenProblem(undefined), 'is undefined, not a string');
    assert.equal(accessTokenProblem(null), 'is null, not a string');
    assert.equal(accessTokenProblem(''), 'is an empty string');
    assert.equal(accessTokenProblem('A'.repeat(513)), 'is 513 characters long, more than a token can be');
    assert.equal(accessTokenProblem('86_ok id'), 'contains whitespace or control characters');
    assert.equal(accessTokenProblem('tok`id`$(id)'), "contains characters WeChat's tokens never have (only A-Z, a-z, 0-9, _ and -)");
  });

  it('caps the expiry at two days from now: a PTTL of 1e15 ms is the year 33715', () =>
    hardeningCase('hostile', 'token expiry: beyond two days', () => {
      const now = Date.UTC(2025, 0, 15);
      assert.equal(MAX_TOKEN_LIFETIME_MS, 2 * DAY);
      assert.equal(expiryProblem(now + 7_200_000, now), undefined);
      assert.equal(expiryProblem(now + 2 * DAY, now), undefined);
      assert.equal(expiryProblem(now - 1000, now), undefined, "an expired token is the policy's to handle");
      assert.equal(expiryProblem(now + 2 * DAY + 3_600_000, now), 'is 49 hours ahead, more than the 48 hours a token can live');
      assert.match(expiryProblem(now + 1e15, now) ?? '', /^is 11574074 days ahead/);
      assert.equal(expiryProblem(Infinity, now), 'is not a finite time');
      assert.equal(expiryProblem(NaN, now), 'is not a finite time');
    }));
});

describe("wechat/tokenValue: a hostile access_token in WeChat's answer (fake server, real client, TokenManager)", function () {
  this.timeout(10_000);
  let clock: FakeClock;
  let fake: FakeWeChat;
  let store: MemoryTokenStore;
  let manager: TokenManager;
  let log: CapturingLogger;

  beforeEach(async () => {
    clock = new FakeClock();
    fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET }], now: () => clock.now() });
    store = new MemoryTokenStore();
    log = new CapturingLogger();
    const client = new WeChatClient({
      settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }),
      transport: () => createTransport({}),
      log,
    });
    manager = new TokenManager({
      api: client,
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: fixedCredentials(),
      log,
    });
  });
  afterEach(async () => {
    manager.dispose();
    await fake.close();
  });

  for (const [name, value] of HOSTILE_TOKENS) {
    it(`${name}: badAnswer naming the API, never the value; nothing stored`, () =>
      hardeningCase('hostile', `WeChat answer: access_token ${name}`, async () => {
        fake.injectFault({ kind: 'accessToken', accessToken: value, paths: ['/cgi-bin/stable_token'] });
        const error = await manager.refresh().catch((e: unknown) => e);
        assert.ok(error instanceof WeChatTransportError && error.failure === 'badAnswer', String(error));
        assert.equal(error.apiPath, '/cgi-bin/stable_token');
        const text = describeError(error);
        assert.match(text, /no usable access token \(access_token .+\)\. Nothing was stored/);
        for (const shown of [text, error.message, log.text]) assert.ok(!shown.includes(value), shown);
        assert.deepEqual(store.writes, []);
        assert.equal(store.peek(APP_ID), undefined);
        assert.equal(manager.state.kind, 'failed');
      }));
  }

  it("the fake's own token, the same way, is stored", async () => {
    const token = await manager.refresh();
    assert.ok(fake.isTokenValid(token.accessToken));
    assert.equal(store.peek(APP_ID)?.accessToken, token.accessToken);
  });
});

describe('wechat/tokenValue: TokenManager refuses, before the store, what any source hands over', () => {
  /** A source that hands over whatever it is given, as a source without its own check would. */
  class CarelessSource implements ManagedSource {
    readonly kind = 'redis' as const;
    constructor(private readonly token: SourcedToken) {}
    describe(): string {
      return 'wx:access_token:wx0123456789abcdef (db 0)';
    }
    async prepare(): Promise<void> {}
    async obtain(): Promise<SourcedToken> {
      return this.token;
    }
  }

  function managerWith(source: ManagedSource, store: MemoryTokenStore, clock: FakeClock, log: CapturingLogger): TokenManager {
    return new TokenManager({
      api: new ScriptedTokenApi(),
      store,
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: fixedCredentials(),
      teamSource: () => source,
      log,
    });
  }

  const cases: ReadonlyArray<readonly [string, (now: number) => SourcedToken, RegExp]> = [
    ...HOSTILE_TOKENS.map(
      ([name, value]) =>
        [name, (now: number) => ({ accessToken: value, expiresAt: now + 7_200_000 }), /access_token (contains|is \d+ characters)/] as const,
    ),
    ['an expiry in the year 33715', (now) => ({ accessToken: 'tok-fine_0123', expiresAt: now + 1e15 }), /its expiry is \d+ days ahead/],
  ];
  for (const [name, sourced, detail] of cases) {
    it(`${name}: TokenValueRefusedError naming the source, never the value; nothing stored`, () =>
      hardeningCase('hostile', `token manager last line: ${name}`, async () => {
        const clock = new FakeClock();
        const store = new MemoryTokenStore();
        const log = new CapturingLogger();
        const token = sourced(clock.now());
        const manager = managerWith(new CarelessSource(token), store, clock, log);
        try {
          const error = await manager.refresh().catch((e: unknown) => e);
          assert.ok(error instanceof TokenValueRefusedError, String(error));
          assert.match(error.detail, detail);
          const text = error.describe();
          assert.match(text, /^The token from wx:access_token:wx0123456789abcdef \(db 0\) was refused: .+\. Nothing was used or stored\.$/);
          for (const shown of [text, error.message, log.text]) assert.ok(!shown.includes(token.accessToken), shown);
          assert.deepEqual(store.writes, []);
          assert.equal(manager.state.kind, 'failed');
        } finally {
          manager.dispose();
        }
      }));
  }
});

describe('wechat/tokenValue: the store does not serve what an older version stored from a hostile source', () => {
  for (const [name, value] of HOSTILE_TOKENS) {
    it(`a stored ${name} is no token (fetched anew)`, () =>
      hardeningCase('hostile', `stored token: ${name}`, () => {
        assert.equal(parseCachedToken(JSON.stringify(aCachedToken({ accessToken: value })), APP_ID), undefined);
      }));
  }

  it('nor an entry whose expiry lies years past its last confirmation; a two-hour one is kept', () => {
    const fine = aCachedToken();
    assert.deepEqual(parseCachedToken(JSON.stringify(fine), APP_ID), fine);
    assert.equal(parseCachedToken(JSON.stringify({ ...fine, expiresAt: fine.checkedAt + 1e15 }), APP_ID), undefined);
    const { checkedAt: _old, ...withoutCheckedAt } = fine;
    assert.equal(parseCachedToken(JSON.stringify({ ...withoutCheckedAt, expiresAt: fine.obtainedAt + 3 * DAY }), APP_ID), undefined);
  });
});
