// Failures the transport itself detects: the network did not deliver an answer (refused, DNS,
// TLS, reset, proxy), or what came back is far too large to be WeChat's. Raised in
// undiciTransport.ts, so this file is bundled into dist/transport.js, not the activation bundle.
import { formatMessage, Localize } from '../common/localize';
import { WeChatTransportError } from './apiErrors';
import { FixAction } from './errcodes';
import { RaisedByTransport, WeChatError } from './errors';
import type { ClassifiedFault } from './networkFault';

/**
 * No answer because of the network itself: refused, DNS, TLS, reset, a connect timeout, a proxy.
 * The raw "fetch failed" / "other side closed" says nothing; the fault (networkFault.ts) says
 * what to check. `host` is the server that was asked (no path, no query: nothing secret).
 */
export class WeChatNetworkError extends WeChatTransportError implements RaisedByTransport {
  static override readonly brand: string = 'WeChatNetworkError';
  constructor(
    apiPath: string,
    readonly host: string,
    readonly fault: ClassifiedFault | undefined,
    detail: string,
  ) {
    super('network', apiPath, detail);
    this.name = 'WeChatNetworkError';
  }

  at(apiPath: string): WeChatNetworkError {
    return new WeChatNetworkError(apiPath, this.host, this.fault, this.detail);
  }

  override get actions(): readonly FixAction[] {
    return this.fault?.fault === 'timeout' ? ['timeoutSetting'] : ['apiBaseUrlSetting'];
  }

  override describe(localize: Localize = formatMessage): string {
    const code = this.fault?.code ?? this.detail;
    switch (this.fault?.fault) {
      case 'refused':
        return localize(
          'Could not connect to {0}: the connection was refused ({1}). Check "wechat.apiBaseUrl", and that the proxy in "http.proxy" is running if you use one.',
          this.host,
          code,
        );
      case 'dns':
        return localize(
          'Could not find the server {0} (DNS lookup failed, {1}). Check the host name in "wechat.apiBaseUrl" and your network; behind a proxy, set "http.proxy".',
          this.host,
          code,
        );
      case 'tls':
        return localize(
          "The certificate of {0} was not accepted ({1}). If your network inspects TLS, trust its CA through NODE_EXTRA_CA_CERTS or the system certificate store; the WeChat API's certificate is always checked.",
          this.host,
          code,
        );
      case 'reset':
        return localize(
          'The connection to {0} was closed before the answer was complete ({1}). A proxy or firewall may be cutting it; check "http.proxy" and try again.',
          this.host,
          code,
        );
      case 'timeout':
        return localize(
          'Could not connect to {0} in time ({1}). Check your network or the proxy in "http.proxy", or raise "wechat.requestTimeoutSeconds".',
          this.host,
          code,
        );
      case 'proxy':
        return localize(
          'The proxy refused to connect to {0} (HTTP {1}). Check "http.proxy" and "http.proxyAuthorization".',
          this.host,
          code.replace(/^PROXY_/, ''),
        );
      case 'badProxy':
        return localize(
          'The proxy address {0} is not an http:// or https:// URL. Check "http.proxy", or HTTPS_PROXY / HTTP_PROXY in the environment.',
          code,
        );
      case 'unreachable':
      case undefined:
        return super.describe(localize);
    }
  }
}

/**
 * An answer larger than any WeChat answer (the biggest, a full menu, is a few KB): a proxy's
 * error page, a captive portal (a Wi-Fi login page), a gateway serving a file. Reading it
 * whole would only fill memory; it is cut off at the limit. Not retried: the next try would
 * fetch the same page.
 */
export class ResponseTooLargeError extends WeChatError implements RaisedByTransport {
  static override readonly brand: string = 'ResponseTooLargeError';
  constructor(
    /** The server that answered (host[:port]). */
    readonly host: string,
    /** The path asked (the API path once the client has named it); never a query. */
    readonly apiPath: string,
    /** Bytes announced (content-length) or received before the read was stopped. */
    readonly bytes: number,
    readonly limitBytes: number,
  ) {
    super(`${host}${apiPath} answered with more than ${limitBytes} bytes (at least ${bytes})`);
    this.name = 'ResponseTooLargeError';
  }

  get endpoint(): string {
    return `${this.host}${this.apiPath}`;
  }

  at(apiPath: string): ResponseTooLargeError {
    return new ResponseTooLargeError(this.host, apiPath, this.bytes, this.limitBytes);
  }

  override get actions(): readonly FixAction[] {
    return ['apiBaseUrlSetting'];
  }

  describe(localize: Localize = formatMessage): string {
    return localize(
      '{0} answered with more than {1} KB (at least {2} bytes). That is not a WeChat answer: a proxy or a captive portal (a network login page) may be in the way. Check "http.proxy" and "wechat.apiBaseUrl", or sign in to the network, then try again.',
      this.endpoint,
      Math.round(this.limitBytes / 1024),
      this.bytes,
    );
  }
}
