// The request checker's limits against the fake WeChat server's own rules: for each limit, a body
// just under it is accepted by both, and a body just over it is refused by both, the checker naming
// the errcode the fake answers. A disagreement means the catalog or the fake misread the reference
// (../../../../../shared/wechat-api-more.md): decide which from there, never copy one into the other.
import * as assert from 'node:assert/strict';

import { checkRequest } from '../../../../src/wechat/catalog/checkRequest';
import { fakeOpenid, SEEDED_SUBSCRIPTION_TEMPLATE_ID, SEEDED_TEMPLATE_ID } from '../../../fake-wechat/apiState';
import { APP_ID } from '../../helpers/fixtures';
import { FakeCaller } from './fakeCalls';

interface Setup {
  readonly followers: readonly string[];
  readonly tagId: number;
}

interface LimitCase {
  readonly name: string;
  readonly path: string;
  readonly errcode: number;
  readonly under: (s: Setup) => unknown;
  readonly over: (s: Setup) => unknown;
}

const str = (scene_str: string, expire_seconds = 600) => ({
  action_name: 'QR_STR_SCENE',
  expire_seconds,
  action_info: { scene: { scene_str } },
});
const sceneId = (action_name: string, scene_id: number) => ({ action_name, expire_seconds: 600, action_info: { scene: { scene_id } } });
const template = (s: Setup, data: Record<string, string>, touser = s.followers[0]) => ({
  touser,
  template_id: SEEDED_TEMPLATE_ID,
  data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }])),
});
const page = (count: number) => ({ offset: 0, count });

