import * as assert from 'node:assert/strict';

import {
  BUTTON_FIELDS,
  BUTTON_TYPE_NAMES,
  BUTTON_TYPES,
  describeButtonField,
  EVENT_BUTTON_TYPES,
  type EventButtonType,
  isButtonType,
  LEAF_FIELDS,
  URL_BUTTON_TYPES,
} from '../../../../../../src/features/menu/core/rules/buttons';

describe('menu rules: buttons', () => {
  it('lists the fields each button type requires', () => {
    const keyTypes = ['click', 'scancode_push', 'scancode_waitmsg', 'pic_sysphoto', 'pic_photo_or_album', 'pic_weixin', 'location_select'];
    for (const t of keyTypes) {
      assert.deepEqual(BUTTON_TYPES[t as keyof typeof BUTTON_TYPES].requires, ['key'], t);
    }
    assert.deepEqual(BUTTON_TYPES.view.requires, ['url']);
    assert.deepEqual(BUTTON_TYPES.miniprogram.requires, ['url', 'appid', 'pagepath']);
    assert.deepEqual(BUTTON_TYPES.media_id.requires, ['media_id']);
    assert.deepEqual(BUTTON_TYPES.view_limited.requires, ['media_id']);
    assert.deepEqual(BUTTON_TYPES.article_id.requires, ['article_id']);
    assert.deepEqual(BUTTON_TYPES.article_view_limited.requires, ['article_id']);
    assert.deepEqual([...URL_BUTTON_TYPES], ['view', 'miniprogram']);
    for (const t of BUTTON_TYPE_NAMES) {
      for (const f of BUTTON_TYPES[t].requires) {
        assert.ok(f in BUTTON_FIELDS, `${t}.${f}`);
      }
    }
    assert.ok(isButtonType('click'));
    assert.ok(!isButtonType('news'));
  });

  it('fills limits into descriptions', () => {
    assert.match(describeButtonField('name'), /At most 16 bytes on the menu bar and 60 bytes in a sub-menu/);
    assert.match(describeButtonField('sub_button'), /1 to 5 sub-buttons/);
  });

  it('lists as leaf fields every field a type can require', () => {
    const required = new Set(BUTTON_TYPE_NAMES.flatMap((t) => BUTTON_TYPES[t].requires));
    assert.deepEqual([...required].sort(), [...LEAF_FIELDS].sort());
  });

  it('the event-sending types are the ones whose tap reaches the server, and the type says the same', () => {
    // WeChat's 自定义菜单事件推送: these nine push an event; media_id, view_limited, article_id and
    // article_view_limited are answered by WeChat itself.
    const expected: readonly EventButtonType[] = [
      'click',
      'view',
      'miniprogram',
      'scancode_push',
      'scancode_waitmsg',
      'pic_sysphoto',
      'pic_photo_or_album',
      'pic_weixin',
      'location_select',
    ];
    assert.deepEqual([...EVENT_BUTTON_TYPES], expected);
    for (const type of BUTTON_TYPE_NAMES) assert.equal(BUTTON_TYPES[type].sendsEvent, (expected as readonly string[]).includes(type), type);
  });
});
