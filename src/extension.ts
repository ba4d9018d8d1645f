// The composition root: builds each service once, wires settings and secrets into them,
// registers every command in one place and hands every disposable to VS Code.
import * as vscode from 'vscode';
import { affectsProxy, CONFIG_SECTION, readConfig, readProxySettings, WeChatConfig } from './config';
import { systemClock } from './common/clock';
import { TokenManager, TokenState } from './token/manager';
import { RefreshScheduler } from './token/scheduler';
import { AccountArgs, AccountCommands, TestArgs } from './ui/account/accountCommands';
import { ActionsPick } from './ui/common/actionsPick';
import { AppSecrets } from './ui/account/appSecrets';
import { COMMANDS, MENU_COMMANDS } from './ui/common/commandIds';
import { ErrorPresenter } from './ui/common/errorPresenter';
import { confirmClassicFetch } from './ui/common/confirm';
import { RedactingLog } from './ui/common/log';
import { MenuFeatureLoader } from './ui/menu/loader';
import { SecretTokenStore } from './ui/token/secretTokenStore';
import { TokenStatusBar } from './ui/token/statusBar';
import { StatusView } from './token/status/statusView';
import { TokenCommands } from './ui/token/tokenCommands';
import { loadTransport } from './ui/common/transportLoader';
import { WeChatClient } from './wechat/client';
import { InvalidBaseUrlError, registerErrcodes } from './wechat/errors';

/** What activate() returns: read-only views for integration tests and other extensions. */
export interface WeChatExtensionApi {
  tokenState(): TokenState;
  statusBar(): StatusView | undefined;
  /** How often the status-bar item was repainted (it must not repaint when nothing changed). */
  statusBarRenderCount(): number;
}

/** Spread between windows so they do not all refresh in the same second. */
const REFRESH_JITTER_MS = 20_000;

