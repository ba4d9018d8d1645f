// What the Add Account wizard's input boxes accept, as pure functions the UI calls from
// validateInput (and the fuzz tests call with any string). Each says which problem a text has;
// the UI words it. An input box must never accept what the token source refuses later, so the URL
// checks end in the same parsers the sources use.
import { parseRedisUrl } from '../../../token/sources/redis/connectionUrl';
import { isLoopbackHost } from '../../../wechat/baseUrl';

export type ConnectionUrlProblem = 'redisScheme' | 'httpsScheme' | 'password' | 'invalid';

/** An account name: anything but blank. */
export function checkAccountName(text: string): 'empty' | undefined {
  return text.trim() === '' ? 'empty' : undefined;
}

/** A custom Redis key template must say where the AppID goes (the manifest's pattern for `key`). */
export function checkRedisKeyTemplate(text: string): 'noAppId' | undefined {
  return text.includes('{appid}') ? undefined : 'noAppId';
}

/**
 * The team's Redis URL (`redis`) or token service URL template (`url`): no credentials in it
 * (they go to SecretStorage), redis(s):// for Redis, https (http only to a loopback host) for the
 * token service, and a URL the source can read.
 */
export function checkConnectionUrl(kind: 'redis' | 'url', text: string): ConnectionUrlProblem | undefined {
  const raw = text.trim();
  if (/\/\/[^/]*@/.test(raw)) return 'password';
  if (kind === 'redis') {
    if (!/^rediss?:\/\//i.test(raw)) return 'redisScheme';
    try {
      parseRedisUrl(raw);
    } catch {
      return 'invalid';
    }
    return undefined;
  }
  if (!/^https?:\/\//i.test(raw)) return 'httpsScheme';
  let url: URL;
  try {
    // The placeholder is filled as the source fills it, with an AppID-like value.
    url = new URL(raw.replace(/\{appid\}/gi, 'wx0000000000000000'));
  } catch {
    return 'invalid';
  }
  if (url.username !== '' || url.password !== '') return 'password';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return 'httpsScheme';
  return undefined;
}
