// The one seam between the WeChat client and the network. The real implementation lives in
// undiciTransport.ts and is bundled into its own file so activation never loads undici;
// tests hand the client a transport bound to the local fake server.

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

/** Settings that decide how the transport reaches the internet. */
export interface ProxySettings {
  /** VS Code's `http.proxy`, or empty to fall back to HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  readonly proxyUrl?: string;
  /** VS Code's `http.proxyStrictSSL`. */
  readonly strictSSL?: boolean;
}

/** Shape of the lazily required dist/transport.js module. */
export interface TransportModule {
  createTransport(settings: ProxySettings): HttpTransport;
}
