// The token service's URL, from the template in the settings to the address actually requested.
// The bearer credential lives in SecretStorage, never in the URL: a URL is shown in tooltips, logs
// and every error message, so one that carries a user:password is refused rather than trimmed.
// The transport rule is the API base URL's: https, or plain http only to a loopback address (a
// local gateway or a test server) — the answer is a live credential and must not cross a network
// in clear text.
import { isLoopbackHost } from '../../../wechat/baseUrl';
import { fillAppId, hasAppIdPlaceholder } from '../credentialOrigin';
import { TeamSourceError } from '../teamSourceError';

/** The setting named in errors that have no usable URL to show. */
export const TOKEN_SERVICE_URL_SETTING = 'wechat.tokenService.url';

/**
 * Query parameters whose values are hidden wherever the URL is shown. The credential belongs in
 * SecretStorage, but some services take a shared key in the query (`?key=…`, `?sign=…`); that
 * key must still not reach a log line or a screenshot of a notification.
 */
const SECRET_QUERY_KEY = /(token|secret|key|pass|pwd|sign|auth|credential)/i;

export interface ResolvedServiceUrl {
  /** What is requested: the template with the AppID filled in or appended. */
  readonly url: string;
  /** The same URL for logs and messages: secret-looking query values replaced by ***. */
  readonly display: string;
}

/**
 * Builds the URL to request for `appId` from the settings' template, or throws a TeamSourceError
 * 'misconfigured' whose `where` and detail never repeat a credential.
 *
 * Without `{appid}` the AppID is appended as `appid=<AppID>`: one team service usually serves
 * every account of the company (WxJava's accessTokenUrl is per-app, but the service behind it is
 * shared), so a template without the AppID would hand every account the same token.
 */
export function resolveServiceUrl(template: string | undefined, appId: string): ResolvedServiceUrl {
  const raw = (template ?? '').trim();
  if (!raw)
    throw misconfigured(TOKEN_SERVICE_URL_SETTING, `"${TOKEN_SERVICE_URL_SETTING}" is empty: set the URL of the team's token service.`);
  // Filled the way the credential's binding is computed (credentialOriginOf), so both see one URL.
  const hasPlaceholder = hasAppIdPlaceholder(raw);
  const filled = fillAppId(raw, appId);

  let parsed: URL;
  try {
    parsed = new URL(filled);
  } catch {
    // The text is not echoed: an unparsable URL may still contain a password.
    throw misconfigured(
      TOKEN_SERVICE_URL_SETTING,
      `"${TOKEN_SERVICE_URL_SETTING}" is not a valid URL (e.g. https://token.example.com/wx/token?appid={appid}).`,
    );
  }
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    throw misconfigured(
      displayUrl(parsed),
      `"${TOKEN_SERVICE_URL_SETTING}" contains a user name or password. Remove it from the URL and run "WeChat: Set Token Service Credential" instead.`,
    );
  }
  // A fragment never reaches the server; dropping it keeps describe() equal to what is sent.
  parsed.hash = '';
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw misconfigured(
      displayUrl(parsed),
      `"${TOKEN_SERVICE_URL_SETTING}" uses ${parsed.protocol} — only https is accepted (http only for 127.0.0.1 or localhost).`,
    );
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    throw misconfigured(
      displayUrl(parsed),
      `"${TOKEN_SERVICE_URL_SETTING}" uses plain http to ${parsed.hostname}. Use https; http is allowed only for 127.0.0.1 or localhost.`,
    );
  }

  if (!hasPlaceholder) {
    const fixed = parsed.searchParams.get('appid');
    // A hard-wired appid for another account would silently hand this account a foreign token.
    if (fixed !== null && fixed !== appId) {
      throw misconfigured(
        displayUrl(parsed),
        `the URL asks for appid ${fixed}, but the account is ${appId}. Write appid={appid} so each account asks for its own token.`,
      );
    }
    // Appended by hand: going through searchParams would re-encode the user's own parameters.
    const appended = `appid=${encodeURIComponent(appId)}`;
    if (fixed === null) parsed.search = parsed.search ? `${parsed.search}&${appended}` : appended;
  }
  return { url: parsed.toString(), display: displayUrl(parsed) };
}

/** The URL as shown to people: secret-looking query values hidden, no user info (there is none). */
function displayUrl(url: URL): string {
  const shown = new URL(url.toString());
  shown.username = '';
  shown.password = '';
  const secretKeys = [...new Set(shown.searchParams.keys())].filter((key) => key.toLowerCase() !== 'appid' && SECRET_QUERY_KEY.test(key));
  // Only touched when needed: rewriting searchParams re-encodes every other parameter.
  if (secretKeys.length === 0) return shown.toString();
  for (const key of secretKeys) shown.searchParams.set(key, '***');
  // URLSearchParams encodes '*' as %2A; the literal stars read better and match redactUrl().
  return shown.toString().replace(/%2A%2A%2A/g, '***');
}

function misconfigured(where: string, detail: string): TeamSourceError {
  return new TeamSourceError('misconfigured', 'url', where, detail);
}
