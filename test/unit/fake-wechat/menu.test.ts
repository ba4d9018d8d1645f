import * as assert from 'node:assert/strict';

import { registrableDomain } from '../../fake-wechat/rules';
import type { FakeWeChat } from '../../fake-wechat/server';
import { type Answer, APP, assertErr, FakeClock, get, type Obj, obj, post, stable, start, tokenOf } from './helpers';

const click = (name: string, key = 'K'): Obj => ({ type: 'click', name, key });
const view = (name: string, url: string): Obj => ({ type: 'view', name, url });
const menu = (...button: unknown[]): Obj => ({ button });

describe('fake WeChat: custom menus', () => {
  let clock: FakeClock;
  let fake: FakeWeChat;
  let token: string;

  const create = (body: unknown): Promise<Answer> => post(fake, '/cgi-bin/menu/create', body, { access_token: token });
  const expectCreate = async (body: unknown, errcode: number): Promise<void> => {
    const a = await create(body);
    if (errcode === 0) assert.equal(a.json['errcode'], 0, `${a.text} for ${JSON.stringify(body)}`);
    else assertErr(a, errcode);
  };

  beforeEach(async () => {
    clock = new FakeClock();
    fake = await start(clock);
    token = tokenOf(await stable(fake));
  });
  afterEach(async () => {
    await fake.close();
  });

  describe('menu/create rules', () => {
    it('requires POST, a token and JSON', async () => {
      assertErr(await get(fake, '/cgi-bin/menu/create', { access_token: token }), 43002);
      assertErr(await post(fake, '/cgi-bin/menu/create', menu(click('a'))), 41001);
      assertErr(await create('{"button":[{"type":"click",}]}'), 47001);
      assertErr(await create({ button: 'x' }), 47001);
    });

    it('1–3 top-level buttons (40016), errmsg with hint and rid', async () => {
      const a = await create(menu());
      assertErr(a, 40016);
      assert.match(String(a.json['errmsg']), /^invalid button size hint: \[[A-Za-z0-9_-]+\] rid: /);
      await expectCreate({}, 40016);
      await expectCreate(menu(click('a'), click('b'), click('c'), click('d')), 40016);
      await expectCreate(menu(click('a'), click('b'), click('c')), 0);
    });

    it('top-level name ≤ 16 UTF-8 bytes (40018)', async () => {
      await expectCreate(menu(click('a'.repeat(16))), 0);
      await expectCreate(menu(click('a'.repeat(17))), 40018);
      await expectCreate(menu(click('今日歌曲好')), 0); // 15 bytes
      await expectCreate(menu(click('今日歌曲好听')), 40018); // 18 bytes, 6 characters
      await expectCreate(menu(click('🎵今日歌曲')), 0); // 4 + 12 = 16 bytes
      await expectCreate(menu(click('🎵今日歌曲a')), 40018);
      await expectCreate(menu(click('')), 40018);
      await expectCreate(menu({ type: 'click', key: 'K' }), 40018);
      await expectCreate(menu({ name: 'a'.repeat(17), sub_button: [click('x')] }), 40018);
    });

    it('sub-button name ≤ 60 bytes (40025)', async () => {
      await expectCreate(menu({ name: 'm', sub_button: [click('a'.repeat(60))] }), 0);
      await expectCreate(menu({ name: 'm', sub_button: [click('a'.repeat(61))] }), 40025);
      await expectCreate(menu({ name: 'm', sub_button: [click('中'.repeat(20))] }), 0);
      await expectCreate(menu({ name: 'm', sub_button: [click('中'.repeat(20) + 'a')] }), 40025);
    });

    it('key ≤ 128 bytes and required for click-like types (40019 / 40026)', async () => {
      await expectCreate(menu(click('a', 'k'.repeat(128))), 0);
      await expectCreate(menu(click('a', 'k'.repeat(129))), 40019);
      await expectCreate(menu(click('a', '键'.repeat(42) + 'kk')), 0); // 128 bytes
      await expectCreate(menu(click('a', '键'.repeat(43))), 40019); // 129 bytes
      await expectCreate(menu({ type: 'scancode_push', name: 'a' }), 40019);
      await expectCreate(menu({ name: 'm', sub_button: [click('a', 'k'.repeat(129))] }), 40026);
      await expectCreate(menu({ name: 'm', sub_button: [{ type: 'location_select', name: 'a' }] }), 40026);
    });

    it('url ≤ 1024 bytes and required for view (40020 / 40027)', async () => {
      const base = 'https://example.com/';
      await expectCreate(menu(view('a', base + 'p'.repeat(1024 - base.length))), 0);
      await expectCreate(menu(view('a', base + 'p'.repeat(1025 - base.length))), 40020);
      await expectCreate(menu({ type: 'view', name: 'a' }), 40020);
      await expectCreate(menu({ name: 'm', sub_button: [view('a', base + 'p'.repeat(1025 - base.length))] }), 40027);
      await expectCreate(menu({ name: 'm', sub_button: [{ type: 'miniprogram', name: 'a', appid: 'wx1', pagepath: 'p' }] }), 40027);
    });

    it('button types (40017 / 40024) and a leaf without type (65308)', async () => {
      await expectCreate(menu({ type: 'text', name: 'a' }), 40017);
      await expectCreate(menu({ name: 'm', sub_button: [{ type: 'news', name: 'a' }] }), 40024);
      await expectCreate(menu({ name: 'a' }), 65308);
      await expectCreate(menu({ name: 'a', sub_button: [] }), 65308);
      await expectCreate(menu({ name: 'm', sub_button: [{ name: 'a' }] }), 65308);
    });

    it('sub-buttons: at most 5 (40023), no deeper nesting (40022)', async () => {
      const five = [1, 2, 3, 4, 5].map((i) => click(`s${i}`));
      await expectCreate(menu({ name: 'm', sub_button: five }), 0);
      await expectCreate(menu({ name: 'm', sub_button: [...five, click('s6')] }), 40023);
      await expectCreate(menu({ name: 'm', sub_button: [{ name: 'deep', sub_button: [click('x')] }] }), 40022);
    });

    it('accepts `sub_button: []` on leaves and harmless extra fields', async () => {
      await expectCreate(
        menu(
          { ...click('a'), sub_button: [] },
          { ...view('b', 'https://example.com/'), key: 'ignored' },
          { name: 'm', key: 'ignored', sub_button: [{ ...click('s', 'k'), url: 'https://x.example.com', sub_button: [] }] },
        ),
        0,
      );
    });

    it('url scheme must be http(s) (40055 / 40054); malformed urls are 65317', async () => {
      await expectCreate(menu(view('a', 'javascript:alert(1)')), 40055);
      await expectCreate(menu(view('a', 'ftp://example.com/')), 40055);
      await expectCreate(menu(view('a', 'www.example.com/page')), 40055);
      await expectCreate(menu({ name: 'm', sub_button: [view('a', 'weixin://dl/chat')] }), 40054);
      await expectCreate(menu(view('a', 'https://exa mple.com/')), 65317);
      await expectCreate(menu(view('a', 'http://')), 65317);
      await expectCreate(menu(view('a', 'http://localhost/')), 65317);
      await expectCreate(menu(view('a', 'HTTPS://Example.com/a path with spaces')), 0);
      // Surrounding spaces occur in live menus (wechat-api.md): not a missing scheme.
      await expectCreate(menu(view('a', ' https://example.com/ ')), 0);
    });

    it('type-specific required fields', async () => {
      await expectCreate(menu({ type: 'media_id', name: 'a' }), 40007);
      await expectCreate(menu({ type: 'media_id', name: 'a', media_id: 'MEDIA' }), 0);
      await expectCreate(menu({ type: 'article_id', name: 'a' }), 40097);
      await expectCreate(menu({ type: 'miniprogram', name: 'a', url: 'https://example.com', pagepath: 'pages/index' }), 40097);
      await expectCreate(menu({ type: 'miniprogram', name: 'a', url: 'https://example.com', appid: 'wx123', pagepath: 'pages/index' }), 0);
    });

    it('at most 3 registrable domains across all urls (65316)', async () => {
      // the real working menu from wechat-api.md: two domains
      await expectCreate(
        menu(
          {
            name: 'a',
            sub_button: [view('1', 'https://ly.example.net/x'), view('2', 'https://r.example.net/y'), view('3', 'https://example.net/')],
          },
          { name: 'b', sub_button: [view('4', 'https://mp.weixin.qq.com/s/abc'), view('5', 'https://support.qq.com/product/1')] },
        ),
        0,
      );
      const cn = menu(
        {
          name: 'a',
          sub_button: [view('1', 'https://a.example.com.cn'), view('2', 'https://b.example.com.cn'), view('3', 'https://one.com')],
        },
        view('b', 'https://two.org'),
      );
      await expectCreate(cn, 0);
      await expectCreate(
        menu(
          { name: 'a', sub_button: [view('1', 'https://a.example.com.cn'), view('2', 'https://b.other.com.cn')] },
          view('b', 'https://two.org'),
          { type: 'miniprogram', name: 'c', url: 'https://three.net', appid: 'wx1', pagepath: 'p' },
        ),
        65316,
      );
    });

    it('registrableDomain knows two-level suffixes', () => {
      assert.equal(registrableDomain('a.b.example.com.cn'), 'example.com.cn');
      assert.equal(registrableDomain('www.bbc.co.uk'), 'bbc.co.uk');
      assert.equal(registrableDomain('shop.example.gd.cn'), 'example.gd.cn');
      assert.equal(registrableDomain('mp.weixin.qq.com'), 'qq.com');
      assert.equal(registrableDomain('Example.NET.'), 'example.net');
      assert.equal(registrableDomain('10.1.2.3'), '10.1.2.3');
      assert.equal(registrableDomain('com.cn'), undefined);
      assert.equal(registrableDomain('localhost'), undefined);
    });
  });

  describe('round trips', () => {
    const uploaded = menu(
      { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
      {
        name: '菜单',
        sub_button: [
          { type: 'view', name: '搜索', url: 'http://www.soso.com/' },
          { type: 'miniprogram', name: 'wxa', url: 'http://mp.weixin.qq.com', appid: 'wx286b93c14bbf93aa', pagepath: 'pages/lunar/index' },
          { type: 'click', name: '赞一下我们', key: 'V1001_GOOD' },
        ],
      },
    );

    it('46003 before any menu; get_current_selfmenu_info says the menu is off', async () => {
      assertErr(await get(fake, '/cgi-bin/menu/get', { access_token: token }), 46003, 'menu no exist');
      const live = await get(fake, '/cgi-bin/get_current_selfmenu_info', { access_token: token });
      assert.deepEqual(live.json, { is_menu_open: 0 });
      assert.equal(fake.liveMenu(APP.appId), undefined);
    });

    it('create → menu/get (sub_button: [] on leaves, menuid) and liveMenu (as uploaded)', async () => {
      await expectCreate(uploaded, 0);
      assert.deepEqual(fake.liveMenu(APP.appId), uploaded);
      const got = await get(fake, '/cgi-bin/menu/get', { access_token: token });
      const m = obj(got.json['menu']);
      assert.equal(typeof m['menuid'], 'number');
      assert.deepEqual(m['button'], [
        { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC', sub_button: [] },
        {
          name: '菜单',
          sub_button: [
            { type: 'view', name: '搜索', url: 'http://www.soso.com/', sub_button: [] },
            {
              type: 'miniprogram',
              name: 'wxa',
              url: 'http://mp.weixin.qq.com',
              appid: 'wx286b93c14bbf93aa',
              pagepath: 'pages/lunar/index',
              sub_button: [],
            },
            { type: 'click', name: '赞一下我们', key: 'V1001_GOOD', sub_button: [] },
          ],
        },
      ]);
      assert.equal(got.json['conditionalmenu'], undefined);
      // what menu/get returns uploads again unchanged
      await expectCreate({ button: m['button'] }, 0);
    });

    it('get_current_selfmenu_info uses the live shape (sub_button.list)', async () => {
      await expectCreate(uploaded, 0);
      const live = await get(fake, '/cgi-bin/get_current_selfmenu_info', { access_token: token });
      assert.deepEqual(live.json, {
        is_menu_open: 1,
        selfmenu_info: {
          button: [
            { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
            {
              name: '菜单',
              sub_button: {
                list: [
                  { type: 'view', name: '搜索', url: 'http://www.soso.com/' },
                  {
                    type: 'miniprogram',
                    name: 'wxa',
                    url: 'http://mp.weixin.qq.com',
                    appid: 'wx286b93c14bbf93aa',
                    pagepath: 'pages/lunar/index',
                  },
                  { type: 'click', name: '赞一下我们', key: 'V1001_GOOD' },
                ],
              },
            },
          ],
        },
      });
    });

    it('a failed create leaves the live menu untouched; a new create replaces it', async () => {
      await expectCreate(uploaded, 0);
      await expectCreate(menu(click('a'.repeat(17))), 40018);
      assert.deepEqual(fake.liveMenu(APP.appId), uploaded);
      await expectCreate(menu(click('only')), 0);
      assert.deepEqual(fake.liveMenu(APP.appId), menu(click('only')));
    });

    it('setLiveMenu seeds or clears the default menu', async () => {
      fake.setLiveMenu(APP.appId, uploaded);
      const got = await get(fake, '/cgi-bin/menu/get', { access_token: token });
      assert.equal(obj(got.json['menu'])['button'] instanceof Array, true);
      fake.setLiveMenu(APP.appId, undefined);
      assertErr(await get(fake, '/cgi-bin/menu/get', { access_token: token }), 46003);
    });

    it('conditional menus: add, list, trymatch, delete', async () => {
      const cond = { ...menu(click('vip', 'VIP')), matchrule: { tag_id: '2', client_platform_type: '2' } };
      assertErr(await post(fake, '/cgi-bin/menu/addconditional', cond, { access_token: token }), 65303);
      await expectCreate(uploaded, 0);
      const added = await post(fake, '/cgi-bin/menu/addconditional', cond, { access_token: token });
      const menuid = added.json['menuid'];
      assert.equal(typeof menuid, 'string', added.text);
      assert.deepEqual(fake.conditionalMenus(APP.appId), [{ ...cond, menuid }]);

      const got = await get(fake, '/cgi-bin/menu/get', { access_token: token });
      const list = got.json['conditionalmenu'];
      assert.ok(Array.isArray(list));
      assert.deepEqual(list, [{ button: [{ ...click('vip', 'VIP'), sub_button: [] }], matchrule: cond.matchrule, menuid: Number(menuid) }]);

      const tm = await post(fake, '/cgi-bin/menu/trymatch', { user_id: 'weixin_user' }, { access_token: token });
      assert.equal(obj(tm.json)['errcode'], undefined);
      assert.deepEqual(tm.json['button'], obj(got.json['menu'])['button']);
      assertErr(await post(fake, '/cgi-bin/menu/trymatch', { user_id: '' }, { access_token: token }), 65302);

      assertErr(await post(fake, '/cgi-bin/menu/delconditional', { menuid: '1' }, { access_token: token }), 65301);
      const del = await post(fake, '/cgi-bin/menu/delconditional', { menuid }, { access_token: token });
      assert.equal(del.json['errcode'], 0);
      assert.deepEqual(fake.conditionalMenus(APP.appId), []);
    });

    it('conditional menu errors: 65304, 65310, 65311, 65307, button rules, 65305 after 20', async () => {
      await expectCreate(uploaded, 0);
      const add = (body: unknown): Promise<Answer> => post(fake, '/cgi-bin/menu/addconditional', body, { access_token: token });
      assertErr(await add(menu(click('a'))), 65304);
      assertErr(await add({ ...menu(click('a')), matchrule: {} }), 65304);
      assertErr(await add({ ...menu(click('a')), matchrule: { tag_id: '', sex: null } }), 65304);
      assertErr(await add({ ...menu(click('a')), matchrule: { province: '广东' } }), 65310);
      assertErr(await add({ ...menu(click('a')), matchrule: { country: '中国', city: '广州' } }), 65311);
      assertErr(await add({ button: [], matchrule: { tag_id: '1' } }), 65307);
      assertErr(await add({ ...menu(click('a'.repeat(17))), matchrule: { tag_id: '1' } }), 40018);
      const ok = await add({ ...menu(click('a')), matchrule: { group_id: '1' } });
      assert.equal(typeof ok.json['menuid'], 'string');
      for (let i = 1; i < 20; i++)
        assert.equal(typeof (await add({ ...menu(click('a')), matchrule: { tag_id: String(i) } })).json['menuid'], 'string');
      assertErr(await add({ ...menu(click('a')), matchrule: { tag_id: '99' } }), 65305);
    });

    it('menu/delete removes default and conditional menus; trymatch then has nothing', async () => {
      await expectCreate(uploaded, 0);
      await post(fake, '/cgi-bin/menu/addconditional', { ...menu(click('a')), matchrule: { tag_id: '1' } }, { access_token: token });
      const del = await get(fake, '/cgi-bin/menu/delete', { access_token: token });
      assert.deepEqual(del.json, { errcode: 0, errmsg: 'ok' });
      assert.equal(fake.liveMenu(APP.appId), undefined);
      assert.deepEqual(fake.conditionalMenus(APP.appId), []);
      assertErr(await get(fake, '/cgi-bin/menu/get', { access_token: token }), 46003);
      assertErr(await post(fake, '/cgi-bin/menu/trymatch', { user_id: 'o123' }, { access_token: token }), 46002);
    });

    it('menu calls count against the per-API quota', async () => {
      await expectCreate(uploaded, 0);
      await expectCreate(menu(), 40016);
      const q = await post(fake, '/cgi-bin/openapi/quota/get', { cgi_path: '/cgi-bin/menu/create' }, { access_token: token });
      assert.deepEqual(q.json['quota'], { daily_limit: 1000, used: 1, remain: 999 });
    });
  });
});
