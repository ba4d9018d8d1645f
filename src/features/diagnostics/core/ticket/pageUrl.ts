// The page URL a JS-SDK signature is computed for. WeChat signs the URL without `#…` exactly as the
// page's own `location.href.split('#')[0]` gives it, so the value is signed as typed (minus the
// fragment), never normalised — but when a browser would spell it differently, the caller is told.

export type PageUrl =
  | {
      readonly ok: true;
      /** What is signed: the input, trimmed, without the fragment. */
      readonly url: string;
      /** The fragment that was removed (with its `#`), if any. */
      readonly strippedFragment?: string;
      /** How a browser's location.href spells this URL, when that differs from `url`. */
      readonly browserForm?: string;
    }
  | { readonly ok: false; readonly problem: 'empty' | 'notAUrl' | 'notHttp'; readonly scheme?: string };

export function parsePageUrl(input: string): PageUrl {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  // URL parsing silently drops tabs and line breaks, but the signed string would keep them.
  if ([...trimmed].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f)) return { ok: false, problem: 'notAUrl' };
  const hashAt = trimmed.indexOf('#');
  const url = hashAt >= 0 ? trimmed.slice(0, hashAt) : trimmed;
  const strippedFragment = hashAt >= 0 ? trimmed.slice(hashAt) : undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, problem: 'notAUrl' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { ok: false, problem: 'notHttp', scheme: parsed.protocol.replace(/:$/, '') };
  }
  // The WHATWG URL serialisation is what location.href shows (host lower-cased, a path of '/' added…).
  const browser = parsed.href;
  return {
    ok: true,
    url,
    ...(strippedFragment !== undefined ? { strippedFragment } : {}),
    ...(browser !== url ? { browserForm: browser } : {}),
  };
}
