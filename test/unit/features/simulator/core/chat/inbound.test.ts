// How the chat names what the follower did, and the sample messages of the "+" menu.
import * as assert from 'node:assert/strict';

import { formatMessage } from '../../../../../../src/common/localize';
import { SIMULATED_EVENTS } from '../../../../../../src/features/simulator/core/chat/events';
import { checkScene, describeInbound, describeTap, eventInbound } from '../../../../../../src/features/simulator/core/chat/inbound';

const t = formatMessage;

describe('callback inbound', () => {
  it('names a tap with the event WeChat sends and its key or url', () => {
    assert.equal(describeTap('今日歌曲', { type: 'click', key: 'V1001' }, t), 'Tapped "今日歌曲" · CLICK V1001');
    assert.equal(describeTap('搜索', { type: 'view', url: 'http://www.soso.com/' }, t), 'Tapped "搜索" · VIEW http://www.soso.com/');
    assert.equal(
      describeTap('', { type: 'miniprogram', url: 'http://x', pagepath: 'pages/a' }, t),
      'Tapped "(no name)" · view_miniprogram pages/a',
    );
  });

  it('every "+" entry makes a message of its kind; scenes go where WeChat puts them', () => {
    for (const kind of SIMULATED_EVENTS)
      assert.ok(
        describeInbound(
          eventInbound(kind, '7', () => 0.5),
          t,
        ).length > 0,
        kind,
      );
    assert.deepEqual(
      eventInbound('subscribe', '', () => 0),
      { kind: 'subscribe' },
    );
    assert.deepEqual(
      eventInbound('subscribeScene', 'shop_1', () => 0),
      { kind: 'subscribe', scene: 'shop_1' },
    );
    const scan = eventInbound('scan', '123', () => 0.25);
    assert.ok(scan.kind === 'scan' && scan.scene === '123' && scan.ticket.length > 3);
    assert.equal(
      describeInbound({ kind: 'subscribe', scene: '123' }, t),
      'Followed by scanning a QR code with scene 123 (subscribe qrscene_123)',
    );
  });

  it('a scene is 1 to 64 characters', () => {
    assert.equal(checkScene(' '), 'empty');
    assert.equal(checkScene('x'.repeat(65)), 'tooLong');
    assert.equal(checkScene('123'), undefined);
  });
});
