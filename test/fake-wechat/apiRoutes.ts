// The routes of the users, tags, QR code, material, message and mini program endpoints, and the
// handle tests get on their state (`fake.api`). server.ts merges these routes into its table, so
// the token check, the method check and the daily quota apply to them as to every endpoint.
import type { Accounts } from './accounts';
import { ApiState, type FakeAccountData, type FakeFollower } from './apiState';
import { Materials } from './materials';
import { Messages } from './messages';
import { MiniProgram } from './miniProgram';
import { QrCodes } from './qrcodes';
import type { Replies } from './replies';
import type { Route } from './types';
import { UserTags } from './userTags';

export class FakeApi {
  private readonly state: ApiState;
  private readonly qr: QrCodes;
  private readonly mini: MiniProgram;
  readonly routes: ReadonlyArray<readonly [string, Route]>;

  constructor(accounts: Accounts, replies: Replies, now: () => number) {
    const state = (this.state = new ApiState(now));
    const users = new UserTags(state, replies);
    const qr = (this.qr = new QrCodes(state, replies, now));
    const materials = new Materials(state, replies);
    const messages = new Messages(state, replies, now);
    const mini = (this.mini = new MiniProgram(state, accounts, replies));
    const post = (handler: Extract<Route, { auth: true }>['handler']): Route => ({ method: 'POST', auth: true, handler });
    const get = (handler: Extract<Route, { auth: true }>['handler']): Route => ({ method: 'ANY', auth: true, handler });
    this.routes = [
      ['/cgi-bin/tags/get', get((c, st) => users.tagsGet(c, st))],
      ['/cgi-bin/tags/create', post((c, st) => users.tagsCreate(c, st))],
      ['/cgi-bin/tags/update', post((c, st) => users.tagsUpdate(c, st))],
      ['/cgi-bin/tags/delete', post((c, st) => users.tagsDelete(c, st))],
      ['/cgi-bin/tags/members/batchtagging', post((c, st) => users.batchTagging(c, st))],
      ['/cgi-bin/tags/members/batchuntagging', post((c, st) => users.batchUntagging(c, st))],
      ['/cgi-bin/tags/getidlist', post((c, st) => users.getIdList(c, st))],
      ['/cgi-bin/user/tag/get', post((c, st) => users.userTagGet(c, st))],
      ['/cgi-bin/user/get', get((c, st) => users.userGet(c, st))],
      ['/cgi-bin/user/info', get((c, st) => users.userInfo(c, st))],
      ['/cgi-bin/user/info/batchget', post((c, st) => users.batchInfo(c, st))],
      ['/cgi-bin/qrcode/create', post((c, st) => qr.create(c, st))],
      ['/cgi-bin/showqrcode', { method: 'ANY', auth: false, handler: (c) => qr.show(c) }],
      ['/cgi-bin/material/get_materialcount', get((c, st) => materials.count(c, st))],
      ['/cgi-bin/material/batchget_material', post((c, st) => materials.batchget(c, st))],
      ['/cgi-bin/material/get_material', post((c, st) => materials.get(c, st))],
      ['/cgi-bin/draft/batchget', post((c, st) => materials.draftBatchget(c, st))],
      ['/cgi-bin/freepublish/batchget', post((c, st) => materials.freepublishBatchget(c, st))],
      ['/cgi-bin/freepublish/getarticle', post((c, st) => materials.getArticle(c, st))],
      ['/cgi-bin/template/get_all_private_template', get((c, st) => messages.templates(c, st))],
      ['/cgi-bin/message/template/send', post((c, st) => messages.templateSend(c, st))],
      ['/cgi-bin/message/subscribe/bizsend', post((c, st) => messages.subscribeSend(c, st))],
      ['/cgi-bin/message/custom/send', post((c, st) => messages.customSend(c, st))],
      ['/cgi-bin/message/subscribe/send', post((c, st) => messages.subscribeSend(c, st))],
      ['/wxa/getwxacodeunlimit', post((c) => mini.wxacodeUnlimited(c))],
      ['/wxa/generatescheme', post((c) => mini.generateScheme(c))],
      ['/wxa/generate_urllink', post((c) => mini.generateUrlLink(c))],
      ['/wxa/msg_sec_check', post((c, st) => mini.msgSecCheck(c, st))],
      ['/sns/oauth2/access_token', { method: 'ANY', auth: false, handler: (c) => mini.oauthAccessToken(c) }],
      ['/sns/jscode2session', { method: 'ANY', auth: false, handler: (c) => mini.jscode2session(c) }],
    ];
  }

  /** The account's followers, tags, templates, materials, drafts and articles (seeded on first use); tests may change them. */
  data(appId: string): FakeAccountData {
    return this.state.of(appId);
  }

  /** Adds a follower; `lastMessageAt` (fake-clock ms) opens the 48-hour customer-service window. */
  addFollower(appId: string, openid: string, lastMessageAt?: number): FakeFollower {
    return this.state.addFollower(appId, openid, lastMessageAt);
  }

  /** A single-use code for sns/oauth2/access_token or sns/jscode2session. */
  issueCode(appId: string, openid: string): string {
    return this.mini.issueCode(appId, openid);
  }

  /** The scene a QR code ticket carries (undefined for an unknown ticket). */
  qrSceneOf(ticket: string): string | undefined {
    return this.qr.sceneOf(ticket);
  }
}
