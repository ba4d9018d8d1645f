// The composition root: builds each service once, wires settings and secrets into them,
// registers every feature's command table in one loop and hands every disposable to VS Code.
import * as vscode from 'vscode';
import { systemClock } from './common/clock';
import { errorMessage } from './common/errorMessage';
import { affectsProxy, CONFIG_SECTION, readConfig, readHttpSettings, WeChatConfig } from './config';
import { accountLabel } from './token/accounts';
import { TokenManager, TokenState } from './token/manager';
import { RefreshScheduler } from './token/scheduler';
import { StatusView } from './token/status/statusView';
import { ActiveAccount } from './ui/account/activeAccount';
import { AppSecrets } from './ui/account/appSecrets';
import { TeamCredentials } from './ui/account/teamCredentials';
import { accountCommandTable } from './features/accounts/ui/commands';
import { ActionsPick } from './ui/actionsPick';
import { CommandTable, registerCommandTables } from './ui/commandTable';
import { Confirmations, credentialHostPrompt, secretHostPrompt, tokenHostPrompt } from './ui/confirm';
import { generalCommandTable } from './ui/generalCommands';
import { RedactingLog } from './ui/log';
import { lazyRequire } from './ui/lazyRequire';
import { loadTransport } from './ui/transportLoader';
import type { Commands, CommandsModule } from './features/commandsBundle';
import { MenuFeatureLoader } from './features/menu/ui/loader';
import { networkCommandTable } from './features/diagnostics/ui/networkCommandTable';
import { tokenCommandTable } from './features/token/ui/commands';
import { callDiagnosticsCommandTable } from './features/diagnostics/ui/callDiagnosticsTable';
import { SecretTokenStore } from './ui/token/secretTokenStore';
import { TokenStatusBar } from './features/token/ui/statusBar';
import { StatusBarVisibility } from './features/token/ui/statusBarVisibility';
import { TeamSources } from './ui/token/teamSources';
import { TerminalTokenEnvironment } from './features/token/ui/terminalEnvironment';
import { WeChatClient } from './wechat/client';
import { ErrcodeCatalog, GENERAL_ERRCODES } from './wechat/errcodes';
import { InvalidBaseUrlError } from './wechat/errors';
import { jsSdkCommandTable } from './features/diagnostics/ui/commands';
import { JSAPI_TICKET_KEY_PREFIX } from './ui/secretKeys';
import { callbackCommandTable } from './features/simulator/ui/commands';
import { guardKeychain } from './wechat/keychain';
import { ClipboardClearer } from './common/clipboardClear';
import { apiOrigin, SecretHostGuard } from './wechat/secretHost';

