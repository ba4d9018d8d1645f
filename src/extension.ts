// The composition root: builds the kernel once (src/kernel.ts: settings, secrets, HTTP client,
// token manager, status bar), hands every feature (src/features/all.ts) the same context and
// registers their command tables in one loop. activate() is wiring only; the rules it wires live in named units
// (token/policy.ts, token/sources/settingsChange.ts, ui/contextKeys.ts, ui/commandTitles.ts).
import * as vscode from 'vscode';

import { errorMessage } from './common/errorMessage';
import { affectsProxy, CONFIG_SECTION } from './config';
import { FEATURES } from './features/all';
import { buildKernel, type Kernel, lazyUi } from './kernel';
import type { TokenState } from './token/manager';
import { rereadOnFocus } from './token/policy';
import { teamSourcesToClose } from './token/sources/settingsChange';
import { StatusView } from './token/status/statusView';
import { tokenCall } from './token/tokenCall';
import { ActionsPick } from './ui/actionsPick';
import type { CommandTable } from './ui/commandTable';
import { commandTitle } from './ui/commandTitles';
import { ContextKeys, kernelContextKeys } from './ui/contextKeys';
import type { ErrorPresenter } from './ui/errorPresenter';
import type { FeatureContext } from './ui/feature';
import { FeatureHost } from './ui/features';
import { FirstDocumentWatch } from './ui/firstDocument';
import { generalCommandTable } from './ui/generalCommands';
import { lazyRequire } from './ui/lazyRequire';
import { registerCommandTables } from './ui/registerCommands';
import { JSAPI_TICKET_KEY_PREFIX } from './ui/secretKeys';

/** What activate() returns: read-only views for integration tests and other extensions. */
export interface WeChatExtensionApi {
  tokenState(): TokenState;
  statusBar(): StatusView | undefined;
  /** Whether the status-bar item is shown (wechat.statusBar.show). */
  statusBarVisible(): boolean;
  /** How often the status-bar item was repainted (it must not repaint when nothing changed). */
  statusBarRenderCount(): number;
}

export function activate(context: vscode.ExtensionContext): WeChatExtensionApi {
  const kernel = buildKernel(context);
  const { log, manager, accounts, statusBar } = kernel;
  const features = new FeatureHost(FEATURES, {
    requireBundle: (bundle) => lazyRequire(context.extensionUri, bundle),
    addErrcodes: (table) => kernel.errcodes.add(table),
  });
  const featureContext = createFeatureContext(context, kernel, features);
  const actions = new ActionsPick(
    () => ({ state: manager.state, account: accounts.current }),
    () => tables,
  );
  // The general commands (Show Log) join the Account group of the quick pick.
  const tables: ReadonlyArray<CommandTable<string>> = [
    ...features.start(featureContext),
    generalCommandTable(
      () => log.show(),
      () => actions.show(),
    ),
  ];
  const contextKeys = new ContextKeys((key, value) => void vscode.commands.executeCommand('setContext', key, value));
  const onAccountChanged = (): void => {
    kernel.teamSources.closeUnused(accounts.current);
    kernel.terminalEnvironment.update();
    contextKeys.set(kernelContextKeys(kernel.config().accounts, accounts.current));
    kernel.visibility.update();
    void kernel.resync();
  };
  context.subscriptions.push(
    features,
    ...registerCommandTables(
      tables,
      kernel.confirmations,
      (id, error) => featureContext.presenter().show(vscode.l10n.t('"{0}" failed', commandTitle(context.extension.packageJSON, id)), error),
      (id, error) => log.error(`${id} failed, and reporting it failed too: ${errorMessage(error)}`),
    ),
    ...watchChanges(kernel, onAccountChanged),
  );
  // Reads the token cache only: no HTTP code is loaded and nothing is fetched while it is fresh.
  onAccountChanged();
  const active = accounts.current;
  const mode = active && (active.tokenSource === 'wechat' ? `${kernel.config().tokenMode} mode` : `${active.tokenSource} source`);
  log.info(`activated (${active ? `${active.appId}, ${mode}` : 'no account'})`);
  return {
    // Other extensions can read exports: only tests get the token itself.
    tokenState: () => (kernel.testMode ? manager.state : withoutToken(manager.state)),
    statusBar: () => statusBar.current,
    statusBarVisible: () => statusBar.isVisible,
    statusBarRenderCount: () => statusBar.renderCount,
  };
}

