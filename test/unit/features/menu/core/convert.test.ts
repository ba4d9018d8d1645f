import * as assert from 'node:assert/strict';

import {
  CONVERSION_MESSAGES,
  convertApiMenu,
  convertLiveMenu,
  formatMenuJson,
  summarizeMenu,
} from '../../../../../src/features/menu/core/convert';
import { validateMenu } from '../../../../../src/features/menu/core/validate';
import { apiGet, asMenu, click, live, menu, miniprogram, parent, view } from './builders';

describe('convertLiveMenu (get_current_selfmenu_info)', () => {
  it('keeps API-created buttons as they are and flattens sub_button.list', () => {
    const response = live.response([
      click('今日歌曲', 'V1001_TODAY_MUSIC'),
      live.parent('菜单', [view('搜索', 'http://www.soso.com/'), miniprogram('小程序'), click('赞', 'V1001_GOOD')]),
    ]);
    const result = convertLiveMenu(response);
    assert.deepEqual(
      result.menu,
      menu(
        click('今日歌曲', 'V1001_TODAY_MUSIC'),
        parent('菜单', [view('搜索', 'http://www.soso.com/'), miniprogram('小程序'), click('赞', 'V1001_GOOD')]),
      ),
    );
    assert.equal(result.isMenuOpen, true);
    assert.deepEqual(result.notes, []);
    assert.deepEqual(validateMenu(formatMenuJson(result.menu!)).problems, []);
  });

  it('turns console image, voice and news buttons into media_id buttons with the same id', () => {
    const response = live.response([
      live.parent('素材', [
        live.consoleButton('img', '图片', 'IMG_MEDIA_ID'),
        live.consoleButton('voice', '语音', 'VOICE_MEDIA_ID'),
        live.news('图文', 'NEWS_MEDIA_ID'),
      ]),
    ]);
    const result = convertLiveMenu(response);
    assert.deepEqual(result.menu?.button[0]?.sub_button, [
      { type: 'media_id', name: '图片', media_id: 'IMG_MEDIA_ID' },
      { type: 'media_id', name: '语音', media_id: 'VOICE_MEDIA_ID' },
      { type: 'media_id', name: '图文', media_id: 'NEWS_MEDIA_ID' },
    ]);
    assert.deepEqual(
      result.notes.map((n) => [n.code, n.needsAction, n.path]),
      [
        ['console-img', false, ['button', 0, 'sub_button', 0]],
        ['console-voice', false, ['button', 0, 'sub_button', 1]],
        ['console-news', false, ['button', 0, 'sub_button', 2]],
      ],
    );
    assert.equal(result.notes[2]?.message, CONVERSION_MESSAGES.consoleNews.replace('{0}', '图文'));
    assert.deepEqual(validateMenu(formatMenuJson(result.menu!)).problems, []);
  });

  it('cannot carry over a console video (only a download link): empty media_id, needs action', () => {
    const result = convertLiveMenu(live.response([live.consoleButton('video', '视频', 'http://61.161.66.18/video.mp4')]));
    assert.deepEqual(result.menu?.button, [{ type: 'media_id', name: '视频', media_id: '' }]);
    assert.equal(result.notes[0]?.code, 'console-video');
    assert.equal(result.notes[0]?.needsAction, true);
    const problems = validateMenu(formatMenuJson(result.menu!)).problems;
    assert.deepEqual(
      problems.map((p) => [p.code, p.path]),
      [['fieldEmpty', ['button', 0, 'media_id']]],
    );
  });

  it('turns a console text reply into a click button without key, quoting the text', () => {
    const result = convertLiveMenu(live.response([live.consoleButton('text', '联系', '电话 123')]));
    assert.deepEqual(result.menu?.button, [{ type: 'click', name: '联系', key: '' }]);
    assert.equal(result.notes[0]?.code, 'console-text');
    assert.match(result.notes[0]?.message ?? '', /"联系" replies with a text set in the MP console: "电话 123"/);
  });

  it('keeps a console view button (it has a url)', () => {
    const result = convertLiveMenu(live.response([{ type: 'view', name: '官网', url: 'https://example.com/' }]));
    assert.deepEqual(result.menu?.button, [view('官网', 'https://example.com/')]);
  });

  it('keeps unknown types with a note; the validator then flags them', () => {
    const result = convertLiveMenu(live.response([{ type: 'hologram', name: 'X' }]));
    assert.deepEqual(result.menu?.button, [{ type: 'hologram', name: 'X' }]);
    assert.equal(result.notes[0]?.code, 'unknown-type');
  });

  it('drops live-only fields (value, news_info)', () => {
    const result = convertLiveMenu(live.response([live.news('图文', 'M')]));
    assert.deepEqual(Object.keys(result.menu?.button[0] ?? {}), ['type', 'name', 'media_id']);
  });

  it('reports a menu that is switched off, and an empty live menu', () => {
    const off = convertLiveMenu(live.response([click()], 0));
    assert.equal(off.isMenuOpen, false);
    assert.deepEqual(
      off.notes.map((n) => n.code),
      ['menu-off'],
    );
    assert.ok(off.menu);

    const none = convertLiveMenu({ is_menu_open: 0 });
    assert.equal(none.menu, undefined);
    assert.deepEqual(
      none.notes.map((n) => n.code),
      ['menu-off', 'no-menu'],
    );
  });

  it('leaves out list entries that are not buttons', () => {
    const result = convertLiveMenu(live.response([click(), 'oops' as unknown as Record<string, unknown>]));
    assert.equal(result.menu?.button.length, 1);
    assert.deepEqual(
      result.notes.map((n) => n.code),
      ['not-a-button'],
    );
  });

  it('never throws on garbage', () => {
    for (const value of [null, 42, 'x', [], { selfmenu_info: 'x' }, { selfmenu_info: { button: [{ sub_button: { list: 'x' } }] } }]) {
      assert.doesNotThrow(() => convertLiveMenu(value));
    }
  });
});

