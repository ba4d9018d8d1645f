import * as assert from 'node:assert/strict';

import { Localize } from '../../../src/common/localize';
import { extractCallerIp, extractRid, WeChatApiError, WeChatTransportError } from '../../../src/wechat/apiErrors';
import { ErrcodeCatalog } from '../../../src/wechat/errcodeCatalog';
import { GENERAL_ERRCODES, UNKNOWN_ERRCODE } from '../../../src/wechat/errcodes';
import { describeError, WeChatError } from '../../../src/wechat/errors';
import { InvalidBaseUrlError, MissingCredentialsError } from '../../../src/wechat/refusals';

const RID = '6790ab01-1a2b3c4d-5e6f7a8b';

describe('wechat/errors', () => {
  describe('extractRid / extractCallerIp', () => {
    it('extracts the request id at the end of errmsg', () => {
      assert.equal(extractRid(`invalid credential, access_token is invalid or not latest rid: ${RID}`), RID);
      assert.equal(extractRid(`invalid appid hint: [xyz] rid:${RID}`), RID);
      assert.equal(extractRid('system error'), undefined);
    });

    it('extracts the caller IP from a 40164 errmsg (IPv4 and IPv6)', () => {
      assert.equal(extractCallerIp(`invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist rid: ${RID}`), '1.2.3.4');
      assert.equal(extractCallerIp('invalid ip 203.0.113.7, not in whitelist'), '203.0.113.7');
      assert.equal(extractCallerIp('invalid ip 2001:db8::1 ipv6 2001:db8::1, not in whitelist'), '2001:db8::1');
      assert.equal(extractCallerIp('not in whitelist'), undefined);
    });
  });

  describe('the errcode table', () => {
    it('has an entry with a meaning and a fix for every errcode of wechat-api.md', () => {
      const documented = [
        -1, 40001, 40002, 40013, 40014, 40125, 40164, 41001, 41002, 41004, 42001, 45009, 45011, 48001, 50001, 50002, 89503,
      ];
      for (const code of documented) {
        const info = GENERAL_ERRCODES[code];
        assert.ok(info, `errcode ${code} missing`);
        assert.ok(info.meaning.length > 5 && info.fix.length > 5, `errcode ${code} lacks text`);
      }
    });

    it('reacts: -1 retry; 45011 wait; 40001/40014/42001 refresh the token; the rest needs the user', () => {
      assert.equal(GENERAL_ERRCODES[-1]?.reaction, 'retry');
      assert.equal(GENERAL_ERRCODES[45011]?.reaction, 'wait');
      for (const code of [40001, 40014, 42001]) assert.equal(GENERAL_ERRCODES[code]?.reaction, 'refreshToken', String(code));
      for (const code of [40002, 40013, 40125, 40164, 41001, 41002, 41004, 45009, 48001, 50001, 50002, 89503]) {
        assert.equal(GENERAL_ERRCODES[code]?.reaction, 'report', String(code));
      }
    });

    it('names the action that fixes each errcode the user can fix', () => {
      const actions = (code: number): readonly string[] => GENERAL_ERRCODES[code]?.actions ?? [];
      for (const code of [40001, 40125, 41004]) assert.deepEqual(actions(code), ['setAppSecret'], String(code));
      for (const code of [40013, 41002]) assert.deepEqual(actions(code), ['setUpAccount'], String(code));
      // The quota buttons first: Clear API Quota is the way out of a 45009 on the token fetch.
      assert.deepEqual(actions(45009), ['clearQuota', 'showQuota', 'tokenModeSetting']);
      assert.deepEqual(actions(48006), ['showQuota']);
      assert.deepEqual(actions(40164), ['copyCallerIp', 'openIpWhitelist']);
      for (const code of [48001, 50001, 50002, 89503]) assert.deepEqual(actions(code), ['openConsole'], String(code));
      for (const code of [-1, 40002, 41001, 43002, 47001]) assert.deepEqual(actions(code), [], String(code));
    });

    it('an ErrcodeCatalog consults its tables in order, adds a table once and never lets one shadow a general errcode', () => {
      const menuTable = { 99901: { meaning: 'Test menu errcode {0}.', fix: 'Fix the menu.', reaction: 'report' as const } };
      const catalog = new ErrcodeCatalog(GENERAL_ERRCODES);
      assert.equal(catalog.lookup(99901), undefined);
      catalog.add(menuTable);
      catalog.add(menuTable);
      assert.equal(catalog.lookup(99901)?.fix, 'Fix the menu.');
      assert.equal(new WeChatApiError(99901, 'x', '/p', catalog.lookup(99901)).meaning(), 'Test menu errcode 99901.');
      catalog.add({ 40001: { meaning: 'shadow', fix: 'shadow', reaction: 'report' } });
      assert.equal(catalog.lookup(40001)?.reaction, 'refreshToken');
      // Inherited properties are not errcodes.
      assert.equal(catalog.lookup('constructor' as unknown as number), undefined);
    });

    it('two catalogs do not share what is added to one (no module-level registry)', () => {
      const one = new ErrcodeCatalog(GENERAL_ERRCODES);
      const other = new ErrcodeCatalog(GENERAL_ERRCODES);
      one.add({ 99902: { meaning: 'm', fix: 'f', reaction: 'report' } });
      assert.ok(one.lookup(99902));
      assert.equal(other.lookup(99902), undefined);
      assert.equal(new WeChatApiError(99902, 'x', '/p').info, UNKNOWN_ERRCODE);
    });

    it("an error whose errmsg carries a rid offers Look Up Request last — not a lookup's own, nor a 45009 on the token fetch", () => {
      const rid = 'rid: 6582b7c3-1a2b3c4d-5e6f7a8b';
      assert.deepEqual(new WeChatApiError(40016, `invalid button size ${rid}`, '/cgi-bin/menu/create').actions, ['lookUpRequest']);
      assert.deepEqual(new WeChatApiError(40125, `invalid appsecret ${rid}`, '/cgi-bin/stable_token').actions, [
        'setAppSecret',
        'lookUpRequest',
      ]);
      assert.deepEqual(new WeChatApiError(45009, `reach max api daily quota limit ${rid}`, '/cgi-bin/menu/create').actions, [
        'clearQuota',
        'showQuota',
        'tokenModeSetting',
        'lookUpRequest',
      ]);
      // Looking it up needs a token, which the exhausted token endpoint cannot give.
      for (const path of ['/cgi-bin/stable_token', '/cgi-bin/token']) {
        assert.deepEqual(new WeChatApiError(45009, `reach max api daily quota limit ${rid}`, path).actions, [
          'clearQuota',
          'showQuota',
          'tokenModeSetting',
        ]);
      }
      assert.deepEqual(new WeChatApiError(76001, `rid not found ${rid}`, '/cgi-bin/openapi/rid/get').actions, ['switchAccount']);
      assert.deepEqual(new WeChatApiError(40016, 'invalid button size', '/cgi-bin/menu/create').actions, []);
    });

    it('errors offer their fix actions: copy IP only when WeChat named it; transport and setup errors too', () => {
      assert.deepEqual(new WeChatApiError(40164, 'invalid ip 1.2.3.4 ipv6 ::ffff:1.2.3.4, not in whitelist', '/p').actions, [
        'copyCallerIp',
        'openIpWhitelist',
      ]);
      assert.deepEqual(new WeChatApiError(40164, 'not in whitelist', '/p').actions, ['openIpWhitelist']);
      assert.deepEqual(new WeChatTransportError('timeout', '/p', 'x').actions, ['timeoutSetting']);
      assert.deepEqual(new WeChatTransportError('network', '/p', 'x').actions, ['apiBaseUrlSetting']);
      assert.deepEqual(new WeChatTransportError('cancelled', '/p', 'x').actions, []);
      assert.deepEqual(new MissingCredentialsError('appId').actions, ['setUpAccount']);
      assert.deepEqual(new MissingCredentialsError('appSecret').actions, ['setAppSecret']);
      assert.deepEqual(new InvalidBaseUrlError('http://x', 'insecure').actions, ['apiBaseUrlSetting']);
    });
  });

  describe('WeChatApiError', () => {
    it('carries errcode, errmsg, rid, path, meaning and fix', () => {
      const error = new WeChatApiError(40125, `invalid appsecret rid: ${RID}`, '/cgi-bin/stable_token');
      assert.ok(error instanceof WeChatError && error instanceof Error);
      assert.equal(error.name, 'WeChatApiError');
      assert.equal(error.errcode, 40125);
      assert.equal(error.rid, RID);
      assert.equal(error.apiPath, '/cgi-bin/stable_token');
      assert.equal(error.reaction, 'report');
      assert.equal(error.meaning(), 'Invalid AppSecret.');
      assert.match(error.fix(), /WeChat: Set AppSecret/);
      assert.match(error.message, /errcode 40125/);
      assert.match(error.message, /\/cgi-bin\/stable_token/);
      const text = error.describe();
      assert.ok(text.includes('Invalid AppSecret.') && text.includes('Set AppSecret') && text.includes(`rid ${RID}`), text);
    });

    it('40164 puts the caller IP into the meaning and the fix', () => {
      const error = new WeChatApiError(
        40164,
        `invalid ip 198.51.100.23 ipv6 ::ffff:198.51.100.23, not in whitelist rid: ${RID}`,
        '/cgi-bin/token',
      );
      assert.equal(error.callerIp, '198.51.100.23');
      assert.match(error.meaning(), /IP address \(?198\.51\.100\.23\)? is not in the account's IP whitelist\./);
      assert.match(error.fix(), /Add .*198\.51\.100\.23.* in the MP console: .*IP whitelist/);
      assert.match(error.describe(), /198\.51\.100\.23.*IP whitelist/);
      assert.ok(!error.meaning().includes('40164'));
    });

    it('only 40164 extracts an IP', () => {
      assert.equal(new WeChatApiError(40013, 'invalid ip 1.2.3.4', '/p').callerIp, undefined);
    });

    it("what the error does follows the table's fields, not the errcode number", () => {
      // An errcode of another table that blames the caller IP, or reports a used-up quota, as 40164 and 45009 do.
      const ipInfo = { meaning: 'Refused {0}.', fix: 'Whitelist {0}.', reaction: 'report', blamesCallerIp: true } as const;
      const blocked = new WeChatApiError(99903, 'invalid ip 203.0.113.9 ipv6 ::ffff:203.0.113.9, not in whitelist', '/p', ipInfo);
      assert.equal(blocked.callerIp, '203.0.113.9');
      assert.equal(blocked.meaning(), 'Refused 203.0.113.9.');
      const quotaInfo = { meaning: 'm', fix: 'f', reaction: 'report', quotaExhausted: true } as const;
      assert.equal(new WeChatApiError(99904, 'x', '/cgi-bin/stable_token', quotaInfo).tokenQuotaExhausted, true);
      assert.equal(new WeChatApiError(99904, 'x', '/cgi-bin/menu/get', quotaInfo).tokenQuotaExhausted, false, 'not the token fetch');
      assert.equal(new WeChatApiError(45009, 'x', '/cgi-bin/token').tokenQuotaExhausted, true);
      assert.equal(new WeChatApiError(45011, 'x', '/cgi-bin/token').tokenQuotaExhausted, false);
    });

    it('an unknown errcode still explains itself with its number', () => {
      const error = new WeChatApiError(61451, 'invalid parameter', '/cgi-bin/x');
      assert.equal(error.info, UNKNOWN_ERRCODE);
      assert.equal(error.reaction, 'report');
      assert.equal(error.meaning(), 'WeChat returned errcode 61451.');
      assert.match(error.describe(), /\(errcode 61451\)$/);
    });

    it('describe without a rid has no rid part', () => {
      assert.equal(new WeChatApiError(-1, 'system error', '/p').describe(), 'WeChat is busy. Try again in a few seconds. (errcode -1)');
    });

    it('uses the injected localize for every part', () => {
      const seen: string[] = [];
      const upper: Localize = (message, ...args) => {
        seen.push(message);
        return message.replace(/\{(\d+)\}/g, (_w, i: string) => String(args[Number(i)])).toUpperCase();
      };
      const error = new WeChatApiError(40164, `invalid ip 1.2.3.4, not in whitelist rid: ${RID}`, '/p');
      const text = error.describe(upper);
      assert.ok(text.includes('1.2.3.4') && text === text.toUpperCase(), text);
      assert.ok(seen.includes(GENERAL_ERRCODES[40164]!.meaning) && seen.includes(GENERAL_ERRCODES[40164]!.fix));
      assert.ok(seen.includes('(errcode {0}{1})'));
    });
  });

  describe('WeChatTransportError', () => {
    it('explains each failure and names the setting to check', () => {
      const timeout = new WeChatTransportError('timeout', '/cgi-bin/token', 'no answer within 15000 ms');
      assert.match(timeout.describe(), /wechat\.requestTimeoutSeconds/);
      const network = new WeChatTransportError('network', '/cgi-bin/token', 'ECONNREFUSED');
      assert.match(network.describe(), /ECONNREFUSED/);
      assert.match(network.describe(), /http\.proxy/);
      const http = new WeChatTransportError('http', '/p', 'HTTP 502', 502);
      assert.match(http.describe(), /HTTP 502/);
      assert.match(http.message, /\(HTTP 502\)/);
      const notJson = new WeChatTransportError('notJson', '/p', 'text/html', 200);
      assert.match(notJson.describe(), /not JSON \(HTTP 200\)/);
      assert.equal(new WeChatTransportError('cancelled', '/p', 'cancelled').describe(), 'The request was cancelled.');
      assert.equal(timeout.name, 'WeChatTransportError');
      assert.equal(timeout.failure, 'timeout');
    });
  });

  describe('MissingCredentialsError / describeError', () => {
    it('leads into setup', () => {
      assert.match(new MissingCredentialsError('appId').describe(), /WeChat: Set Up Account/);
      assert.match(new MissingCredentialsError('appSecret').describe(), /WeChat: Set AppSecret/);
      assert.equal(new MissingCredentialsError('appId').missing, 'appId');
    });

    it('describeError handles WeChat errors, plain errors and non-errors', () => {
      assert.match(describeError(new WeChatApiError(45009, 'reach max api daily quota limit', '/p')), /daily API quota/);
      assert.equal(describeError(new Error('boom')), 'boom');
      assert.equal(describeError('text'), 'text');
      assert.equal(describeError(42), '42');
    });
  });
});

describe('wechat/errors — 40164 without an IP in errmsg', () => {
  // WeChat's errmsg normally names the IP, but the extraction can fail (another wording, a
  // gateway rewriting the message). The text must then not call the errcode an IP address.
  it('does not present the errcode as the IP address', () => {
    const error = new WeChatApiError(40164, `not in whitelist rid: ${RID}`, '/cgi-bin/stable_token');
    assert.equal(error.callerIp, undefined);
    assert.ok(!error.meaning().includes('40164'), error.meaning());
    assert.ok(!error.fix().includes('40164'), error.fix());
    assert.match(error.fix(), /IP whitelist/);
  });
});
