// The only file that imports undici. esbuild puts it in dist/transport.js, which the extension
// requires on the first HTTP call, so activation with a cached token never pays for it.
// A bundled undici does not see VS Code's proxy support, so proxies are configured here from
// VS Code's `http.proxy` / `http.proxyStrictSSL`, or from HTTPS_PROXY/HTTP_PROXY/NO_PROXY.
import { Agent, Dispatcher, EnvHttpProxyAgent, ProxyAgent, request } from 'undici';
import { isLoopbackHost } from './baseUrl';
import { HttpRequest, HttpResponse, HttpTransport, ProxySettings, TransportModule } from './http';

export function createDispatcher(settings: ProxySettings): Dispatcher {
  const connect = { rejectUnauthorized: settings.strictSSL !== false };
  if (settings.proxyUrl) {
    return new ProxyAgent({ uri: settings.proxyUrl, requestTls: connect, proxyTls: connect });
  }
  const env = process.env;
  const hasEnvProxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((key) => env[key]);
  // Tunnelled requests take their TLS options from requestTls/proxyTls, not from `connect`.
  return hasEnvProxy
    ? new EnvHttpProxyAgent({ connect, requestTls: connect, proxyTls: connect })
    : new Agent({ connect });
}

export class UndiciTransport implements HttpTransport {
  /**
   * @param direct used for loopback addresses (a local fake server or gateway), which a proxy
   * from the environment cannot reach.
   */
  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly direct: Dispatcher = dispatcher,
  ) {}

  async request(req: HttpRequest): Promise<HttpResponse> {
    const loopback = isLoopbackHost(new URL(req.url).hostname);
    const response = await request(req.url, {
      method: req.method,
      body: req.body,
      headers: req.headers ? { ...req.headers } : undefined,
      signal: req.signal,
      dispatcher: loopback ? this.direct : this.dispatcher,
    });
    const body = await response.body.text();
    const contentType = response.headers['content-type'];
    return {
      status: response.statusCode,
      contentType: Array.isArray(contentType) ? contentType.join(', ') : (contentType ?? ''),
      body,
    };
  }
}

/** The entry point dist/transport.js exposes to the lazy loader (typed by TransportModule). */
export const createTransport: TransportModule['createTransport'] = (settings) =>
  new UndiciTransport(createDispatcher(settings), new Agent({ connect: { rejectUnauthorized: settings.strictSSL !== false } }));
