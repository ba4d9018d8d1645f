// A tap in the preview is looked up by the button's id in the live document text: what is sent is
// what the text says now (unsaved edits included), never what the page claims.
import * as assert from 'node:assert/strict';

import { tappedButton } from '../../../../../../src/features/menu/core/preview/tap';

const MENU = `{
  // a comment, as menu files may have
  "button": [
    { "type": "click", "name": "今日歌曲", "key": "V1001_TODAY_MUSIC" },
    {
      "name": "菜单",
      "sub_button": [
        { "type": "view", "name": "搜索", "url": "http://www.soso.com/" },
        { "type": "miniprogram", "name": "wxa", "url": "http://mp.weixin.qq.com", "appid": "wx286b93c14bbf93aa", "pagepath": "pages/lunar/index" },
        { "type": "scancode_push", "name": "扫码", "key": "rselfmenu_0_1" },
        { "type": "media_id", "name": "图片", "media_id": "MEDIA_ID1" },
      ]
    },
    { "type": "location_select", "name": "发送位置", "key": "rselfmenu_2_0", "key": "LAST_WINS" }
  ]
}`;

describe('menu preview: tappedButton (the button behind a tap, from the live text)', () => {
  it('a top-level click button: its type and key', () => {
    assert.deepEqual(tappedButton(MENU, 'b0'), { ok: true, name: '今日歌曲', button: { type: 'click', key: 'V1001_TODAY_MUSIC' } });
  });

  it('sub-buttons: view with its url, miniprogram with url and pagepath, scancode with its key', () => {
    assert.deepEqual(tappedButton(MENU, 'b1.0'), { ok: true, name: '搜索', button: { type: 'view', url: 'http://www.soso.com/' } });
    assert.deepEqual(tappedButton(MENU, 'b1.1'), {
      ok: true,
      name: 'wxa',
      button: { type: 'miniprogram', url: 'http://mp.weixin.qq.com', pagepath: 'pages/lunar/index' },
    });
    assert.deepEqual(tappedButton(MENU, 'b1.2'), { ok: true, name: '扫码', button: { type: 'scancode_push', key: 'rselfmenu_0_1' } });
  });

  it("a duplicated key: the last one wins, as in JSON.parse and on WeChat's side", () => {
    const found = tappedButton(MENU, 'b2');
    assert.equal(found.ok && found.button.key, 'LAST_WINS');
  });

  it('follows an edit at once: the new key is what is sent', () => {
    const edited = MENU.replace('V1001_TODAY_MUSIC', 'V2002_EDITED');
    const found = tappedButton(edited, 'b0');
    assert.equal(found.ok && found.button.key, 'V2002_EDITED');
  });

  it('says why nothing is sent: a sub-menu, a media_id button, a button that is gone, unreadable text', () => {
    assert.deepEqual(tappedButton(MENU, 'b1'), { ok: false, reason: 'subMenu', name: '菜单' });
    assert.deepEqual(tappedButton(MENU, 'b1.3'), { ok: false, reason: 'noEvent', name: '图片', type: 'media_id' });
    assert.deepEqual(tappedButton(MENU, 'b3'), { ok: false, reason: 'gone', name: '' });
    assert.deepEqual(tappedButton(MENU, 'b1.9'), { ok: false, reason: 'gone', name: '' });
    assert.deepEqual(tappedButton('{"button": 3}', 'b0'), { ok: false, reason: 'unreadable', name: '' });
    assert.deepEqual(tappedButton(MENU, 'p0'), { ok: false, reason: 'gone', name: '' });
  });

  it('a conditional menu downloaded with its menuid: MenuId goes with the event', () => {
    const conditional = '{"button":[{"type":"click","name":"A","key":"K"}],"matchrule":{"tag_id":"2"},"menuid":208379533}';
    assert.deepEqual(tappedButton(conditional, 'b0'), { ok: true, name: 'A', button: { type: 'click', key: 'K', menuId: '208379533' } });
  });
});
