import * as assert from 'node:assert/strict';

import { APP, assertErr, classic, obj, OTHER, post, stable, tokenOf, useFakeWeChat } from './helpers';

const RID = / rid: ([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})$/;

function ridOf(errmsg: unknown): string {
  const rid = RID.exec(String(errmsg))?.[1];
  assert.ok(rid, `no rid in ${String(errmsg)}`);
  return rid;
}

describe('env.fake WeChat: quota/get, clear_quota, clear_quota/v2', () => {
  const env = useFakeWeChat();

  it('quota/get reports limit, used and remain; 76021 for a path it does not know', async () => {
    const token = tokenOf(await stable(env.fake));
    const q = await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/stable_token' }, { access_token: token });
    assert.deepEqual(q.json['quota'], { daily_limit: 500_000, used: 1, remain: 499_999 });
    assertErr(await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/sns/oauth2/access_token' }, { access_token: token }), 76021);
  });

  it('exhaustQuota makes the token endpoint answer 45009; clear_quota/v2 (no token) ends it', async () => {
    env.fake.exhaustQuota(APP.appId, '/cgi-bin/stable_token');
    assertErr(await stable(env.fake), 45009);
    const cleared = await post(env.fake, '/cgi-bin/clear_quota/v2', { appid: APP.appId, appsecret: APP.secret });
    assert.deepEqual(cleared.json, { errcode: 0, errmsg: 'ok' });
    assert.ok(tokenOf(await stable(env.fake)).length > 100);
    assert.equal(env.fake.quotaResetsThisMonth(APP.appId), 1);
  });

  it('clear_quota/v2 accepts the fields in the query too; 40013 unknown appid, 40125 wrong secret, 41002/41004 missing', async () => {
    const viaQuery = await post(env.fake, '/cgi-bin/clear_quota/v2', '', { appid: APP.appId, appsecret: APP.secret });
    assert.equal(viaQuery.json['errcode'], 0);
    assertErr(await post(env.fake, '/cgi-bin/clear_quota/v2', { appid: 'wxnotregistered00', appsecret: APP.secret }), 40013);
    assertErr(await post(env.fake, '/cgi-bin/clear_quota/v2', { appid: APP.appId, appsecret: OTHER.secret }), 40125);
    assertErr(await post(env.fake, '/cgi-bin/clear_quota/v2', { appsecret: APP.secret }), 41002);
    assertErr(await post(env.fake, '/cgi-bin/clear_quota/v2', { appid: APP.appId }), 41004);
    assert.equal(env.fake.quotaResetsThisMonth(APP.appId), 1, 'failed resets use no budget');
  });

  it('clear_quota (token) and v2 share 10 resets a month: the 11th answers 48006, the next month works again', async () => {
    const token = tokenOf(await classic(env.fake));
    for (let i = 0; i < 5; i++) {
      assert.equal((await post(env.fake, '/cgi-bin/clear_quota', { appid: APP.appId }, { access_token: token })).json['errcode'], 0);
      assert.equal((await post(env.fake, '/cgi-bin/clear_quota/v2', { appid: APP.appId, appsecret: APP.secret })).json['errcode'], 0);
    }
    assertErr(await post(env.fake, '/cgi-bin/clear_quota', { appid: APP.appId }, { access_token: token }), 48006);
    assertErr(await post(env.fake, '/cgi-bin/clear_quota/v2', { appid: APP.appId, appsecret: APP.secret }), 48006);
    assert.equal(env.fake.quotaResetsThisMonth(OTHER.appId), 0, 'the budget is per account');
    env.clock.advance(31 * 86_400);
    assert.equal(env.fake.quotaResetsThisMonth(APP.appId), 0);
    assert.equal((await post(env.fake, '/cgi-bin/clear_quota/v2', { appid: APP.appId, appsecret: APP.secret })).json['errcode'], 0);
  });

  it('clear_quota with a token of the account but another appid answers 40013', async () => {
    const token = tokenOf(await classic(env.fake));
    assertErr(await post(env.fake, '/cgi-bin/clear_quota', { appid: OTHER.appId }, { access_token: token }), 40013);
  });
});

describe('env.fake WeChat: openapi/rid/get', () => {
  const env = useFakeWeChat();

  it('tells what the failed request was: time, URL, body, answer and caller IP', async () => {
    const token = tokenOf(await stable(env.fake));
    const failed = await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/nope' }, { access_token: token });
    const rid = ridOf(failed.json['errmsg']);
    env.clock.advance(3600);
    const found = await post(env.fake, '/cgi-bin/openapi/rid/get', { rid }, { access_token: token });
    assert.equal(found.json['errcode'], 0);
    const request = obj(found.json['request']);
    assert.equal(request['invoke_time'], Math.floor((env.clock.t - 3_600_000) / 1000));
    assert.equal(typeof request['cost_in_ms'], 'number');
    assert.equal(request['request_url'], `/cgi-bin/openapi/quota/get?access_token=${token}`);
    assert.equal(request['request_body'], JSON.stringify({ cgi_path: '/nope' }));
    assert.equal(request['response_body'], failed.text);
    assert.equal(request['client_ip'], '127.0.0.1');
  });

  it('knows the rids of failed token fetches (by appid), with the caller IP of a 40164', async () => {
    const token = tokenOf(await stable(env.fake));
    env.fake.setCallerIp('203.0.113.9');
    const wrong = await stable(env.fake, false, { ...APP, secret: OTHER.secret });
    const rid = ridOf(wrong.json['errmsg']);
    const found = await post(env.fake, '/cgi-bin/openapi/rid/get', { rid }, { access_token: token });
    const request = obj(found.json['request']);
    assert.equal(request['client_ip'], '203.0.113.9');
    assert.match(String(request['response_body']), /"errcode":40125/);
  });

  it("76001 for another account's rid, an unknown one, and one older than 7 days; 76002 for a malformed one", async () => {
    const token = tokenOf(await stable(env.fake));
    const other = tokenOf(await stable(env.fake, false, OTHER));
    const rid = ridOf((await post(env.fake, '/cgi-bin/menu/delconditional', { menuid: '1' }, { access_token: token })).json['errmsg']);
    assertErr(await post(env.fake, '/cgi-bin/openapi/rid/get', { rid }, { access_token: other }), 76001, 'rid not found');
    assertErr(await post(env.fake, '/cgi-bin/openapi/rid/get', { rid: '00000000-00000000-00000000' }, { access_token: token }), 76001);
    assertErr(await post(env.fake, '/cgi-bin/openapi/rid/get', { rid: 'not a rid' }, { access_token: token }), 76002, 'rid is error');
    env.clock.advance(7 * 86_400 - 1);
    const fresh = tokenOf(await stable(env.fake));
    assert.equal((await post(env.fake, '/cgi-bin/openapi/rid/get', { rid }, { access_token: fresh })).json['errcode'], 0);
    env.clock.advance(2);
    assertErr(await post(env.fake, '/cgi-bin/openapi/rid/get', { rid }, { access_token: fresh }), 76001);
  });
});
