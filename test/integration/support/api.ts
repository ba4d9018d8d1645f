// The extension's activate() return value, as far as the suites use it (src/extension.ts:
// WeChatExtensionApi). Read-only views; reached only through the extension's exports.
import * as vscode from 'vscode';

import { EXTENSION_ID, itConfig, waitFor } from './env';

export interface StatusBarView {
  readonly kind: 'setup' | 'empty' | 'fetching' | 'valid' | 'expiring' | 'expired' | 'failed';
  readonly text: string;
  readonly tone: 'normal' | 'warning' | 'error';
  readonly details: {
    readonly appId?: string;
    readonly accountName?: string;
    readonly expiresAt?: number;
    readonly lastError?: string;
    readonly teamSource?: { readonly kind: 'redis' | 'url'; readonly where: string };
  };
}

export interface TokenStateView {
  readonly kind: string;
  readonly appId?: string;
  readonly token?: { readonly accessToken: string; readonly expiresAt: number; readonly obtainedAt: number };
}

export interface WeChatApi {
  tokenState(): TokenStateView;
  statusBar(): StatusBarView | undefined;
  statusBarVisible(): boolean;
  statusBarRenderCount(): number;
}

export function extension(): vscode.Extension<WeChatApi> {
  const ext = vscode.extensions.getExtension<WeChatApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return ext;
}

export async function activate(): Promise<WeChatApi> {
  const api = await extension().activate();
  if (!api || typeof api.statusBar !== 'function' || typeof api.tokenState !== 'function') {
    throw new Error('activate() must return { tokenState(), statusBar(), statusBarRenderCount() }');
  }
  return api;
}

/** The access token the extension holds right now (undefined when it holds none). */
export function heldToken(api: WeChatApi): string | undefined {
  return api.tokenState().token?.accessToken;
}

/**
 * Each suite sets up what it needs, whatever ran before it: a configured account with a stored
 * AppSecret and a valid token (argument form of Set AppSecret, honoured in test mode only).
 */
export async function ensureAccount(): Promise<WeChatApi> {
  const config = await itConfig();
  const api = await activate();
  const wechat = vscode.workspace.getConfiguration('wechat');
  if (wechat.get<string>('appId') !== config.appId) await wechat.update('appId', config.appId, vscode.ConfigurationTarget.Global);
  if (api.statusBar()?.kind !== 'valid') {
    await waitFor('the status bar to settle', () => api.statusBar()?.kind !== 'fetching');
    if (api.statusBar()?.kind !== 'valid') await vscode.commands.executeCommand('wechat.setAppSecret', { appSecret: config.secret });
  }
  await waitFor('a valid token', () => api.statusBar()?.kind === 'valid');
  return api;
}
