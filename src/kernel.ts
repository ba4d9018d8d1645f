// The kernel's services, each built once by the composition root (src/extension.ts, the only
// importer): settings, secrets, the HTTP client, the token manager and scheduler, the team sources,
// and the status bar with what follows the token (terminal variable, clipboard clearing). Their
// disposables go to context.subscriptions; features reach them through the FeatureContext.
import * as vscode from 'vscode';

import { ClipboardClearer } from './common/clipboardClear';
import { systemClock } from './common/clock';
import { errorMessage } from './common/errorMessage';
import { readConfig, readHttpSettings, WeChatConfig } from './config';
import { TokenStatusBar } from './features/token/ui/statusBar';
import { StatusBarVisibility } from './features/token/ui/statusBarVisibility';
import { TerminalTokenEnvironment } from './features/token/ui/terminalEnvironment';
import { accountLabel } from './token/accounts';
import { TokenManager } from './token/manager';
import { autoRefreshEnabled } from './token/policy';
import { RefreshScheduler } from './token/scheduler';
import { ActiveAccount } from './ui/account/activeAccount';
import { AppSecrets } from './ui/account/appSecrets';
import { TeamCredentials } from './ui/account/teamCredentials';
import { Confirmations } from './ui/confirm';
import { lazyRequire } from './ui/lazyRequire';
import { RedactingLog } from './ui/log';
import { SecretTokenStore } from './ui/token/secretTokenStore';
import { TeamSources } from './ui/token/teamSources';
import { loadTransport } from './ui/transportLoader';
import { DeferredClient } from './wechat/deferredClient';
import { ErrcodeCatalog } from './wechat/errcodeCatalog';
import { guardKeychain } from './wechat/keychain';
import { InvalidBaseUrlError } from './wechat/refusals';
import { apiOrigin, SecretHostGuard } from './wechat/secretHost';

/** Spread between windows so they do not all refresh in the same second. */
const REFRESH_JITTER_MS = 20_000;

export type Kernel = ReturnType<typeof buildKernel>;