export function activate(context: vscode.ExtensionContext): WeChatExtensionApi {
  const log = new RedactingLog(vscode.window.createOutputChannel('WeChat', { log: true }));
  context.subscriptions.push(log);
  const clock = systemClock;
  let config: WeChatConfig = readConfig();

  const appSecrets = new AppSecrets(context.secrets);
  const client = new WeChatClient({
    settings: () => {
      if (!config.apiBaseUrl.ok) throw new InvalidBaseUrlError(config.apiBaseUrl.input, config.apiBaseUrl.reason);
      return { baseUrl: config.apiBaseUrl.url, timeoutMs: config.requestTimeoutSeconds * 1000 };
    },
    transport: () => loadTransport(context.extensionUri, readProxySettings(), log),
    log,
  });
  const manager = new TokenManager({
    api: client,
    store: new SecretTokenStore(context.secrets),
    clock,
    settings: () => ({ appId: config.appId, mode: config.tokenMode, refreshMarginSeconds: config.refreshMarginSeconds }),
    credentials: async (appId) => {
      const credentials = await appSecrets.credentials(appId);
      log.redactor.addSecret(credentials.appSecret);
      return credentials;
    },
    confirmClassicFetch,
    log,
  });
  const scheduler = new RefreshScheduler(
    manager,
    clock,
    // In classic mode every fetch breaks the servers' token, so nothing is fetched in the background.
    () => ({
      autoRefresh: config.autoRefresh && config.tokenMode === 'stable',
      refreshMarginSeconds: config.refreshMarginSeconds,
      jitterMs: REFRESH_JITTER_MS,
    }),
    Math.random,
    log,
  );
  const statusBar = new TokenStatusBar(manager, clock, () => ({
    marginMs: config.refreshMarginSeconds * 1000,
    mode: config.tokenMode,
    accountName: config.accountName,
  }));
  context.subscriptions.push(manager, scheduler, statusBar);
  context.subscriptions.push(
    manager.onDidChangeState((state) => {
      if ('token' in state && state.token) log.redactor.addSecret(state.token.accessToken);
      statusBar.update();
    }),
  );

  const presenter = new ErrorPresenter(log);
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const accounts = new AccountCommands(appSecrets, manager, presenter, log, clock, () => config, testMode);
  const tokens = new TokenCommands(manager, accounts, presenter, clock, testMode);
  const actions = new ActionsPick(() => manager.state);
  addTokenActions(actions);
  addMenuActions(actions);

  const register = (id: string, handler: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, handler));
  };
  register(COMMANDS.setupAccount, (args?: AccountArgs) => accounts.setupAccount(args));
  register(COMMANDS.setAppSecret, (args?: AccountArgs) => accounts.setAppSecret(args));
  register(COMMANDS.clearAppSecret, (args?: TestArgs) => accounts.clearAppSecret(args));
  register(COMMANDS.copyAccessToken, () => tokens.copyAccessToken());
  register(COMMANDS.refreshAccessToken, () => tokens.refreshAccessToken());
  register(COMMANDS.forceRefreshAccessToken, (args?: TestArgs) => tokens.forceRefreshAccessToken(args));
  register(COMMANDS.showLog, () => log.show());
  register(COMMANDS.showActions, () => actions.show());

  context.subscriptions.push(
    new MenuFeatureLoader({
      extensionUri: context.extensionUri,
      globalStorageUri: context.globalStorageUri,
      log,
      call: (path, options) => manager.withToken((accessToken) => client.call(path, { ...options, accessToken })),
      now: () => clock.now(),
      account: () => ({ appId: config.appId, name: config.accountName, label: accountLabel(config) }),
      ensureCredentials: () => accounts.ensureCredentials(),
      showError: (what, error) => presenter.show(what, error),
      registerErrcodes,
      testMode,
    }),
  );

  // The state listener redraws the status bar; a failed read (e.g. no OS keyring) is logged.
  const resync = (): Promise<void> =>
    manager.reload().then(
      () => scheduler.reschedule(),
      (error: unknown) => log.error(`reading the token cache failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsProxy(event)) client.resetTransport();
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      config = readConfig();
      if (!config.apiBaseUrl.ok) log.warn(`ignoring wechat.apiBaseUrl: ${config.apiBaseUrl.reason}`);
      void resync();
    }),
    // Another window (or this one) stored or removed an AppSecret: a failed state may now work.
    appSecrets.onDidChange((appId) => {
      if (appId === config.appId) void resync();
    }),
  );

  // Reads the token cache only: no HTTP code is loaded and nothing is fetched while it is fresh.
  void resync();
  log.info(`activated (${config.appId ?? 'no AppID'}, ${config.tokenMode} mode)`);

  return {
    // Other extensions can read exports: only tests get the token itself.
    tokenState: () => (testMode ? manager.state : withoutToken(manager.state)),
    statusBar: () => statusBar.current,
    statusBarRenderCount: () => statusBar.renderCount,
  };
}

function withoutToken(state: TokenState): TokenState {
  if (!('token' in state) || !state.token) return state;
  return { ...state, token: { ...state.token, accessToken: '' } } as TokenState;
}

/** How confirmations name the account: the label and the AppID, which settings may set apart. */
function accountLabel(config: WeChatConfig): string {
  if (!config.appId) return vscode.l10n.t('this account');
  return config.accountName ? `${config.accountName} (${config.appId})` : config.appId;
}

const configured = (state: TokenState): boolean => state.kind !== 'setup';

function addTokenActions(actions: ActionsPick): void {
  const t = vscode.l10n.t;
  const group = t('Access token');
  actions.add(
    { group, label: `$(copy) ${t('Copy Access Token')}`, command: COMMANDS.copyAccessToken, when: configured },
    { group, label: `$(refresh) ${t('Refresh Access Token')}`, command: COMMANDS.refreshAccessToken, when: configured },
    {
      group,
      label: `$(warning) ${t('Force Refresh Access Token')}`,
      detail: t('Invalidates the current token: only when it leaked'),
      command: COMMANDS.forceRefreshAccessToken,
      when: configured,
    },
  );
  const accountGroup = t('Account');
  actions.add(
    { group: accountGroup, label: `$(account) ${t('Set Up Account')}`, command: COMMANDS.setupAccount },
    { group: accountGroup, label: `$(key) ${t('Set AppSecret')}`, command: COMMANDS.setAppSecret, when: configured },
    { group: accountGroup, label: `$(trash) ${t('Clear AppSecret')}`, command: COMMANDS.clearAppSecret, when: configured },
    { group: accountGroup, label: `$(output) ${t('Show Log')}`, command: COMMANDS.showLog },
  );
}

function addMenuActions(actions: ActionsPick): void {
  const t = vscode.l10n.t;
  const group = t('Custom menu');
  actions.add(
    { group, label: `$(cloud-upload) ${t('Upload Menu')}`, detail: t('The menu in the active editor'), command: MENU_COMMANDS.uploadMenu, when: configured },
    { group, label: `$(open-preview) ${t('Preview Menu')}`, command: MENU_COMMANDS.previewMenu },
    { group, label: `$(cloud-download) ${t('Download Current Menu')}`, command: MENU_COMMANDS.downloadMenu, when: configured },
    { group, label: `$(history) ${t('Restore Menu Backup')}`, command: MENU_COMMANDS.restoreMenuBackup, when: configured },
    { group, label: `$(new-file) ${t('New Menu File')}`, command: MENU_COMMANDS.newMenuFile },
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