/** The one context every feature gets (src/ui/feature.ts). */
function createFeatureContext(context: vscode.ExtensionContext, kernel: Kernel, features: FeatureHost): FeatureContext {
  const { log, manager, client, teamSources, secrets, store, config } = kernel;
  let presenter: ErrorPresenter | undefined;
  return {
    localize: vscode.l10n.t,
    extensionUri: context.extensionUri,
    globalStorageUri: context.globalStorageUri,
    secrets,
    workspaceState: context.workspaceState,
    globalState: context.globalState,
    log,
    clock: kernel.clock,
    config,
    accounts: kernel.accounts,
    appSecrets: kernel.appSecrets,
    teamCredentials: kernel.teamCredentials,
    manager,
    store,
    client,
    transport: () => client.getTransport(),
    confirmations: kernel.confirmations,
    errcodes: kernel.errcodes.lookup,
    labelOf: kernel.labelOf,
    callFor: (appId) => tokenCall(manager, client, appId),
    // Errors are not on the activation path: the presenter (error texts, actions) loads with the first one.
    presenter: () => (presenter ??= new (lazyUi(context).ErrorPresenter)(log)),
    load: (feature) => features.load(feature),
    describeSource: (account) => teamSources.describe(account),
    teamFormat: (appId) => teamSources.readerFor(appId)?.lastFormat(appId),
    // The cached jsapi_ticket (JS-SDK Signature) goes with the cached token.
    clearToken: async (appId) => {
      await store.clear(appId);
      await secrets.delete(JSAPI_TICKET_KEY_PREFIX + appId);
    },
    // Any extension can run Copy Access Token (executeCommand, no way to tell it from the palette):
    // each copy is logged, so a copy nobody asked for shows up.
    afterTokenCopied: (token) => {
      const seconds = config().clipboardClearAfterSeconds;
      kernel.clipboardClearer.schedule(token, seconds);
      log.info(
        `Copy Access Token: token put on the clipboard (${seconds > 0 ? `cleared in ${seconds} s` : 'wechat.clipboard.clearAfterSeconds is 0: never cleared'})`,
      );
      return seconds;
    },
    quotaPaths: () => features.quotaPaths(),
    onFirstDocument: (matches, open) =>
      new FirstDocumentWatch(matches, open, (error) => log.error(`a feature failed to load: ${errorMessage(error)}`)),
    provideText: (scheme, text) => vscode.workspace.registerTextDocumentContentProvider(scheme, { provideTextDocumentContent: text }),
  };
}

/** What the kernel reacts to: settings, account switches, secrets stored in any window, window focus. */
function watchChanges(kernel: Kernel, onAccountChanged: () => void): vscode.Disposable[] {
  const { accounts } = kernel;
  return [
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsProxy(event)) kernel.client.resetTransport();
      if (!event.affectsConfiguration(CONFIG_SECTION)) return;
      kernel.reloadConfig();
      for (const kind of teamSourcesToClose((section) => event.affectsConfiguration(section))) kernel.teamSources.close(kind);
      onAccountChanged();
    }),
    accounts.onDidSwitch(onAccountChanged),
    // Another window (or this one) stored or removed an AppSecret: a failed state may now work.
    kernel.appSecrets.onDidChange((appId) => {
      if (appId === accounts.current?.appId) void kernel.resync();
    }),
    // New team credentials: reconnect with them, and read again.
    kernel.teamCredentials.onDidChange((kind) => {
      kernel.teamSources.close(kind);
      if (accounts.current?.tokenSource === kind) void kernel.resync();
    }),
    // Regaining focus re-reads a team token, at most once per wechat.teamSource.minReadIntervalSeconds.
    vscode.window.onDidChangeWindowState((windowState) => {
      if (windowState.focused) rereadTeamToken(kernel);
    }),
  ];
}

/** On focus: a team account's token is read again, in the background, unless it was read very recently. */
function rereadTeamToken(kernel: Kernel): void {
  const account = kernel.accounts.current;
  const last = account && kernel.teamSources.readerFor(account.appId)?.lastReadAt(account.appId);
  if (!rereadOnFocus(account?.tokenSource, last, kernel.clock.now(), kernel.config().teamMinReadIntervalSeconds * 1000)) return;
  kernel.manager
    .refresh({ always: true, background: true })
    .catch((error: unknown) => kernel.log.warn(`re-reading the team token on focus failed: ${errorMessage(error)}`));
}

function withoutToken(state: TokenState): TokenState {
  if (!('token' in state) || !state.token) return state;
  return { ...state, token: { ...state.token, accessToken: '' } } as TokenState;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
