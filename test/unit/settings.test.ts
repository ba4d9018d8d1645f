// readConfig's defect: `.trim()` on raw values made `"wechat.appId": 123` throw inside activate().
// Every setting of the wrong type now falls back, with a warning naming it.
import * as assert from 'node:assert/strict';

import { parseConfig } from '../../src/settings';

const from =
  (values: Record<string, unknown>) =>
  (key: string): unknown =>
    values[key];

describe('settings: parseConfig', () => {
  it('reads well-typed values, trimmed, with no warning', () => {
    const config = parseConfig(
      from({
        appId: ' wx0123456789abcdef ',
        accountName: 'Test account',
        tokenMode: 'classic',
        autoRefresh: false,
        refreshMarginSeconds: 600,
        requestTimeoutSeconds: 30,
        apiBaseUrl: 'http://127.0.0.1:8787/',
        'statusBar.show': 'always',
      }),
    );
    assert.equal(config.appId, 'wx0123456789abcdef');
    assert.equal(config.accountName, 'Test account');
    assert.equal(config.tokenMode, 'classic');
    assert.equal(config.autoRefresh, false);
    assert.equal(config.refreshMarginSeconds, 600);
    assert.equal(config.requestTimeoutSeconds, 30);
    assert.deepEqual(config.apiBaseUrl, { ok: true, url: 'http://127.0.0.1:8787' });
    assert.equal(config.statusBarShow, 'always');
    assert.deepEqual(config.warnings, []);
  });

  it('defaults when nothing is set', () => {
    const config = parseConfig(from({}));
    assert.equal(config.appId, undefined);
    assert.equal(config.tokenMode, 'stable');
    assert.equal(config.autoRefresh, true);
    assert.equal(config.refreshMarginSeconds, 300);
    assert.equal(config.requestTimeoutSeconds, 15);
    assert.deepEqual(config.apiBaseUrl, { ok: true, url: 'https://api.weixin.qq.com' });
    assert.equal(config.statusBarShow, 'auto');
    assert.deepEqual(config.warnings, []);
  });

  it('"wechat.appId": 123 and every other wrong type fall back, each with a warning naming the setting', () => {
    const config = parseConfig(
      from({
        appId: 123,
        accountName: { name: 'x' },
        tokenMode: 'fast',
        autoRefresh: 'yes',
        refreshMarginSeconds: '300',
        requestTimeoutSeconds: Number.NaN,
        apiBaseUrl: ['https://api.weixin.qq.com'],
        'statusBar.show': true,
      }),
    );
    assert.equal(config.appId, undefined);
    assert.equal(config.accountName, undefined);
    assert.equal(config.tokenMode, 'stable');
    assert.equal(config.autoRefresh, true);
    assert.equal(config.refreshMarginSeconds, 300);
    assert.equal(config.requestTimeoutSeconds, 15);
    assert.deepEqual(config.apiBaseUrl, { ok: true, url: 'https://api.weixin.qq.com' });
    assert.equal(config.statusBarShow, 'auto');
    const named = [
      'appId',
      'accountName',
      'tokenMode',
      'autoRefresh',
      'refreshMarginSeconds',
      'requestTimeoutSeconds',
      'apiBaseUrl',
      'statusBar.show',
    ];
    assert.equal(config.warnings.length, named.length, config.warnings.join('\n'));
    named.forEach((key, index) => assert.ok(config.warnings[index]?.startsWith(`wechat.${key} should be`), config.warnings[index]));
    assert.match(config.warnings[0] ?? '', /should be a string, not number 123; ignoring it/);
    assert.match(config.warnings[2] ?? '', /"stable" or "classic", not the text "fast"; using "stable"/);
  });

  it('clamps numbers into the declared bounds and says so', () => {
    const config = parseConfig(from({ refreshMarginSeconds: 5, requestTimeoutSeconds: 999 }));
    assert.equal(config.refreshMarginSeconds, 60);
    assert.equal(config.requestTimeoutSeconds, 120);
    assert.deepEqual(config.warnings, [
      'wechat.refreshMarginSeconds is 5; using 60 (allowed 60–3600)',
      'wechat.requestTimeoutSeconds is 999; using 120 (allowed 1–120)',
    ]);
  });

  it('null counts as unset; an empty or blank text as unset too', () => {
    const config = parseConfig(from({ appId: null, accountName: '   ', autoRefresh: null }));
    assert.equal(config.appId, undefined);
    assert.equal(config.accountName, undefined);
    assert.equal(config.autoRefresh, true);
    assert.deepEqual(config.warnings, []);
  });

  it('a long wrong text is shortened in the warning', () => {
    const config = parseConfig(from({ tokenMode: 'x'.repeat(100) }));
    assert.match(config.warnings[0] ?? '', /the text "x{40}…"/);
  });
});
