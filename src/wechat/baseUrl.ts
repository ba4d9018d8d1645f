// The API base URL decides where the AppSecret is sent, so only https is accepted — except
// plain http on a loopback address, which is how tests and the fake server are reached.
import { WECHAT_API_ORIGIN } from './endpoints';

export type BaseUrlCheck =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: 'invalid' | 'insecure'; readonly input: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Normalises (no trailing slash) and checks a base URL. */
export function checkApiBaseUrl(input: string | undefined): BaseUrlCheck {
  const raw = (input ?? '').trim() || WECHAT_API_ORIGIN;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { ok: false, reason: 'invalid', input: raw };
  }
  if (parsed.username || parsed.password || parsed.search || parsed.hash) {
    return { ok: false, reason: 'invalid', input: raw };
  }
  const secure = parsed.protocol === 'https:';
  const loopbackHttp = parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname);
  if (!secure && !loopbackHttp) {
    return { ok: false, reason: parsed.protocol === 'http:' ? 'insecure' : 'invalid', input: raw };
  }
  return { ok: true, url: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` };
}
