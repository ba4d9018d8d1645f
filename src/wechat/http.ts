// The one seam between the WeChat client and the network. The real implementation lives in
// undiciTransport.ts and is bundled into its own file so activation never loads undici;
// tests hand the client a transport bound to the local fake server.

import type { Logger } from '../common/logger';
import type { RawSettings } from '../common/settingsReader';

export type HttpMethod = 'GET' | 'POST';

export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  /** The POST body: JSON for the WeChat API, XML for the callback simulator. */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Aborts the request when it fires (timeouts, cancellation). */
  readonly signal?: AbortSignal;
}

export interface HttpResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

export interface HttpTransport {
  request(request: HttpRequest): Promise<HttpResponse>;
}

/** VS Code's `http.proxySupport`: "off" uses no proxy at all, the others use the one configured. */
export type ProxySupport = 'off' | 'on' | 'override' | 'fallback';

/** Settings that decide how the transport reaches the internet (VS Code's `http.*` settings). */
export interface ProxySettings {
  /** VS Code's `http.proxy`, or empty to fall back to HTTPS_PROXY/HTTP_PROXY from the environment. */
  readonly proxyUrl?: string;
  /**
   * VS Code's `http.proxyStrictSSL`. `false` relaxes the check of the proxy's own certificate
   * only; the WeChat API's certificate is always verified (the AppSecret travels over it).
   */
  readonly strictSSL?: boolean;
  /** VS Code's `http.noProxy`: hosts or domains (`example.com`, `.example.com`, `host:port`, `*`) reached directly. */
  readonly noProxy?: readonly string[];
  /** VS Code's `http.proxySupport`; "on" when missing. */
  readonly proxySupport?: ProxySupport;
  /** VS Code's `http.proxyAuthorization`: sent as Proxy-Authorization to the proxy, never logged. */
  readonly proxyAuthorization?: string;
}

/** What the transport takes from its surroundings; injected so tests need not touch process.env. */
export interface TransportEnvironment {
  /** HTTPS_PROXY, NO_PROXY, NODE_EXTRA_CA_CERTS…; process.env by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where the transport warns (a relaxed proxy certificate check, an unreadable CA file). */
  readonly log?: Logger;
}

/** Shape of the lazily required dist/transport.js module. */
export interface TransportModule {
  createTransport(settings: ProxySettings, environment?: TransportEnvironment): HttpTransport;
  /** Parses VS Code's raw `http.*` settings; here, so the activation bundle does not carry it. */
  parseProxySettings(raw: RawSettings): ProxySettings;
}
