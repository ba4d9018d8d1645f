// How WeChat clients shorten menu names on screen. The server accepts names by UTF-8 bytes (16 top,
// 60 sub), but the phone only has room for a few characters, so a valid name can still show up cut
// off. The preview uses this to show what users will actually see. vscode-free.
//
// Source: WeChat's own custom-menu documentation ("自定义菜单创建接口", mp.weixin.qq.com wiki and
// developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html) says
// "一级菜单最多4个汉字，二级菜单最多8个汉字，多出来的部分将会以“...”代替" (older copies of the page say 7 for
// sub-menus). Tutorials restate it as "一级≤4汉字/8字符，二级≤8汉字/16字符", i.e. a Latin letter takes half
// the room of a Chinese character. We therefore measure a display width — wide (CJK, full-width,
// emoji) = 2, everything else = 1 — and keep the longest prefix within 8 (top) or 16 (sub) columns,
// followed by "…". Real clients measure pixels and wide phones fit a little more (WeChat staff say
// as much in the developer community), so this is the documented minimum, not a pixel-exact copy.

import type { ButtonLevel } from '../rules/limits';

/** Display columns a name may use before the client cuts it: 4 (top) / 8 (sub) Chinese characters. */
export const VISIBLE_WIDTH: Readonly<Record<ButtonLevel, number>> = { top: 8, sub: 16 };

export const ELLIPSIS = '…';

export interface TruncatedName {
  /** What the client shows: the name itself, or a prefix plus "…". */
  readonly text: string;
  readonly truncated: boolean;
}

// Grapheme clusters, so a family emoji, a flag or "e + combining accent" is never cut in half.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Emoji shown as pictures: default emoji presentation, forced by VS16, flags, keycaps, ZWJ sequences. */
const EMOJI = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\uFE0F|\u20E3/u;

/**
 * East Asian Wide and Fullwidth ranges (Unicode UAX #11) that matter for names: Hangul Jamo, CJK
 * radicals/punctuation/kana/bopomofo, CJK ideographs and extensions, Yi, Hangul syllables,
 * compatibility ideographs, vertical and small forms, full-width forms and the supplementary
 * ideographic planes. Everything else counts as narrow.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE10-\uFE19\uFE30-\uFE6F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F200}-\u{1F2FF}\u{20000}-\u{2FFFD}\u{30000}-\u{3FFFD}]/u;

/** Zero-width on its own: format characters (ZWJ, ZWSP, BOM…) and lone combining marks. */
const ZERO_WIDTH = /^[\p{Cf}\p{Mn}\p{Me}]+$/u;

function graphemeWidth(grapheme: string): number {
  if (ZERO_WIDTH.test(grapheme)) {
    return 0;
  }
  return EMOJI.test(grapheme) || WIDE.test(grapheme) ? 2 : 1;
}

/** Display width: wide (CJK, full-width, emoji) graphemes count 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) {
    width += graphemeWidth(segment);
  }
  return width;
}

/**
 * The name as a WeChat client shows it on a top-level button or in a sub-menu. A wide character
 * that would cross the limit is dropped whole (a client never shows half a character), and
 * trailing spaces before the "…" are trimmed as the clients' text layout does.
 */
export function truncateForClient(name: string, level: ButtonLevel): TruncatedName {
  const limit = VISIBLE_WIDTH[level];
  if (displayWidth(name) <= limit) {
    return { text: name, truncated: false };
  }
  let kept = '';
  let width = 0;
  for (const { segment } of segmenter.segment(name)) {
    const next = width + graphemeWidth(segment);
    if (next > limit) {
      break;
    }
    kept += segment;
    width = next;
  }
  return { text: kept.trimEnd() + ELLIPSIS, truncated: true };
}
