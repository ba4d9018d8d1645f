// The extension's settings (section "wechat") as typed values, parsed from raw values of any
// type: vscode-free, so the fallbacks for wrong types are unit-tested. config.ts feeds it from
// the workspace configuration.
import { BooleanSpec, ChoiceSpec, IntegerSpec, SettingSpec, SettingsReader } from './common/settingsReader';
import { CALLBACKS_SETTING, OPEN_ID_SETTING } from './features/simulator/core/chat/settings';
import { Account, parseAccounts } from './token/accounts';
import { StatusBarShow } from './token/status/visibility';
import { TokenMode } from './token/store';
import { BaseUrlCheck, checkApiBaseUrl } from './wechat/baseUrl';
import { WECHAT_API_ORIGIN } from './wechat/endpoints';

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
  /** wechat.simulator.openId: the simulated follower; undefined for the generated default. */
  readonly simulatorOpenId: string | undefined;
  /** Copy Access Token: empty the clipboard after this many seconds if it still holds the token (0: never). */
  readonly clipboardClearAfterSeconds: number;
  /** What was wrong with the settings as written (logged, never shown as an error). */
  readonly warnings: readonly string[];
}

/**
 * Every `wechat.*` setting as package.json declares it, in the manifest's words: what parseConfig
 * falls back to and clamps into (settings.json can say anything) is read from here, and
 * test/unit/settingsManifest.test.ts fails when package.json says otherwise.
 */
export const SETTINGS = {
  appId: { type: 'string', default: '' },
  accountName: { type: 'string', default: '' },
  tokenMode: { type: 'string', enum: ['stable', 'classic'], default: 'stable' },
  autoRefresh: { type: 'boolean', default: true },
  refreshMarginSeconds: { type: 'integer', default: 300, minimum: 60, maximum: 3600 },
  requestTimeoutSeconds: { type: 'integer', default: 15, minimum: 1, maximum: 120 },
  apiBaseUrl: { type: 'string', default: WECHAT_API_ORIGIN },
  'statusBar.show': { type: 'string', enum: ['auto', 'always', 'never'], default: 'auto' },
  accounts: { type: 'array', default: [] },
  'redis.url': { type: 'string', default: '' },
  'tokenService.url': { type: 'string', default: '' },
  'teamSource.minReadIntervalSeconds': { type: 'integer', default: 30, minimum: 5, maximum: 3600 },
  'terminal.exposeToken': { type: 'boolean', default: false },
  [CALLBACKS_SETTING]: { type: 'object', default: {} },
  [OPEN_ID_SETTING]: { type: 'string', default: '' },
  'clipboard.clearAfterSeconds': { type: 'integer', default: 60, minimum: 0, maximum: 3600 },
} as const satisfies Readonly<Record<string, SettingSpec>>;

type Specs = typeof SETTINGS;
/** The keys of the settings declared as `Spec`. */
type KeysOf<Spec> = { [K in keyof Specs]: Specs[K] extends Spec ? K : never }[keyof Specs];

/** The settings as the extension uses them, from raw values of any type. */
export function parseConfig(raw: (key: string) => unknown): WeChatConfig {
  const read = new SettingsReader(raw, CONFIG_SECTION);
  const integer = (key: KeysOf<IntegerSpec>): number => read.integer(key, SETTINGS[key]);
  const flag = (key: KeysOf<BooleanSpec>): boolean => read.flag(key, SETTINGS[key]);
  const choice = <K extends KeysOf<ChoiceSpec>>(key: K): Specs[K]['enum'][number] => read.choice(key, SETTINGS[key]);
  const config = {
    appId: read.text('appId'),
    accountName: read.text('accountName'),
    tokenMode: choice('tokenMode'),
    autoRefresh: flag('autoRefresh'),
    refreshMarginSeconds: integer('refreshMarginSeconds'),
    requestTimeoutSeconds: integer('requestTimeoutSeconds'),
    apiBaseUrl: checkApiBaseUrl(read.text('apiBaseUrl')),
    statusBarShow: choice('statusBar.show'),
    redisUrl: read.text('redis.url'),
    tokenServiceUrl: read.text('tokenService.url'),
    teamMinReadIntervalSeconds: integer('teamSource.minReadIntervalSeconds'),
    terminalExposeToken: flag('terminal.exposeToken'),
    simulatorOpenId: read.text(OPEN_ID_SETTING),
    clipboardClearAfterSeconds: integer('clipboard.clearAfterSeconds'),
  };
  const { accounts, warnings } = parseAccounts(raw('accounts'), { appId: config.appId, accountName: config.accountName });
  return { ...config, accounts, warnings: [...read.warnings, ...warnings] };
}
