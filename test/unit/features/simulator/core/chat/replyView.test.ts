// Replies as the client shows them: text runs with links (http/https only), media placeholders
// with their ids, news cards, system lines.
import * as assert from 'node:assert/strict';

import { formatMessage } from '../../../../../../src/common/localize';
import { linksOf, replyViews, textSegments } from '../../../../../../src/features/simulator/core/chat/replyView';
import { hardeningCase } from '../../../../../hardening/ledger';

const t = formatMessage;

describe('callback reply view', () => {
  it('a text reply keeps its line breaks and turns <a href> and bare URLs into links', () => {
    assert.deepEqual(textSegments('你好\n<a href="https://example.com/x?a=1&amp;b=2">官网</a> 或 http://t.cn/abc 看看'), [
      { text: '你好\n' },
      { text: '官网', url: 'https://example.com/x?a=1&b=2' },
      { text: ' 或 ' },
      { text: 'http://t.cn/abc', url: 'http://t.cn/abc' },
      { text: ' 看看' },
    ]);
  });

  for (const [name, content] of [
    ['javascript: href', '<a href="javascript:alert(1)">点我</a>'],
    ['command: href', '<a href="command:workbench.action.terminal.new">点我</a>'],
    ['file: href', "<a href='file:///etc/passwd'>点我</a>"],
    ['mini program anchor', '<a data-miniprogram-appid="wx123" data-miniprogram-path="pages/index" href="weixin://x">点我</a>'],
  ] as const) {
    it(`a ${name} stays plain text`, () =>
      hardeningCase('hostile', `reply link: ${name}`, () => {
        const segments = textSegments(content);
        assert.deepEqual(segments, [{ text: '点我' }]);
        assert.deepEqual(linksOf([{ kind: 'text', segments }]), []);
      }));
  }

  it('media replies are placeholders with their media ids', () => {
    assert.deepEqual(replyViews({ kind: 'image', mediaId: 'M1' }, t), [
      { kind: 'media', media: 'image', label: 'Image', details: ['media_id: M1'] },
    ]);
    assert.deepEqual(replyViews({ kind: 'video', mediaId: 'V1', title: '标题', description: '' }, t), [
      { kind: 'media', media: 'video', label: '标题', details: ['media_id: V1'] },
    ]);
    const [music] = replyViews(
      { kind: 'music', title: '歌', description: '描述', musicUrl: 'http://m/1.mp3', hqMusicUrl: '', thumbMediaId: 'T1' },
      t,
    );
    assert.deepEqual(music, {
      kind: 'media',
      media: 'music',
      label: '歌',
      details: ['描述', 'Music URL: http://m/1.mp3', 'Thumbnail media_id: T1'],
    });
  });

  it('news cards keep http(s) article links only; the picture URL is text', () => {
    const [news] = replyViews(
      {
        kind: 'news',
        articles: [
          { title: 'A', description: 'd', picUrl: 'https://mmbiz.qpic.cn/p.jpg', url: 'https://mp.weixin.qq.com/s/abc' },
          { title: 'B', description: '', picUrl: '', url: 'javascript:void(0)' },
        ],
      },
      t,
    );
    assert.ok(news?.kind === 'news');
    assert.deepEqual(
      news.articles.map((a) => a.url),
      ['https://mp.weixin.qq.com/s/abc', ''],
    );
    assert.equal(news.articles[0]?.picUrl, 'https://mmbiz.qpic.cn/p.jpg');
    assert.deepEqual(linksOf([news]), ['https://mp.weixin.qq.com/s/abc']);
  });

  it('no reply and customer service are system lines', () => {
    assert.deepEqual(replyViews({ kind: 'none', why: 'success' }, t), [
      { kind: 'system', text: 'No reply (the server answered "success")' },
    ]);
    assert.match((replyViews({ kind: 'none', why: 'late' }, t)[0] as { text: string }).text, /after 5 seconds/);
    assert.deepEqual(replyViews({ kind: 'transferCustomerService', kfAccount: 'kf2001@gh_x' }, t), [
      { kind: 'system', text: 'Transferred to customer service account kf2001@gh_x' },
    ]);
  });
});
