// One typed reader for the extension's settings (section "wechat"), in the manner of
// rust-analyzer's config.ts: nothing else reads `wechat.*` from the workspace configuration.
import * as vscode from 'vscode';
import { TokenMode } from './token/store';
import { BaseUrlCheck, checkApiBaseUrl } from './wechat/baseUrl';
import { ProxySettings } from './wechat/http';

export const CONFIG_SECTION = 'wechat';

export interface WeChatConfig {
  readonly appId: string | undefined;
  readonly accountName: string | undefined;
  readonly tokenMode: TokenMode;
  readonly autoRefresh: boolean;
  readonly refreshMarginSeconds: number;
  readonly requestTimeoutSeconds: number;
  readonly apiBaseUrl: BaseUrlCheck;
}

/** Bounds also declared in package.json; clamped here because settings.json can say anything. */
const MARGIN_BOUNDS = { min: 60, max: 3600, fallback: 300 } as const;
const TIMEOUT_BOUNDS = { min: 1, max: 120, fallback: 15 } as const;

export function readConfig(): WeChatConfig {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const appId = config.get<string>('appId', '').trim();
  const accountName = config.get<string>('accountName', '').trim();
  return {
    appId: appId || undefined,
    accountName: accountName || undefined,
    tokenMode: config.get<string>('tokenMode') === 'classic' ? 'classic' : 'stable',
    autoRefresh: config.get<boolean>('autoRefresh', true),
    refreshMarginSeconds: clamp(config.get<number>('refreshMarginSeconds'), MARGIN_BOUNDS),
    requestTimeoutSeconds: clamp(config.get<number>('requestTimeoutSeconds'), TIMEOUT_BOUNDS),
    apiBaseUrl: checkApiBaseUrl(config.get<string>('apiBaseUrl')),
  };
}

/** VS Code's own proxy settings, which a bundled undici does not see by itself. */
export function readProxySettings(): ProxySettings {
  const http = vscode.workspace.getConfiguration('http');
  return {
    proxyUrl: http.get<string>('proxy', '').trim() || undefined,
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
  };
}

export function affectsProxy(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('http.proxy') || event.affectsConfiguration('http.proxyStrictSSL');
}

export async function updateAppId(appId: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  // Keep the AppID where the user already keeps it (workspace or user settings).
  const inspected = config.inspect<string>('appId');
  const target = inspected?.workspaceValue !== undefined
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  await config.update('appId', appId, target);
}

function clamp(value: number | undefined, bounds: { min: number; max: number; fallback: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return bounds.fallback;
  return Math.min(bounds.max, Math.max(bounds.min, value));
}
