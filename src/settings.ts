// The extension's settings (section "wechat") as typed values, parsed from raw values of any
// type: vscode-free, so the fallbacks for wrong types are unit-tested. config.ts feeds it from
// the workspace configuration.
import { SettingsReader } from './common/settingsReader';
import { Account, parseAccounts } from './token/accounts';
import { StatusBarShow } from './token/status/visibility';
import { TokenMode } from './token/store';
import { BaseUrlCheck, checkApiBaseUrl } from './wechat/baseUrl';
import { CALLBACKS_SETTING, CallbackSettings, OPEN_ID_SETTING, parseCallbacks } from './features/simulator/core/chat/settings';

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
  /** `wechat.accounts` with the legacy single account; the active one is chosen per workspace. */
  readonly accounts: readonly Account[];
  /** The team's Redis (machine-scoped: a workspace cannot redirect where credentials go). */
  readonly redisUrl: string | undefined;
  /** The team's token service (中控服务器) URL template (machine-scoped). */
  readonly tokenServiceUrl: string | undefined;
  readonly teamMinReadIntervalSeconds: number;
  /** Opt-in: WECHAT_ACCESS_TOKEN / WECHAT_APPID in new integrated terminals. */
  readonly terminalExposeToken: boolean;
  /** The callback simulator's endpoint per AppID (machine-scoped, like the other URLs). */
  readonly callbacks: ReadonlyMap<string, CallbackSettings>;
  /** wechat.simulator.openId: the simulated follower; undefined for the generated default. */
  readonly simulatorOpenId: string | undefined;
  /** Copy Access Token: empty the clipboard after this many seconds if it still holds the token (0: never). */
  readonly clipboardClearAfterSeconds: number;
  /** What was wrong with the settings as written (logged, never shown as an error). */
  readonly warnings: readonly string[];
}

/** Bounds also declared in package.json; clamped here because settings.json can say anything. */
const MARGIN_BOUNDS = { min: 60, max: 3600 } as const;
const TIMEOUT_BOUNDS = { min: 1, max: 120 } as const;
const READ_INTERVAL_BOUNDS = { min: 5, max: 3600 } as const;
const CLIPBOARD_CLEAR_BOUNDS = { min: 0, max: 3600 } as const;

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
    redisUrl: read.text('redis.url'),
    tokenServiceUrl: read.text('tokenService.url'),
    teamMinReadIntervalSeconds: read.number('teamSource.minReadIntervalSeconds', READ_INTERVAL_BOUNDS, 30),
    terminalExposeToken: read.boolean('terminal.exposeToken', false),
    simulatorOpenId: read.text(OPEN_ID_SETTING),
    clipboardClearAfterSeconds: read.number('clipboard.clearAfterSeconds', CLIPBOARD_CLEAR_BOUNDS, 60),
  };
  const { accounts, warnings } = parseAccounts(raw('accounts'), { appId: config.appId, accountName: config.accountName });
  const callbacks = parseCallbacks(raw(CALLBACKS_SETTING));
  return { ...config, accounts, callbacks: callbacks.byAppId, warnings: [...read.warnings, ...warnings, ...callbacks.warnings] };
}

