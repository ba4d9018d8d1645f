import * as assert from 'node:assert/strict';

import { mask, redactJson, Redactor, redactUrl } from '../../../src/wechat/redact';
import { APP_ID, APP_SECRET, tokenString } from '../helpers/fixtures';

describe('wechat/redact', () => {
  const token = tokenString('redact');

  describe('redactUrl', () => {
    it('hides the secret of a classic token URL and keeps the rest', () => {
      const url = `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=${APP_SECRET}`;
      const out = redactUrl(url);
      assert.ok(!out.includes(APP_SECRET), out);
      assert.equal(out, `https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=${APP_ID}&secret=***`);
    });

    it('hides access_token whether it is the first, a middle or the last parameter', () => {
      for (const url of [
        `http://127.0.0.1:1/cgi-bin/menu/get?access_token=${token}`,
        `http://127.0.0.1:1/cgi-bin/menu/get?access_token=${token}&lang=zh_CN`,
        `http://127.0.0.1:1/cgi-bin/menu/get?lang=zh_CN&access_token=${token}#frag`,
      ]) {
        const out = redactUrl(url);
        assert.ok(!out.includes(token), out);
        assert.match(out, /access_token=\*\*\*/);
      }
      assert.equal(redactUrl(`https://h/x?lang=zh_CN&access_token=${token}#frag`), 'https://h/x?lang=zh_CN&access_token=***#frag');
    });

    it('hides appsecret= and ignores the case of the key', () => {
      const out = redactUrl(`https://h/x?AppSecret=${APP_SECRET}&SECRET=${APP_SECRET}&Access_Token=${token}`);
      assert.ok(!out.includes(APP_SECRET), out);
      assert.ok(!out.includes(token), out);
    });

    it('finds URLs inside free text (error messages, log lines) and stops at whitespace and quotes', () => {
      const text = `request to "https://h/cgi-bin/token?appid=${APP_ID}&secret=${APP_SECRET}" failed, reason: ECONNRESET`;
      const out = redactUrl(text);
      assert.ok(!out.includes(APP_SECRET), out);
      assert.ok(out.endsWith('" failed, reason: ECONNRESET'), out);
      assert.equal(redactUrl(`GET /x?secret=${APP_SECRET} HTTP/1.1`), 'GET /x?secret=*** HTTP/1.1');
    });

    it('leaves text without secret parameters unchanged', () => {
      const text = 'https://api.weixin.qq.com/cgi-bin/stable_token?secretive=1&mysecret=2';
      assert.equal(redactUrl(text), text);
      assert.equal(redactUrl('no url here'), 'no url here');
    });

    it("hides access_token at the start of a bare query string (openapi/rid/get's request_url)", () => {
      assert.equal(redactUrl(`access_token=${token}&cgi_path=/cgi-bin/token`), 'access_token=***&cgi_path=/cgi-bin/token');
      assert.equal(redactUrl(`appid=${APP_ID}&appsecret=${APP_SECRET}`), `appid=${APP_ID}&appsecret=***`);
    });
  });

  describe('redactJson', () => {
    it('hides secret and access_token values in a stable_token request body', () => {
      const body = JSON.stringify({ grant_type: 'client_credential', appid: APP_ID, secret: APP_SECRET, force_refresh: false });
      const out = redactJson(body);
      assert.ok(!out.includes(APP_SECRET), out);
      assert.deepEqual(JSON.parse(out), { grant_type: 'client_credential', appid: APP_ID, secret: '***', force_refresh: false });
    });

    it('hides the token in a token response, pretty-printed or compact', () => {
      const compact = JSON.stringify({ access_token: token, expires_in: 7200 });
      const pretty = JSON.stringify({ access_token: token, expires_in: 7200 }, null, 2);
      for (const text of [compact, pretty]) {
        const out = redactJson(text);
        assert.ok(!out.includes(token), out);
        assert.equal(JSON.parse(out).access_token, '***');
        assert.equal(JSON.parse(out).expires_in, 7200);
      }
    });

    it('hides the appsecret of a clear_quota/v2 body', () => {
      const out = redactJson(JSON.stringify({ appid: APP_ID, appsecret: APP_SECRET }));
      assert.deepEqual(JSON.parse(out), { appid: APP_ID, appsecret: '***' });
    });

    it('hides nested occurrences and keeps unrelated keys', () => {
      const text = JSON.stringify({ outer: { secret: APP_SECRET, note: 'secret' }, list: [{ access_token: token }] });
      const out = redactJson(text);
      assert.ok(!out.includes(APP_SECRET) && !out.includes(token), out);
      assert.equal(JSON.parse(out).outer.note, 'secret');
    });
  });

  describe('Redactor (literal secrets)', () => {
    it('hides a registered secret anywhere, even outside URLs and JSON', () => {
      const r = new Redactor();
      r.addSecret(APP_SECRET);
      r.addSecret(token);
      const out = r.redact(`secret is ${APP_SECRET}; token=${token}; again ${APP_SECRET}`);
      assert.ok(!out.includes(APP_SECRET) && !out.includes(token), out);
      assert.equal(out.split(mask(APP_SECRET)).length - 1, 2);
    });

    it('applies URL and JSON redaction too', () => {
      const r = new Redactor();
      const out = r.redact(`GET https://h/x?access_token=${token} {"secret":"${APP_SECRET}"}`);
      assert.ok(!out.includes(APP_SECRET) && !out.includes(token), out);
    });

    it('ignores values too short to be secrets, and forgets on request', () => {
      const r = new Redactor();
      r.addSecret('abc');
      r.addSecret('');
      r.addSecret(undefined);
      assert.equal(r.redact('abc abc'), 'abc abc');
      r.addSecret(APP_SECRET);
      r.forgetSecret(APP_SECRET);
      assert.equal(r.redact(`x ${APP_SECRET}`), `x ${APP_SECRET}`);
    });

    it('mask reveals only the length', () => {
      assert.equal(mask(APP_SECRET), `***(${APP_SECRET.length})`);
      assert.ok(!mask(token).includes(token.slice(0, 4)));
    });
  });
});