/** What activate() returns: read-only views for integration tests and other extensions. */
export interface WeChatExtensionApi {
  tokenState(): TokenState;
  statusBar(): StatusView | undefined;
  /** Whether the status-bar item is shown (wechat.statusBar.show). */
  statusBarVisible(): boolean;
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
  const logSettingWarnings = (): void => {
    for (const warning of config.warnings) log.warn(`settings: ${warning}`);
    if (!config.apiBaseUrl.ok) log.warn(`ignoring wechat.apiBaseUrl: ${config.apiBaseUrl.reason}`);
  };
  logSettingWarnings();

  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const confirmations = new Confirmations(testMode);
  const errcodes = new ErrcodeCatalog(GENERAL_ERRCODES);
  // Every SecretStorage failure (a locked or missing OS keyring) becomes a KeychainError that says what to do.
  const secrets = guardKeychain(context.secrets);
  const apiOriginNow = (): string | undefined => (config.apiBaseUrl.ok ? apiOrigin(config.apiBaseUrl.url) : undefined);
  const appSecrets = new AppSecrets(secrets, apiOriginNow);
  // The AppSecret goes to a host it was not last used with only after a modal (never in the background).
  const secretHosts = new SecretHostGuard({
    memory: appSecrets,
    confirm: (appId, from, to) => confirmations.confirm(secretHostPrompt(labelOf(appId), from, to)),
    confirmToken: (appId, from, to) => confirmations.confirm(tokenHostPrompt(labelOf(appId), from, to)),
  });
  const teamCredentials = new TeamCredentials(secrets, (kind) => (kind === 'redis' ? config.redisUrl : config.tokenServiceUrl), () => accounts);
  const accounts = new ActiveAccount(context.workspaceState, () => config);
  /** How a modal names the account of an AppID: "name (AppID)", or the AppID of an account since removed. */
  const labelOf = (appId: string): string => {
    const account = accounts.find(appId);
    return account ? accountLabel(account) : appId;
  };
  context.subscriptions.push(accounts);
  const client = new WeChatClient({
    settings: () => {
      if (!config.apiBaseUrl.ok) throw new InvalidBaseUrlError(config.apiBaseUrl.input, config.apiBaseUrl.reason);
      return { baseUrl: config.apiBaseUrl.url, timeoutMs: config.requestTimeoutSeconds * 1000 };
    },
    transport: () => loadTransport(context.extensionUri, readHttpSettings(), log),
    errcodes: errcodes.lookup,
    log,
    beforeSendingSecret: (send) => secretHosts.check(send),
  });
  const teamSources = new TeamSources({
    extensionUri: context.extensionUri,
    config: () => config,
    accounts,
    credentials: teamCredentials,
    transport: () => client.getTransport(),
    clock,
    log,
    // A team credential goes to a host it was not stored for only after a modal (never in the background).
    confirmCredentialHost: (kind, from, to) => confirmations.confirm(credentialHostPrompt(kind, from, to)),
  });
  context.subscriptions.push(teamSources);
  const store = new SecretTokenStore(secrets);
  const manager = new TokenManager({
    api: client,
    store,
    clock,
    settings: () => ({ appId: accounts.current?.appId, mode: config.tokenMode, refreshMarginSeconds: config.refreshMarginSeconds }),
    teamSource: (appId) => teamSources.readerFor(appId),
    credentials: async (appId) => {
      const credentials = await appSecrets.credentials(appId);
      log.redactor.addSecret(credentials.appSecret);
      return credentials;
    },
    confirmClassicFetch: (appId) => confirmations.confirmClassicFetch(labelOf(appId)),
    // An invalid base URL asks nothing here: the request itself then fails with InvalidBaseUrlError.
    checkSecretHost: async (appId, background) => {
      const origin = apiOriginNow();
      if (origin) await secretHosts.check({ appId, origin, background });
    },
    // The token is WeChat's alone: an API call sends it to a host its tokens never went to only after a modal.
    beforeUsingToken: async (appId) => {
      const origin = apiOriginNow();
      if (origin) await secretHosts.checkToken(appId, origin);
    },
    log,
  });
  const scheduler = new RefreshScheduler(
    manager,
    clock,
    // In classic mode every fetch breaks the servers' token, so nothing is fetched in the background;
    // a team account only reads, so its countdown keeps refreshing whatever the token mode.
    () => ({
      autoRefresh: config.autoRefresh && (config.tokenMode === 'stable' || accounts.current?.tokenSource !== 'wechat'),
      refreshMarginSeconds: config.refreshMarginSeconds,
      jitterMs: REFRESH_JITTER_MS,
    }),
    Math.random,
    log,
  );
  const statusBar = new TokenStatusBar(manager, clock, () => {
    const account = accounts.current;
    const team = account && account.tokenSource !== 'wechat' ? { kind: account.tokenSource, where: teamSources.describe(account) } : undefined;
    return { marginMs: config.refreshMarginSeconds * 1000, mode: config.tokenMode, accountName: account?.name, teamSource: team };
  });
  const visibility = new StatusBarVisibility(statusBar, () => ({ show: config.statusBarShow, appId: accounts.current?.appId }));
  const terminalEnvironment = new TerminalTokenEnvironment(context.environmentVariableCollection, manager, () => config.terminalExposeToken, () => clock.now());
  // The copied token leaves the clipboard after wechat.clipboard.clearAfterSeconds (and on deactivation).
  const clipboardClearer = new ClipboardClearer(vscode.env.clipboard, clock, log);
  context.subscriptions.push(manager, scheduler, statusBar, visibility, terminalEnvironment, clipboardClearer);
  context.subscriptions.push(
    manager.onDidChangeState((state) => {
      if ('token' in state && state.token) log.redactor.addSecret(state.token.accessToken);
      statusBar.update();
    }),
  );

