// Where each SDK keeps the account's token in Redis (the table in /work/shared/team-tokens.md,
// read from the SDKs' own source). The key is computed, never guessed: a missing key is reported
// with the exact name looked up, so the user can compare it with production's.
import { TeamSourceError } from '../teamSourceError';

export const REDIS_LAYOUTS = ['wxjava', 'silenceper', 'silenceper-stable', 'wechatpy', 'custom'] as const;
export type RedisLayout = (typeof REDIS_LAYOUTS)[number];

/** An account's `redis` settings as the lead's settings reader hands them over. */
export interface RedisKeySettings {
  /** Default: `wxjava`, or `custom` when only `key` is given. */
  readonly layout?: RedisLayout;
  /** WxJava's keyPrefix (default `wx`) or wechatpy's prefix (default `wechatpy`). */
  readonly prefix?: string;
  /** The `custom` layout's template, e.g. `myapp:{appid}:token`; must contain `{appid}`. */
  readonly key?: string;
}

interface LayoutRule {
  /** Builds the key; `prefix` is already defaulted. */
  readonly key: (appId: string, prefix: string) => string;
  /** undefined: the layout has no prefix (silenceper's is fixed in its code). */
  readonly defaultPrefix?: string;
}

const RULES: Readonly<Record<Exclude<RedisLayout, 'custom'>, LayoutRule>> = {
  // WxMpRedisConfigImpl: String.format("%s:access_token:%s", keyPrefix, appId).
  wxjava: { key: (appId, prefix) => `${prefix}:access_token:${appId}`, defaultPrefix: 'wx' },
  // "gowechat_officialaccount_" + "_access_token_" + appid: the double underscore is real.
  silenceper: { key: (appId) => `gowechat_officialaccount__access_token_${appId}` },
  'silenceper-stable': { key: (appId) => `gowechat_officialaccount__stable_access_token_${appId}` },
  // RedisStorage.key_name: "{prefix}:{key}", key = "{appid}_access_token".
  wechatpy: { key: (appId, prefix) => `${prefix}:${appId}_access_token`, defaultPrefix: 'wechatpy' },
};

const APPID_PLACEHOLDER = '{appid}';

function misconfigured(appId: string, detail: string): TeamSourceError {
  return new TeamSourceError('misconfigured', 'redis', `redis settings of ${appId}`, detail);
}

function isLayout(value: unknown): value is RedisLayout {
  return typeof value === 'string' && (REDIS_LAYOUTS as readonly string[]).includes(value);
}

/** The exact Redis key holding appId's token; a combination that cannot work is a `misconfigured` error saying what is wrong. */
export function redisKeyFor(appId: string, settings: RedisKeySettings): string {
  const { prefix, key } = settings;
  if (settings.layout !== undefined && !isLayout(settings.layout)) {
    throw misconfigured(appId, `redis.layout "${String(settings.layout)}" is not one of ${REDIS_LAYOUTS.join(', ')}.`);
  }
  const layout: RedisLayout = settings.layout ?? (key !== undefined ? 'custom' : 'wxjava');
  if (layout === 'custom') {
    if (prefix !== undefined)
      throw misconfigured(appId, 'redis.prefix has no meaning with a custom redis.key: write the prefix into the key.');
    if (key === undefined || key.trim() === '')
      throw misconfigured(appId, 'the custom layout needs redis.key, e.g. "myapp:{appid}:access_token".');
    if (!key.includes(APPID_PLACEHOLDER)) throw misconfigured(appId, `redis.key "${key}" must contain {appid}, where the AppID goes.`);
    return key.split(APPID_PLACEHOLDER).join(appId);
  }
  if (key !== undefined)
    throw misconfigured(appId, `redis.key is only used by the custom layout, not with redis.layout "${layout}": remove one of them.`);
  const rule = RULES[layout];
  if (prefix !== undefined) {
    if (rule.defaultPrefix === undefined) throw misconfigured(appId, `the ${layout} layout has a fixed key: remove redis.prefix.`);
    // An empty prefix would give ":access_token:wx…", which no SDK writes.
    if (prefix.trim() === '' || /\s/.test(prefix)) throw misconfigured(appId, 'redis.prefix must be a non-empty word without spaces.');
  }
  return rule.key(appId, prefix ?? rule.defaultPrefix ?? '');
}
