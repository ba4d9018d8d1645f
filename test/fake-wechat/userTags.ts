// Tags and followers: tags/get|create|update|delete, tags/members/batchtagging|batchuntagging,
// tags/getidlist, user/tag/get, user/get, user/info, user/info/batchget. Limits from apiRules.ts:
// ≤100 tags (45056), name ≤30 UTF-8 bytes (45158), duplicates (45157), system tags 0–2 (45058),
// deletion refused above 100,000 followers (45057), batchtagging 1–50 openids (40032), unknown
// openids (40003), unknown tag ids (45159), ≤20 tags a follower (45059).
import { apiErr, isInt } from './apiReply';
import { AE, API_LIMITS, utf8ByteLength } from './apiRules';
import type { ApiState, FakeAccountData, FakeTag } from './apiState';
import { jsonBody, type Replies } from './replies';
import { E, isRecord } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

export class UserTags {
  constructor(
    private readonly state: ApiState,
    private readonly replies: Replies,
  ) {}

  tagsGet(_ctx: RequestContext, st: AccountState): Reply {
    const data = this.state.of(st.account.appId);
    return this.replies.data({ tags: data.tags.map((tag) => ({ id: tag.id, name: tag.name, count: this.count(data, tag) })) });
  }

  tagsCreate(ctx: RequestContext, st: AccountState): Reply {
    const tag = this.tagOf(ctx);
    if (!tag) return this.replies.err(E.DATA_FORMAT);
    const data = this.state.of(st.account.appId);
    const bad = this.checkName(data, tag['name']);
    if (bad) return bad;
    if (data.tags.length >= API_LIMITS.tagsPerAccount) return apiErr(this.replies, AE.TOO_MANY_TAGS);
    const created: FakeTag = { id: data.nextTagId++, name: tag['name'] as string, extraCount: 0 };
    data.tags.push(created);
    return this.replies.data({ tag: { id: created.id, name: created.name } });
  }

  tagsUpdate(ctx: RequestContext, st: AccountState): Reply {
    const data = this.state.of(st.account.appId);
    const found = this.existing(ctx, data);
    if ('status' in found) return found;
    const bad = this.checkName(data, found.body['name'], found.tag);
    if (bad) return bad;
    found.tag.name = found.body['name'] as string;
    return this.replies.ok();
  }

  tagsDelete(ctx: RequestContext, st: AccountState): Reply {
    const data = this.state.of(st.account.appId);
    const found = this.existing(ctx, data);
    if ('status' in found) return found;
    if (this.count(data, found.tag) > API_LIMITS.tagDeleteMaxFans) return apiErr(this.replies, AE.TAG_TOO_MANY_FANS);
    data.tags = data.tags.filter((t) => t !== found.tag);
    for (const f of data.followers) f.tags = f.tags.filter((id) => id !== found.tag.id);
    return this.replies.ok();
  }

  batchTagging(ctx: RequestContext, st: AccountState): Reply {
    return this.members(ctx, st, true);
  }

  batchUntagging(ctx: RequestContext, st: AccountState): Reply {
    return this.members(ctx, st, false);
  }

  getIdList(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const follower = this.state.follower(st.account.appId, body['openid']);
    return follower ? this.replies.data({ tagid_list: [...follower.tags] }) : apiErr(this.replies, AE.INVALID_OPENID);
  }

  userTagGet(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const data = this.state.of(st.account.appId);
    const tagid = body['tagid'];
    if (!isInt(tagid) || !data.tags.some((t) => t.id === tagid)) return apiErr(this.replies, AE.INVALID_TAG_ID);
    const openids = data.followers.filter((f) => f.tags.includes(tagid)).map((f) => f.openid);
    return this.page(openids, body['next_openid']);
  }

  userGet(ctx: RequestContext, st: AccountState): Reply {
    const openids = this.state.of(st.account.appId).followers.map((f) => f.openid);
    const reply = this.page(openids, ctx.query['next_openid']);
    return isRecord(reply.body) && reply.body['errcode'] === undefined
      ? this.replies.data({ total: openids.length, ...reply.body })
      : reply;
  }

  userInfo(ctx: RequestContext, st: AccountState): Reply {
    const follower = this.state.follower(st.account.appId, ctx.query['openid']);
    if (!follower) return apiErr(this.replies, AE.INVALID_OPENID);
    return this.replies.data(this.info(follower.openid, follower.tags, follower.subscribeTime));
  }

