import * as assert from 'node:assert/strict';

import { APP, assertErr, classic, get, post, stable, start, tokenOf, useFakeWeChat } from './helpers';

describe('env.fake WeChat: faults, call log, plumbing', () => {
  const env = useFakeWeChat();

  it('url is http://127.0.0.1:PORT without a trailing slash', () => {
    assert.match(env.fake.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('busy: errcode -1 for `times` requests, then normal service', async () => {
    env.fake.injectFault({ kind: 'busy', times: 2 });
    assertErr(await classic(env.fake), -1, 'system error');
    assertErr(await stable(env.fake), -1);
    assert.equal((await classic(env.fake)).json['expires_in'], 7200);
    assert.deepEqual(
      env.fake.calls.map((c) => [c.errcode, c.fault]),
      [
        [-1, 'busy'],
        [-1, 'busy'],
        [0, undefined],
      ],
    );
  });

  it('a faulted request changes no state (no token issued, no quota used)', async () => {
    const t = tokenOf(await classic(env.fake));
    env.fake.injectFault({ kind: 'busy' });
    await classic(env.fake);
    assert.ok(env.fake.isTokenValid(t));
    const q = await post(env.fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/token' }, { access_token: t });
    assert.deepEqual(q.json['quota'], { daily_limit: 2000, used: 1, remain: 1999 });
  });

  it('http500: status 500 with an HTML body', async () => {
    env.fake.injectFault({ kind: 'http500' });
    const a = await classic(env.fake);
    assert.equal(a.status, 500);
    assert.match(a.contentType, /text\/html/);
    assert.match(a.text, /500 Internal Server Error/);
  });

  it('nonJson: status 200 with an HTML body', async () => {
    env.fake.injectFault({ kind: 'nonJson' });
    const a = await stable(env.fake);
    assert.equal(a.status, 200);
    assert.match(a.contentType, /text\/html/);
    assert.throws(() => JSON.parse(a.text) as unknown);
  });

  it('slow: the reply still arrives, and the call is marked', async () => {
    env.fake.injectFault({ kind: 'slow', delayMs: 20 });
    const a = await classic(env.fake);
    assert.equal(a.json['expires_in'], 7200);
    assert.equal(env.fake.calls[0]?.fault, 'slow');
  });

  it('close() does not wait for a slow reply still pending', async () => {
    const other = await start(env.clock);
    other.injectFault({ kind: 'slow', delayMs: 60_000 });
    const arrived = other.nextCall();
    const pending = fetch(`${other.url}/cgi-bin/menu/get`).then(
      () => 'answered',
      () => 'failed',
    );
    await arrived; // the slow answer is pending
    await other.close();
    assert.equal(await pending, 'failed');
  });

  it('http502 and http503: nginx pages with that status', async () => {
    env.fake.injectFault({ kind: 'http502' });
    env.fake.injectFault({ kind: 'http503' });
    const a = await stable(env.fake);
    const b = await stable(env.fake);
    assert.deepEqual([a.status, b.status], [502, 503]);
    assert.match(a.text, /502 Bad Gateway/);
    assert.match(b.text, /503 Service Temporarily Unavailable/);
  });

  it('brokenJson: a JSON content type with a body cut off mid-object', async () => {
    env.fake.injectFault({ kind: 'brokenJson' });
    const a = await stable(env.fake);
    assert.match(a.contentType, /application\/json/);
    assert.throws(() => JSON.parse(a.text) as unknown);
  });

  it('oversized: a 2 MB token answer', async () => {
    env.fake.injectFault({ kind: 'oversized' });
    const a = await stable(env.fake);
    assert.ok(Buffer.byteLength(a.text) > 2 * 1024 * 1024);
    assert.equal(a.json['expires_in'], 7200);
  });

  it("errcode: WeChat's error in place of the answer (45009, 45011), no token issued", async () => {
    env.fake.injectFault({ kind: 'errcode', errcode: 45009 });
    env.fake.injectFault({ kind: 'errcode', errcode: 45011 });
    assertErr(await stable(env.fake), 45009);
    assertErr(await stable(env.fake), 45011);
    assert.deepEqual(
      env.fake.calls.map((c) => [c.errcode, c.fault]),
      [
        [45009, 'errcode'],
        [45011, 'errcode'],
      ],
    );
  });

  it('noToken: a token answer without access_token', async () => {
    env.fake.injectFault({ kind: 'noToken' });
    const a = await stable(env.fake);
    assert.deepEqual(a.json, { expires_in: 7200 });
  });

  it('expiresIn: the real token answer with expires_in replaced by raw JSON text', async () => {
    env.fake.injectFault({ kind: 'expiresIn', expiresIn: '1e400' });
    const a = await stable(env.fake);
    assert.match(a.text, /"expires_in":1e400\}$/);
    assert.ok(env.fake.isTokenValid(String(a.json['access_token'])), 'the token itself was issued');
  });

  it('hang: no answer until the client gives up', async () => {
    env.fake.injectFault({ kind: 'hang' });
    const outcome = await fetch(`${env.fake.url}/cgi-bin/menu/get`, { signal: AbortSignal.timeout(100) }).then(
      () => 'answered',
      (e: unknown) => (e instanceof Error ? e.name : 'failed'),
    );
    assert.equal(outcome, 'TimeoutError');
    assert.equal(env.fake.calls[0]?.fault, 'hang');
  });

  it('reset: half the body, then the connection is reset', async () => {
    env.fake.injectFault({ kind: 'reset' });
    const outcome = await fetch(`${env.fake.url}/cgi-bin/token?grant_type=client_credential&appid=${APP.appId}&secret=${APP.secret}`).then(
      (r) =>
        r.text().then(
          () => 'read',
          () => 'body failed',
        ),
      () => 'request failed',
    );
    assert.notEqual(outcome, 'read');
  });

  it('stopListening: connection refused on the same url until startListening', async () => {
    await env.fake.stopListening();
    const refused = await fetch(`${env.fake.url}/cgi-bin/menu/get`).then(
      () => 'answered',
      (e: unknown) => String((e as { cause?: { code?: string } }).cause?.code),
    );
    assert.equal(refused, 'ECONNREFUSED');
    await env.fake.startListening();
    assert.equal((await classic(env.fake)).json['expires_in'], 7200);
  });

  it('clearFaults drops what is not used up', async () => {
    env.fake.injectFault({ kind: 'busy', times: 5 });
    env.fake.clearFaults();
    assert.equal((await classic(env.fake)).json['expires_in'], 7200);
  });

  it('paths limits a fault to those endpoints', async () => {
    env.fake.injectFault({ kind: 'busy', paths: ['/cgi-bin/menu/get'] });
    const t = tokenOf(await stable(env.fake));
    assertErr(await get(env.fake, '/cgi-bin/menu/get', { access_token: t }), -1);
    assertErr(await get(env.fake, '/cgi-bin/menu/get', { access_token: t }), 46003);
  });

  it('logs every request with method, path, query, parsed body, errcode and the env.clock time', async () => {
    env.clock.advance(5);
    await classic(env.fake);
    await post(env.fake, '/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APP.appId, secret: 'wrong' });
    await get(env.fake, '/nowhere');
    const [c1, c2, c3] = env.fake.calls;
    assert.equal(env.fake.calls.length, 3);
    assert.deepEqual(c1?.query, { grant_type: 'client_credential', appid: APP.appId, secret: APP.secret });
    assert.equal(c1?.method, 'GET');
    assert.equal(c1?.body, undefined);
    assert.equal(c1?.at, env.clock.t);
    assert.equal(c2?.method, 'POST');
    assert.deepEqual(c2?.body, { grant_type: 'client_credential', appid: APP.appId, secret: 'wrong' });
    assert.equal(c2?.errcode, 40125);
    assert.equal(c3?.path, '/nowhere');
    assert.equal(env.fake.callsTo('/cgi-bin/stable_token').length, 1);
  });

  it('an unknown path is a 404 with a JSON body', async () => {
    const a = await get(env.fake, '/cgi-bin/no/such/api');
    assert.equal(a.status, 404);
    assert.equal(a.json['errcode'], 404);
    assert.match(String(a.json['errmsg']), /rid: /);
  });

  it('rid starts with the env.clock time in hex', async () => {
    const a = await classic(env.fake, { appId: 'wxnope', secret: 'x' });
    const rid = /rid: ([0-9a-f]{8})-/.exec(String(a.json['errmsg']))?.[1];
    assert.equal(rid, Math.floor(env.clock.t / 1000).toString(16));
  });

  it('refuses duplicate appIds', async () => {
    await assert.rejects(start(env.clock, { accounts: [APP, APP] }), /duplicate appId/);
  });
});
