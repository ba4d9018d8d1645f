// The links of a text reply under hostile input: the regex this replaced took 11.7 s on 3.6 KB of
// `<a href="` and ran again on every chat refresh. Linearity is checked by counting the characters
// the scanner examines (ScanMeter), which holds on any machine; the wall-clock budget goes to the
// hardening ledger only (npm run faults reports an overrun, the test never fails on it).
import * as assert from 'node:assert/strict';

import fc from 'fast-check';

import { formatMessage } from '../../../../../../src/common/localize';
import type { TextSegment } from '../../../../../../src/features/menu';
import { MAX_LINK_SCAN, type ScanMeter } from '../../../../../../src/features/simulator/core/chat/replyLinks';
import { linksOf, replyViews, textSegments } from '../../../../../../src/features/simulator/core/chat/replyView';
import { hardeningCase } from '../../../../../hardening/ledger';

const t = formatMessage;
const MB = 1024 * 1024;
/** Characters examined per character scanned: each search starts where the last one ended. */
const STEPS_PER_CHAR = 5;
/** Wall clock, for the ledger only: the scan of 20,000 characters takes a few ms. */
const BUDGET_MS = 2000;

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length));
}

const joined = (segments: readonly TextSegment[]): string => segments.map((s) => s.text).join('');

describe('callback reply links under hostile input', () => {
  // Each is about 1 MB (the transport's body cap); none holds a complete link in the scanned part.
  const hostile: readonly (readonly [string, string])[] = [
    ['repeated <a href="', repeatTo('<a href="', MB)],
    ['repeated <a href=\' and "', repeatTo(`<a href='"`, MB)],
    ['unclosed <a tags', repeatTo('<a ', MB)],
    ['<a> tags with no </a> anywhere', repeatTo('<a href="https://example.com/">label ', MB)],
    ['a label of unmatched < past the scan', `<a href="https://example.com/">${'<'.repeat(MB)}</a>`],
    ['nothing but </a>', repeatTo('</a>', MB)],
    ['1 MB of text, a link at the end', `${'字'.repeat(MB)}<a href="https://example.com/">end</a>`],
  ];

  for (const [name, content] of hostile) {
    it(`shows ${name} as typed, examining each scanned character a bounded number of times`, () =>
      hardeningCase(
        'hostile',
        `reply rendering: ${name}`,
        () => {
          const [view] = replyViews({ kind: 'text', content }, t);
          assert.ok(view?.kind === 'text');
          assert.equal(joined(view.segments), content, 'no link tag: the text as typed, nothing lost');
          assert.ok(view.segments.every((s) => s.url === undefined || /^https?:/.test(s.url)));
          const meter: ScanMeter = { steps: 0 };
          textSegments(content, meter);
          assert.ok(meter.steps > 0, 'the scan is metered');
          assert.ok(meter.steps <= STEPS_PER_CHAR * MAX_LINK_SCAN, `${meter.steps} steps for ${MAX_LINK_SCAN} characters scanned`);
        },
        { budgetMs: BUDGET_MS },
      ));
  }

  it('strips the tags of a label of 15,000 unmatched < in one pass', () =>
    hardeningCase(
      'hostile',
      'reply rendering: a label of unmatched <',
      () => {
        const label = '<'.repeat(15_000);
        const meter: ScanMeter = { steps: 0 };
        const segments = textSegments(`<a href="https://example.com/">${label}</a>`, meter);
        assert.deepEqual(segments, [{ text: label, url: 'https://example.com/' }]);
        assert.ok(meter.steps <= STEPS_PER_CHAR * (label.length + 40), `${meter.steps} steps`);
      },
      { budgetMs: BUDGET_MS },
    ));

  it('links only in the first MAX_LINK_SCAN characters of 1 MB of links; the rest is text', () =>
    hardeningCase(
      'hostile',
      'reply rendering: 1 MB of links',
      () => {
        const anchor = '<a href="https://example.com/p">p</a> ';
        const content = repeatTo(anchor, MB);
        const meter: ScanMeter = { steps: 0 };
        const segments = textSegments(content, meter);
        const complete = Math.floor(MAX_LINK_SCAN / anchor.length);
        assert.equal(linksOf([{ kind: 'text', segments }]).length, complete);
        assert.equal(segments.at(-1)?.text, content.slice(MAX_LINK_SCAN), 'the rest, as typed');
        assert.ok(meter.steps <= STEPS_PER_CHAR * MAX_LINK_SCAN, `${meter.steps} steps`);
      },
      { budgetMs: BUDGET_MS },
    ));

  it('examines a bounded number of characters per character on any mix of tag fragments', () => {
    const fragments = [
      '<a ',
      '<A',
      '<a>',
      'href=',
      'HREF = ',
      '"',
      "'",
      '>',
      '</a>',
      '</A',
      '<',
      '<b>',
      'https://x.example/p',
      'http://',
      '&amp;',
      '字',
      ' ',
      '\n',
    ];
    const texts = fc.array(fc.constantFrom(...fragments), { maxLength: 400 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(texts, (content) =>
        hardeningCase('hostile', 'reply rendering: tag fragments', () => {
          const meter: ScanMeter = { steps: 0 };
          const segments = textSegments(content, meter);
          assert.ok(meter.steps <= STEPS_PER_CHAR * content.length + 8, `${meter.steps} steps for ${content.length} characters`);
          for (const s of segments) assert.ok(s.url === undefined || /^https?:\/\//.test(s.url), s.url);
        }),
      ),
      { seed: 18, numRuns: 200 },
    );
  });
});

/** The regex the scanner replaced: still the reference for well-formed replies (it is only slow on hostile ones). */
function regexSegments(content: string): TextSegment[] {
  const anchor = /<a\b[^>]*?\bhref\s*=\s*(["'])(.*?)\1[^>]*>(.*?)<\/a>/gis;
  const httpUrl = (value: string): string | undefined => {
    try {
      const url = new URL(value.trim());
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  };
  const decode = (text: string): string =>
    text.replace(/&(amp|lt|gt|quot|#39);/g, (_, n: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[n] ?? '');
  const bare = (text: string): TextSegment[] => {
    const out: TextSegment[] = [];
    let last = 0;
    for (const m of text.matchAll(/https?:\/\/[^\s<>"']+/gi)) {
      out.push({ text: text.slice(last, m.index) });
      const url = httpUrl(m[0]);
      out.push(url ? { text: m[0], url } : { text: m[0] });
      last = m.index + m[0].length;
    }
    out.push({ text: text.slice(last) });
    return out;
  };
  const out: TextSegment[] = [];
  let last = 0;
  for (const m of content.matchAll(anchor)) {
    out.push(...bare(content.slice(last, m.index)));
    const url = httpUrl(decode(m[2] ?? ''));
    const label = decode((m[3] ?? '').replace(/<[^>]*>/g, ''));
    out.push(url ? { text: label || url, url } : { text: label });
    last = m.index + m[0].length;
  }
  out.push(...bare(content.slice(last)));
  return out.filter((s) => s.text !== '');
}

describe('callback reply links in ordinary replies', () => {
  it('finds the same links as the regex it replaced', () => {
    const url = fc.constantFrom(
      'https://example.com/x?a=1&amp;b=2',
      'http://t.cn/abc',
      "https://mp.weixin.qq.com/s/'q'",
      'javascript:alert(1)',
      'weixin://x',
      '',
    );
    const label = fc.constantFrom('官网', 'click <b>here</b>', '', 'a &lt; b', '多\n行');
    const attrs = fc.constantFrom(
      '',
      ' target="_blank"',
      ' data-miniprogram-appid="wx123" data-miniprogram-path="pages/index"',
      " title='t'",
    );
    const anchorText = fc
      .tuple(fc.constantFrom('a', 'A'), attrs, fc.constantFrom('"', "'"), url, label, fc.constantFrom('</a>', '</A>'))
      .filter(([, , quote, href]) => !href.includes(quote))
      .map(([a, extra, quote, href, text, close]) => `<${a}${extra} href=${quote}${href}${quote}>${text}${close}`);
    const plain = fc.constantFrom('你好 ', 'see http://t.cn/abc now', 'https://example.com/a.b,', ' 或 ', '\n', 'a < b > c', 'x&amp;y');
    const replies = fc.array(fc.oneof(anchorText, plain), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(replies, (content) => {
        assert.deepEqual(textSegments(content), regexSegments(content));
      }),
      { seed: 18, numRuns: 300 },
    );
  });
});