  // The command implementations load on the first command (dist/commands.js): not at activation.
  let commands: Commands | undefined;
  const loadCommands = (): Commands =>
    (commands ??= lazyRequire<CommandsModule>(context.extensionUri, 'commands.js').createCommands({
      appSecrets, manager, log, clock, accounts, confirmations, store, teamCredentials,
      client,
      extensionUri: context.extensionUri,
      transport: () => client.getTransport(),
      secrets,
      workspaceState: context.workspaceState,
      globalState: context.globalState,
      errcodes: errcodes.lookup,
      // Any extension can run Copy Access Token (executeCommand, no way to tell it from the palette):
      // each copy is logged, so a copy nobody asked for shows up.
      afterTokenCopied: (token) => {
        const seconds = config.clipboardClearAfterSeconds;
        clipboardClearer.schedule(token, seconds);
        log.info(`Copy Access Token: token put on the clipboard (${seconds > 0 ? `cleared in ${seconds} s` : 'wechat.clipboard.clearAfterSeconds is 0: never cleared'})`);
        return seconds;
      },
      config: () => config,
      describeSource: (account) => teamSources.describe(account),
      // The cached jsapi_ticket (JS-SDK Signature) goes with the cached token.
      clearToken: async (appId) => {
        await store.clear(appId);
        await secrets.delete(JSAPI_TICKET_KEY_PREFIX + appId);
      },
      tokenSourceFacts: () => {
        const account = accounts.current;
        const reader = account ? teamSources.readerFor(account.appId) : undefined;
        return {
          account,
          state: manager.state,
          where: account ? manager.sourceFor(account.appId).describe(account.appId) : undefined,
          format: account && reader ? reader.lastFormat(account.appId) : undefined,
          mode: config.tokenMode,
        };
      },
    }));
  const menus = new MenuFeatureLoader({
    extensionUri: context.extensionUri,
    globalStorageUri: context.globalStorageUri,
    log,
    callFor: (appId) => (path, options) => manager.withToken((accessToken) => client.call(path, { ...options, accessToken }), appId),
    now: () => clock.now(),
    account: () => {
      const account = accounts.current;
      return { appId: account?.appId, name: account?.name, label: account ? accountLabel(account) : vscode.l10n.t('this account') };
    },
    ensureCredentials: () => loadCommands().accounts.ensureCredentials(),
    // The presenter loads with the commands (dist/commands.js): errors are not on the activation path.
    showError: (what, error) => loadCommands().presenter.show(what, error),
    registerErrcodes: (table) => errcodes.add(table),
    confirm: (prompt, invocation) => confirmations.confirm(prompt, invocation),
    simulatorChat: (post) => loadCommands().callback.createChat(post),
  });
  context.subscriptions.push(menus);

  // The order of the tables is the order of the groups in the status-bar quick pick.
  const actions = new ActionsPick(() => ({ state: manager.state, account: accounts.current }), () => tables);
  const tables: ReadonlyArray<CommandTable<string>> = [
    tokenCommandTable(loadCommands),
    accountCommandTable(loadCommands),
    generalCommandTable(() => log.show(), () => actions.show()),
    menus.commandTable(),
    jsSdkCommandTable(loadCommands),
    callDiagnosticsCommandTable(loadCommands),
    networkCommandTable(loadCommands),
    callbackCommandTable(loadCommands),
  ];
  context.subscriptions.push(
    ...registerCommandTables(
      tables,
      confirmations,
      (id, error) => loadCommands().presenter.show(vscode.l10n.t('"{0}" failed', commandTitle(context, id)), error),
      (id, error) => log.error(`${id} failed, and reporting it failed too: ${errorMessage(error)}`),
    ),
  );

