import * as assert from 'node:assert/strict';

import { TeamSourceError } from '../../../../../src/token/sources/teamSourceError';
import { resolveServiceUrl, TOKEN_SERVICE_URL_SETTING } from '../../../../../src/token/sources/tokenService/url';
import { APP_ID } from '../../../helpers/fixtures';

/** The refusal of `template`, checked to be a 'misconfigured' TeamSourceError of the url source. */
function refusal(template: string | undefined, appId = APP_ID): TeamSourceError {
  try {
    resolveServiceUrl(template, appId);
  } catch (error) {
    assert.ok(error instanceof TeamSourceError, String(error));
    assert.equal(error.failure, 'misconfigured');
    assert.equal(error.source, 'url');
    return error;
  }
  assert.fail(`expected ${String(template)} to be refused`);
}

const texts = (error: TeamSourceError): string =>
  [error.message, error.describe(), error.where, error.detail, error.stack ?? ''].join('\n');

describe('token/sources/tokenService/url', () => {
  describe('the AppID in the URL', () => {
    it('fills {appid} in the path', () => {
      const { url, display } = resolveServiceUrl('https://token.example.com/wx/{appid}/token', APP_ID);
      assert.equal(url, `https://token.example.com/wx/${APP_ID}/token`);
      assert.equal(display, url);
    });

    it('fills {appid} in the query, in any case, every occurrence, and appends nothing', () => {
      assert.equal(
        resolveServiceUrl('https://t.example.com/token?app={appId}&scope=mp&again={APPID}', APP_ID).url,
        `https://t.example.com/token?app=${APP_ID}&scope=mp&again=${APP_ID}`,
      );
    });

    it('appends appid=<AppID> to a URL without {appid}, keeping the existing query as written', () => {
      assert.equal(resolveServiceUrl('https://t.example.com/token', APP_ID).url, `https://t.example.com/token?appid=${APP_ID}`);
      assert.equal(
        resolveServiceUrl('https://t.example.com/token?env=prod&q=a%20b', APP_ID).url,
        `https://t.example.com/token?env=prod&q=a%20b&appid=${APP_ID}`,
      );
    });

    it('keeps a hard-wired appid equal to the account, and refuses one of another account', () => {
      const same = `https://t.example.com/token?appid=${APP_ID}`;
      assert.equal(resolveServiceUrl(same, APP_ID).url, same);
      const error = refusal('https://t.example.com/token?appid=wx1111111111111111');
      assert.match(error.detail, /wx1111111111111111.*{appid}/);
    });

    it('percent-encodes an AppID that is not URL-safe instead of breaking the URL', () => {
      assert.equal(resolveServiceUrl('https://t.example.com/{appid}', 'a b/c').url, 'https://t.example.com/a%20b%2Fc');
    });

    it('drops a #fragment, which never reaches the server', () => {
      assert.equal(resolveServiceUrl('https://t.example.com/t?appid={appid}#x', APP_ID).url, `https://t.example.com/t?appid=${APP_ID}`);
    });
  });

  describe('transport rules (like wechat.apiBaseUrl)', () => {
    it('accepts https anywhere and plain http to loopback', () => {
      for (const template of [
        'https://t.example.com/t',
        'http://127.0.0.1:8080/t',
        'http://localhost/t',
        'http://[::1]:9/t',
        'http://127.1.2.3/t',
      ]) {
        assert.equal(resolveServiceUrl(template, APP_ID).url, `${template}?appid=${APP_ID}`);
      }
    });

    it('refuses plain http to another host, naming the host', () => {
      const error = refusal('http://token.internal.corp/wx/token');
      assert.match(error.detail, /plain http to token\.internal\.corp/);
      assert.equal(error.where, 'http://token.internal.corp/wx/token');
    });

    it('refuses other schemes', () => {
      for (const template of ['ftp://t.example.com/t', 'redis://127.0.0.1:6379', 'file:///etc/passwd']) {
        assert.match(refusal(template).detail, /only https is accepted/, template);
      }
    });

    it('refuses a missing or blank URL, naming the setting', () => {
      for (const template of [undefined, '', '   ']) {
        const error = refusal(template);
        assert.equal(error.where, TOKEN_SERVICE_URL_SETTING);
        assert.match(error.describe(), /wechat\.tokenService\.url/);
      }
    });

    it('refuses text that is not a URL without echoing it', () => {
      const error = refusal('token.example.com/wx?pw=hunter2hunter2');
      assert.equal(error.where, TOKEN_SERVICE_URL_SETTING);
      assert.ok(!texts(error).includes('hunter2'), texts(error));
    });

    it('refuses a user name or password in the URL and never repeats them', () => {
      for (const template of [
        'https://alice:s3cretPassw0rd@t.example.com/t',
        'https://s3cretPassw0rd@t.example.com/t',
        'http://u:s3cretPassw0rd@127.0.0.1:1/t',
      ]) {
        const error = refusal(template);
        assert.match(error.detail, /user name or password.*Set Token Service Credential/);
        const all = texts(error);
        assert.ok(!all.includes('s3cretPassw0rd') && !all.includes('alice'), all);
        assert.ok(error.where.includes('t.example.com') || error.where.includes('127.0.0.1'), error.where);
      }
    });
  });

  describe('display', () => {
    it('hides the values of secret-looking query parameters, but never the appid', () => {
      const { url, display } = resolveServiceUrl('https://t.example.com/t?key=k3yk3yk3y&sign=abc123&env=prod', APP_ID);
      assert.equal(url, `https://t.example.com/t?key=k3yk3yk3y&sign=abc123&env=prod&appid=${APP_ID}`);
      assert.equal(display, `https://t.example.com/t?key=***&sign=***&env=prod&appid=${APP_ID}`);
    });
  });
});
