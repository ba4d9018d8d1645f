// One typed reader for the extension's settings (section "wechat"), in the manner of
// rust-analyzer's config.ts: nothing else reads `wechat.*` from the workspace configuration.
// A value of the wrong type never throws: it falls back and the warning is logged.
import * as vscode from 'vscode';

import type { RawSettings } from './common/settingsReader';
import { CONFIG_SECTION, parseConfig, WeChatConfig } from './settings';
import { PROXY_SETTING_KEYS } from './wechat/proxySettings';

export { CONFIG_SECTION, type StatusBarShow, type WeChatConfig } from './settings';

export function readConfig(): WeChatConfig {
  const section = vscode.workspace.getConfiguration(CONFIG_SECTION);
  return parseConfig((key) => section.get(key));
}

/**
 * VS Code's own `http.*` settings (proxy, noProxy, …), which a bundled undici does not see by
 * itself; parsed by dist/transport.js (parseProxySettings), so activation does not carry that.
 */
export function readHttpSettings(): RawSettings {
  const http = vscode.workspace.getConfiguration('http');
  return (key) => http.get(key);
}

/** A change to any setting parseProxySettings reads: the transport is built again. */
export function affectsProxy(event: vscode.ConfigurationChangeEvent): boolean {
  return PROXY_SETTING_KEYS.some((key) => event.affectsConfiguration(`http.${key}`));
}

export async function updateAppId(appId: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  // Keep the AppID where the user already keeps it (workspace or user settings).
  const inspected = config.inspect<unknown>('appId');
  const target = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const previous = target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue;
  await config.update('appId', appId, target);
  // The label belonged to the AppID it replaces: "Production (wxNEW)" in a confirmation would lie.
  if (typeof previous === 'string' && previous.trim() && previous.trim() !== appId) await config.update('accountName', undefined, target);
}

/** An entry of `wechat.accounts` as written to settings.json (never a secret). */
export interface AccountEntry {
  readonly name: string;
  readonly appId: string;
  readonly tokenSource: 'wechat' | 'redis' | 'url';
  readonly redis?: { readonly layout?: string; readonly prefix?: string; readonly key?: string };
}

/**
 * Adds (or replaces, by AppID) an account in `wechat.accounts`, where the list in force is
 * written: a workspace list replaces the user's whole, so an account added to the user's list
 * would not show there.
 */
export async function saveAccount(entry: AccountEntry): Promise<void> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const inspected = config.inspect<unknown>('accounts');
  const inWorkspace = Array.isArray(inspected?.workspaceValue);
  const current = inWorkspace ? inspected?.workspaceValue : inspected?.globalValue;
  const list = Array.isArray(current) ? current.filter((item) => !sameAppId(item, entry.appId)) : [];
  await config.update('accounts', [...list, entry], inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
}

/**
 * Removes an account wherever settings list it: from `wechat.accounts` (user and workspace) and,
 * for the single account of earlier versions, `wechat.appId` / `wechat.accountName`.
 */
export async function removeAccountFromSettings(appId: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const accounts = config.inspect<unknown>('accounts');
  for (const [value, target] of [
    [accounts?.globalValue, vscode.ConfigurationTarget.Global],
    [accounts?.workspaceValue, vscode.ConfigurationTarget.Workspace],
  ] as const) {
    if (Array.isArray(value) && value.some((item) => sameAppId(item, appId))) {
      await config.update(
        'accounts',
        value.filter((item) => !sameAppId(item, appId)),
        target,
      );
    }
  }
  const legacy = config.inspect<unknown>('appId');
  for (const [value, target] of [
    [legacy?.globalValue, vscode.ConfigurationTarget.Global],
    [legacy?.workspaceValue, vscode.ConfigurationTarget.Workspace],
  ] as const) {
    if (typeof value === 'string' && value.trim() === appId) {
      await config.update('appId', undefined, target);
      await config.update('accountName', undefined, target);
    }
  }
}

/** Writes a machine-scoped connection setting (wechat.redis.url, wechat.tokenService.url) to user settings. */
export async function saveConnectionSetting(key: 'redis.url' | 'tokenService.url', value: string): Promise<void> {
  await vscode.workspace.getConfiguration(CONFIG_SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

function sameAppId(item: unknown, appId: string): boolean {
  return typeof item === 'object' && item !== null && (item as Record<string, unknown>)['appId'] === appId;
}

/**
 * Writes one account's callback (URL, message mode, original ID) to the user's
 * `wechat.simulator.callbacks`: machine-scoped, so a workspace cannot redirect where events go.
 */
export async function saveCallbackSettings(
  appId: string,
  entry: { readonly url: string; readonly mode: string; readonly originalId: string },
): Promise<void> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const current = config.inspect<unknown>('simulator.callbacks')?.globalValue;
  const map = typeof current === 'object' && current !== null && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
  await config.update('simulator.callbacks', { ...map, [appId]: entry }, vscode.ConfigurationTarget.Global);
}
