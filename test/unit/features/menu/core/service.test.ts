// MenuService against the fake WeChat server, through the real client and TokenManager.withToken,
// the way the extension wires it.
import * as assert from 'node:assert/strict';

import { NO_MENU_ERRCODE } from '../../../../../src/features/menu/core/rules/errcodes';
import { SAMPLE_MENU } from '../../../../../src/features/menu/core/sample';
import { MenuService } from '../../../../../src/features/menu/core/service';
import { TokenManager } from '../../../../../src/token/manager';
import { WeChatApiError } from '../../../../../src/wechat/apiErrors';
import { WeChatClient } from '../../../../../src/wechat/client';
import { createTransport } from '../../../../../src/wechat/undiciTransport';
import { FakeWeChat, startFakeWeChat } from '../../../../fake-wechat/server';
import { FakeClock } from '../../../helpers/fakeClock';
import { APP_ID, APP_SECRET, fixedCredentials } from '../../../helpers/fixtures';
import { MemoryTokenStore } from '../../../helpers/memoryTokenStore';

describe('menu/service against the fake WeChat server', () => {
  let fake: FakeWeChat;
  let service: MenuService;
  let manager: TokenManager;

  beforeEach(async () => {
    const clock = new FakeClock();
    fake = await startFakeWeChat({ accounts: [{ appId: APP_ID, secret: APP_SECRET }], now: () => clock.now() });
    const client = new WeChatClient({ settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }), transport: () => createTransport({}) });
    manager = new TokenManager({
      api: client,
      store: new MemoryTokenStore(),
      clock,
      settings: () => ({ appId: APP_ID, mode: 'stable', refreshMarginSeconds: 300 }),
      credentials: fixedCredentials(),
    });
    service = new MenuService((path, options) => manager.withToken((accessToken) => client.call(path, { ...options, accessToken })));
  });

  afterEach(async () => {
    manager.dispose();
    await fake.close();
  });

  it('reports no menu on an account without one, through both endpoints', async () => {
    const current = await service.current();
    assert.equal(current.menu, undefined);
    assert.equal(fake.callsTo('/cgi-bin/menu/get')[0]?.errcode, NO_MENU_ERRCODE);
    assert.equal(fake.callsTo('/cgi-bin/get_current_selfmenu_info').length, 1);
  });

  it('uploads a menu and reads the same menu back in the upload shape', async () => {
    await service.create(SAMPLE_MENU);
    assert.deepEqual(fake.liveMenu(APP_ID), { button: SAMPLE_MENU.button });
    const current = await service.current();
    assert.deepEqual(current.menu, SAMPLE_MENU);
    assert.equal(fake.callsTo('/cgi-bin/get_current_selfmenu_info').length, 0, 'menu/get sufficed');
  });

  it('deletes the default menu and the conditional ones', async () => {
    await service.create(SAMPLE_MENU);
    const menuid = await service.addConditional({
      button: [{ type: 'click', name: 'iOS', key: 'IOS' }],
      matchrule: { client_platform_type: '1' },
    });
    assert.ok(menuid.length > 0);
    assert.equal((await service.current()).conditional[0]?.menuid, menuid);
    await service.deleteAll();
    assert.equal(fake.liveMenu(APP_ID), undefined);
    assert.deepEqual(fake.conditionalMenus(APP_ID), []);
  });

  it('deletes one conditional menu by menuid', async () => {
    await service.create(SAMPLE_MENU);
    const first = await service.addConditional({ button: [{ type: 'click', name: 'A', key: 'A' }], matchrule: { tag_id: '2' } });
    const second = await service.addConditional({ button: [{ type: 'click', name: 'B', key: 'B' }], matchrule: { tag_id: '3' } });
    await service.deleteConditional(first);
    assert.deepEqual(
      (await service.current()).conditional.map((entry) => entry.menuid),
      [second],
    );
  });

  describe('restore (of a backup: the default menu and every conditional menu)', () => {
    const ios = { button: [{ type: 'click', name: 'iOS', key: 'IOS' }], matchrule: { client_platform_type: '1' } };
    const tagged = { button: [{ type: 'click', name: 'VIP', key: 'VIP' }], matchrule: { tag_id: '2' } };

    it('brings back the conditional menus a delete removed, and says which menuids changed', async () => {
      await service.create(SAMPLE_MENU);
      const oldIos = await service.addConditional(ios);
      const oldTagged = await service.addConditional(tagged);
      const backup = await service.current(); // what the Delete Menu command saves first
      await service.deleteAll();

      const result = await service.restore({ menu: SAMPLE_MENU, conditional: backup.conditional });

      assert.deepEqual(fake.liveMenu(APP_ID), { button: SAMPLE_MENU.button });
      const live = fake.conditionalMenus(APP_ID) as { button: unknown; matchrule: unknown; menuid: string }[];
      assert.deepEqual(
        live.map(({ button, matchrule }) => ({ button, matchrule })),
        [ios, tagged],
      );
      assert.deepEqual(result.menuids, [
        { old: oldIos, new: live[0]?.menuid },
        { old: oldTagged, new: live[1]?.menuid },
      ]);
      assert.notEqual(live[0]?.menuid, oldIos, 'WeChat assigns new menuids');
    });

    it('replaces the conditional menus that are live now instead of adding duplicates', async () => {
      await service.create(SAMPLE_MENU);
      await service.addConditional(ios);
      const backup = await service.current();
      await service.addConditional(tagged); // added after the backup: not part of what is restored

      await service.restore({ menu: SAMPLE_MENU, conditional: backup.conditional });

      const live = fake.conditionalMenus(APP_ID) as { matchrule: unknown }[];
      assert.deepEqual(
        live.map((m) => m.matchrule),
        [ios.matchrule],
      );
    });

    it('uploads the default menu first and stops there when it is refused, leaving the conditional menus alone', async () => {
      await service.create(SAMPLE_MENU);
      await service.addConditional(ios);
      const tooLong = { button: [{ type: 'click', name: '一二三四五六', key: 'K' }] };
      await assert.rejects(
        service.restore({ menu: tooLong, conditional: [] }),
        (e: unknown) => e instanceof WeChatApiError && e.errcode === 40018,
      );
      assert.equal(fake.conditionalMenus(APP_ID).length, 1);
      assert.deepEqual(fake.callsTo('/cgi-bin/menu/delconditional'), []);
    });

    it('restores a backup without conditional menus (older backups) as the default menu alone', async () => {
      const result = await service.restore({ menu: SAMPLE_MENU });
      assert.deepEqual(fake.liveMenu(APP_ID), { button: SAMPLE_MENU.button });
      assert.deepEqual(result.menuids, []);
    });
  });

  it('shows the menu a user would see, or undefined when there is none', async () => {
    assert.equal(await service.tryMatch('o6_bmjrPTlm6_2sgVt7hMZOPfL2M'), undefined);
    await service.create(SAMPLE_MENU);
    const matched = await service.tryMatch('o6_bmjrPTlm6_2sgVt7hMZOPfL2M');
    assert.deepEqual(
      matched?.menu?.button.map((button) => button.name),
      SAMPLE_MENU.button.map((button) => button.name),
    );
  });

  it("passes the server's rule errcodes through as WeChatApiError", async () => {
    const tooLong = { button: [{ type: 'click', name: '一二三四五六', key: 'K' }] };
    await assert.rejects(service.create(tooLong), (error: unknown) => error instanceof WeChatApiError && error.errcode === 40018);
    assert.equal(fake.liveMenu(APP_ID), undefined);
  });

  it('refreshes the token once and retries when another caller invalidated it', async () => {
    await service.create(SAMPLE_MENU); // caches a token in the manager's store
    // Someone else forces a new stable token: the cached one is now invalid on the server.
    const other = new WeChatClient({ settings: () => ({ baseUrl: fake.url, timeoutMs: 5000 }), transport: () => createTransport({}) });
    await other.stableToken({ appId: APP_ID, appSecret: APP_SECRET }, true);
    const fetchesBefore = fake.callsTo('/cgi-bin/stable_token').length;
    assert.deepEqual((await service.current()).menu, SAMPLE_MENU);
    const menuGets = fake.callsTo('/cgi-bin/menu/get').map((call) => call.errcode);
    assert.deepEqual(menuGets, [40001, 0], 'rejected once, then retried with the new token');
    assert.equal(fake.callsTo('/cgi-bin/stable_token').length, fetchesBefore + 1, 'exactly one refresh');
  });
});