const CASES: readonly LimitCase[] = [
  {
    name: 'tag name 30 bytes',
    path: '/cgi-bin/tags/create',
    errcode: 45158,
    under: () => ({ tag: { name: '标'.repeat(10) } }),
    over: () => ({ tag: { name: `${'标'.repeat(10)}a` } }),
  },
  {
    name: 'batchtagging 50 openids',
    path: '/cgi-bin/tags/members/batchtagging',
    errcode: 40032,
    under: (s) => ({ openid_list: s.followers.slice(0, 50), tagid: s.tagId }),
    over: (s) => ({ openid_list: s.followers.slice(0, 51), tagid: s.tagId }),
  },
  {
    name: 'user/info/batchget 100 users',
    path: '/cgi-bin/user/info/batchget',
    errcode: 40032,
    under: (s) => ({ user_list: s.followers.slice(0, 100).map((openid) => ({ openid })) }),
    over: (s) => ({ user_list: s.followers.slice(0, 101).map((openid) => ({ openid })) }),
  },
  {
    name: 'template thing 20 characters',
    path: '/cgi-bin/message/template/send',
    errcode: 47003,
    under: (s) => template(s, { thing1: '货'.repeat(20) }),
    over: (s) => template(s, { thing1: '货'.repeat(21) }),
  },
  {
    name: 'template character_string 32',
    path: '/cgi-bin/message/template/send',
    errcode: 47003,
    under: (s) => template(s, { character_string2: 'A-'.repeat(16) }),
    over: (s) => template(s, { character_string2: 'A-'.repeat(16) + 'x' }),
  },
  {
    name: 'template number digits',
    path: '/cgi-bin/message/template/send',
    errcode: 47003,
    under: (s) => template(s, { number3: '12.50' }),
    over: (s) => template(s, { number3: '12a' }),
  },
  {
    name: 'subscribe/send phrase 5',
    path: '/cgi-bin/message/subscribe/send',
    errcode: 47003,
    under: (s) => ({ ...template(s, { phrase1: '已发货了吗' }, s.followers[1]), template_id: SEEDED_SUBSCRIPTION_TEMPLATE_ID }),
    over: (s) => ({ ...template(s, { phrase1: '已经发货了吗' }, s.followers[2]), template_id: SEEDED_SUBSCRIPTION_TEMPLATE_ID }),
  },
  {
    name: 'scene_str 64 characters',
    path: '/cgi-bin/qrcode/create',
    errcode: 40097,
    under: () => str('场'.repeat(64)),
    over: () => str('场'.repeat(65)),
  },
  {
    name: 'expire_seconds 30 days',
    path: '/cgi-bin/qrcode/create',
    errcode: 40097,
    under: () => str('a', 2_592_000),
    over: () => str('a', 2_592_001),
  },
  { name: 'expire_seconds at least 1', path: '/cgi-bin/qrcode/create', errcode: 40097, under: () => str('a', 1), over: () => str('a', 0) },
  {
    name: 'permanent scene_id 100000',
    path: '/cgi-bin/qrcode/create',
    errcode: 40097,
    under: () => sceneId('QR_LIMIT_SCENE', 100_000),
    over: () => sceneId('QR_LIMIT_SCENE', 100_001),
  },
  {
    name: 'temporary scene_id not 0',
    path: '/cgi-bin/qrcode/create',
    errcode: 40097,
    under: () => sceneId('QR_SCENE', -1),
    over: () => sceneId('QR_SCENE', 0),
  },
  {
    name: 'materials count 20',
    path: '/cgi-bin/material/batchget_material',
    errcode: 40097,
    under: () => ({ type: 'image', ...page(20) }),
    over: () => ({ type: 'image', ...page(21) }),
  },
  {
    name: 'materials count 1',
    path: '/cgi-bin/material/batchget_material',
    errcode: 40097,
    under: () => ({ type: 'news', ...page(1) }),
    over: () => ({ type: 'news', ...page(0) }),
  },
  { name: 'drafts count 20', path: '/cgi-bin/draft/batchget', errcode: 40097, under: () => page(20), over: () => page(21) },
  { name: 'published count 20', path: '/cgi-bin/freepublish/batchget', errcode: 40097, under: () => page(20), over: () => page(21) },
  {
    name: 'wxacode scene 32 characters',
    path: '/wxa/getwxacodeunlimit',
    errcode: 40169,
    under: () => ({ scene: `id=${'9'.repeat(29)}` }),
    over: () => ({ scene: `id=${'9'.repeat(30)}` }),
  },
  {
    name: 'wxacode scene characters',
    path: '/wxa/getwxacodeunlimit',
    errcode: 40169,
    under: () => ({ scene: "a!#$&'()*+,/:;=?@-._~" }),
    over: () => ({ scene: 'a%20b' }),
  },
  {
    name: 'wxacode width 1280',
    path: '/wxa/getwxacodeunlimit',
    errcode: 40097,
    under: () => ({ scene: 'a', width: 1280 }),
    over: () => ({ scene: 'a', width: 1281 }),
  },
  {
    name: 'wxacode width 280',
    path: '/wxa/getwxacodeunlimit',
    errcode: 40097,
    under: () => ({ scene: 'a', width: 280 }),
    over: () => ({ scene: 'a', width: 279 }),
  },
  {
    name: 'wxacode page without "/"',
    path: '/wxa/getwxacodeunlimit',
    errcode: 41030,
    under: () => ({ scene: 'a', page: 'pages/index/index' }),
    over: () => ({ scene: 'a', page: '/pages/index/index' }),
  },
  {
    name: 'scheme 30 days',
    path: '/wxa/generatescheme',
    errcode: 40097,
    under: () => ({ jump_wxa: { path: 'pages/index/index' }, expire_type: 1, expire_interval: 30 }),
    over: () => ({ jump_wxa: { path: 'pages/index/index' }, expire_type: 1, expire_interval: 31 }),
  },
  {
    name: 'url link query 1024',
    path: '/wxa/generate_urllink',
    errcode: 40097,
    under: () => ({ path: 'pages/index/index', query: 'q'.repeat(1024) }),
    over: () => ({ path: 'pages/index/index', query: 'q'.repeat(1025) }),
  },
  {
    name: 'msg_sec_check scene 1–4',
    path: '/wxa/msg_sec_check',
    errcode: 40129,
    under: (s) => ({ version: 2, openid: s.followers[0], scene: 4, content: 'hi' }),
    over: (s) => ({ version: 2, openid: s.followers[0], scene: 5, content: 'hi' }),
  },
  {
    name: 'msg_sec_check content 2500',
    path: '/wxa/msg_sec_check',
    errcode: 40097,
    under: (s) => ({ version: 2, openid: s.followers[0], scene: 2, content: '字'.repeat(2500) }),
    over: (s) => ({ version: 2, openid: s.followers[0], scene: 2, content: '字'.repeat(2501) }),
  },
];

describe("wechat/catalog: the checker's limits against the fake's answers", () => {
  let caller: FakeCaller;
  let setup: Setup;

  before(async () => {
    caller = await FakeCaller.start();
    for (let i = 0; i < 110; i++) caller.fake.api.addFollower(APP_ID, fakeOpenid(APP_ID, `extra${i}`));
    const created = await caller.call('POST', '/cgi-bin/tags/create', { body: { tag: { name: 'limits' } } });
    setup = {
      followers: caller.fake.api.data(APP_ID).followers.map((f) => f.openid),
      tagId: Number((created.json?.['tag'] as { id: number }).id),
    };
  });
  after(() => caller.fake.close());

  for (const c of CASES) {
    it(`${c.path}: ${c.name}`, async () => {
      const under = c.under(setup);
      const over = c.over(setup);
      const underErrors = checkRequest({ path: c.path, body: under }).problems.filter((p) => p.severity === 'error');
      assert.deepEqual(underErrors, [], 'the checker refuses a body just under the limit');
      assert.equal(await caller.errcode('POST', c.path, { body: under }), 0, 'the fake refuses a body just under the limit');
      const overErrors = checkRequest({ path: c.path, body: over }).problems.filter((p) => p.severity === 'error');
      assert.deepEqual(
        overErrors.map((p) => p.errcode),
        [c.errcode],
        "the checker's errcode for a body just over the limit",
      );
      assert.equal(await caller.errcode('POST', c.path, { body: over }), c.errcode, "the fake's errcode for a body just over the limit");
    });
  }
});
