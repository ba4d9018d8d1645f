// Request lookup against the fake WeChat server, the rid parser and the document.
import * as assert from 'node:assert/strict';

import { getQuota } from '../../../../../src/features/diagnostics/core/quota';
import { lookUpRequest, parseRid, RequestRecord, responseErrcode } from '../../../../../src/features/diagnostics/core/rid';
import { refusedCallerIp, ridReport } from '../../../../../src/features/diagnostics/core/ridReport';
import { WeChatApiError } from '../../../../../src/wechat/apiErrors';
import { WeChatClient } from '../../../../../src/wechat/client';
import { ErrcodeCatalog } from '../../../../../src/wechat/errcodeCatalog';
import { GENERAL_ERRCODES } from '../../../../../src/wechat/errcodes';
import { createTransport } from '../../../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../../../fake-wechat/server';
import { APP_ID, APP_SECRET, CREDENTIALS } from '../../../helpers/fixtures';
import { apiErrorOf } from '../../../helpers/rejections';

const OTHER_APP = 'wx1111111111111111';
const OTHER_SECRET = '00112233445566778899aabbccddeeff';
const T0 = Date.UTC(2025, 5, 10, 4, 0, 0);
const RID = '6582b7c3-1a2b3c4d-5e6f7a8b';

describe('wechat/rid: parseRid', () => {
  it('takes a bare rid, an errmsg, a log line or JSON with one', () => {
    assert.equal(parseRid(`  ${RID}\n`), RID);
    assert.equal(parseRid(RID.toUpperCase()), RID);
    assert.equal(parseRid(`invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ${RID}`), RID);
    assert.equal(
      parseRid(
        `2025-06-10 12:00:01 ERROR wechat menu/create failed {"errcode":40016,"errmsg":"invalid button size hint: [x] rid: ${RID}"}`,
      ),
      RID,
    );
    assert.equal(parseRid(`{"rid":"${RID}"}`), RID);
    assert.equal(parseRid(`request failed (${RID})`), RID);
  });

  it('finds none in text without one', () => {
    for (const text of ['', 'errcode 40001', 'invalid credential, access_token is invalid or not latest', '2025-06-10 12:00:01']) {
      assert.equal(parseRid(text), undefined, text);
    }
  });
});

describe('wechat/rid against the fake WeChat server', () => {
  let fake: FakeWeChat;
  let now: number;
  let client: WeChatClient;
  let token: string;

  beforeEach(async () => {
    now = T0;
    fake = await startFakeWeChat({
      accounts: [
        { appId: APP_ID, secret: APP_SECRET },
        { appId: OTHER_APP, secret: OTHER_SECRET, ipWhitelist: ['10.1.2.3'] },
      ],
      now: () => now,
    });
    client = new WeChatClient({
      settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }),
      transport: () => createTransport({}),
      errcodes: new ErrcodeCatalog(GENERAL_ERRCODES).lookup,
    });
    token = (await client.stableToken(CREDENTIALS, false)).accessToken;
  });

  afterEach(() => fake.close());

  it('looks up a failed call by the rid of its error: URL, body, answer, caller IP', async () => {
    const failed = await apiErrorOf(getQuota(client, token, '/sns/userinfo'));
    assert.ok(failed.rid);
    now += 60_000;
    const record = await lookUpRequest(client, token, failed.rid);
    assert.equal(record.invokeTime, Math.floor(T0 / 1000));
    assert.equal(record.requestUrl, `/cgi-bin/openapi/quota/get?access_token=${token}`);
    assert.deepEqual(JSON.parse(record.requestBody), { cgi_path: '/sns/userinfo' });
    assert.equal(responseErrcode(record), 76021);
    assert.equal(record.clientIp, '127.0.0.1');
    assert.deepEqual(fake.callsTo('/cgi-bin/openapi/rid/get')[0]?.body, { rid: failed.rid });
  });

  it('76001 for a rid of another account or older than 7 days; 76002 for a malformed rid', async () => {
    const other = await client.stableToken({ appId: OTHER_APP, appSecret: OTHER_SECRET }, false).catch((e: unknown) => e);
    // The other account's IP whitelist refuses 127.0.0.1: its failed fetch has a rid of that account.
    assert.ok(other instanceof WeChatApiError && other.errcode === 40164 && other.rid);
    const foreign = await apiErrorOf(lookUpRequest(client, token, other.rid));
    assert.equal(foreign.errcode, 76001);
    assert.deepEqual(foreign.actions, ['switchAccount'], 'a failed lookup does not offer to look itself up');
    const failed = await apiErrorOf(getQuota(client, token, '/nope'));
    now += 7 * 86_400_000 + 1000;
    const fresh = (await client.stableToken(CREDENTIALS, false)).accessToken;
    assert.equal((await apiErrorOf(lookUpRequest(client, fresh, failed.rid ?? ''))).errcode, 76001);
    const malformed = await apiErrorOf(lookUpRequest(client, fresh, 'abc-def'));
    assert.equal(malformed.errcode, 76002);
    assert.match(malformed.fix(), /6582b7c3-1a2b3c4d-5e6f7a8b/);
  });
});