/** The services every feature shares, each built once; their disposables go to context.subscriptions. */
export function buildKernel(context: vscode.ExtensionContext) {
  const log = new RedactingLog(vscode.window.createOutputChannel('WeChat', { log: true }));
  let config: WeChatConfig = readConfig();
  const logSettingWarnings = (): void => {
    for (const warning of config.warnings) log.warn(`settings: ${warning}`);
    if (!config.apiBaseUrl.ok) log.warn(`ignoring wechat.apiBaseUrl: ${config.apiBaseUrl.reason}`);
  };
  logSettingWarnings();
  const clock = systemClock;
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const confirmations = new Confirmations(testMode);
  const errcodes = new ErrcodeCatalog();
  // Every SecretStorage failure (a locked or missing OS keyring) becomes a KeychainError that says what to do.
  const secrets = guardKeychain(context.secrets);
  const apiOriginNow = (): string | undefined => (config.apiBaseUrl.ok ? apiOrigin(config.apiBaseUrl.url) : undefined);
  const appSecrets = new AppSecrets(secrets, apiOriginNow);
  const accounts = new ActiveAccount(context.workspaceState, () => config);
  const teamCredentials = new TeamCredentials(
    secrets,
    (kind) => (kind === 'redis' ? config.redisUrl : config.tokenServiceUrl),
    () => accounts,
  );
  const labelOf = (appId: string): string => {
    const account = accounts.find(appId);
    return account ? accountLabel(account) : appId;
  };
  // The AppSecret (and an account's token) go to a host they were not last used with only after a modal, never in the background.
  const secretHosts = new SecretHostGuard({
    memory: appSecrets,
    confirm: (appId, from, to) => confirmations.confirm(lazyUi(context).secretHostPrompt(labelOf(appId), from, to)),
    confirmToken: (appId, from, to) => confirmations.confirm(lazyUi(context).tokenHostPrompt(labelOf(appId), from, to)),
  });

  // The client itself loads with the first request (dist/client.js), the transport after it.
  const client = new DeferredClient(
    () =>
      new (lazyRequire<typeof import('./wechat/client')>(context.extensionUri, 'client.js').WeChatClient)({
        settings: () => {
          if (!config.apiBaseUrl.ok) throw new InvalidBaseUrlError(config.apiBaseUrl.input, config.apiBaseUrl.reason);
          return { baseUrl: config.apiBaseUrl.url, timeoutMs: config.requestTimeoutSeconds * 1000 };
        },
        transport: () => loadTransport(context.extensionUri, readHttpSettings(), log),
        errcodes: errcodes.lookup,
        log,
        beforeSendingSecret: (send) => secretHosts.check(send),
        // Each attempt's own URL (busy retries, the retry after 40001): the token goes where it was checked for.
        beforeSendingToken: (send): Promise<void> => manager.checkTokenDestination(send.accessToken, send.origin),
      }),
  );
  const teamSources = new TeamSources({
    extensionUri: context.extensionUri,
    config: () => config,
    accounts,
    credentials: teamCredentials,
    transport: () => client.getTransport(),
    clock,
    log,
    // A team credential goes to a host it was not stored for only after a modal (never in the background).
    confirmCredentialHost: (kind, from, to) => confirmations.confirm(lazyUi(context).credentialHostPrompt(kind, from, to)),
  });
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
    confirmClassicFetch: (appId) => confirmations.confirm(lazyUi(context).classicFetchPrompt(labelOf(appId))),
    // An invalid base URL asks nothing here: the request itself then fails with InvalidBaseUrlError.
    checkSecretHost: async (appId, background) => {
      const origin = apiOriginNow();
      if (origin) await secretHosts.check({ appId, origin, background });
    },
    // The token is WeChat's alone: an API call sends it to a host its tokens never went to only after a modal.
    beforeUsingToken: async (appId, origin = apiOriginNow()) => {
      if (origin) await secretHosts.checkToken(appId, origin);
    },
    log,
  });
  const scheduler = new RefreshScheduler(
    manager,
    clock,
    () => ({
      autoRefresh: autoRefreshEnabled({
        autoRefresh: config.autoRefresh,
        tokenMode: config.tokenMode,
        tokenSource: accounts.current?.tokenSource,
      }),
      refreshMarginSeconds: config.refreshMarginSeconds,
      jitterMs: REFRESH_JITTER_MS,
    }),
    Math.random,
    log,
  );
  const statusBar = new TokenStatusBar(manager, clock, () => {
    const account = accounts.current;
    const team =
      account && account.tokenSource !== 'wechat' ? { kind: account.tokenSource, where: teamSources.describe(account) } : undefined;
    return { marginMs: config.refreshMarginSeconds * 1000, mode: config.tokenMode, accountName: account?.name, teamSource: team };
  });
  const visibility = new StatusBarVisibility(statusBar, () => ({ show: config.statusBarShow, appId: accounts.current?.appId }));
  const terminalEnvironment = new TerminalTokenEnvironment(
    context.environmentVariableCollection,
    manager,
    () => config.terminalExposeToken,
    () => clock.now(),
  );
  // The copied token leaves the clipboard after wechat.clipboard.clearAfterSeconds (and on deactivation).
  const clipboardClearer = new ClipboardClearer(vscode.env.clipboard, clock, log);
  context.subscriptions.push(log, accounts, teamSources, manager, scheduler, statusBar, visibility, terminalEnvironment, clipboardClearer);
  context.subscriptions.push(
    manager.onDidChangeState((state) => {
      if ('token' in state && state.token) log.redactor.addSecret(state.token.accessToken);
      statusBar.update();
    }),
  );
  return {
    log,
    clock,
    testMode,
    confirmations,
    errcodes,
    secrets,
    appSecrets,
    accounts,
    labelOf,
    teamCredentials,
    client,
    teamSources,
    store,
    manager,
    statusBar,
    visibility,
    terminalEnvironment,
    clipboardClearer,
    config: (): WeChatConfig => config,
    reloadConfig: (): void => {
      config = readConfig();
      logSettingWarnings();
    },
    // The state listener redraws the status bar; a failed read (e.g. no OS keyring) is logged.
    resync: (): Promise<void> =>
      manager.reload().then(
        () => scheduler.reschedule(),
        (error: unknown) => log.error(`reading the token cache failed: ${errorMessage(error)}`),
      ),
  };
}

/** dist/ui.js: the error presenter and the kernel's prompts, required on first use (Node caches it). */
export function lazyUi(context: vscode.ExtensionContext): typeof import('./ui/lazyUi') {
  return lazyRequire<typeof import('./ui/lazyUi')>(context.extensionUri, 'ui.js');
}
