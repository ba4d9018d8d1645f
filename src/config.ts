// One typed reader for the extension's settings (section "wechat"), in the manner of
// rust-analyzer's config.ts: nothing else reads `wechat.*` from the workspace configuration.
// A value of the wrong type never throws: it falls back and the warning is logged.
import * as vscode from 'vscode';
import { SettingsReader } from './common/settingsReader';
import { CONFIG_SECTION, parseConfig, WeChatConfig } from './settings';
import { ProxySettings } from './wechat/http';

export { CONFIG_SECTION, type StatusBarShow, type WeChatConfig } from './settings';

export function readConfig(): WeChatConfig {
  const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return parseConfig((key) => section.get(key));
}

/** VS Code's own proxy settings, which a bundled undici does not see by itself. */
export function readProxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  const read = new SettingsReader((key) => http.get(key), 'http');
  return { proxyUrl: read.text('proxy'), strictSSL: read.boolean('proxyStrictSSL', true) };
}

export function affectsProxy(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('http.proxy') || event.affectsConfiguration('http.proxyStrictSSL');
}

export async function updateAppId(appId: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  // Keep the AppID where the user already keeps it (workspace or user settings).
  const inspected = config.inspect<unknown>('appId');
  const target = inspected?.workspaceValue !== undefined
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await config.update('appId', appId, target);
}
