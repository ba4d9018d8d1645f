// Secrets travel in query strings (classic token URL) and access tokens in every API URL, so
// everything that may reach a log line or an error message passes through here first.

const SECRET_QUERY_KEYS = ['secret', 'access_token', 'appsecret', 'jsapi_ticket'];
/** `ticket`: the jsapi_ticket in getticket's answer; `appsecret`: clear_quota/v2's body. */
const SECRET_JSON_KEYS = ['secret', 'access_token', 'ticket', 'appsecret'];

/**
 * Hides the values of secret query parameters in a URL or any text containing one, and in a bare
 * query string (openapi/rid/get answers the request URL as `access_token=…&…`).
 */
export function redactUrl(text: string): string {
  const pattern = new RegExp(`((?:^|[?&])(?:${SECRET_QUERY_KEYS.join('|')})=)[^&#\\s"']*`, 'gi');
  return text.replace(pattern, '$1***');
}

/** Hides secret values in JSON text (request or response bodies). */
export function redactJson(text: string): string {
  const pattern = new RegExp(`("(?:${SECRET_JSON_KEYS.join('|')})"\\s*:\\s*)"[^"]*"`, 'gi');
  return text.replace(pattern, '$1"***"');
}

/**
 * A redactor that also knows the literal secrets in play (AppSecret, current tokens), so they are
 * hidden wherever they appear, not only in well-formed URLs and JSON.
 */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a value that must never be printed. Short values are ignored to avoid mangling text. */
  addSecret(value: string | undefined): void {
    if (value && value.length >= 8) this.secrets.add(value);
  }

  forgetSecret(value: string | undefined): void {
    if (value) this.secrets.delete(value);
  }

  redact(text: string): string {
    let result = redactJson(redactUrl(text));
    for (const secret of this.secrets) {
      if (result.includes(secret)) result = result.split(secret).join(mask(secret));
    }
    return result;
  }
}

/** Reveals nothing but the length, which is enough to tell a token from a truncated one. */
export function mask(secret: string): string {
  return `***(${secret.length})`;
}
