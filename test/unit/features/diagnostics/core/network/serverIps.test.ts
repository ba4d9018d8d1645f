// fetchServerIps against the fake WeChat server: both lists, when they were fetched, a stale token
// refreshed once, the answer checked.
import * as assert from 'node:assert/strict';

import { fetchServerIps } from '../../../../../../src/features/diagnostics/core/network/serverIps';
import { UnexpectedAnswerError } from '../../../../../../src/features/diagnostics/core/network/unexpectedAnswer';
import { WeChatApiError } from '../../../../../../src/wechat/apiErrors';
import type { TokenCall } from '../../../../../../src/wechat/client';
import { API_DOMAIN_IP, CALLBACK_IP } from '../../../../../../src/wechat/endpoints';
import { FAKE_API_DOMAIN_IPS, FAKE_CALLBACK_IPS } from '../../../../../fake-wechat/network';
import { APP_ID, APP_SECRET } from '../../../../helpers/fixtures';
import { NetworkFixture, startNetworkFixture } from './networkFixture';

describe('wechat/network/serverIps against the fake WeChat server', () => {
  let fixture: NetworkFixture;

  beforeEach(async () => {
    fixture = await startNetworkFixture();
  });

  afterEach(() => fixture.close());

  it('fetches the API entry IPs and the callback IPs with GETs, and says when', async () => {
    const ips = await fetchServerIps(fixture.call(), () => fixture.clock.now());
    assert.deepEqual(ips.apiIps, FAKE_API_DOMAIN_IPS);
    assert.deepEqual(ips.callbackIps, FAKE_CALLBACK_IPS);
    assert.equal(ips.fetchedAt, fixture.clock.now());
    for (const path of [API_DOMAIN_IP.path, CALLBACK_IP.path]) {
      const [call] = fixture.fake.callsTo(path);
      assert.equal(call?.method, 'GET', path);
      assert.equal(call?.errcode, 0, path);
      assert.ok(call?.query['access_token'], `${path} carries the token`);
    }
  });

  it('a token invalidated elsewhere (40001) is refreshed once and the call retried', async () => {
    await fetchServerIps(fixture.call(), () => fixture.clock.now());
    // Another program forces a new stable token: the cached one stops working at once.
    await fixture.client.stableToken({ appId: APP_ID, appSecret: APP_SECRET }, true);
    const ips = await fetchServerIps(fixture.call(), () => fixture.clock.now());
    assert.deepEqual(ips.apiIps, FAKE_API_DOMAIN_IPS);
    const errcodes = fixture.fake.callsTo(API_DOMAIN_IP.path).map((call) => call.errcode);
    assert.deepEqual(errcodes, [0, 40001, 0]);
  });

  it('without a valid token the endpoints answer 41001 (checked at the fake, not guessed)', async () => {
    const error = await fixture.client.call(CALLBACK_IP).then(
      () => assert.fail('expected 41001'),
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof WeChatApiError);
    assert.equal(error.errcode, 41001);
  });

  it('an answer without a list of strings is an UnexpectedAnswerError naming the field, not an empty list', async () => {
    for (const answer of [{}, { ip_list: 'not a list' }, { ip_list: ['1.2.3.4', 5] }]) {
      const call: TokenCall = async <T extends object>() => answer as T;
      const error = await fetchServerIps(call, () => 0).then(
        () => assert.fail(`accepted ${JSON.stringify(answer)}`),
        (reason: unknown) => reason,
      );
      assert.ok(error instanceof UnexpectedAnswerError, JSON.stringify(answer));
      assert.equal(error.field, 'ip_list');
      assert.equal(error.apiPath, API_DOMAIN_IP.path);
      assert.match(error.describe(), /"ip_list".*wechat\.apiBaseUrl/);
      assert.deepEqual(error.actions, ['apiBaseUrlSetting']);
    }
  });

  it('keeps one of each address, in order, without blanks', async () => {
    const call: TokenCall = async <T extends object>() => ({ ip_list: ['1.1.1.1', ' 2.2.2.2 ', '1.1.1.1', ''] }) as T;
    const ips = await fetchServerIps(call, () => 7);
    assert.deepEqual(ips.apiIps, ['1.1.1.1', '2.2.2.2']);
    assert.deepEqual(ips.callbackIps, ['1.1.1.1', '2.2.2.2']);
  });
});
