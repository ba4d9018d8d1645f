// The only file that imports undici. esbuild puts it in dist/transport.js, which the extension
// requires on the first HTTP call, so activation with a cached token never pays for it.
// A bundled undici does not see VS Code's proxy support, so the route of each request is decided
// here from VS Code's `http.*` settings and the environment (proxyRoute.ts), and the trusted CAs
// include the system store and NODE_EXTRA_CA_CERTS (trustedCas.ts).
import type { SecureContext } from 'node:tls';

import { Agent, Dispatcher, ProxyAgent, request } from 'undici';

import { silentLogger } from '../common/logger';
import { HttpRequest, HttpResponse, HttpTransport, ProxySettings, TransportEnvironment, TransportModule } from './http';
import { ResponseTooLargeError, WeChatNetworkError } from './networkErrors';
import { classifyNetworkError, innermostMessage } from './networkFault';
import { Environment, environmentProxy, proxyFor } from './proxyRoute';
import { redactUrl } from './redact';
import { trustedCas } from './trustedCas';

/** No WeChat answer comes near this (a full menu is a few KB); anything larger is someone else's page. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * undici's own bounds, for a caller without a signal; the client's timeout (at most 120 s) is
 * shorter for every WeChat call. A connect that takes 10 s will not succeed.
 */
const CONNECT_TIMEOUT_MS = 10_000;
const ANSWER_TIMEOUT_MS = 130_000;

/** Picks the dispatcher of each request: direct, or a ProxyAgent per proxy URL. */
export class Routes {
  private readonly direct: Agent;
  private readonly proxies = new Map<string, ProxyAgent>();
  private readonly secureContext: SecureContext | undefined;
  private warnedStrictSSL = false;

  constructor(
    private readonly settings: ProxySettings,
    private readonly env: Environment,
    private readonly log = silentLogger,
  ) {
    const cas = trustedCas({ env });
    for (const warning of cas.warnings) log.warn(warning);
    if (cas.added > 0) log.debug(`TLS: trusting ${cas.added} certificate(s) beyond Node's roots (system store, NODE_EXTRA_CA_CERTS)`);
    this.secureContext = cas.secureContext;
    // The target's certificate is always verified: rejectUnauthorized is never relaxed here.
    this.direct = new Agent({ ...this.timeouts(), connect: { ...this.tls(), timeout: CONNECT_TIMEOUT_MS } });
  }

  dispatcherFor(url: URL): Dispatcher {
    const proxy = proxyFor(url, this.settings, this.env);
    if (proxy === undefined) return this.direct;
    // A mistyped proxy fails the request (never a silent direct connection), saying which setting.
    if (!isProxyUrl(proxy))
      throw new WeChatNetworkError(url.pathname, url.host, { fault: 'badProxy', code: withoutCredentials(proxy) }, 'invalid proxy URL');
    return this.proxyAgent(proxy);
  }

  async close(): Promise<void> {
    const all = [this.direct, ...this.proxies.values()];
    this.proxies.clear();
    await Promise.all(all.map((dispatcher) => dispatcher.close().catch(() => undefined)));
  }

  private proxyAgent(uri: string): ProxyAgent {
    let agent = this.proxies.get(uri);
    if (!agent) {
      const strict = this.settings.strictSSL !== false;
      if (!strict && !this.warnedStrictSSL) {
        this.warnedStrictSSL = true;
        this.log.warn(
          "http.proxyStrictSSL is false: the certificate of the proxy itself is not verified. The WeChat API's certificate still is; to trust a company CA, use NODE_EXTRA_CA_CERTS or the system certificate store instead.",
        );
      }
      agent = new ProxyAgent({
        ...this.timeouts(),
        uri,
        // http.proxyAuthorization wins over credentials in the proxy URL, as in VS Code.
        ...(this.settings.proxyAuthorization ? { token: this.settings.proxyAuthorization } : {}),
        // http.proxyStrictSSL relaxes the proxy's TLS (an https:// proxy) and nothing else.
        proxyTls: { ...this.tls(), rejectUnauthorized: strict, timeout: CONNECT_TIMEOUT_MS },
        requestTls: { ...this.tls(), rejectUnauthorized: true },
      });
      this.proxies.set(uri, agent);
    }
    return agent;
  }

  private tls(): { secureContext?: SecureContext } {
    return this.secureContext ? { secureContext: this.secureContext } : {};
  }

  private timeouts(): { headersTimeout: number; bodyTimeout: number } {
    return { headersTimeout: ANSWER_TIMEOUT_MS, bodyTimeout: ANSWER_TIMEOUT_MS };
  }
}

export class UndiciTransport implements HttpTransport {
  constructor(
    private readonly routes: Routes,
    private readonly maxBytes = MAX_RESPONSE_BYTES,
  ) {}

  async request(req: HttpRequest): Promise<HttpResponse> {
    const url = new URL(req.url);
    try {
      const response = await request(url, {
        method: req.method,
        body: req.body,
        headers: req.headers ? { ...req.headers } : undefined,
        signal: req.signal,
        dispatcher: this.routes.dispatcherFor(url),
      });
      const contentType = response.headers['content-type'];
      return {
        status: response.statusCode,
        contentType: Array.isArray(contentType) ? contentType.join(', ') : (contentType ?? ''),
        body: await this.readBody(url, response),
      };
    } catch (error) {
      // An abort is the caller's (timeout, cancellation): it knows which; our own errors are final.
      if (req.signal?.aborted || error instanceof ResponseTooLargeError || error instanceof WeChatNetworkError) throw error;
      const fault = classifyNetworkError(error);
      throw new WeChatNetworkError(url.pathname, url.host, fault, fault?.code ?? withoutCredentials(redactUrl(innermostMessage(error))));
    }
  }

  /** Reads the body up to the limit; a larger one is cut off instead of filling memory. */
  private async readBody(url: URL, response: Dispatcher.ResponseData): Promise<string> {
    const tooLarge = (bytes: number): ResponseTooLargeError => {
      response.body.destroy();
      return new ResponseTooLargeError(url.host, url.pathname, bytes, this.maxBytes);
    };
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes) throw tooLarge(declared);
    const chunks: Buffer[] = [];
    let received = 0;
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > this.maxBytes) throw tooLarge(received);
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): Promise<void> {
    return this.routes.close();
  }
}

/** http:// or https:// with a host: what undici's ProxyAgent can speak (VS Code ignores anything else). */
function isProxyUrl(value: string): boolean {
  try {
    const parsed = new URL(value);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.length > 0;
  } catch {
    return false;
  }
}

/** `http://user:password@host` → `http://***@host`: proxy credentials never reach a message. */
function withoutCredentials(text: string): string {
  return text.replace(/\/\/[^/@\s]+@/g, '//***@');
}

/** The entry point dist/transport.js exposes to the lazy loader (typed by TransportModule). */
export const createTransport: TransportModule['createTransport'] = (settings: ProxySettings, environment: TransportEnvironment = {}) => {
  const env = environment.env ?? process.env;
  const log = environment.log ?? silentLogger;
  if (settings.proxySupport === 'off' && (settings.proxyUrl || environmentProxy(env))) {
    log.info('http.proxySupport is "off": requests go direct, the configured proxy is not used');
  }
  return new UndiciTransport(new Routes(settings, env, log));
};

export { parseProxySettings } from './proxySettings';
