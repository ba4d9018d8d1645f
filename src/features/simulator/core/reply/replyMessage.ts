// Reads a passive reply's fields (被动回复用户消息) into what the follower would see, or the
// problem that makes WeChat drop it.
import { problem } from '../problems';
import { hasMsgId, NewsArticle, SimulatedInbound, SimulatedReply, SimulationProblem } from '../types';
import { childOf, childrenOf, textOf, XmlNode } from '../xml/xmlCodec';

/**
 * WeChat shows one article in a news reply to an ordinary message (text, image, voice, location,
 * link…) and up to eight in a reply to an event.
 */
export function newsLimit(inbound: SimulatedInbound): number {
  return hasMsgId(inbound) ? 1 : 8;
}

export interface ReplyAddressing {
  /** The follower's OpenID: the reply's ToUserName. */
  readonly openId: string;
  /** The account: the reply's FromUserName. */
  readonly accountUserName: string;
  /** WeChat allows one article in reply to an ordinary message, eight to an event. */
  readonly maxArticles: number;
}

export interface ReadMessage {
  /** Undefined when WeChat would drop the reply. */
  readonly reply?: SimulatedReply;
  readonly problems: readonly SimulationProblem[];
}

function addressingProblems(node: XmlNode, to: ReplyAddressing): SimulationProblem[] {
  const toUser = textOf(node, 'ToUserName');
  const fromUser = textOf(node, 'FromUserName');
  if (toUser === undefined) return [problem('missingField', textOf(node, 'MsgType') ?? 'xml', 'ToUserName')];
  if (fromUser === undefined) return [problem('missingField', textOf(node, 'MsgType') ?? 'xml', 'FromUserName')];
  if (toUser === to.accountUserName && fromUser === to.openId) return [problem('swappedUserNames', toUser, fromUser)];
  const problems: SimulationProblem[] = [];
  if (toUser !== to.openId) problems.push(problem('wrongToUserName', toUser, to.openId));
  if (fromUser !== to.accountUserName) problems.push(problem('wrongFromUserName', fromUser, to.accountUserName));
  return problems;
}

type Fields = { ok: true; values: string[] } | { ok: false; problem: SimulationProblem };

/** Required text fields of `node` (nested under `container` when given), in order. */
function required(msgType: string, node: XmlNode | undefined, names: readonly string[], container?: string): Fields {
  const values: string[] = [];
  for (const name of names) {
    const value = textOf(node, name);
    if (value === undefined) return { ok: false, problem: problem('missingField', msgType, container ? `${container}/${name}` : name) };
    values.push(value);
  }
  return { ok: true, values };
}

function mediaReply(msgType: 'image' | 'voice', node: XmlNode): ReadMessage {
  const container = msgType === 'image' ? 'Image' : 'Voice';
  const fields = required(msgType, childOf(node, container), ['MediaId'], container);
  if (!fields.ok) return { problems: [fields.problem] };
  return { reply: { kind: msgType, mediaId: fields.values[0]! }, problems: [] };
}

function newsReply(node: XmlNode, maxArticles: number): ReadMessage {
  const items = childrenOf(childOf(node, 'Articles'), 'item');
  if (items.length === 0) return { problems: [problem('missingField', 'news', 'Articles/item')] };
  const articles: NewsArticle[] = items.map((item) => ({
    title: textOf(item, 'Title') ?? '',
    description: textOf(item, 'Description') ?? '',
    picUrl: textOf(item, 'PicUrl') ?? '',
    url: textOf(item, 'Url') ?? '',
  }));
  const problems: SimulationProblem[] = [];
  const count = textOf(node, 'ArticleCount');
  if (count === undefined) problems.push(problem('missingField', 'news', 'ArticleCount'));
  else if (Number(count) !== articles.length) problems.push(problem('articleCountMismatch', count, articles.length));
  if (articles.length > maxArticles) problems.push(problem('tooManyArticles', articles.length, maxArticles));
  return { reply: { kind: 'news', articles: articles.slice(0, maxArticles) }, problems };
}

function contentOf(msgType: string, node: XmlNode, to: ReplyAddressing): ReadMessage {
  switch (msgType) {
    case 'text': {
      const fields = required(msgType, node, ['Content']);
      return fields.ok ? { reply: { kind: 'text', content: fields.values[0]! }, problems: [] } : { problems: [fields.problem] };
    }
    case 'image':
    case 'voice':
      return mediaReply(msgType, node);
    case 'video': {
      const video = childOf(node, 'Video');
      const fields = required(msgType, video, ['MediaId'], 'Video');
      if (!fields.ok) return { problems: [fields.problem] };
      return {
        reply: {
          kind: 'video',
          mediaId: fields.values[0]!,
          title: textOf(video, 'Title') ?? '',
          description: textOf(video, 'Description') ?? '',
        },
        problems: [],
      };
    }
    case 'music': {
      const music = childOf(node, 'Music');
      const fields = required(msgType, music, ['ThumbMediaId'], 'Music');
      if (!fields.ok) return { problems: [fields.problem] };
      return {
        reply: {
          kind: 'music',
          title: textOf(music, 'Title') ?? '',
          description: textOf(music, 'Description') ?? '',
          musicUrl: textOf(music, 'MusicUrl') ?? '',
          hqMusicUrl: textOf(music, 'HQMusicUrl') ?? '',
          thumbMediaId: fields.values[0]!,
        },
        problems: [],
      };
    }
    case 'news':
      return newsReply(node, to.maxArticles);
    case 'transfer_customer_service': {
      const kfAccount = textOf(childOf(node, 'TransInfo'), 'KfAccount');
      return { reply: kfAccount ? { kind: 'transferCustomerService', kfAccount } : { kind: 'transferCustomerService' }, problems: [] };
    }
    default:
      return { problems: [problem('unknownMsgType', msgType)] };
  }
}

export function readReplyMessage(node: XmlNode, to: ReplyAddressing): ReadMessage {
  const msgType = textOf(node, 'MsgType');
  if (msgType === undefined || msgType === '') return { problems: [problem('missingField', 'xml', 'MsgType')] };
  const addressing = addressingProblems(node, to);
  const content = contentOf(msgType, node, to);
  const problems = [...addressing, ...content.problems];
  // A reply addressed to someone else never reaches the follower.
  return addressing.length > 0 || !content.reply ? { problems } : { reply: content.reply, problems };
}
