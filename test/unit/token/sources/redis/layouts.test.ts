import * as assert from 'node:assert/strict';

import { redisKeyFor } from '../../../../../src/token/sources/redis/layouts';
import { TeamSourceError } from '../../../../../src/token/sources/teamSourceError';

const APP_ID = 'wx1234567890abcdef';

describe('token/sources/redis/layouts', () => {
  it('each SDK preset gives the key that SDK writes', () => {
    assert.equal(redisKeyFor(APP_ID, {}), `wx:access_token:${APP_ID}`);
    assert.equal(redisKeyFor(APP_ID, { layout: 'wxjava' }), `wx:access_token:${APP_ID}`);
    assert.equal(redisKeyFor(APP_ID, { layout: 'wxjava', prefix: 'null' }), `null:access_token:${APP_ID}`);
    assert.equal(redisKeyFor(APP_ID, { layout: 'silenceper' }), `gowechat_officialaccount__access_token_${APP_ID}`);
    assert.equal(redisKeyFor(APP_ID, { layout: 'silenceper-stable' }), `gowechat_officialaccount__stable_access_token_${APP_ID}`);
    assert.equal(redisKeyFor(APP_ID, { layout: 'wechatpy' }), `wechatpy:${APP_ID}_access_token`);
    assert.equal(redisKeyFor(APP_ID, { layout: 'wechatpy', prefix: 'mp' }), `mp:${APP_ID}_access_token`);
  });

  it('custom: every {appid} replaced; a key alone implies custom', () => {
    assert.equal(redisKeyFor(APP_ID, { key: 'team:{appid}:token' }), `team:${APP_ID}:token`);
    assert.equal(redisKeyFor(APP_ID, { layout: 'custom', key: '{appid}/{appid}' }), `${APP_ID}/${APP_ID}`);
  });

  const bad: Array<[string, Parameters<typeof redisKeyFor>[1], RegExp]> = [
    ['custom without a key', { layout: 'custom' }, /needs redis\.key/],
    ['a custom key without {appid}', { key: 'team:token' }, /must contain \{appid\}/],
    ['a prefix with a custom key', { key: 'x:{appid}', prefix: 'wx' }, /redis\.prefix has no meaning/],
    ['a key with a preset layout', { layout: 'wechatpy', key: 'x:{appid}' }, /only used by the custom layout/],
    ['a prefix for silenceper (fixed key)', { layout: 'silenceper', prefix: 'x' }, /fixed key: remove redis\.prefix/],
    ['an empty prefix', { layout: 'wxjava', prefix: ' ' }, /non-empty word/],
    ['an unknown layout', { layout: 'easywechat' as never }, /"easywechat" is not one of wxjava, silenceper/],
  ];
  for (const [name, settings, detail] of bad) {
    it(`misconfigured, saying what is wrong: ${name}`, () => {
      assert.throws(
        () => redisKeyFor(APP_ID, settings),
        (error: unknown) =>
          error instanceof TeamSourceError && error.failure === 'misconfigured' && error.source === 'redis' && detail.test(error.detail),
      );
    });
  }
});
