import * as assert from 'node:assert/strict';

import { APP, assertErr, classic, get, OTHER, post, probe, stable, start, tokenOf, useFakeWeChat } from './helpers';

describe('env.fake WeChat: POST /cgi-bin/stable_token', () => {
  const env = useFakeWeChat();

  it('accepts only POST with a JSON body', async () => {
    assertErr(
      await get(env.fake, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APP.appId, secret: APP.secret }),
      43002,
      'require POST method',
    );
    assertErr(await post(env.fake, '/cgi-bin/stable_token', '{"grant_type":"client_credential",'), 47001, 'data format error');
    assertErr(await post(env.fake, '/cgi-bin/stable_token', `grant_type=client_credential&appid=${APP.appId}`), 47001);
    assertErr(await post(env.fake, '/cgi-bin/stable_token', ''), 47001);
    assertErr(await post(env.fake, '/cgi-bin/stable_token', [1, 2]), 47001);
    const c = env.fake.callsTo('/cgi-bin/stable_token')[1];
    assert.equal(c?.body, '{"grant_type":"client_credential",');
    assert.equal(c?.errcode, 47001);
  });

  it('answers the same credential errors as the classic endpoint', async () => {
    const ok = { grant_type: 'client_credential', appid: APP.appId, secret: APP.secret };
    assertErr(await post(env.fake, '/cgi-bin/stable_token', { ...ok, grant_type: 'x' }), 40002);
    assertErr(await post(env.fake, '/cgi-bin/stable_token', { ...ok, appid: undefined }), 41002);
    assertErr(await post(env.fake, '/cgi-bin/stable_token', { ...ok, secret: '' }), 41004);
    assertErr(await post(env.fake, '/cgi-bin/stable_token', { ...ok, appid: 'wxnobody' }), 40013);
    assertErr(await post(env.fake, '/cgi-bin/stable_token', { ...ok, secret: OTHER.secret }), 40125);
    const wl = await start(env.clock, { accounts: [{ ...APP, ipWhitelist: ['127.0.0.1'] }], callerIp: '203.0.113.9' });
    try {
      const a = await stable(wl);
      assertErr(a, 40164, 'invalid ip 203.0.113.9 ipv6 ::ffff:203.0.113.9, not in whitelist rid: ');
    } finally {
      await wl.close();
    }
  });

  it('normal mode returns the same token with the remaining expires_in', async () => {
    const a = await stable(env.fake);
    assert.equal(a.json['expires_in'], 7200);
    assert.ok(tokenOf(a).length >= 100);
    env.clock.advance(1000);
    const b = await stable(env.fake);
    assert.equal(tokenOf(b), tokenOf(a));
    assert.equal(b.json['expires_in'], 6200);
    env.clock.advance(6200 - 301);
    const c = await stable(env.fake);
    assert.equal(tokenOf(c), tokenOf(a), 'a refresh before the last 5 minutes returns the same token');
    assert.equal(c.json['expires_in'], 301);
  });

  it('inside the last 300 s issues the next token; the old one runs out its own time', async () => {
    const a = tokenOf(await stable(env.fake));
    env.clock.advance(7200 - 300);
    const next = await stable(env.fake);
    const b = tokenOf(next);
    assert.notEqual(b, a);
    assert.equal(next.json['expires_in'], 7200);
    assert.equal(await probe(env.fake, a), 0, 'the old token is not invalidated');
    // later normal calls keep returning the new one
    env.clock.advance(10);
    const again = await stable(env.fake);
    assert.equal(tokenOf(again), b);
    assert.equal(again.json['expires_in'], 7190);
    env.clock.advance(290);
    assert.equal(await probe(env.fake, a), 42001, 'the old token expires normally');
    assert.equal(await probe(env.fake, b), 0);
  });

  it('after expiry without calls, the next call issues a fresh token', async () => {
    const a = tokenOf(await stable(env.fake));
    env.clock.advance(9000);
    const b = await stable(env.fake);
    assert.notEqual(tokenOf(b), a);
    assert.equal(b.json['expires_in'], 7200);
  });

  it('force_refresh issues a new token and invalidates the previous one at once', async () => {
    const a = tokenOf(await stable(env.fake));
    env.clock.advance(60);
    const b = tokenOf(await stable(env.fake, true));
    assert.notEqual(b, a);
    assert.equal(await probe(env.fake, a), 40001);
    assert.equal(env.fake.isTokenValid(a), false);
    assert.equal(await probe(env.fake, b), 0);
    assert.equal(tokenOf(await stable(env.fake)), b, 'normal mode now returns the forced token');
  });

  it('force calls less than 30 s apart return the current token', async () => {
    const a = tokenOf(await stable(env.fake, true));
    env.clock.advance(29);
    const same = await stable(env.fake, true);
    assert.equal(tokenOf(same), a);
    assert.equal(same.json['expires_in'], 7171);
    env.clock.advance(1);
    const b = tokenOf(await stable(env.fake, true));
    assert.notEqual(b, a);
    assert.equal(await probe(env.fake, a), 40001);
  });

  it('force mode is limited to 20 calls a day (45009); normal mode keeps working; resetQuota clears it', async () => {
    let last = '';
    for (let i = 0; i < 20; i++) {
      last = tokenOf(await stable(env.fake, true));
      env.clock.advance(31);
    }
    assertErr(await stable(env.fake, true), 45009, 'reach max api daily quota limit');
    assert.equal(tokenOf(await stable(env.fake)), last);
    assert.equal(await probe(env.fake, last), 0, 'a refused force call invalidates nothing');
    env.fake.resetQuota(APP.appId);
    assert.notEqual(tokenOf(await stable(env.fake, true)), last);
  });

  it('stable and classic tokens are isolated', async () => {
    const s = tokenOf(await stable(env.fake));
    const c1 = tokenOf(await classic(env.fake));
    await classic(env.fake);
    await classic(env.fake);
    assert.equal(await probe(env.fake, s), 0, 'classic fetches do not touch the stable token');
    assert.equal(await probe(env.fake, c1), 40001);
    const c3 = tokenOf(await classic(env.fake));
    await stable(env.fake, true);
    assert.equal(await probe(env.fake, c3), 0, 'a forced stable refresh does not touch classic tokens');
    assert.equal(await probe(env.fake, s), 40001);
  });

  it('stable calls do not use the classic 2000/day quota', async () => {
    const limited = await start(env.clock, { accounts: [{ ...APP, classicDailyLimit: 1 }] });
    try {
      for (let i = 0; i < 5; i++) await stable(limited);
      const t = tokenOf(await classic(limited));
      const q = await post(limited, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }, { access_token: t });
      assert.deepEqual(q.json['quota'], { daily_limit: 1, used: 1, remain: 0 });
      const qs = await post(limited, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/stable_token' }, { access_token: t });
      assert.deepEqual(qs.json['quota'], { daily_limit: 500000, used: 5, remain: 499995 });
    } finally {
      await limited.close();
    }
  });
});
