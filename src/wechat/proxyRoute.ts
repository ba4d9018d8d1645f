// Which proxy (if any) a request goes through, decided the way VS Code's own proxy resolver
// (@vscode/proxy-agent) decides it, because a bundled undici does not see VS Code's proxy support:
//   1. `http.proxySupport: "off"` → no proxy at all, not even one from the environment;
//   2. a loopback host → direct (a local fake server or gateway a proxy cannot reach);
//   3. `http.noProxy` when it has entries, otherwise NO_PROXY/no_proxy → direct for a match
//      (VS Code applies it to a proxy from `http.proxy` too, not only to one from the environment);
//   4. `http.proxy`, else https_proxy/HTTPS_PROXY/http_proxy/HTTP_PROXY.
// No undici here: the rules are plain data, tested without sockets.
import { isLoopbackHost } from './baseUrl';
import { ProxySettings } from './http';

export type Environment = Readonly<Record<string, string | undefined>>;

/** The proxy URL from the environment, in VS Code's order (lower case first, https before http). */
export function environmentProxy(env: Environment): string | undefined {
  for (const key of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
    const value = env[key]?.trim();
    if (value) return value;
  }
  return undefined;
}

/** The proxy a request to `url` goes through, or undefined for a direct connection. */
export function proxyFor(url: URL, settings: ProxySettings, env: Environment): string | undefined {
  if (settings.proxySupport === 'off') return undefined;
  const hostname = url.hostname.toLowerCase();
  if (isLoopbackHost(hostname)) return undefined;
  const proxy = settings.proxyUrl || environmentProxy(env);
  if (!proxy) return undefined;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const configured = (settings.noProxy ?? []).map((entry) => entry.trim()).filter((entry) => entry.length > 0);
  // As in VS Code: entries in `http.noProxy` replace the environment's list instead of adding to it.
  const entries = configured.length > 0 ? configured : (env['no_proxy'] || env['NO_PROXY'] || '').split(',');
  return bypasses(entries, hostname.replace(/^\[|\]$/g, ''), port) ? undefined : proxy;
}

/**
 * Whether a no-proxy list names the host: `*` matches everything, `example.com` and `.example.com`
 * match the domain and its subdomains, `host:port` only that port.
 */
export function bypasses(entries: readonly string[], hostname: string, port: string): boolean {
  return entries.some((raw) => {
    const entry = raw.trim().toLowerCase();
    if (entry === '*') return true;
    const [name = '', entryPort] = entry.split(':', 2);
    if (!name) return false;
    const domain = name.startsWith('.') ? name : `.${name}`;
    return `.${hostname}`.endsWith(domain) && (!entryPort || entryPort === port);
  });
}
