import * as assert from 'node:assert/strict';
import type { FakeWeChat } from '../../fake-wechat/server';
import { APP, OTHER, FakeClock, assertErr, classic, get, post, probe, stable, start, tokenOf } from './helpers';

describe('fake WeChat: POST /cgi-bin/stable_token', () => {
  let clock: FakeClock;
  let fake: FakeWeChat;

  beforeEach(async () => {
    clock = new FakeClock();
    fake = await start(clock);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('accepts only POST with a JSON body', async () => {
    assertErr(
      await get(fake, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APP.appId, secret: APP.secret }),
      43002,
      'require POST method',
    );
    assertErr(await post(fake, '/cgi-bin/stable_token', '{"grant_type":"client_credential",'), 47001, 'data format error');
    assertErr(await post(fake, '/cgi-bin/stable_token', `grant_type=client_credential&appid=${APP.appId}`), 47001);
    assertErr(await post(fake, '/cgi-bin/stable_token', ''), 47001);
    assertErr(await post(fake, '/cgi-bin/stable_token', [1, 2]), 47001);
    const c = fake.callsTo('/cgi-bin/stable_token')[1];
    assert.equal(c?.body, '{"grant_type":"client_credential",');
    assert.equal(c?.errcode, 47001);
  });

  it('answers the same credential errors as the classic endpoint', async () => {
    const ok = { grant_type: 'client_credential', appid: APP.appId, secret: APP.secret };
    assertErr(await post(fake, '/cgi-bin/stable_token', { ...ok, grant_type: 'x' }), 40002);
    assertErr(await post(fake, '/cgi-bin/stable_token', { ...ok, appid: undefined }), 41002);
    assertErr(await post(fake, '/cgi-bin/stable_token', { ...ok, secret: '' }), 41004);
    assertErr(await post(fake, '/cgi-bin/stable_token', { ...ok, appid: 'wxnobody' }), 40013);
    assertErr(await post(fake, '/cgi-bin/stable_token', { ...ok, secret: OTHER.secret }), 40125);
    const wl = await start(clock, { accounts: [{ ...APP, ipWhitelist: ['127.0.0.1'] }], callerIp: '203.0.113.9' });
    try {
      const a = await stable(wl);
      assertErr(a, 40164, 'invalid ip 203.0.113.9 ipv6 ::ffff:203.0.113.9, not in whitelist rid: ');
    } finally {
      await wl.close();
    }
  });

  it('normal mode returns the same token with the remaining expires_in', async () => {
    const a = await stable(fake);
    assert.equal(a.json['expires_in'], 7200);
    assert.ok(tokenOf(a).length >= 100);
    clock.advance(1000);
    const b = await stable(fake);
    assert.equal(tokenOf(b), tokenOf(a));
    assert.equal(b.json['expires_in'], 6200);
    clock.advance(6200 - 301);
    const c = await stable(fake);
    assert.equal(tokenOf(c), tokenOf(a), 'a refresh before the last 5 minutes returns the same token');
    assert.equal(c.json['expires_in'], 301);
  });

  it('inside the last 300 s issues the next token; the old one runs out its own time', async () => {
    const a = tokenOf(await stable(fake));
    clock.advance(7200 - 300);
    const next = await stable(fake);
    const b = tokenOf(next);
    assert.notEqual(b, a);
    assert.equal(next.json['expires_in'], 7200);
    assert.equal(await probe(fake, a), 0, 'the old token is not invalidated');
    // later normal calls keep returning the new one
    clock.advance(10);
    const again = await stable(fake);
    assert.equal(tokenOf(again), b);
    assert.equal(again.json['expires_in'], 7190);
    clock.advance(290);
    assert.equal(await probe(fake, a), 42001, 'the old token expires normally');
    assert.equal(await probe(fake, b), 0);
  });

  it('after expiry without calls, the next call issues a fresh token', async () => {
    const a = tokenOf(await stable(fake));
    clock.advance(9000);
    const b = await stable(fake);
    assert.notEqual(tokenOf(b), a);
    assert.equal(b.json['expires_in'], 7200);
  });

  it('force_refresh issues a new token and invalidates the previous one at once', async () => {
    const a = tokenOf(await stable(fake));
    clock.advance(60);
    const b = tokenOf(await stable(fake, true));
    assert.notEqual(b, a);
    assert.equal(await probe(fake, a), 40001);
    assert.equal(fake.isTokenValid(a), false);
    assert.equal(await probe(fake, b), 0);
    assert.equal(tokenOf(await stable(fake)), b, 'normal mode now returns the forced token');
  });

  it('force calls less than 30 s apart return the current token', async () => {
    const a = tokenOf(await stable(fake, true));
    clock.advance(29);
    const same = await stable(fake, true);
    assert.equal(tokenOf(same), a);
    assert.equal(same.json['expires_in'], 7171);
    clock.advance(1);
    const b = tokenOf(await stable(fake, true));
    assert.notEqual(b, a);
    assert.equal(await probe(fake, a), 40001);
  });

  it('force mode is limited to 20 calls a day (45009); normal mode keeps working; resetQuota clears it', async () => {
    let last = '';
    for (let i = 0; i < 20; i++) {
      last = tokenOf(await stable(fake, true));
      clock.advance(31);
    }
    assertErr(await stable(fake, true), 45009, 'reach max api daily quota limit');
    assert.equal(tokenOf(await stable(fake)), last);
    assert.equal(await probe(fake, last), 0, 'a refused force call invalidates nothing');
    fake.resetQuota(APP.appId);
    assert.notEqual(tokenOf(await stable(fake, true)), last);
  });

  it('stable and classic tokens are isolated', async () => {
    const s = tokenOf(await stable(fake));
    const c1 = tokenOf(await classic(fake));
    await classic(fake);
    await classic(fake);
    assert.equal(await probe(fake, s), 0, 'classic fetches do not touch the stable token');
    assert.equal(await probe(fake, c1), 40001);
    const c3 = tokenOf(await classic(fake));
    await stable(fake, true);
    assert.equal(await probe(fake, c3), 0, 'a forced stable refresh does not touch classic tokens');
    assert.equal(await probe(fake, s), 40001);
  });

  it('stable calls do not use the classic 2000/day quota', async () => {
    const limited = await start(clock, { accounts: [{ ...APP, classicDailyLimit: 1 }] });
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
