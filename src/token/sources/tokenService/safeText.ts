// Text from a token service (errmsg, a gateway's message, a network error) goes into error details
// and log lines. The service is the team's own code, so its messages may echo anything — the token,
// the bearer credential, a Redis URL with a password — and this is the one place that makes such
// text safe to show.
import { mask, Redactor } from '../../../wechat/redact';

/**
 * Runs of token characters this long are hidden even when no known secret matches: access tokens
 * are 136+ characters and AppSecrets 32, while WeChat's rids (`rid: 6790ab01-1a2b3c4d-5e6f7a8b`)
 * and ordinary words stay well below it. A percent-escape counts as one character (a token
 * URL-encoded into a query). '/' is not a token character here, so paths stay readable.
 */
const TOKEN_LIKE = /(?:[A-Za-z0-9_\-+=]|%[0-9A-Fa-f]{2}){32,}/g;
/**
 * Base64 with '/' in it (a token or credential encoded into a blob or a header), which TOKEN_LIKE
 * cuts at each '/'. Told from a path by its segments: in base64 a '/' is one character in 64, so
 * the runs between them are long, while a path's are words.
 */
const BASE64_LIKE = /[A-Za-z0-9+/]{40,}={0,2}/g;
const MIN_BASE64_SEGMENT = 16;
const MAX_DETAIL = 160;

function looksLikeBase64(run: string): boolean {
  const segments = run.replace(/=+$/, '').split('/');
  if (segments.length < 2 || segments.some((s) => s === '')) return false;
  return run.length / segments.length >= MIN_BASE64_SEGMENT;
}

/**
 * Redacted (known secrets in any of their encodings, secret URL/JSON fields, token-like runs), one
 * line, bounded length.
 */
export function safeText(text: string, redactor: Redactor, max = MAX_DETAIL): string {
  const redacted = redactor
    .redact(text)
    .replace(BASE64_LIKE, (run) => (looksLikeBase64(run) ? mask(run) : run))
    .replace(TOKEN_LIKE, (run) => mask(run));
  const line = redacted.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A key name safe to list in "keys seen" (a key could, absurdly, be a token itself). */
function safeKey(key: string): string {
  return /^[A-Za-z_$][\w$.-]{0,39}$/.test(key) ? key : '…';
}

/** "keys seen: a, b, c" for a JSON object — names only, never values. */
export function keysSeen(value: Record<string, unknown>, label = 'keys seen'): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return `${label}: none (an empty object)`;
  const shown = keys.slice(0, 12).map(safeKey);
  return `${label}: ${shown.join(', ')}${keys.length > shown.length ? `, … (${keys.length} keys)` : ''}`;
}