  // The state listener redraws the status bar; a failed read (e.g. no OS keyring) is logged.
  const resync = (): Promise<void> =>
    manager.reload().then(
      () => scheduler.reschedule(),
      (error: unknown) => log.error(`reading the token cache failed: ${errorMessage(error)}`),
    );
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsProxy(event)) client.resetTransport();
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      config = readConfig();
      logSettingWarnings();
      // A new Redis or service URL takes a new connection.
      if (event.affectsConfiguration('wechat.redis')) teamSources.close('redis');
      if (event.affectsConfiguration('wechat.tokenService')) teamSources.close('url');
      // Another layout or key: forget what was read from the old one (its rate limit included).
      if (event.affectsConfiguration('wechat.accounts')) {
        teamSources.close('redis');
        teamSources.close('url');
      }
      onAccountChanged();
    }),
    accounts.onDidSwitch(() => onAccountChanged()),
    // Another window (or this one) stored or removed an AppSecret: a failed state may now work.
    appSecrets.onDidChange((appId) => {
      if (appId === accounts.current?.appId) void resync();
    }),
    // New team credentials: reconnect with them, and read again.
    teamCredentials.onDidChange((kind) => {
      teamSources.close(kind);
      if (accounts.current?.tokenSource === kind) void resync();
    }),
    // Regaining focus re-reads a team token (at most once per wechat.teamSource.minReadIntervalSeconds).
    // The reader rate-limits too; checking here first keeps the status bar from flashing "fetching".
    vscode.window.onDidChangeWindowState((windowState) => {
      const account = accounts.current;
      if (!windowState.focused || !account || account.tokenSource === 'wechat') return;
      const last = teamSources.readerFor(account.appId)?.lastReadAt(account.appId);
      if (last !== undefined && clock.now() - last < config.teamMinReadIntervalSeconds * 1000) return;
      manager.refresh({ always: true, background: true }).catch((error: unknown) => log.warn(`re-reading the team token on focus failed: ${errorMessage(error)}`));
    }),
  );
  function onAccountChanged(): void {
    teamSources.closeUnused(accounts.current);
    terminalEnvironment.update();
    updateContextKeys();
    visibility.update();
    void resync();
  }
  function updateContextKeys(): void {
    const account = accounts.current;
    const sources = new Set(config.accounts.map((each) => each.tokenSource));
    void vscode.commands.executeCommand('setContext', 'wechat.hasAccount', account !== undefined);
    void vscode.commands.executeCommand('setContext', 'wechat.activeTokenSource', account?.tokenSource);
    void vscode.commands.executeCommand('setContext', 'wechat.usesRedis', sources.has('redis'));
    void vscode.commands.executeCommand('setContext', 'wechat.usesTokenService', sources.has('url'));
  }

  // Reads the token cache only: no HTTP code is loaded and nothing is fetched while it is fresh.
  updateContextKeys();
  visibility.update();
  void resync();
  const active = accounts.current;
  log.info(`activated (${active ? `${active.appId}, ${active.tokenSource === 'wechat' ? `${config.tokenMode} mode` : `${active.tokenSource} source`}` : 'no account'})`);

  return {
    // Other extensions can read exports: only tests get the token itself.
    tokenState: () => (testMode ? manager.state : withoutToken(manager.state)),
    statusBar: () => statusBar.current,
    statusBarVisible: () => statusBar.isVisible,
    statusBarRenderCount: () => statusBar.renderCount,
  };
}

function withoutToken(state: TokenState): TokenState {
  if (!('token' in state) || !state.token) return state;
  return { ...state, token: { ...state.token, accessToken: '' } } as TokenState;
}

/** "WeChat: Restore Menu Backup": the title the palette shows (the manifest VS Code localised), else the id. */
function commandTitle(context: vscode.ExtensionContext, id: string): string {
  const commands: unknown = (context.extension.packageJSON as { contributes?: { commands?: unknown } }).contributes?.commands;
  const entry = Array.isArray(commands) ? (commands as Array<{ command?: unknown; title?: unknown; category?: unknown }>).find((c) => c.command === id) : undefined;
  if (typeof entry?.title !== 'string' || entry.title.startsWith('%')) return id;
  return typeof entry.category === 'string' ? `${entry.category}: ${entry.title}` : entry.title;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