  batchInfo(ctx: RequestContext, st: AccountState): Reply {
    const list = jsonBody(ctx)?.['user_list'];
    if (!Array.isArray(list)) return this.replies.err(E.DATA_FORMAT);
    if (list.length === 0 || list.length > API_LIMITS.batchUserInfoMax) return apiErr(this.replies, AE.INVALID_OPENID_LIST_SIZE);
    const infos: Record<string, unknown>[] = [];
    for (const item of list) {
      const follower = isRecord(item) ? this.state.follower(st.account.appId, item['openid']) : undefined;
      if (!follower) return apiErr(this.replies, AE.INVALID_OPENID);
      infos.push(this.info(follower.openid, follower.tags, follower.subscribeTime));
    }
    return this.replies.data({ user_info_list: infos });
  }

  private info(openid: string, tags: readonly number[], subscribeTime: number): Record<string, unknown> {
    // No nickname, avatar, gender or region since 2021-12-27.
    return {
      subscribe: 1,
      openid,
      language: 'zh_CN',
      subscribe_time: subscribeTime,
      remark: '',
      groupid: 0,
      tagid_list: [...tags],
      subscribe_scene: 'ADD_SCENE_QR_CODE',
      qr_scene: 0,
      qr_scene_str: '',
    };
  }

  private page(openids: readonly string[], next: unknown): Reply {
    const start = typeof next === 'string' && next !== '' ? openids.indexOf(next) + 1 : 0;
    if (typeof next === 'string' && next !== '' && start === 0) return apiErr(this.replies, AE.INVALID_OPENID);
    const slice = openids.slice(start, start + API_LIMITS.userGetPage);
    return this.replies.data({ count: slice.length, data: { openid: slice }, next_openid: slice.at(-1) ?? '' });
  }

  private members(ctx: RequestContext, st: AccountState, tagging: boolean): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const list = body['openid_list'];
    if (!Array.isArray(list) || list.length === 0 || (tagging && list.length > API_LIMITS.batchTaggingMax))
      return apiErr(this.replies, AE.INVALID_OPENID_LIST_SIZE);
    const data = this.state.of(st.account.appId);
    const tagid = body['tagid'];
    if (!isInt(tagid) || !data.tags.some((t) => t.id === tagid)) return apiErr(this.replies, AE.INVALID_TAG_ID);
    const followers = list.map((openid) => this.state.follower(st.account.appId, openid));
    if (followers.some((f) => f === undefined)) return apiErr(this.replies, AE.INVALID_OPENID);
    for (const f of followers) {
      if (!f) continue;
      if (!tagging) f.tags = f.tags.filter((id) => id !== tagid);
      else if (!f.tags.includes(tagid)) {
        if (f.tags.length >= API_LIMITS.tagsPerUser) return apiErr(this.replies, AE.USER_TOO_MANY_TAGS);
        f.tags.push(tagid);
      }
    }
    return this.replies.ok();
  }

  private tagOf(ctx: RequestContext): Record<string, unknown> | undefined {
    const tag = jsonBody(ctx)?.['tag'];
    return isRecord(tag) ? tag : undefined;
  }

  /** The tag an update or delete names: a user tag that exists, else the errcode. */
  private existing(ctx: RequestContext, data: FakeAccountData): { tag: FakeTag; body: Record<string, unknown> } | Reply {
    const body = this.tagOf(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const id = body['id'];
    if (isInt(id) && id >= 0 && id <= API_LIMITS.systemTagMaxId) return apiErr(this.replies, AE.SYSTEM_TAG);
    const tag = data.tags.find((t) => t.id === id);
    return tag ? { tag, body } : apiErr(this.replies, AE.INVALID_TAG_ID);
  }

  private checkName(data: FakeAccountData, name: unknown, self?: FakeTag): Reply | undefined {
    if (typeof name !== 'string' || name === '' || utf8ByteLength(name) > API_LIMITS.tagNameBytes)
      return apiErr(this.replies, AE.TAG_NAME_LENGTH);
    if (data.tags.some((t) => t !== self && t.name === name)) return apiErr(this.replies, AE.DUPLICATE_TAG_NAME);
    return undefined;
  }

  private count(data: FakeAccountData, tag: FakeTag): number {
    return tag.extraCount + data.followers.filter((f) => f.tags.includes(tag.id)).length;
  }
}
