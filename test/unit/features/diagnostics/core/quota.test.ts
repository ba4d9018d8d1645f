// The quota calls against the fake WeChat server through the real undici transport.
import * as assert from 'node:assert/strict';

import { FEATURES } from '../../../../../src/features/all';
import {
  clearQuota,
  clearQuotaWithSecret,
  getQuota,
  isQuotaLow,
  isTokenQuotaExhausted,
  normalizeCgiPath,
} from '../../../../../src/features/diagnostics/core/quota';
import { WeChatClient } from '../../../../../src/wechat/client';
import { ErrcodeCatalog } from '../../../../../src/wechat/errcodeCatalog';
import { GENERAL_ERRCODES } from '../../../../../src/wechat/errcodes';
import { createTransport } from '../../../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../../../fake-wechat/server';
import { APP_ID, APP_SECRET, CapturingLogger, CREDENTIALS } from '../../../helpers/fixtures';
import { apiErrorOf } from '../../../helpers/rejections';

const T0 = Date.UTC(2025, 5, 10, 4, 0, 0);

describe('wechat/quota against the fake WeChat server', () => {
  let fake: FakeWeChat;
  let log: CapturingLogger;
  let client: WeChatClient;
  let token: string;

  beforeEach(async () => {
    log = new CapturingLogger();
    fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET }], now: () => T0 });
    client = new WeChatClient({
      settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }),
      transport: () => createTransport({}),
      errcodes: new ErrcodeCatalog(GENERAL_ERRCODES).lookup,
      log,
    });
    token = (await client.stableToken(CREDENTIALS, false)).accessToken;
  });

  afterEach(async () => {
    await fake.close();
    for (const line of log.lines) {
      assert.ok(!line.message.includes(APP_SECRET) && !line.message.includes(token), `leaked into the log: ${line.message}`);
    }
  });

  it('getQuota reads limit, used and remain of every path Show API Quota lists', async () => {
    const listed = FEATURES.flatMap((feature) => feature.endpoints.filter((endpoint) => endpoint.quota).map((endpoint) => endpoint.path));
    assert.ok(listed.includes('/cgi-bin/menu/create') && listed[0] === '/cgi-bin/stable_token', "the token paths first, then the menu's");
    for (const path of listed) {
      const quota = await getQuota(client, token, path);
      assert.ok(quota.dailyLimit > 0, path);
      assert.equal(quota.remain, quota.dailyLimit - quota.used, path);
    }
    assert.deepEqual(await getQuota(client, token, '/cgi-bin/stable_token'), { dailyLimit: 500_000, used: 1, remain: 499_999 });
    assert.deepEqual(fake.callsTo('/cgi-bin/openapi/quota/get')[0]?.body, { cgi_path: listed[0] });
  });

  it('getQuota: 76021 for a path WeChat keeps no quota for, explained by the table', async () => {
    const error = await apiErrorOf(getQuota(client, token, '/sns/oauth2/access_token'));
    assert.equal(error.errcode, 76021);
    assert.match(error.meaning(), /keeps no quota for this API path/);
    assert.ok(error.rid, 'the errmsg carries a rid');
    assert.deepEqual(error.actions, ['lookUpRequest']);
  });

  it('clearQuota resets the counts with a token; 40013 for another AppID', async () => {
    fake.exhaustQuota(APP_ID, '/cgi-bin/menu/create');
    assert.equal(isQuotaLow(await getQuota(client, token, '/cgi-bin/menu/create')), true);
    await clearQuota(client, token, APP_ID);
    assert.deepEqual(await getQuota(client, token, '/cgi-bin/menu/create'), { dailyLimit: 1000, used: 0, remain: 1000 });
    assert.equal((await apiErrorOf(clearQuota(client, token, 'wx1111111111111111'))).errcode, 40013);
    assert.equal(fake.quotaResetsThisMonth(APP_ID), 1);
  });

  it('a 45009 on the token fetch is recognised, and clearQuotaWithSecret (v2, no token) ends it', async () => {
    fake.exhaustQuota(APP_ID, '/cgi-bin/stable_token');
    const exhausted = await apiErrorOf(client.stableToken(CREDENTIALS, false));
    assert.equal(isTokenQuotaExhausted(exhausted), true);
    assert.deepEqual(exhausted.actions, ['clearQuota', 'showQuota', 'tokenModeSetting']);
    await clearQuotaWithSecret(client, CREDENTIALS);
    const [call] = fake.callsTo('/cgi-bin/clear_quota/v2');
    assert.deepEqual(call?.body, { appid: APP_ID, appsecret: APP_SECRET });
    assert.equal(call?.query['access_token'], undefined, 'v2 needs no token');
    assert.ok((await client.stableToken(CREDENTIALS, false)).accessToken.length > 100);
  });

  it("a 45009 of another API is not the token fetch's", async () => {
    fake.exhaustQuota(APP_ID, '/cgi-bin/menu/get');
    const error = await apiErrorOf(client.call('/cgi-bin/menu/get', { accessToken: token }));
    assert.equal(error.errcode, 45009);
    assert.equal(isTokenQuotaExhausted(error), false);
  });

  it('clearQuotaWithSecret: 40125 for a wrong AppSecret, 40013 for an unknown AppID; the secret stays out of the log', async () => {
    const wrongSecret = await apiErrorOf(clearQuotaWithSecret(client, { appId: APP_ID, appSecret: '0'.repeat(32) }));
    assert.equal(wrongSecret.errcode, 40125);
    assert.deepEqual(wrongSecret.actions.slice(0, 1), ['setAppSecret']);
    assert.equal((await apiErrorOf(clearQuotaWithSecret(client, { appId: 'wx1111111111111111', appSecret: APP_SECRET }))).errcode, 40013);
    assert.ok(
      log.lines.some((line) => line.message.includes('"appsecret":"***"')),
      'the request body is logged, redacted',
    );
  });

  it('the 11th reset of the month answers 48006, explained', async () => {
    for (let i = 0; i < 10; i++) await clearQuotaWithSecret(client, CREDENTIALS);
    const error = await apiErrorOf(clearQuota(client, token, APP_ID));
    assert.equal(error.errcode, 48006);
    assert.match(error.meaning(), /10 resets per account per month/);
  });
});

describe('wechat/quota: normalizeCgiPath and isQuotaLow', () => {
  it('takes a path, a path without its slash, or a whole URL; refuses what is no path', () => {
    assert.equal(normalizeCgiPath('/cgi-bin/message/custom/send'), '/cgi-bin/message/custom/send');
    assert.equal(normalizeCgiPath(' cgi-bin/menu/get/ '), '/cgi-bin/menu/get');
    assert.equal(normalizeCgiPath('https://api.weixin.qq.com/cgi-bin/menu/create?access_token=x'), '/cgi-bin/menu/create');
    for (const bad of ['', '/', 'hello world', '/cgi-bin/../etc', 'https://']) assert.equal(normalizeCgiPath(bad), undefined, bad);
  });

  it('is low below 10 % of the daily limit left', () => {
    assert.equal(isQuotaLow({ dailyLimit: 2000, used: 1800, remain: 200 }), false);
    assert.equal(isQuotaLow({ dailyLimit: 2000, used: 1801, remain: 199 }), true);
    assert.equal(isQuotaLow({ dailyLimit: 0, used: 0, remain: 0 }), false);
  });
});
