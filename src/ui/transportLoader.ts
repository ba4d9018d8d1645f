// Loads dist/transport.js (undici) on the first HTTP call, so activation never loads it.
import * as vscode from 'vscode';

import { Logger } from '../common/logger';
import type { RawSettings } from '../common/settingsReader';
import { HttpTransport, TransportModule } from '../wechat/http';
import { lazyRequire } from './lazyRequire';

/** `http` is VS Code's raw `http.*` section, read when the transport is built. */
export function loadTransport(extensionUri: vscode.Uri, http: RawSettings, log: Logger): HttpTransport {
  const started = Date.now();
  const transportModule = lazyRequire<TransportModule>(extensionUri, 'transport.js');
  const proxy = transportModule.parseProxySettings(http);
  // Never the proxy URL itself: it may hold user:password.
  const route = proxy.proxySupport === 'off' ? ' (http.proxySupport off)' : proxy.proxyUrl ? ' (proxy from http.proxy)' : '';
  log.debug(`HTTP transport loaded in ${Date.now() - started} ms${route}`);
  return transportModule.createTransport(proxy, { log });
}
