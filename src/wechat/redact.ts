// Secrets travel in query strings (classic token URL) and access tokens in every API URL, so
// everything that may reach a log line or an error message passes through here first.
import { secretForms } from './secretForms';

const SECRET_QUERY_KEYS = ['secret', 'access_token', 'accesstoken', 'appsecret', 'jsapi_ticket', 'password', 'credential'];
/**
 * `ticket`: the jsapi_ticket in getticket's answer; `appsecret`: clear_quota/v2's body; the rest:
 * what a token service, a Redis configuration or an echoing server may put in a body.
 */
const SECRET_JSON_KEYS = [
  'secret',
  'access_token',
  'accesstoken',
  'ticket',
  'jsapi_ticket',
  'appsecret',
  'password',
  'passwd',
  'credential',
  'token',
  'refresh_token',
  'encodingaeskey',
  'encoding_aes_key',
  'authorization',
];

// The value runs to the next `&` (or `%26` when the whole query is URL-encoded inside another URL),
// `#`, space or quote. No nested quantifier: linear.
const QUERY_PATTERN = new RegExp(`((?:^|[?&]|%3F|%26)(?:${SECRET_QUERY_KEYS.join('|')})(?:=|%3D))(?:(?!%26)[^&#\\s"'])*`, 'gi');

/**
 * Hides the values of secret query parameters in a URL or any text containing one, in a bare
 * query string (openapi/rid/get answers the request URL as `access_token=…&…`), and in a URL
 * that is itself URL-encoded inside another (`redirect=…%3Faccess_token%3D…`).
 */
export function redactUrl(text: string): string {
  return text.replace(QUERY_PATTERN, '$1***');
}

const KEYS = SECRET_JSON_KEYS.join('|');
/**
 * A string value with its escapes (`"ab\"cd"` is one value) — also cut off by the end of the text,
 * as in a body logged in part — or a number.
 */
const JSON_PATTERN = new RegExp(`("(?:${KEYS})"\\s*:\\s*)(?:"(?:[^"\\\\]|\\\\.)*(?:"|$)|-?\\d[\\d.eE+-]*)`, 'gi');
/**
 * The same inside a JSON string (a body quoted in an error message or a log field): `\"` around the
 * key and value; inside the value, `\\` and `\"` of the inner text are escaped once more.
 */
const ESCAPED_JSON_PATTERN = new RegExp(
  `(\\\\"(?:${KEYS})\\\\"\\s*:\\s*)\\\\"(?:\\\\\\\\(?:\\\\.|[^\\\\])|\\\\[^\\\\"]|[^\\\\"])*\\\\"`,
  'gi',
);

/** Hides secret values in JSON text (request or response bodies), also JSON quoted inside a string. */
export function redactJson(text: string): string {
  return text.replace(JSON_PATTERN, '$1"***"').replace(ESCAPED_JSON_PATTERN, '$1\\"***\\"');
}

/**
 * Secrets shorter than this are hidden only where they stand as a whole value (see Redactor). A
 * value this long is hidden wherever it appears, in each of its encoded forms.
 */
export const SHORT_SECRET = 8;

/**
 * A redactor that also knows the literal secrets in play (AppSecret, current tokens, the callback
 * Token, team credentials), so they are hidden wherever they appear, not only in well-formed URLs
 * and JSON — also URL-encoded, JSON-escaped and base64-encoded (secretForms.ts).
 *
 * A secret under SHORT_SECRET characters (the console's callback Token can be 3) is hidden only
 * where it is a whole value: after `=` or `:` (a query parameter, a header, a JSON or log field),
 * in quotes, or after `Bearer`/`Basic`. Hiding every occurrence of "abc" inside ordinary text
 * would garble the log, and would give the secret away: masks appearing in every "abc…" word spell
 * out what the secret is. Encoded forms of a short secret are too short to recognise safely.
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private compiled: Compiled | undefined;

  /** Registers a value that must never be printed. */
  addSecret(value: string | undefined): void {
    if (!value || this.secrets.has(value)) return;
    this.secrets.add(value);
    this.compiled = undefined;
  }

  forgetSecret(value: string | undefined): void {
    if (value && this.secrets.delete(value)) this.compiled = undefined;
  }

  redact(text: string): string {
    let result = redactJson(redactUrl(text));
    const compiled = (this.compiled ??= compile(this.secrets));
    for (const [form, masked] of compiled.forms) {
      if (result.includes(form)) result = result.split(form).join(masked);
    }
    if (compiled.shortValues) {
      result = result.replace(
        compiled.shortValues,
        (_match, before: string, value: string) => before + (compiled.shortMasks.get(value) ?? mask(value)),
      );
    }
    return result;
  }
}

interface Compiled {
  /** Every form of every long secret, longest first, with what replaces it. */
  readonly forms: readonly (readonly [string, string])[];
  /** Short secrets as whole values: group 1 what precedes the value, group 2 the value. */
  readonly shortValues?: RegExp;
  readonly shortMasks: ReadonlyMap<string, string>;
}

function compile(secrets: ReadonlySet<string>): Compiled {
  const forms = new Map<string, string>();
  const shortMasks = new Map<string, string>();
  for (const secret of secrets) {
    if (secret.length >= SHORT_SECRET) {
      for (const form of secretForms(secret)) if (!forms.has(form)) forms.set(form, mask(secret));
    } else {
      for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]))
        shortMasks.set(form, mask(secret));
    }
  }
  const ordered = [...forms].sort((a, b) => b[0].length - a[0].length);
  if (shortMasks.size === 0) return { forms: ordered, shortMasks };
  const alternatives = [...shortMasks.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const shortValues = new RegExp(`([=:][ \\t]*|["']|\\b(?:Bearer|Basic)[ \\t]+)(${alternatives})(?=$|[&"'\\s,;}\\])#<>])`, 'g');
  return { forms: ordered, shortValues, shortMasks };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reveals nothing but the length, which is enough to tell a token from a truncated one. */
export function mask(secret: string): string {
  return `***(${secret.length})`;
}
