import * as assert from 'node:assert/strict';

import { APP, assertErr, classic, get, obj, OTHER, post, probe, start, tokenOf, useFakeWeChat } from './helpers';

describe('env.fake WeChat: classic /cgi-bin/token', () => {
  const env = useFakeWeChat();

  it('issues a new, long token with expires_in 7200 on every call', async () => {
    const a = await classic(env.fake);
    const b = await classic(env.fake);
    assert.equal(a.status, 200);
    assert.match(a.contentType, /^application\/json/);
    assert.equal(a.json['expires_in'], 7200);
    assert.equal(a.json['errcode'], undefined);
    assert.ok(tokenOf(a).length >= 100);
    assert.match(tokenOf(a), /^[A-Za-z0-9_-]+$/);
    assert.notEqual(tokenOf(a), tokenOf(b));
    assert.ok(env.fake.isTokenValid(tokenOf(a)));
    assert.ok(env.fake.isTokenValid(tokenOf(b)));
  });

  it('keeps the previous token only for the 5-minute overlap, then answers 40001', async () => {
    const first = tokenOf(await classic(env.fake));
    env.clock.advance(600);
    const second = tokenOf(await classic(env.fake));
    env.clock.advance(299);
    assert.equal(await probe(env.fake, first), 0);
    env.clock.advance(1);
    assert.equal(env.fake.isTokenValid(first), false);
    const a = await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }, { access_token: first });
    assertErr(a, 40001, 'invalid credential, access_token is invalid or not latest rid: ');
    assert.equal(await probe(env.fake, second), 0);
  });

  it('a third fetch ends the first token at once (only latest and previous work)', async () => {
    const first = tokenOf(await classic(env.fake));
    const second = tokenOf(await classic(env.fake));
    const third = tokenOf(await classic(env.fake));
    assert.equal(await probe(env.fake, first), 40001);
    assert.equal(await probe(env.fake, second), 0);
    assert.equal(await probe(env.fake, third), 0);
  });

  it('a token that runs out its 7200 s answers 42001', async () => {
    const t = tokenOf(await classic(env.fake));
    env.clock.advance(7199);
    assert.equal(await probe(env.fake, t), 0);
    env.clock.advance(1);
    const a = await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }, { access_token: t });
    assertErr(a, 42001, 'access_token expired');
    assert.equal(env.fake.isTokenValid(t), false);
  });

  it('honours tokenTtlSeconds', async () => {
    const short = await start(env.clock, { tokenTtlSeconds: 60 });
    try {
      const a = await classic(short);
      assert.equal(a.json['expires_in'], 60);
      env.clock.advance(60);
      assert.equal(await probe(short, tokenOf(a)), 42001);
    } finally {
      await short.close();
    }
  });

  it('protected endpoints: 41001 without a token, 40001 for an unknown one', async () => {
    assertErr(await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }), 41001, 'access_token missing');
    assertErr(await get(env.fake, '/cgi-bin/menu/get', { access_token: 'not-a-token' }), 40001);
  });

  it('answers the credential errors', async () => {
    const q = { grant_type: 'client_credential', appid: APP.appId, secret: APP.secret };
    assertErr(await get(env.fake, '/cgi-bin/token', { ...q, grant_type: 'password' }), 40002, 'invalid grant_type');
    assertErr(await get(env.fake, '/cgi-bin/token', { grant_type: 'client_credential', secret: APP.secret }), 41002, 'appid missing');
    assertErr(await get(env.fake, '/cgi-bin/token', { grant_type: 'client_credential', appid: APP.appId }), 41004, 'appsecret missing');
    assertErr(await get(env.fake, '/cgi-bin/token', { ...q, appid: 'wx0000000000000000' }), 40013, 'invalid appid');
    assertErr(await get(env.fake, '/cgi-bin/token', { ...q, secret: OTHER.secret }), 40125, 'invalid appsecret');
    assert.equal(env.fake.callsTo('/cgi-bin/token').length, 5);
    assert.deepEqual(
      env.fake.callsTo('/cgi-bin/token').map((c) => c.errcode),
      [40002, 41002, 41004, 40013, 40125],
    );
  });

  it('40164 names the caller IP when it is not whitelisted', async () => {
    const wl = await start(env.clock, { accounts: [{ ...APP, ipWhitelist: ['10.0.0.7'] }], callerIp: '1.2.3.4' });
    try {
      const a = await classic(wl);
      assertErr(a, 40164);
      assert.match(String(a.json['errmsg']), /^invalid ip 1\.2\.3\.4 ipv6 ::ffff:1\.2\.3\.4, not in whitelist rid: /);
      wl.setCallerIp('10.0.0.7');
      assert.equal((await classic(wl)).json['expires_in'], 7200);
    } finally {
      await wl.close();
    }
  });

  it('enforces the daily limit (45009), counts it in quota/get, resets at China midnight and on resetQuota', async () => {
    const limited = await start(env.clock, { accounts: [{ ...APP, classicDailyLimit: 3 }] });
    try {
      await classic(limited);
      await classic(limited);
      const t3 = tokenOf(await classic(limited));
      assertErr(await classic(limited), 45009, 'reach max api daily quota limit');
      assert.equal(await probe(limited, t3), 0);
      const q = await post(limited, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }, { access_token: t3 });
      assert.equal(q.json['errcode'], 0);
      assert.deepEqual(q.json['quota'], { daily_limit: 3, used: 3, remain: 0 });

      limited.resetQuota(APP.appId);
      const t4 = tokenOf(await classic(limited));
      const q2 = await post(limited, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }, { access_token: t4 });
      assert.deepEqual(q2.json['quota'], { daily_limit: 3, used: 1, remain: 2 });

      await classic(limited);
      await classic(limited);
      assert.equal((await classic(limited)).json['errcode'], 45009);
      // 2025-06-01 12:00 China time → midnight is 12 h later (16:00 UTC).
      env.clock.advance(12 * 3600 - 1);
      assert.equal((await classic(limited)).json['errcode'], 45009);
      env.clock.advance(1);
      assert.equal((await classic(limited)).json['expires_in'], 7200);
    } finally {
      await limited.close();
    }
  });

  it('quota/get: default daily_limit 2000, and 76021 for an unknown cgi_path', async () => {
    const t = tokenOf(await classic(env.fake));
    const q = await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }, { access_token: t });
    assert.deepEqual(obj(q.json['quota']), { daily_limit: 2000, used: 1, remain: 1999 });
    assertErr(await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/nope' }, { access_token: t }), 76021);
    assertErr(await get(env.fake, '/cgi-bin/openapi/quota/get', { access_token: t }), 43002, 'require POST method');
  });

  it('accounts are independent', async () => {
    const a = tokenOf(await classic(env.fake, APP));
    const b = tokenOf(await classic(env.fake, OTHER));
    await classic(env.fake, OTHER);
    await classic(env.fake, OTHER);
    assert.equal(await probe(env.fake, a), 0);
    assert.equal(await probe(env.fake, b), 40001);
  });
});
