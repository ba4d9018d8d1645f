// checkCallback against the fake WeChat server: each action and operator, the per-address
// results, and the check's errcodes (40201, 40202, 40203) with their explanation and fix.
import * as assert from 'node:assert/strict';

import {
  CHECK_ACTIONS,
  CHECK_OPERATORS,
  CheckAction,
  checkCallback,
  CheckOperator,
  packetLossPercent,
} from '../../../../../../src/features/diagnostics/core/network/callbackCheck';
import { CALLBACK_CHECK } from '../../../../../../src/wechat/endpoints';
import { APP_ID } from '../../../../helpers/fixtures';
import { apiErrorOf } from '../../../../helpers/rejections';
import { NetworkFixture, NO_CALLBACK_APP, startNetworkFixture } from './networkFixture';

describe('wechat/network/callbackCheck against the fake WeChat server', () => {
  let fixture: NetworkFixture;
  const now = (): number => fixture.clock.now();

  beforeEach(async () => {
    fixture = await startNetworkFixture();
  });

  afterEach(() => fixture.close());

  it('all: DNS results with the operator of each address, then a ping of each; POSTs the chosen values', async () => {
    const result = await checkCallback(fixture.call(), 'all', 'DEFAULT', now);
    assert.equal(result.action, 'all');
    assert.equal(result.operator, 'DEFAULT');
    assert.equal(result.checkedAt, now());
    assert.deepEqual(result.dns, [
      { ip: '203.0.113.10', realOperator: 'CHINANET' },
      { ip: '198.51.100.20', realOperator: 'UNICOM' },
    ]);
    assert.deepEqual(
      result.ping.map((ping) => [ping.ip, ping.fromOperator, ping.packageLoss]),
      [
        ['203.0.113.10', 'CHINANET', '0%'],
        ['198.51.100.20', 'UNICOM', '0%'],
      ],
    );
    assert.ok(result.ping.every((ping) => /ms$/.test(ping.time)));
    const [call] = fixture.fake.callsTo(CALLBACK_CHECK.path);
    assert.equal(call?.method, 'POST');
    assert.deepEqual(call?.body, { action: 'all', check_operator: 'DEFAULT' });
  });

  it('dns only has no ping results, ping only no DNS results; a chosen operator pings from its network', async () => {
    const dns = await checkCallback(fixture.call(), 'dns', 'CHINANET', now);
    assert.equal(dns.dns.length, 2);
    assert.deepEqual(dns.ping, []);
    const ping = await checkCallback(fixture.call(), 'ping', 'UNICOM', now);
    assert.deepEqual(ping.dns, []);
    assert.deepEqual(
      ping.ping.map((entry) => entry.fromOperator),
      ['UNICOM', 'UNICOM'],
    );
  });

  it('every action × operator the quick picks offer is accepted by the fake', async () => {
    for (const action of CHECK_ACTIONS) {
      for (const operator of CHECK_OPERATORS) await checkCallback(fixture.call(), action, operator, now);
    }
    assert.ok(fixture.fake.callsTo(CALLBACK_CHECK.path).every((call) => call.errcode === 0));
    assert.equal(fixture.fake.callsTo(CALLBACK_CHECK.path).length, CHECK_ACTIONS.length * CHECK_OPERATORS.length);
  });

  it('40201 for an account without a callback URL: explained, with the MP console path to set it and the console button', async () => {
    const error = await apiErrorOf(checkCallback(fixture.call(NO_CALLBACK_APP.appId), 'all', 'DEFAULT', now));
    assert.equal(error.errcode, 40201);
    assert.match(error.meaning(), /No callback URL/);
    assert.match(error.fix(), /Settings and Development → Basic configuration → Server configuration/);
    // The console button, and — the answer carried a rid — Look Up Request.
    assert.deepEqual(error.actions, ['openConsole', 'lookUpRequest']);
    assert.ok(error.rid, 'the rid is kept for support');
    assert.match(error.describe(), /\(errcode 40201, rid /);
  });

  it('40201 follows the account: setting a callback URL at the fake makes the check pass, removing it fails it again', async () => {
    fixture.fake.setCallbackUrl(NO_CALLBACK_APP.appId, 'https://example.org/wx');
    assert.equal((await checkCallback(fixture.call(NO_CALLBACK_APP.appId), 'dns', 'CAP', now)).dns.length, 2);
    fixture.fake.setCallbackUrl(APP_ID, null);
    assert.equal((await apiErrorOf(checkCallback(fixture.call(), 'dns', 'CAP', now))).errcode, 40201);
  });

  it('40202 for an action WeChat does not know, 40203 for an operator, each explained with the accepted values', async () => {
    const action = await apiErrorOf(checkCallback(fixture.call(), 'traceroute' as CheckAction, 'DEFAULT', now));
    assert.equal(action.errcode, 40202);
    assert.match(action.meaning(), /dns, ping or all/);
    const operator = await apiErrorOf(checkCallback(fixture.call(), 'dns', 'MOBILE' as CheckOperator, now));
    assert.equal(operator.errcode, 40203);
    assert.match(operator.meaning(), /CHINANET, UNICOM, CAP or DEFAULT/);
    // The values are checked before the account's URL: a wrong action on an account without one is 40202.
    assert.equal((await apiErrorOf(checkCallback(fixture.call(NO_CALLBACK_APP.appId), 'x' as CheckAction, 'DEFAULT', now))).errcode, 40202);
  });

  it('reads the packet loss WeChat writes as a percentage', () => {
    const ping = (packageLoss: string): number | undefined => packetLossPercent({ ip: '', fromOperator: '', packageLoss, time: '' });
    assert.equal(ping('0%'), 0);
    assert.equal(ping('12.5 %'), 12.5);
    assert.equal(ping('100%'), 100);
    assert.equal(ping(''), undefined);
    assert.equal(ping('lost'), undefined);
  });

  it('an answer with a non-list where a list belongs is an UnexpectedAnswerError; missing lists are empty', async () => {
    const broken = await checkCallback(
      async <T extends object>() => ({ dns: 'x' }) as T,
      'all',
      'DEFAULT',
      () => 0,
    ).then(
      () => assert.fail('accepted dns: "x"'),
      (reason: unknown) => reason as Error,
    );
    assert.match(broken.message, /no valid dns/);
    const empty = await checkCallback(
      async <T extends object>() => ({}) as T,
      'all',
      'DEFAULT',
      () => 0,
    );
    assert.deepEqual([empty.dns, empty.ping], [[], []]);
  });
});
