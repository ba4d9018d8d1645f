// Messages: template/get_all_private_template, message/template/send, message/subscribe/bizsend,
// message/custom/send and the mini program's message/subscribe/send. Receivers must be known users
// (40003); template ids must be the account's (40037); category keyword values keep their limits
// (47003, the errmsg naming the field); a subscription allows one message per acceptance (43101);
// customer-service messages only within 48 hours of the user's last message (45015), at most 5 in
// that window (45047).
import { apiErr } from './apiReply';
import { AE, API_LIMITS, charLength, TEMPLATE_VALUE_LIMITS } from './apiRules';
import type { ApiState, FakeFollower } from './apiState';
import { jsonBody, type Replies } from './replies';
import { E, isRecord } from './rules';
import type { AccountState, Reply, RequestContext } from './types';

const MSGTYPES: readonly string[] = [
  'text',
  'image',
  'voice',
  'video',
  'music',
  'news',
  'mpnews',
  'mpnewsarticle',
  'msgmenu',
  'wxcard',
  'miniprogrampage',
];
/** Customer-service messages allowed after one user message (5 per 48 hours). */
const CUSTOM_PER_WINDOW = 5;

export class Messages {
  private msgid = 1_000_000;
  /** Customer-service messages sent since the user's last message, by openid and that message's time. */
  private readonly sentInWindow = new Map<string, { since: number; sent: number }>();

  constructor(
    private readonly state: ApiState,
    private readonly replies: Replies,
    private readonly now: () => number,
  ) {}

  templates(_ctx: RequestContext, st: AccountState): Reply {
    const list = this.state
      .of(st.account.appId)
      .templates.map((t) => ({ ...t, primary_industry: 'IT科技', deputy_industry: '互联网|电子商务', example: '' }));
    return this.replies.data({ template_list: list });
  }

  templateSend(ctx: RequestContext, st: AccountState): Reply {
    const checked = this.common(
      ctx,
      st,
      this.state.of(st.account.appId).templates.map((t) => t.template_id),
    );
    if ('status' in checked) return checked;
    return this.replies.ok({ msgid: this.msgid++ });
  }

  /** bizsend (Official Account) and subscribe/send (mini program): one message per acceptance. */
  subscribeSend(ctx: RequestContext, st: AccountState): Reply {
    const checked = this.common(ctx, st, this.state.of(st.account.appId).subscriptionTemplates);
    if ('status' in checked) return checked;
    const left = checked.follower.accepted.get(checked.templateId) ?? 0;
    if (left <= 0) return apiErr(this.replies, AE.SUBSCRIPTION_REFUSED);
    checked.follower.accepted.set(checked.templateId, left - 1);
    return this.replies.ok();
  }

  customSend(ctx: RequestContext, st: AccountState): Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const follower = this.state.follower(st.account.appId, body['touser']);
    if (!follower) return apiErr(this.replies, AE.INVALID_OPENID);
    const msgtype = body['msgtype'];
    if (typeof msgtype !== 'string' || !MSGTYPES.includes(msgtype)) return apiErr(this.replies, AE.INVALID_MESSAGE_TYPE);
    const content = isRecord(body['text']) ? body['text']['content'] : undefined;
    if (msgtype === 'text' && (typeof content !== 'string' || content === '')) return this.replies.err(E.DATA_FORMAT);
    const since = follower.lastMessageAt;
    if (since === undefined || this.now() - since > API_LIMITS.customWindowMs) return apiErr(this.replies, AE.OUT_OF_RESPONSE_WINDOW);
    const key = `${st.account.appId}/${follower.openid}`;
    const window = this.sentInWindow.get(key);
    const sent = window && window.since === since ? window.sent : 0;
    if (sent >= CUSTOM_PER_WINDOW) return apiErr(this.replies, AE.CUSTOM_COUNT_EXCEEDED);
    this.sentInWindow.set(key, { since, sent: sent + 1 });
    return this.replies.ok();
  }

  /** The receiver, the template id and the keyword values, common to the three template sends. */
  private common(
    ctx: RequestContext,
    st: AccountState,
    templateIds: readonly string[],
  ): { follower: FakeFollower; templateId: string } | Reply {
    const body = jsonBody(ctx);
    if (!body) return this.replies.err(E.DATA_FORMAT);
    const follower = this.state.follower(st.account.appId, body['touser']);
    if (!follower) return apiErr(this.replies, AE.INVALID_OPENID);
    const templateId = body['template_id'];
    if (typeof templateId !== 'string' || !templateIds.includes(templateId)) return apiErr(this.replies, AE.INVALID_TEMPLATE_ID);
    const data = body['data'];
    if (!isRecord(data)) return this.replies.err(E.DATA_FORMAT);
    const bad = Object.keys(data).find((key) => !this.validKeyword(key, data[key]));
    if (bad !== undefined) return apiErr(this.replies, AE.ARGUMENT_INVALID, `data.${bad}.value invalid`);
    return { follower, templateId };
  }

  private validKeyword(key: string, entry: unknown): boolean {
    const kind = key.replace(/\d+$/, '');
    if (kind === key || !Object.hasOwn(TEMPLATE_VALUE_LIMITS, kind)) return true;
    const limits = TEMPLATE_VALUE_LIMITS[kind];
    const value = isRecord(entry) ? entry['value'] : undefined;
    if (!limits || typeof value !== 'string') return false;
    return charLength(value) <= limits.max && (limits.pattern === undefined || limits.pattern.test(value));
  }
}
