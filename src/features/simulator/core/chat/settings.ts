// The callback simulator's settings, parsed from raw values of any type (vscode-free, so the
// fallbacks are unit-tested). Where events go is `wechat.simulator.callbacks`, one entry per AppID:
// machine-scoped and restricted in untrusted workspaces like the other URLs, because whoever sets
// the URL receives messages signed with the account's Token — a repository must not redirect them.
// The Token and the EncodingAESKey are never here: they live in SecretStorage (secretKeys.ts).
import { isLoopbackHost } from '../../../../wechat/baseUrl';
import type { MessageMode } from '../types';

export const CALLBACKS_SETTING = 'simulator.callbacks';
export const OPEN_ID_SETTING = 'simulator.openId';
export const MESSAGE_MODES: readonly MessageMode[] = ['plaintext', 'compatible', 'safe'];

/** One account's callback as written in settings.json (never a secret). */
export interface CallbackSettings {
  readonly url: string;
  readonly mode: MessageMode;
  /** The account's original ID (gh_…), sent as ToUserName; empty when not known. */
  readonly originalId: string;
}

export type CallbackUrlCheck =
  | { readonly ok: true; readonly url: string }
  /** invalid: not a URL (or with credentials or a fragment); insecure: http to a host that is not loopback. */
  | { readonly ok: false; readonly reason: 'invalid' | 'insecure' };

/** https anywhere, http only to this machine (a local server, a tunnel's local end), like the API base URL. */
export function checkCallbackUrl(input: string): CallbackUrlCheck {
  let parsed: URL;
  try {
    parsed = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  // The query stays (WeChat appends its parameters to it); credentials and fragments have no place in a callback URL.
  if (parsed.username || parsed.password || parsed.hash || !parsed.hostname) return { ok: false, reason: 'invalid' };
  if (parsed.protocol === 'https:') return { ok: true, url: parsed.href };
  if (parsed.protocol !== 'http:') return { ok: false, reason: 'invalid' };
  return isLoopbackHost(parsed.hostname) ? { ok: true, url: parsed.href } : { ok: false, reason: 'insecure' };
}

const ORIGINAL_ID = /^gh_[0-9a-zA-Z]{12}$/;

/** The original ID the console shows under 公众号设置 › 原始ID: gh_ and 12 letters or digits. */
export function isOriginalId(value: string): boolean {
  return ORIGINAL_ID.test(value);
}

export interface ParsedCallbacks {
  readonly byAppId: ReadonlyMap<string, CallbackSettings>;
  readonly warnings: readonly string[];
}

/** The map from raw settings: an entry that cannot work is left out with a warning naming it. */
export function parseCallbacks(raw: unknown): ParsedCallbacks {
  const byAppId = new Map<string, CallbackSettings>();
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return { byAppId, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { byAppId, warnings: [`wechat.${CALLBACKS_SETTING} should be an object keyed by AppID; ignoring it`] };
  }
  for (const [appId, entry] of Object.entries(raw as Record<string, unknown>)) {
    const at = `wechat.${CALLBACKS_SETTING}.${appId}`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      warnings.push(`${at} should be an object; ignoring it`);
      continue;
    }
    const fields = entry as Record<string, unknown>;
    const check = checkCallbackUrl(typeof fields['url'] === 'string' ? fields['url'] : '');
    if (!check.ok) {
      warnings.push(
        `${at}.url is ${check.reason === 'insecure' ? 'http to a host other than this machine (use https)' : 'not a valid URL'}; ignoring the entry`,
      );
      continue;
    }
    const mode = MESSAGE_MODES.find((m) => m === fields['mode']);
    if (fields['mode'] !== undefined && mode === undefined)
      warnings.push(`${at}.mode should be plaintext, compatible or safe; using plaintext`);
    const originalId = typeof fields['originalId'] === 'string' ? fields['originalId'].trim() : '';
    if (originalId && !isOriginalId(originalId))
      warnings.push(`${at}.originalId should look like gh_ and 12 letters or digits; using a stand-in`);
    byAppId.set(appId, { url: check.url, mode: mode ?? 'plaintext', originalId: isOriginalId(originalId) ? originalId : '' });
  }
  return { byAppId, warnings };
}

const OPEN_ID = /^[0-9A-Za-z_-]{28}$/;
/** OpenIDs of Official Accounts are 28 characters of the URL-safe alphabet (the core's randomOpenId makes one). */
export function isOpenId(value: string): boolean {
  return OPEN_ID.test(value);
}
