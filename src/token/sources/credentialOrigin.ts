// The origin a team credential is bound to (CredentialHostGuard), computed the same way when the
// credential is stored (the UI, at activation's bundle) and when a read is about to send it (the
// team bundle): so this file imports nothing.

/** `{appid}` in the token service's URL template, in any case (users write `{appId}` as often as `{appid}`). */
const APPID_PLACEHOLDER = /\{appid\}/gi;

/** The template with every `{appid}` filled in, exactly as the token service source requests it. */
export function fillAppId(template: string, appId: string): string {
  return template.replace(APPID_PLACEHOLDER, encodeURIComponent(appId));
}

/** True when the template names the AppID somewhere (then each account requests its own URL). */
export function hasAppIdPlaceholder(template: string): boolean {
  return new RegExp(APPID_PLACEHOLDER.source, 'i').test(template);
}

/**
 * Scheme, host and port of the URL the credential goes to: for Redis `rediss://host:port` or
 * `redis://host:port` (the scheme decides whether AUTH crosses the network in clear text, so a
 * password bound with TLS is not sent without it unasked), for the token service the URL's origin.
 * `appId` fills an `{appid}` in the token service's template, so what is bound is the origin of the
 * URL as requested (`{appid}` in the host name would otherwise be bound unfilled and never match).
 * Undefined when the URL does not parse, or its origin depends on an AppID not given (nothing is
 * bound then: the first command's read binds it).
 */
export function credentialOriginOf(kind: 'redis' | 'url', url: string | undefined, appId?: string): string | undefined {
  if (!url) return undefined;
  if (kind === 'url' && hasAppIdPlaceholder(url)) {
    if (appId !== undefined) return originOf(kind, fillAppId(url, appId));
    // No AppID: bound only when the placeholder is outside the origin (in the path or query).
    const one = originOf(kind, fillAppId(url, 'wx0'));
    return one === originOf(kind, fillAppId(url, 'wx1')) ? one : undefined;
  }
  return originOf(kind, url);
}

function originOf(kind: 'redis' | 'url', url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (kind === 'url') return parsed.origin;
  // WHATWG keeps IPv6 literals bracketed, so "[::1]:6379" stays unambiguous; it keeps the case of a
  // redis:// host name too (not a special scheme), which DNS ignores.
  return `${parsed.protocol}//${parsed.hostname.toLowerCase()}:${parsed.port === '' ? '6379' : parsed.port}`;
}

/** true: TLS (rediss, https); false: clear text (redis, http); undefined: no scheme (a binding from before schemes were kept). */
function encrypted(origin: string): boolean | undefined {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(origin)?.[1]?.toLowerCase();
  if (scheme === 'rediss' || scheme === 'https') return true;
  if (scheme === 'redis' || scheme === 'http') return false;
  return undefined;
}

/**
 * The credential would leave in clear text where it was bound to TLS — or to a binding from before
 * schemes were kept, which may have been TLS. The question says so (a downgrade, not a host change).
 */
export function isUnencryptedDowngrade(from: string, to: string): boolean {
  return encrypted(to) === false && encrypted(from) !== false;
}

/**
 * A Redis binding that covers `to` without a question: the same host and port over TLS, where it
 * was bound without TLS (redis://) or before the scheme was kept ("host:port") — the password goes
 * where it went, encrypted now. Over redis:// a "host:port" binding may be a downgrade: that asks.
 */
export function bindingCovers(kind: 'redis' | 'url', from: string, to: string): boolean {
  if (kind !== 'redis' || !to.startsWith('rediss://')) return false;
  const hostPort = to.slice('rediss://'.length);
  return from === `redis://${hostPort}` || (encrypted(from) === undefined && from.toLowerCase() === hostPort);
}
