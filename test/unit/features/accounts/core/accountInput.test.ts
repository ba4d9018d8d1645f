// The pure validators behind the UI's input boxes: account name, AppID, AppSecret, the
// team's Redis and token service URLs, the Redis key template, and the diagnostics' API path, rid
// and page URL readers. Each never throws on any string, and accepts only what it should — the URL
// checks never accept what the token sources refuse later.
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { checkAccountName, checkConnectionUrl, checkRedisKeyTemplate } from '../../../../../src/features/accounts/core/accountInput';
import { normalizeCgiPath } from '../../../../../src/features/diagnostics/core/quota';
import { parseRid } from '../../../../../src/features/diagnostics/core/rid';
import { parsePageUrl } from '../../../../../src/features/diagnostics/core/ticket/pageUrl';
import { isAccountAppId } from '../../../../../src/token/accounts';
import { parseRedisUrl } from '../../../../../src/token/sources/redis/connectionUrl';
import { resolveServiceUrl } from '../../../../../src/token/sources/tokenService/url';
import { checkAppId, checkAppSecret } from '../../../../../src/wechat/credentialFormat';
import { hardeningCase } from '../../../../hardening/ledger';

const SEED = 20261202;
const APP_ID = 'wx0123456789abcdef';

/** URL-like texts: schemes, user info, hosts, ports, paths and queries that each check must sort out. */
const urlLike = fc
  .tuple(
    fc.constantFrom('redis://', 'rediss://', 'REDIS://', 'https://', 'http://', 'HTTPS://', 'ftp://', '', ' https://'),
    fc.constantFrom('', '', 'user:pw@', ':pw@', 'user@'),
    fc.constantFrom('redis.internal', '127.0.0.1', 'localhost', '[::1]', 'token.example.com', '', 'a b', '10.0.0.5'),
    fc.constantFrom('', ':6380', ':0', ':99999', ':x'),
    fc.constantFrom(
      '',
      '/',
      '/0',
      '/15',
      '/abc',
      '/wx/token?appid={appid}',
      '/t?appid=wx1111111111111111',
      '?x=1',
      '#frag',
      '/{AppId}/token',
    ),
  )
  .map((parts) => parts.join(''));

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  urlLike,
  fc.string({ unit: fc.constantFrom('w', 'x', '0', 'a', 'Z', ' ', '-'), maxLength: 40 }),
);

describe('token/accountInput', () => {
  it("refuses what the sources refuse, which the wizard's scheme-only check let through", () => {
    assert.equal(checkConnectionUrl('url', 'http://token.example.com/t?appid={appid}'), 'httpsScheme');
    assert.equal(checkConnectionUrl('url', 'http://127.0.0.1:8080/t'), undefined);
    assert.equal(checkConnectionUrl('url', 'https://token.example.com:99999/'), 'invalid');
    assert.equal(checkConnectionUrl('redis', 'redis://redis.internal/abc'), 'invalid');
    assert.equal(checkConnectionUrl('redis', 'redis://redis.internal:6379/0?x=1'), 'invalid');
    assert.equal(checkConnectionUrl('redis', 'rediss://:secret@redis.internal:6380/0'), 'password');
    assert.equal(checkConnectionUrl('redis', 'https://redis.internal'), 'redisScheme');
    assert.equal(checkConnectionUrl('redis', ' rediss://redis.internal:6380/0 '), undefined);
  });
});

describe('fuzz: input-box validators', () => {
  it('never throw on any string', () => {
    fc.assert(
      fc.property(anyText, (text) =>
        hardeningCase('hostile', 'fuzz input: validators never throw', () => {
          checkAccountName(text);
          checkRedisKeyTemplate(text);
          checkConnectionUrl('redis', text);
          checkConnectionUrl('url', text);
          checkAppId(text);
          checkAppSecret(text);
          isAccountAppId(text);
          normalizeCgiPath(text);
          parseRid(text);
          parsePageUrl(text);
        }),
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('accept names, AppIDs and AppSecrets exactly by their rules', () => {
    fc.assert(
      fc.property(anyText, (text) =>
        hardeningCase('hostile', 'fuzz input: name, AppID, AppSecret', () => {
          const trimmed = text.trim();
          assert.equal(checkAccountName(text) === undefined, trimmed !== '');
          assert.equal(isAccountAppId(text), /^wx[0-9a-zA-Z]{14,32}$/.test(trimmed));
          assert.equal(checkAppId(text), trimmed === '' ? 'empty' : /^wx[0-9a-zA-Z]{14,32}$/.test(trimmed) ? undefined : 'format');
          assert.equal(checkAppSecret(text), trimmed === '' ? 'empty' : /^[0-9a-zA-Z]{16,64}$/.test(trimmed) ? undefined : 'format');
          assert.equal(checkRedisKeyTemplate(text) === undefined, text.includes('{appid}'));
        }),
      ),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('never accept a connection URL that holds a password or that the token source refuses', () => {
    let accepted = 0;
    fc.assert(
      fc.property(urlLike, (text) =>
        hardeningCase('hostile', 'fuzz input: connection URLs', () => {
          const credentials = /\/\/[^/]*@/.test(text.trim());
          const redis = checkConnectionUrl('redis', text);
          if (redis === undefined) {
            accepted++;
            assert.ok(!credentials);
            assert.doesNotThrow(() => parseRedisUrl(text), text);
          }
          const service = checkConnectionUrl('url', text);
          if (service === undefined) {
            accepted++;
            assert.ok(!credentials);
            // A template with a hard-wired appid serves that account only.
            const fixed = /appid=(wx\w+)/.exec(text)?.[1] ?? APP_ID;
            assert.doesNotThrow(() => resolveServiceUrl(text, fixed), text);
          }
          if (/^\s*http:\/\/token\.example\.com/i.test(text)) assert.notEqual(service, undefined, 'plain http to a non-loopback host');
        }),
      ),
      { seed: SEED, numRuns: 600 },
    );
    assert.ok(accepted > 50, `accepted ${accepted}`);
  });
});
