// The endpoint registry (src/wechat/endpoints.ts) against the fake WeChat server, which keeps its
// own copy of the paths: every endpoint must be one the fake routes, with a method it accepts and
// behind the check the registry says (access_token or not). A path or method mistyped in the
// registry fails here instead of as a 404 in front of a user.
import * as assert from 'node:assert/strict';

import { FEATURES } from '../../../src/features/all';
import { WeChatApiError } from '../../../src/wechat/apiErrors';
import { WeChatClient } from '../../../src/wechat/client';
import { Endpoint, ENDPOINTS, isTokenFetch, TOKEN_ENDPOINTS } from '../../../src/wechat/endpoints';
import { createTransport } from '../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../fake-wechat/server';
import { APP_ID, APP_SECRET, CREDENTIALS } from '../helpers/fixtures';
import { sourceLinesMatching } from '../helpers/sourceScan';

/** What the fake answers for a path it does not route, and for a GET where it wants POST. */
const NOT_ROUTED = 404;
const REQUIRES_POST = 43002;
const ACCESS_TOKEN_MISSING = 41001;

describe('wechat/endpoints: the registry agrees with the fake WeChat server', () => {
  let fake: FakeWeChat;
  let client: WeChatClient;
  let token: string;

  before(async () => {
    fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET }] });
    client = new WeChatClient({
      settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }),
      transport: () => createTransport({}),
      busyRetries: 0,
    });
    token = (await client.stableToken(CREDENTIALS, false)).accessToken;
  });

  after(() => fake.close());

  /** The errcode of calling `endpoint` with its own method and an empty request; 0 for success. */
  async function errcodeOf(endpoint: Endpoint, accessToken?: string): Promise<number> {
    const body = endpoint.method === 'POST' ? {} : undefined;
    return client.call(endpoint, { body, accessToken }).then(
      () => 0,
      (error: unknown) => {
        assert.ok(error instanceof WeChatApiError, `${endpoint.path}: ${String(error)}`);
        return error.errcode;
      },
    );
  }

  it('every endpoint is routed and takes its method', async () => {
    for (const endpoint of ENDPOINTS) {
      const errcode = await errcodeOf(endpoint, token);
      assert.notEqual(errcode, NOT_ROUTED, `${endpoint.path} is not a path the fake knows`);
      assert.notEqual(errcode, REQUIRES_POST, `${endpoint.path} wants POST, the registry says ${endpoint.method}`);
    }
  });

  it('token endpoints want an access_token; the others do not', async () => {
    for (const endpoint of ENDPOINTS) {
      const errcode = await errcodeOf(endpoint);
      if (endpoint.auth === 'token') assert.equal(errcode, ACCESS_TOKEN_MISSING, endpoint.path);
      else assert.notEqual(errcode, ACCESS_TOKEN_MISSING, endpoint.path);
    }
  });

  it("a POST endpoint called with GET is refused: the registry's POST is not a guess", async () => {
    for (const endpoint of ENDPOINTS.filter((e) => e.method === 'POST' && e.auth === 'token')) {
      const errcode = await client.call(endpoint.path, { method: 'GET', accessToken: token }).then(
        () => 0,
        (error: unknown) => (error instanceof WeChatApiError ? error.errcode : -1),
      );
      assert.equal(errcode, REQUIRES_POST, endpoint.path);
    }
  });

  it('each path once; the token fetches are the two secret-carrying token endpoints', () => {
    const paths = ENDPOINTS.map((endpoint) => endpoint.path);
    assert.equal(new Set(paths).size, paths.length);
    assert.deepEqual(
      TOKEN_ENDPOINTS.map((e) => e.path),
      ['/cgi-bin/stable_token', '/cgi-bin/token'],
    );
    assert.ok(TOKEN_ENDPOINTS.every((e) => e.auth === 'secret'));
    assert.equal(isTokenFetch('/cgi-bin/token'), true);
    assert.equal(isTokenFetch('/cgi-bin/clear_quota/v2'), false, 'carries the AppSecret but fetches no token');
  });

  it('every endpoint is called by a feature, and the features call only registered endpoints', () => {
    const called = new Set(FEATURES.flatMap((feature) => feature.endpoints));
    assert.deepEqual(
      ENDPOINTS.filter((endpoint) => !called.has(endpoint)).map((e) => e.path),
      [],
    );
    assert.deepEqual(
      [...called].filter((endpoint) => !ENDPOINTS.includes(endpoint)).map((e) => e.path),
      [],
    );
  });

  it('Show API Quota lists the token and menu endpoints, in this order', () => {
    const quotaPaths = [...new Set(FEATURES.flatMap((feature) => feature.endpoints.filter((e) => e.quota).map((e) => e.path)))];
    assert.deepEqual(quotaPaths, [
      '/cgi-bin/stable_token',
      '/cgi-bin/token',
      '/cgi-bin/menu/create',
      '/cgi-bin/menu/get',
      '/cgi-bin/get_current_selfmenu_info',
      '/cgi-bin/menu/delete',
      '/cgi-bin/menu/addconditional',
      '/cgi-bin/menu/delconditional',
      '/cgi-bin/menu/trymatch',
    ]);
  });
});

describe('wechat/endpoints: the one place a path or a WeChat host is written', () => {
  /** Literals that name an API path or a WeChat host but are not a call: each with its reason. */
  const EXAMPLES = [
    // The input box's example of a path to look up, not an endpoint this extension calls.
    "src/features/diagnostics/ui/quotaView.ts: placeHolder: '/cgi-bin/message/custom/send',",
    // The simulated follower's link message: sample content, not the console link.
    "src/features/simulator/core/chat/inbound.ts: return { kind: 'link'",
  ];
  const LITERAL = /(['"`])\/(?:cgi-bin|sns|wxa)\/[^'"`\s]*\1|(['"`])https?:\/\/(?:api|mp)\.weixin\.qq\.com[^'"`]*\2/;

  it('no source file but endpoints.ts writes an API path or a WeChat URL as a literal', () => {
    const found = sourceLinesMatching(LITERAL, (file) => file === 'src/wechat/endpoints.ts');
    const example = (line: string): boolean => EXAMPLES.some((allowed) => line.replace(/:\d+:/, ':').startsWith(allowed));
    assert.deepEqual(
      found.filter((line) => !example(line)),
      [],
    );
    assert.equal(found.length, EXAMPLES.length, `an example is gone; drop it from EXAMPLES: ${found.join('\n')}`);
  });
});
