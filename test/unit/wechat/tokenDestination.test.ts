// The token-host check is tied to the request it guards. withToken checks the API host of the
// settings once, but WeChatClient builds a new URL from the settings for every busy retry
// (errcode -1) and the call is made again after 40001: when "wechat.apiBaseUrl" changes in
// between, the check saw one host and the token went to another. The client now asks the check
// with the origin of the exact URL of each attempt (as it does for the AppSecret). Two fake
// WeChat servers stand for the two hosts; the user's answer to the token-host modal is scripted.
import * as assert from 'node:assert/strict';

import { TokenManager } from '../../../src/token/manager';
import { WeChatClient } from '../../../src/wechat/client';
import { SecretHostRefusedError } from '../../../src/wechat/refusals';
import { apiOrigin, SecretHostGuard, SecretHostMemory } from '../../../src/wechat/secretHost';
import { createTransport } from '../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../fake-wechat/server';
import { hardeningCase } from '../../hardening/ledger';
import { FakeClock } from '../helpers/fakeClock';
import { APP_ID, APP_SECRET, fixedCredentials } from '../helpers/fixtures';
import { MemoryTokenStore } from '../helpers/memoryTokenStore';

const API_PATH = '/cgi-bin/get_api_domain_ip';

class Hosts implements SecretHostMemory {
  readonly origins = new Map<string, string>();
  readonly tokenOrigins = new Map<string, string>();
  async lastOrigin(appId: string): Promise<string | undefined> {
    return this.origins.get(appId);
  }
  async rememberOrigin(appId: string, origin: string): Promise<void> {
    this.origins.set(appId, origin);
  }
  async tokenOrigin(appId: string): Promise<string | undefined> {
    return this.tokenOrigins.get(appId);
  }
  async rememberTokenOrigin(appId: string, origin: string): Promise<void> {
    this.tokenOrigins.set(appId, origin);
  }
}

describe('wechat/client: the access token goes only where the token-host check looked, attempt by attempt', function () {
  this.timeout(10_000);
  let clock: FakeClock;
  /** The host the AppSecret was confirmed for: its tokens go there unasked. */
  let first: FakeWeChat;
  /** The host "wechat.apiBaseUrl" is switched to between two attempts. */
  let second: FakeWeChat;
  let baseUrl: string;
  /** Runs during the client's busy back-off (between two attempts of one call). */
  let duringBackoff: () => void;
  let askedToken: Array<{ from: string; to: string }>;
  let answer: boolean;
  let hosts: Hosts;
  let client: WeChatClient;
  let manager: TokenManager;

  beforeEach(async () => {
    clock = new FakeClock();
    const accounts = [{ appId: APP_ID, secret: APP_SECRET }];
    first = await startFakeWeChat({ accounts, now: () => clock.now() });
    second = await startFakeWeChat({ accounts, now: () => clock.now() });
    baseUrl = first.url;
    duringBackoff = () => undefined;
    askedToken = [];
    answer = false;
    hosts = new Hosts();
    hosts.origins.set(APP_ID, apiOrigin(first.url));
    const guard = new SecretHostGuard({
      memory: hosts,
      confirm: async () => false,
      confirmToken: async (_appId, from, to) => {
        askedToken.push({ from, to });
        return answer;
      },
    });
    client = new WeChatClient({
      settings: () => ({ baseUrl, timeoutMs: 5000 }),
      transport: () => createTransport({}),
      busyBackoffMs: 1,
      sleep: async () => duringBackoff(),
      beforeSendingSecret: (send) => guard.check(send),
      beforeSendingToken: (send) => manager.checkTokenDestination(send.accessToken, send.origin),
    });
    manager = new TokenManager({
      api: client,
      store: new MemoryTokenStore(),
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: fixedCredentials(),
      // As extension.ts wires it: withToken's check uses the settings of the moment, the client's the URL it built.
      beforeUsingToken: (appId, origin = apiOrigin(baseUrl)) => guard.checkToken(appId, origin),
    });
  });
  afterEach(async () => {
    manager.dispose();
    await Promise.all([first.close(), second.close()]);
  });

  /** Requests that carried an access token to the second host. */
  const tokensAtSecond = (): string[] => second.calls.filter((c) => c.query['access_token'] !== undefined).map((c) => c.path);

  it('a busy retry after the setting changed: the user is asked for the new host; declined, it never gets the token', () =>
    hardeningCase('hostile', 'apiBaseUrl switched during a busy retry: the token to the new host', async () => {
      first.injectFault({ kind: 'busy', paths: [API_PATH] });
      duringBackoff = () => (baseUrl = second.url);
      const error = await manager.withToken((token) => client.call(API_PATH, { accessToken: token })).catch((e: unknown) => e);
      assert.deepEqual(tokensAtSecond(), [], 'the token reached the second host');
      assert.deepEqual(second.calls, [], 'nothing at all reached the second host');
      assert.deepEqual(askedToken, [{ from: apiOrigin(first.url), to: apiOrigin(second.url) }]);
      assert.ok(error instanceof SecretHostRefusedError && error.carrying === 'accessToken' && error.why === 'declined', String(error));
      assert.equal(first.callsTo(API_PATH).length, 1);
    }));

  it('the retry after 40001, with the setting changed during the refresh: asked; declined, never sent', () =>
    hardeningCase('hostile', 'apiBaseUrl switched before the retry after 40001: the token to the new host', async () => {
      first.injectFault({ kind: 'errcode', errcode: 40001, paths: [API_PATH] });
      let attempts = 0;
      const error = await manager
        .withToken((token) => {
          attempts++;
          // The refresh after 40001 asked the first host; the setting changed before the retry.
          if (attempts === 2) baseUrl = second.url;
          return client.call(API_PATH, { accessToken: token });
        })
        .catch((e: unknown) => e);
      assert.equal(attempts, 2);
      assert.deepEqual(tokensAtSecond(), [], 'the token reached the second host');
      assert.deepEqual(askedToken, [{ from: apiOrigin(first.url), to: apiOrigin(second.url) }]);
      assert.ok(error instanceof SecretHostRefusedError && error.carrying === 'accessToken', String(error));
    }));

  it('agreed: the retry goes to the new host, which is remembered for tokens (asked once)', async () => {
    answer = true;
    first.injectFault({ kind: 'busy', paths: [API_PATH] });
    duringBackoff = () => (baseUrl = second.url);
    await manager.withToken((token) => client.call(API_PATH, { accessToken: token })).catch(() => undefined);
    assert.deepEqual(tokensAtSecond(), [API_PATH]);
    assert.equal(hosts.tokenOrigins.get(APP_ID), apiOrigin(second.url));
    assert.equal(askedToken.length, 1);
  });

  it('unchanged setting: busy retries go to the same host without a question', async () => {
    first.injectFault({ kind: 'busy', times: 2, paths: [API_PATH] });
    await manager.withToken((token) => client.call(API_PATH, { accessToken: token }));
    assert.equal(first.callsTo(API_PATH).length, 3);
    assert.deepEqual(askedToken, []);
  });

  it('a token that did not come through withToken is not sent anywhere', async () => {
    const token = await manager.get();
    await assert.rejects(client.call(API_PATH, { accessToken: token.accessToken }), /without TokenManager\.withToken/);
    await assert.rejects(client.call(API_PATH, { query: { access_token: token.accessToken } }), /without TokenManager\.withToken/);
    assert.equal(first.callsTo(API_PATH).length, 0);
  });
});
