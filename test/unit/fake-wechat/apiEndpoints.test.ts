// The fake's users, tags, QR code, message and mini program endpoints behave as WeChat documents
// (../../../../shared/wechat-api-more.md): state limits the request checker cannot see (the
// 100-tag account limit, duplicate names, system tags, unknown openids, the 48-hour
// customer-service window, one subscription message per acceptance, single-use codes) and the
// image answers (showqrcode and getwxacodeunlimit answer a PNG; an unknown ticket HTTP 404).
import * as assert from 'node:assert/strict';

import { fakeOpenid, SEEDED_SUBSCRIPTION_TEMPLATE_ID } from '../../fake-wechat/apiState';
import { PNG_SIGNATURE } from '../../fake-wechat/png';
import { APP_ID, APP_SECRET } from '../helpers/fixtures';
import { FakeCaller } from '../wechat/catalog/fakeCalls';

describe('fake-wechat: users, tags, QR codes, messages, mini program', () => {
  let caller: FakeCaller;
  let followers: string[];
  beforeEach(async () => {
    caller = await FakeCaller.start();
    followers = caller.fake.api.data(APP_ID).followers.map((f) => f.openid);
  });
  afterEach(() => caller.fake.close());

  const post = (path: string, body: unknown) => caller.errcode('POST', path, { body });

  it('seeds three followers, the star tag, a template and materials per account', async () => {
    const users = await caller.call('GET', '/cgi-bin/user/get');
    assert.deepEqual([users.json?.['total'], users.json?.['count']], [3, 3]);
    const tags = await caller.call('GET', '/cgi-bin/tags/get');
    assert.deepEqual(tags.json?.['tags'], [{ id: 2, name: '星标组', count: 0 }]);
    const counts = await caller.call('GET', '/cgi-bin/material/get_materialcount');
    assert.deepEqual(counts.json, { voice_count: 1, video_count: 0, image_count: 2, news_count: 1 });
    const templates = await caller.call('GET', '/cgi-bin/template/get_all_private_template');
    assert.equal((templates.json?.['template_list'] as unknown[]).length, 1);
  });

  it('an account holds at most 100 tags (45056); names are unique (45157); system tags stay (45058)', async () => {
    assert.equal(await post('/cgi-bin/tags/create', { tag: { name: 'dup' } }), 0);
    assert.equal(await post('/cgi-bin/tags/create', { tag: { name: 'dup' } }), 45157);
    for (let i = 3; i <= 100; i++) assert.equal(await post('/cgi-bin/tags/create', { tag: { name: `t${i}` } }), 0, `tag ${i}`);
    assert.equal(await post('/cgi-bin/tags/create', { tag: { name: 'one too many' } }), 45056);
    assert.equal(await post('/cgi-bin/tags/update', { tag: { id: 2, name: 'x' } }), 45058);
    assert.equal(await post('/cgi-bin/tags/delete', { tag: { id: 99999 } }), 45159);
  });

  it('tagging: unknown openids answer 40003, a follower holds at most 20 tags (45059), a big tag cannot be deleted (45057)', async () => {
    const created = await caller.call('POST', '/cgi-bin/tags/create', { body: { tag: { name: 'vip' } } });
    const tagid = (created.json?.['tag'] as { id: number }).id;
    assert.equal(await post('/cgi-bin/tags/members/batchtagging', { openid_list: [followers[0], 'oNOTAFOLLOWER'], tagid }), 40003);
    assert.equal(await post('/cgi-bin/tags/members/batchtagging', { openid_list: [followers[0]], tagid }), 0);
    const ids = await caller.call('POST', '/cgi-bin/tags/getidlist', { body: { openid: followers[0] } });
    assert.deepEqual(ids.json, { tagid_list: [tagid] });
    const members = await caller.call('POST', '/cgi-bin/user/tag/get', { body: { tagid } });
    assert.deepEqual((members.json?.['data'] as { openid: string[] }).openid, [followers[0]]);
    for (let i = 0; i < 19; i++) {
      const t = await caller.call('POST', '/cgi-bin/tags/create', { body: { tag: { name: `n${i}` } } });
      assert.equal(
        await post('/cgi-bin/tags/members/batchtagging', { openid_list: [followers[0]], tagid: (t.json?.['tag'] as { id: number }).id }),
        0,
      );
    }
    const last = await caller.call('POST', '/cgi-bin/tags/create', { body: { tag: { name: 'twenty-first' } } });
    assert.equal(
      await post('/cgi-bin/tags/members/batchtagging', { openid_list: [followers[0]], tagid: (last.json?.['tag'] as { id: number }).id }),
      45059,
    );
    const tag = caller.fake.api.data(APP_ID).tags.find((t) => t.id === tagid);
    if (tag) tag.extraCount = 100_000;
    assert.equal(await post('/cgi-bin/tags/delete', { tag: { id: tagid } }), 45057);
    assert.equal(await post('/cgi-bin/tags/members/batchuntagging', { openid_list: [followers[0]], tagid }), 0);
    if (tag) tag.extraCount = 0;
    assert.equal(await post('/cgi-bin/tags/delete', { tag: { id: tagid } }), 0);
  });

  it('user/info knows followers only (40003) and answers no nickname', async () => {
    const info = await caller.call('GET', '/cgi-bin/user/info', { query: { openid: followers[1] ?? '', lang: 'zh_CN' } });
    assert.equal(info.json?.['openid'], followers[1]);
    assert.equal('nickname' in (info.json ?? {}), false);
    assert.equal(await caller.errcode('GET', '/cgi-bin/user/info', { query: { openid: fakeOpenid('wxother', 'x') } }), 40003);
  });

  it('customer-service messages: within 48 hours of the last message only (45015), 5 per window (45047)', async () => {
    const text = (touser: string | undefined) => ({ touser, msgtype: 'text', text: { content: 'hello' } });
    assert.equal(await post('/cgi-bin/message/custom/send', text(followers[1])), 45015, 'wrote three days ago');
    assert.equal(await post('/cgi-bin/message/custom/send', text(followers[2])), 45015, 'never wrote');
    for (let i = 0; i < 5; i++) assert.equal(await post('/cgi-bin/message/custom/send', text(followers[0])), 0);
    assert.equal(await post('/cgi-bin/message/custom/send', text(followers[0])), 45047);
    assert.equal(await post('/cgi-bin/message/custom/send', { touser: followers[0], msgtype: 'telegram' }), 40008);
  });

  it('a subscription allows one message per acceptance (43101); an unknown template answers 40037', async () => {
    const send = (template_id: string) => ({ touser: followers[0], template_id, data: { thing1: { value: 'ok' } } });
    assert.equal(await post('/cgi-bin/message/subscribe/bizsend', send(SEEDED_SUBSCRIPTION_TEMPLATE_ID)), 0);
    assert.equal(await post('/cgi-bin/message/subscribe/bizsend', send(SEEDED_SUBSCRIPTION_TEMPLATE_ID)), 43101);
    assert.equal(await post('/cgi-bin/message/subscribe/bizsend', send('nope')), 40037);
    const answer = await caller.call('POST', '/cgi-bin/message/template/send', {
      body: {
        ...send('x'),
        template_id: caller.fake.api.data(APP_ID).templates[0]?.template_id,
        data: { thing1: { value: '123456789012345678901' } },
      },
    });
    assert.equal(answer.json?.['errcode'], 47003);
    assert.match(String(answer.json?.['errmsg']), /data\.thing1\.value invalid/);
  });

  it('showqrcode answers a PNG for a live ticket without a token, HTTP 404 for anything else', async () => {
    const created = await caller.call('POST', '/cgi-bin/qrcode/create', {
      body: { action_name: 'QR_STR_SCENE', expire_seconds: 60, action_info: { scene: { scene_str: 'promo' } } },
    });
    const ticket = String(created.json?.['ticket']);
    assert.equal(created.json?.['expire_seconds'], 60);
    assert.equal(caller.fake.api.qrSceneOf(ticket), 'promo');
    const image = await caller.call('GET', '/cgi-bin/showqrcode', { token: false, query: { ticket } });
    assert.deepEqual([image.status, image.contentType], [200, 'image/png']);
    assert.deepEqual(image.bytes.subarray(0, 8), PNG_SIGNATURE);
    const missing = await caller.call('GET', '/cgi-bin/showqrcode', { token: false, query: { ticket: 'gQnope' } });
    assert.deepEqual([missing.status, missing.json], [404, undefined]);
    const permanent = await caller.call('POST', '/cgi-bin/qrcode/create', {
      body: { action_name: 'QR_LIMIT_SCENE', action_info: { scene: { scene_id: 7 } } },
    });
    assert.equal('expire_seconds' in (permanent.json ?? {}), false);
  });

  it('getwxacodeunlimit answers a PNG, or JSON for a page the published version lacks (41030)', async () => {
    const image = await caller.call('POST', '/wxa/getwxacodeunlimit', { body: { scene: 'id=1', page: 'pages/index/index' } });
    assert.deepEqual([image.contentType, image.bytes.subarray(0, 8)], ['image/png', PNG_SIGNATURE]);
    assert.equal(await post('/wxa/getwxacodeunlimit', { scene: 'id=1', page: 'pages/new/new' }), 41030);
    assert.equal(await post('/wxa/getwxacodeunlimit', { scene: 'id=1', page: 'pages/new/new', check_path: false }), 0);
  });

  it('the AppSecret exchanges: a code is single-use (40163), an unknown one answers 40029, a wrong secret 40125', async () => {
    const code = caller.fake.api.issueCode(APP_ID, followers[0] ?? '');
    const query = (c: string, secret = APP_SECRET) => ({
      token: false,
      query: { appid: APP_ID, secret, code: c, grant_type: 'authorization_code' },
    });
    assert.equal(await caller.errcode('GET', '/sns/oauth2/access_token', query(code, 'wrong')), 40125);
    const answer = await caller.call('GET', '/sns/oauth2/access_token', query(code));
    assert.equal(answer.json?.['openid'], followers[0]);
    assert.equal(await caller.errcode('GET', '/sns/oauth2/access_token', query(code)), 40163);
    assert.equal(await caller.errcode('GET', '/sns/oauth2/access_token', query('made-up')), 40029);
    const jsCode = caller.fake.api.issueCode(APP_ID, followers[1] ?? '');
    const session = await caller.call('GET', '/sns/jscode2session', {
      token: false,
      query: { appid: APP_ID, secret: APP_SECRET, js_code: jsCode, grant_type: 'authorization_code' },
    });
    assert.equal(session.json?.['openid'], followers[1]);
  });

  it('user/get counts against its daily quota of 500 (45009)', async () => {
    caller.fake.setQuotaUsed(APP_ID, '/cgi-bin/user/get', 500);
    assert.equal(await caller.errcode('GET', '/cgi-bin/user/get'), 45009);
  });
});
