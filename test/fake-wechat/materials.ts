// Materials and publishing: material/get_materialcount, material/batchget_material,
// material/get_material, draft/batchget, freepublish/batchget, freepublish/getarticle. Pages take
// offset ≥ 0 and count 1–20 (40097 otherwise); an unknown type answers 40004, an unknown
// media_id 40007, an unknown article_id 53600. get_material answers news as JSON and an image as
// its bytes (a PNG).
import { apiErr, isInt } from './apiReply';
import { AE, API_LIMITS } from './apiRules';
import type { ApiState } from './apiState';
import { patternPng } from './png';
import { jsonBody, type Replies } from './replies';
import { E } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

const TYPES: readonly string[] = ['image', 'video', 'voice', 'news'];

export class Materials {
  constructor(
    private readonly state: ApiState,
    private readonly replies: Replies,
  ) {}

  count(_ctx: RequestContext, st: AccountState): Reply {
    const materials = this.state.of(st.account.appId).materials;
    const n = (type: string): number => materials.filter((m) => m.type === type).length;
    return this.replies.data({ voice_count: n('voice'), video_count: n('video'), image_count: n('image'), news_count: n('news') });
  }

  batchget(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const type = body['type'];
    if (typeof type !== 'string' || !TYPES.includes(type)) return apiErr(this.replies, AE.INVALID_MEDIA_TYPE);
    const range = this.range(body);
    if (!range) return apiErr(this.replies, AE.INVALID_ARGS);
    const all = this.state.of(st.account.appId).materials.filter((m) => m.type === type);
    const item = all.slice(range.offset, range.offset + range.count).map((m) =>
      m.type === 'news'
        ? {
            media_id: m.media_id,
            content: { news_item: [{ title: m.name, thumb_media_id: '', content: '<p>…</p>' }] },
            update_time: m.update_time,
          }
        : { media_id: m.media_id, name: m.name, update_time: m.update_time, url: `http://mmbiz.qpic.cn/fake/${m.media_id}` },
    );
    return this.replies.data({ total_count: all.length, item_count: item.length, item });
  }

  get(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const material = this.state.of(st.account.appId).materials.find((m) => m.media_id === body['media_id']);
    if (!material) return apiErr(this.replies, AE.INVALID_MEDIA_ID);
    if (material.type === 'news') return this.replies.data({ news_item: [{ title: material.name, content: '<p>…</p>', url: '' }] });
    if (material.type === 'video')
      return this.replies.data({ title: material.name, description: '', down_url: `http://fake.invalid/${material.media_id}` });
    return { status: 200, body: patternPng(`material:${material.media_id}`), contentType: 'image/png' };
  }

  draftBatchget(ctx: RequestContext, st: AccountState): Reply {
    return this.list(
      ctx,
      this.state.of(st.account.appId).drafts.map((d) => ({ media_id: d.media_id, title: d.title, update_time: d.update_time })),
    );
  }

  freepublishBatchget(ctx: RequestContext, st: AccountState): Reply {
    return this.list(
      ctx,
      this.state.of(st.account.appId).published.map((p) => ({ article_id: p.article_id, title: p.title, update_time: p.update_time })),
    );
  }

  getArticle(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const article = this.state.of(st.account.appId).published.find((p) => p.article_id === body['article_id']);
    if (!article) return apiErr(this.replies, AE.INVALID_ARTICLE_ID);
    return this.replies.data({
      news_item: [
        {
          title: article.title,
          author: '',
          digest: '',
          content: '<p>…</p>',
          url: `http://mp.weixin.qq.com/s/${article.article_id}`,
          is_deleted: false,
        },
      ],
    });
  }

  private list(
    ctx: RequestContext,
    rows: readonly { title: string; update_time: number; media_id?: string; article_id?: string }[],
  ): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const range = this.range(body);
    if (!range) return apiErr(this.replies, AE.INVALID_ARGS);
    const noContent = body['no_content'] === 1;
    const item = rows.slice(range.offset, range.offset + range.count).map(({ title, ...rest }) => ({
      ...rest,
      content: { news_item: [{ title, ...(noContent ? {} : { content: '<p>…</p>' }) }] },
    }));
    return this.replies.data({ total_count: rows.length, item_count: item.length, item });
  }

  private range(body: Record<string, unknown>): { offset: number; count: number } | undefined {
    const { offset, count } = body;
    if (!isInt(offset) || offset < 0 || !isInt(count) || count < 1 || count > API_LIMITS.pageMaxCount) return undefined;
    return { offset, count };
  }
}
