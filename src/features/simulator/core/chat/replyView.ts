// The server's reply as the WeChat client shows it (vscode-free; `t` is injected): text with its
// links, placeholders for media with their ids, news cards, system lines. Links are kept only when
// they are http(s): a reply is the server's text, and anything else (javascript:, command:, file:)
// stays plain text.
import type { SimulatedReply } from '../types';
import type { Localize } from '../../../../common/localize';
import type { NewsCardView, ReplyView, TextSegment } from '../../../menu';

export function replyViews(reply: SimulatedReply, t: Localize): ReplyView[] {
  switch (reply.kind) {
    case 'none':
      return [{ kind: 'system', text: noReply(reply.why, t) }];
    case 'text':
      return [{ kind: 'text', segments: textSegments(reply.content) }];
    case 'image':
      return [{ kind: 'media', media: 'image', label: t('Image'), details: [t('media_id: {0}', reply.mediaId)] }];
    case 'voice':
      return [{ kind: 'media', media: 'voice', label: t('Voice message'), details: [t('media_id: {0}', reply.mediaId)] }];
    case 'video':
      return [
        {
          kind: 'media',
          media: 'video',
          label: reply.title || t('Video'),
          details: [...nonEmpty(reply.description), t('media_id: {0}', reply.mediaId)],
        },
      ];
    case 'music':
      return [
        {
          kind: 'media',
          media: 'music',
          label: reply.title || t('Music'),
          details: [
            ...nonEmpty(reply.description),
            ...(reply.musicUrl ? [t('Music URL: {0}', reply.musicUrl)] : []),
            ...(reply.hqMusicUrl ? [t('HQ music URL: {0}', reply.hqMusicUrl)] : []),
            t('Thumbnail media_id: {0}', reply.thumbMediaId),
          ],
        },
      ];
    case 'news':
      return [{ kind: 'news', articles: reply.articles.map((a): NewsCardView => ({ ...a, url: httpUrl(a.url) ?? '' })) }];
    case 'transferCustomerService':
      return [
        {
          kind: 'system',
          text: reply.kfAccount
            ? t('Transferred to customer service account {0}', reply.kfAccount)
            : t('Transferred to customer service: the follower gets no automatic reply'),
        },
      ];
  }
}

function noReply(why: 'success' | 'empty' | 'late' | 'failed', t: Localize): string {
  switch (why) {
    case 'success':
      return t('No reply (the server answered "success")');
    case 'empty':
      return t('No reply (the server answered with an empty body)');
    case 'late':
      return t('No reply: the server answered after 5 seconds, which WeChat does not wait for');
    case 'failed':
      return t('No reply: WeChat would show the follower "该公众号暂时无法提供服务，请稍后再试"');
  }
}

function nonEmpty(text: string): string[] {
  return text ? [text] : [];
}

/** http(s) URLs only; anything else is not a link. */
export function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const ANCHOR = /<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)<\/a>/gis;
const BARE_URL = /https?:\/\/[^\s<>"']+/gi;

/**
 * A text reply in runs: WeChat turns `<a href="…">label</a>` and bare http(s) URLs into links and
 * shows everything else as typed (line breaks included).
 */
export function textSegments(content: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of content.matchAll(ANCHOR)) {
    const at = match.index ?? 0;
    segments.push(...bareLinks(content.slice(last, at)));
    const url = httpUrl(decodeEntities(match[2] ?? ''));
    const label = decodeEntities((match[3] ?? '').replace(/<[^>]*>/g, ''));
    segments.push(url ? { text: label || url, url } : { text: label });
    last = at + match[0].length;
  }
  segments.push(...bareLinks(content.slice(last)));
  return segments.filter((s) => s.text !== '');
}

function bareLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const at = match.index ?? 0;
    segments.push({ text: text.slice(last, at) });
    const url = httpUrl(match[0]);
    segments.push(url ? { text: match[0], url } : { text: match[0] });
    last = at + match[0].length;
  }
  segments.push({ text: text.slice(last) });
  return segments;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}

/** Every link a reply shows: the only URLs the extension agrees to open for this page. */
export function linksOf(views: readonly ReplyView[]): string[] {
  return views.flatMap((view) => {
    if (view.kind === 'text') return view.segments.flatMap((s) => (s.url ? [s.url] : []));
    if (view.kind === 'news') return view.articles.flatMap((a) => (a.url ? [a.url] : []));
    return [];
  });
}
