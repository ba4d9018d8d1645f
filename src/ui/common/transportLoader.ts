// Loads dist/transport.js (undici) on the first HTTP call. The path is computed at run time so
// esbuild leaves the require alone and undici stays out of the activation bundle.
import * as vscode from 'vscode';
import { HttpTransport, ProxySettings, TransportModule } from '../../wechat/http';
import { Logger } from '../../common/logger';

export function loadTransport(extensionUri: vscode.Uri, proxy: ProxySettings, log: Logger): HttpTransport {
  const modulePath = vscode.Uri.joinPath(extensionUri, 'dist', 'transport.js').fsPath;
  const started = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const transportModule = require(modulePath) as TransportModule;
  log.debug(`HTTP transport loaded in ${Date.now() - started} ms${proxy.proxyUrl ? ' (proxy from http.proxy)' : ''}`);
  return transportModule.createTransport(proxy);
}