describe('wechat/ridReport', () => {
  const token = `86_${'T'.repeat(120)}`;
  const record: RequestRecord = {
    invokeTime: 1_749_528_000,
    costInMs: 31,
    requestUrl: `/cgi-bin/stable_token`,
    requestBody: JSON.stringify({ grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET }),
    responseBody: JSON.stringify({
      errcode: 40164,
      errmsg: `invalid ip 203.0.113.9 ipv6 ::ffff:203.0.113.9, not in whitelist rid: ${RID}`,
    }),
    clientIp: '203.0.113.9',
  };
  const options = { rid: RID, account: `Shop (${APP_ID})`, formatTime: (ms: number) => new Date(ms).toISOString() };

  it('shows time, cost, IP, URL and both bodies, and explains the errcode', () => {
    const text = ridReport(record, { ...options, errcodes: new ErrcodeCatalog(GENERAL_ERRCODES).lookup });
    assert.match(text, new RegExp(`^# WeChat request ${RID}`));
    assert.ok(text.includes(`Shop (${APP_ID})`));
    assert.ok(text.includes('| Invoked at | 2025-06-10T04:00:00.000Z |'), text);
    assert.ok(text.includes('| Took | 31 ms |'));
    assert.ok(text.includes('| Client IP | `203.0.113.9` |'));
    assert.ok(text.includes('"grant_type": "client_credential"'), 'bodies are pretty-printed');
    assert.ok(text.includes("**errcode 40164**: The calling IP address (203.0.113.9) is not in the account's IP whitelist."), text);
  });

  it('redacts the access_token of the URL and the secret of the body', () => {
    const text = ridReport(
      {
        ...record,
        requestUrl: `access_token=${token}&cgi_path=/cgi-bin/token`,
        requestBody: `{"appid":"${APP_ID}","appsecret":"${APP_SECRET}"}`,
      },
      options,
    );
    assert.ok(!text.includes(token) && !text.includes(APP_SECRET), text);
    assert.ok(text.includes('access_token=***&cgi_path=/cgi-bin/token'));
    const literal = ridReport(
      { ...record, responseBody: `token ${token} leaked` },
      { ...options, redact: (s) => s.split(token).join('***') },
    );
    assert.ok(!literal.includes(token), 'the redactor hides literal secrets too');
  });

  it('names the refused caller IP (Copy IP) only when the stored answer blamed it', () => {
    assert.equal(refusedCallerIp(record), '203.0.113.9');
    assert.ok(ridReport(record, options).includes("The caller's IP address was 203.0.113.9: add it to the IP whitelist"));
    assert.equal(refusedCallerIp({ ...record, clientIp: '' }), undefined, 'the record names no IP');
    assert.equal(refusedCallerIp({ ...record, responseBody: '{"errcode":40013,"errmsg":"invalid appid"}' }), undefined);
    assert.equal(refusedCallerIp({ ...record, responseBody: '{"errcode":0,"errmsg":"ok"}' }), undefined);
  });

  it('says so when a body is empty, and adds no explanation for a success', () => {
    const text = ridReport({ ...record, requestBody: '', responseBody: '{"errcode":0,"errmsg":"ok"}' }, options);
    assert.ok(text.includes('_(empty)_'));
    assert.ok(!text.includes('What the answer means'));
  });
});
