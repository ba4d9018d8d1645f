// TokenServiceSource against a local token service, through the real UndiciTransport: the answers
// that carry a token, and those that do not.
import * as assert from 'node:assert/strict';

import { DEFAULT_START } from '../../../helpers/fakeClock';
import { APP_ID } from '../../../helpers/fixtures';
import { CREDENTIAL, TOKEN, useTokenService } from './harness';

describe('token/sources/tokenService: TokenServiceSource answers (fixture service, UndiciTransport)', () => {
  const h = useTokenService();

  describe('answers with a token', () => {
    it('plain {access_token, expires_in}: expiry counted from the moment the request was sent', async () => {
      const token = await h.source('/plain').read(APP_ID);
      assert.deepEqual(token, { accessToken: TOKEN, expiresAt: DEFAULT_START + 7_200_000, format: 'JSON {access_token, expires_in}' });
    });

    it('wrapped {code: 0, data: {…}}', async () => {
      const token = await h.source('/wrapped').read(APP_ID);
      assert.deepEqual(token, {
        accessToken: TOKEN,
        expiresAt: DEFAULT_START + 7_000_000,
        format: 'wrapped {code, data: {access_token, expires_in}}',
      });
    });

    it('expires_at in seconds or in milliseconds', async () => {
      assert.equal((await h.source('/expires-at-s').read(APP_ID)).expiresAt, DEFAULT_START + 3_600_000);
      const ms = await h.source('/expires-at-ms').read(APP_ID);
      assert.equal(ms.expiresAt, DEFAULT_START + 1_800_000);
      assert.equal(ms.format, 'JSON {access_token, expires_at}');
    });

    it('without any expiry: expiresAt undefined (shown as "expiry unknown")', async () => {
      const token = await h.source('/no-expiry').read(APP_ID);
      assert.deepEqual(token, { accessToken: TOKEN, expiresAt: undefined, format: 'JSON {access_token}' });
      assert.match(h.log.text, /expiry unknown/);
    });

    it('sends the bearer credential and the appid, and asks for JSON', async () => {
      const svc = h.source('/checked');
      assert.equal((await svc.read(APP_ID)).accessToken, TOKEN);
      const [request] = h.fixture.requests;
      assert.equal(request!.headers.authorization, `Bearer ${CREDENTIAL}`);
      assert.equal(request!.headers.accept, 'application/json');
      assert.equal(request!.query.get('appid'), APP_ID);
      assert.equal(svc.describe(APP_ID), h.urlOf('/checked'));
      h.shown.push(svc.describe(APP_ID));
      assert.match(h.log.text, /with bearer credential/);
    });

    it('fills {appid} into the path and appends nothing', async () => {
      h.fixture.route(`/wx/${APP_ID}/token`, { body: { access_token: TOKEN, expires_in: 7200 } });
      const svc = h.source('/wx/{appid}/token');
      assert.equal((await svc.read(APP_ID)).accessToken, TOKEN);
      assert.equal(h.fixture.requests[0]!.query.size, 0);
      assert.equal(svc.describe(APP_ID), `${h.fixture.origin}/wx/${APP_ID}/token`);
    });

    it('sends no Authorization header without a credential (and a blank one counts as none)', async () => {
      for (const credential of [undefined, '  ']) {
        await h.source('/plain', { credential: async () => credential }).read(APP_ID);
      }
      assert.deepEqual(
        h.fixture.requests.map((r) => r.headers.authorization),
        [undefined, undefined],
      );
    });

    it('reads the URL setting on every request', async () => {
      let path = '/plain';
      const svc = h.source('', { url: () => `${h.fixture.origin}${path}` });
      await svc.read(APP_ID);
      path = '/wrapped';
      assert.match((await svc.read(APP_ID)).format ?? '', /^wrapped/);
      assert.deepEqual(
        h.fixture.requests.map((r) => r.path),
        ['/plain', '/wrapped'],
      );
    });
  });

  describe('answers without a usable token', () => {
    it('a wrong credential → auth (the checked route answers 401)', async () => {
      const error = await h.failure(
        h.source('/checked', { credential: async () => 'another-credential-000000' }).read(APP_ID),
        'auth',
        h.urlOf('/checked'),
      );
      assert.equal(error.detail, 'HTTP 401, errcode 401 errmsg bad credential');
      assert.deepEqual(error.actions, ['setTokenServiceCredential']);
    });

    it('401 and 403 → auth', async () => {
      assert.equal((await h.failure(h.source('/401').read(APP_ID), 'auth', h.urlOf('/401'))).detail, 'HTTP 401, message unauthorized');
      assert.equal((await h.failure(h.source('/403').read(APP_ID), 'auth', h.urlOf('/403'))).detail, 'HTTP 403');
    });

    it('500 with a JSON errcode → httpStatus, the errcode in the detail', async () => {
      const error = await h.failure(h.source('/500-errcode').read(APP_ID), 'httpStatus', h.urlOf('/500-errcode'));
      assert.match(error.detail, /^500 \(errcode -1 errmsg system error rid: [0-9a-f-]+\)$/);
      assert.match(error.describe(), /with HTTP 500 \(errcode -1/);
    });

    it('500 with an HTML page → httpStatus with the bare status', async () => {
      assert.equal((await h.failure(h.source('/500-html').read(APP_ID), 'httpStatus', h.urlOf('/500-html'))).detail, '500');
    });

    it('200 with an HTML login page → notJson, naming the content type', async () => {
      const error = await h.failure(h.source('/login-page').read(APP_ID), 'notJson', h.urlOf('/login-page'));
      assert.equal(error.detail, 'HTTP 200, content type text/html; charset=utf-8');
      assert.ok(!h.log.text.includes('SSO login'), 'the body is not logged');
    });

    it('a redirect (to SSO) → notJson, not followed', async () => {
      assert.match(
        (await h.failure(h.source('/redirect').read(APP_ID), 'notJson', h.urlOf('/redirect'))).detail,
        /HTTP 302, a redirect \(not followed\)/,
      );
      assert.equal(h.fixture.requests.length, 1);
    });

    it('JSON without access_token → noToken listing the keys, never the values', async () => {
      const error = await h.failure(h.source('/no-token').read(APP_ID), 'noToken', h.urlOf('/no-token'));
      assert.equal(error.detail, 'keys seen: ok, result, ttl');
      assert.ok(!error.describe().includes('cached'));
    });

    it("WeChat's error shape → noToken with errcode and errmsg (rid kept)", async () => {
      const error = await h.failure(h.source('/wechat-error').read(APP_ID), 'noToken', h.urlOf('/wechat-error'));
      assert.match(error.detail, /^errcode 40013 errmsg invalid appid rid: [0-9a-f-]+$/);
    });

    it('a wrapped answer with a failing code → noToken with code and message', async () => {
      const error = await h.failure(h.source('/wrapped-error').read(APP_ID), 'noToken', h.urlOf('/wrapped-error'));
      assert.equal(error.detail, 'code 5001 message upstream WeChat call failed');
    });

    it('an errmsg that echoes the credential and a token is redacted', async () => {
      const error = await h.failure(h.source('/echoing-error').read(APP_ID), 'httpStatus', h.urlOf('/echoing-error'));
      assert.match(error.detail, /^500 \(errcode 1 errmsg bad header Bearer \*\*\*\(\d+\), last token \*\*\*\(150\)\)$/);
    });

    it('an implausible lifetime or a token that is not a string → noToken with a detail', async () => {
      assert.match(
        (await h.failure(h.source('/bad-lifetime').read(APP_ID), 'noToken', h.urlOf('/bad-lifetime'))).detail,
        /^expires_in 7200000 is not a lifetime between 1 and 172800 seconds$/,
      );
      assert.equal(
        (await h.failure(h.source('/bad-token').read(APP_ID), 'noToken', h.urlOf('/bad-token'))).detail,
        'access_token is number, not a string',
      );
    });
  });
});
