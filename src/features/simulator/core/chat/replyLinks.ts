// The links of a text reply, found by one left-to-right pass. A reply is whatever the developer's
// server answered (up to the transport's 1 MB), and the chat re-renders every reply on each refresh:
// the regex this replaces backtracked cubically on `<a href="<a href="…` (11.7 s at 3.6 KB) and
// froze the extension host. Here every search starts where the last one ended, and the searches
// that cannot succeed again remember it, so the work is linear in the text scanned — and only the
// first MAX_LINK_SCAN characters are scanned at all; the rest is shown as plain text.
import type { TextSegment } from '../../../menu';

/**
 * Characters of a reply searched for links. WeChat's chat shows a text reply of a few thousand
 * characters at most; anything past this is shown as typed, without links.
 */
export const MAX_LINK_SCAN = 20_000;

/** Counts the characters the searches examine (the hostile-input test checks linearity with it, no clock). */
export interface ScanMeter {
  steps: number;
}

/**
 * A text reply in runs: WeChat turns `<a href="…">label</a>` and bare http(s) URLs into links and
 * shows everything else as typed (line breaks included). Only http(s) targets become links.
 */
export function textSegments(content: string, meter?: ScanMeter): TextSegment[] {
  const scanned = content.length > MAX_LINK_SCAN ? content.slice(0, MAX_LINK_SCAN) : content;
  const segments = new AnchorScanner(scanned, meter ?? { steps: 0 }).segments();
  if (scanned.length < content.length) segments.push({ text: content.slice(scanned.length) });
  return segments.filter((s) => s.text !== '');
}

class AnchorScanner {
  private readonly out: TextSegment[] = [];
  /** Where the last search found `</a>`; -1 once none is left (none comes back later). */
  private closeAt = -2;

  constructor(
    private readonly text: string,
    private readonly meter: ScanMeter,
  ) {}

  segments(): TextSegment[] {
    const text = this.text;
    let plainFrom = 0;
    let at = 0;
    while (at < text.length) {
      const lt = this.find('<', at);
      if (lt < 0) break;
      if (!isAnchorStart(text, lt)) {
        at = lt + 1;
        continue;
      }
      const tag = this.readTag(lt + 2);
      // A tag that never closes: nothing after it can be a link tag, as in the client.
      if (!tag) break;
      const close = tag.href === undefined ? -1 : this.nextClose(tag.end);
      if (close < 0) {
        // Not a link (no quoted href, or no </a> anywhere after): the tag stays text.
        at = tag.end;
        continue;
      }
      this.plain(text.slice(plainFrom, lt));
      const url = httpUrl(decodeEntities(tag.href ?? ''));
      const label = decodeEntities(this.withoutTags(text.slice(tag.end, close)));
      this.out.push(url ? { text: label || url, url } : { text: label });
      at = plainFrom = close + CLOSE_TAG.length;
    }
    this.plain(text.slice(plainFrom));
    return this.out;
  }

  /**
   * The attributes of `<a …>` from `from` (just after `<a`) to its `>`, quote-aware like the
   * client's HTML parser (a quoted value may hold `>`). Undefined when the text ends first.
   */
  private readTag(from: number): { readonly end: number; readonly href?: string } | undefined {
    const text = this.text;
    let href: string | undefined;
    let i = from;
    const done = <T>(result: T): T => {
      this.meter.steps += i - from;
      return result;
    };
    for (;;) {
      while (i < text.length && isTagSpace(text.charCodeAt(i))) i++;
      if (i >= text.length) return done(undefined);
      if (text[i] === '>') {
        i++;
        return done({ end: i, ...(href === undefined ? {} : { href }) });
      }
      const nameStart = i;
      // An attribute name runs to a space, '/', '>' or '='; a leading '=' belongs to it (HTML).
      i++;
      while (i < text.length && !isNameEnd(text.charCodeAt(i))) i++;
      const name = text.slice(nameStart, i);
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      if (text[i] !== '=') continue;
      i++;
      while (i < text.length && isSpace(text.charCodeAt(i))) i++;
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const end = this.find(quote, i + 1);
        if (end < 0) return done(undefined);
        // Only a quoted href makes a link, as before; the first one counts, as in HTML.
        if (href === undefined && name.toLowerCase() === 'href') href = text.slice(i + 1, end);
        i = end + 1;
      } else {
        while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '>') i++;
      }
    }
  }

  /**
   * The next `</a>` (any case) at or after `from`. The last answer is reused while it is still
   * ahead, and a new search starts past it, so no stretch of text is searched twice.
   */
  private nextClose(from: number): number {
    if (this.closeAt === -1 || this.closeAt >= from) return this.closeAt;
    const pattern = /<\/a>/gi;
    pattern.lastIndex = from;
    const match = pattern.exec(this.text);
    this.closeAt = match ? match.index : -1;
    this.meter.steps += (match ? match.index + CLOSE_TAG.length : this.text.length) - from;
    return this.closeAt;
  }

  /** The label's text: tags inside it dropped, like `<[^>]*>` did, in one pass. */
  private withoutTags(label: string): string {
    let result = '';
    let at = 0;
    for (;;) {
      const lt = label.indexOf('<', at);
      const gt = lt < 0 ? -1 : label.indexOf('>', lt + 1);
      this.meter.steps += (gt >= 0 ? gt + 1 : label.length) - at;
      if (gt < 0) return result + label.slice(at);
      result += label.slice(at, lt);
      at = gt + 1;
    }
  }

  /** Text between links: bare http(s) URLs in it are links too. */
  private plain(text: string): void {
    if (text === '') return;
    this.meter.steps += text.length;
    let last = 0;
    for (const match of text.matchAll(BARE_URL)) {
      const at = match.index;
      this.out.push({ text: text.slice(last, at) });
      const url = httpUrl(match[0]);
      this.out.push(url ? { text: match[0], url } : { text: match[0] });
      last = at + match[0].length;
    }
    this.out.push({ text: text.slice(last) });
  }

  private find(needle: string, from: number): number {
    const found = this.text.indexOf(needle, from);
    this.meter.steps += (found < 0 ? this.text.length : found + 1) - from;
    return found;
  }
}

const CLOSE_TAG = '</a>';
// No nested quantifiers and nothing after the run: a linear scan.
const BARE_URL = /https?:\/\/[^\s<>"']+/gi;

/** `<a` followed by a non-word character, as `<a\b` matched (`<abbr>` is not a link). */
function isAnchorStart(text: string, lt: number): boolean {
  const a = text.charCodeAt(lt + 1);
  if (a !== 0x61 && a !== 0x41) return false;
  const next = text.charCodeAt(lt + 2);
  return Number.isNaN(next) || !isWordChar(next);
}

function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function isTagSpace(code: number): boolean {
  return isSpace(code) || code === 0x2f; // '/'
}

function isNameEnd(code: number): boolean {
  return isTagSpace(code) || code === 0x3e || code === 0x3d; // '>' '='
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

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');
}
