// Loads dist/transport.js (undici) on the first HTTP call, so activation never loads it.
import * as vscode from 'vscode';
import { Logger } from '../../common/logger';
import { HttpTransport, ProxySettings, TransportModule } from '../../wechat/http';
import { lazyRequire } from './lazyRequire';

export function loadTransport(extensionUri: vscode.Uri, proxy: ProxySettings, log: Logger): HttpTransport {
  const started = Date.now();
  const transportModule = lazyRequire<TransportModule>(extensionUri, 'transport.js');
  // Never the proxy URL itself: it may hold user:password.
  const route = proxy.proxySupport === 'off' ? ' (http.proxySupport off)' : proxy.proxyUrl ? ' (proxy from http.proxy)' : '';
  log.debug(`HTTP transport loaded in ${Date.now() - started} ms${route}`);
  return transportModule.createTransport(proxy, { log });
}