describe('convertApiMenu (menu/get)', () => {
  it('returns the default menu without empty sub_button lists, and its menuid as text', () => {
    const result = convertApiMenu(apiGet([click('A', 'K', { sub_button: [] }), parent('B', [view('C', undefined, { sub_button: [] })])]));
    assert.deepEqual(result.menu, menu(click('A', 'K'), parent('B', [view('C')])));
    assert.equal(result.menuid, '208396938');
    assert.deepEqual(result.conditional, []);
  });

  it('returns conditional menus with normalised match rules', () => {
    const result = convertApiMenu(
      apiGet(
        [click()],
        [
          {
            button: [click('VIP', 'VIP_KEY')],
            matchrule: { group_id: 2, sex: 1, country: '中国', province: '', city: '', client_platform_type: 2, language: '' },
            menuid: 208396993,
          },
          { button: [view()], matchrule: { tag_id: '100', group_id: '' } },
        ],
      ),
    );
    assert.deepEqual(result.conditional, [
      {
        menuid: '208396993',
        menu: { button: [click('VIP', 'VIP_KEY')], matchrule: { tag_id: '2', client_platform_type: '2', sex: '1', country: '中国' } },
      },
      { menu: { button: [view()], matchrule: { tag_id: '100' } } },
    ]);
    assert.deepEqual(
      result.notes.map((n) => [n.code, n.conditionalIndex, n.path]),
      [['group-id-renamed', 0, ['matchrule', 'tag_id']]],
    );
  });

  it('keeps group_id when tag_id is also set', () => {
    const result = convertApiMenu(apiGet([click()], [{ button: [click()], matchrule: { tag_id: '1', group_id: '2' } }]));
    assert.deepEqual(result.conditional[0]?.menu.matchrule, { tag_id: '1', group_id: '2' });
  });

  it('reports no default menu', () => {
    const result = convertApiMenu({ errcode: 46003, errmsg: 'menu no exist' });
    assert.equal(result.menu, undefined);
    assert.deepEqual(
      result.notes.map((n) => n.code),
      ['no-menu'],
    );
  });
});

describe('summarizeMenu and formatMenuJson', () => {
  it('lists top-level names, trimmed', () => {
    assert.deepEqual(summarizeMenu(asMenu(menu(click(' 今日 '), parent('菜单', [view()]), view('关于')))), ['今日', '菜单', '关于']);
  });

  it('formats with two spaces and a final newline', () => {
    assert.equal(
      formatMenuJson(asMenu(menu(click('A', 'K')))),
      '{\n  "button": [\n    {\n      "type": "click",\n      "name": "A",\n      "key": "K"\n    }\n  ]\n}\n',
    );
  });
});
