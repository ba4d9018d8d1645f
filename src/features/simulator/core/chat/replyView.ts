// The server's reply as the WeChat client shows it (vscode-free; `t` is injected): text with its
// links, placeholders for media with their ids, news cards, system lines. Links are kept only when
// they are http(s): a reply is the server's text, and anything else (javascript:, command:, file:)
// stays plain text. The text's links are found by replyLinks.ts (linear, bounded: a reply is
// whatever the server sent, and every chat refresh renders every reply again).
import type { Localize } from '../../../../common/localize';
import type { NewsCardView, ReplyView } from '../../../menu';
import type { SimulatedReply } from '../types';
import { httpUrl, textSegments } from './replyLinks';

export { httpUrl, textSegments };

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

/** Every link a reply shows: the only URLs the extension agrees to open for this page. */
export function linksOf(views: readonly ReplyView[]): string[] {
  return views.flatMap((view) => {
    if (view.kind === 'text') return view.segments.flatMap((s) => (s.url ? [s.url] : []));
    if (view.kind === 'news') return view.articles.flatMap((a) => (a.url ? [a.url] : []));
    return [];
  });
}
