// The extension's settings (section "wechat") as typed values, parsed from raw values of any
// type: vscode-free, so the fallbacks for wrong types are unit-tested. config.ts feeds it from
// the workspace configuration.
import { SettingsReader } from './common/settingsReader';
import { StatusBarShow } from './token/status/visibility';
import { TokenMode } from './token/store';
import { BaseUrlCheck, checkApiBaseUrl } from './wechat/baseUrl';

export const CONFIG_SECTION = 'wechat';

export type { StatusBarShow };

export interface WeChatConfig {
  readonly appId: string | undefined;
  readonly accountName: string | undefined;
  readonly tokenMode: TokenMode;
  readonly autoRefresh: boolean;
  readonly refreshMarginSeconds: number;
  readonly requestTimeoutSeconds: number;
  readonly apiBaseUrl: BaseUrlCheck;
  readonly statusBarShow: StatusBarShow;
  /** What was wrong with the settings as written (logged, never shown as an error). */
  readonly warnings: readonly string[];
}

/** Bounds also declared in package.json; clamped here because settings.json can say anything. */
const MARGIN_BOUNDS = { min: 60, max: 3600 } as const;
const TIMEOUT_BOUNDS = { min: 1, max: 120 } as const;

/** The settings as the extension uses them, from raw values of any type. */
export function parseConfig(raw: (key: string) => unknown): WeChatConfig {
  const read = new SettingsReader(raw, CONFIG_SECTION);
  const config = {
    appId: read.text('appId'),
    accountName: read.text('accountName'),
    tokenMode: read.oneOf<TokenMode>('tokenMode', ['stable', 'classic'], 'stable'),
    autoRefresh: read.boolean('autoRefresh', true),
    refreshMarginSeconds: read.number('refreshMarginSeconds', MARGIN_BOUNDS, 300),
    requestTimeoutSeconds: read.number('requestTimeoutSeconds', TIMEOUT_BOUNDS, 15),
    apiBaseUrl: checkApiBaseUrl(read.text('apiBaseUrl')),
    statusBarShow: read.oneOf<StatusBarShow>('statusBar.show', ['auto', 'always', 'never'], 'auto'),
  };
  return { ...config, warnings: read.warnings };
}

