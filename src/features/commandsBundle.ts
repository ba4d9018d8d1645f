// Entry point of dist/commands.js: the account and token command implementations (input boxes,
// confirmations, progress, notifications). Nothing of it is needed to paint the status bar, so
// activation registers the command tables with handlers that require this bundle on first use.
// Everything it works on is built by the composition root and passed in (one TokenManager, one
// store); the error presenter is built here. This bundle has its own copy of the error classes,
// which is fine: instanceof compares brands (src/wechat/errors.ts), not prototypes.
import { accountLabel } from '../token/accounts';
import { TokenManager } from '../token/manager';
import { AccountCommands } from './accounts/ui/accountCommands';
import { AppSecrets } from '../ui/account/appSecrets';
import { ErrorPresenter } from '../ui/errorPresenter';
import { TokenCommands } from './token/ui/tokenCommands';
import { showTokenSource, TokenSourceFacts } from './token/ui/tokenSourceView';
import { AccountSwitcher, AccountSwitcherHost } from './accounts/ui/accountSwitcher';
import { AccountWizard } from './accounts/ui/accountWizard';
import { TeamCredentialCommands } from './accounts/ui/teamCredentialCommands';
import { TeamCredentials } from '../ui/account/teamCredentials';
import { WeChatConfig } from '../config';
import type * as vscode from 'vscode';
import { WeChatApi } from '../wechat/client';
import { parseCachedTicket } from './diagnostics/core/ticket/ticket';
import { TicketManager } from './diagnostics/core/ticket/ticketManager';
import { SecretCredentialStore } from '../ui/secretCredentialStore';
import { JSAPI_TICKET_KEY_PREFIX } from '../ui/secretKeys';
import { JsSdkSignatureCommand } from './diagnostics/ui/jsSdkSignature';
import type { ErrcodeLookup } from '../wechat/errcodes';
import { QuotaResetLedger } from './diagnostics/core/quotaResets';
import { CallDiagnostics } from './diagnostics/ui/callDiagnostics';
import { NetworkCommands } from './diagnostics/ui/networkCommands';
import { CallbackFeature, createCallbackFeature } from './simulator/ui/callbackFeature';
import type { HttpTransport } from '../wechat/http';

export interface CommandsHost extends AccountSwitcherHost {
  readonly appSecrets: AppSecrets;
  readonly teamCredentials: TeamCredentials;
  readonly config: () => WeChatConfig;
  /** What Show Token Source tells about the active account. */
  readonly tokenSourceFacts: () => TokenSourceFacts;
  readonly manager: TokenManager;
  readonly client: WeChatApi;
  /** The jsapi_ticket cache lives here too, beside the token's. */
  readonly secrets: vscode.SecretStorage;
  /** This workspace's memory (which accounts' tokens its tasks may get). */
  readonly workspaceState: vscode.Memento;
  /** The machine-wide state (ExtensionContext.globalState): quota resets per AppID and month. */
  readonly globalState: vscode.Memento;
  /** The errcode tables in force, to explain an answer in a looked-up request. */
  readonly errcodes: ErrcodeLookup;
  /** The callback simulator loads dist/callback.js from here and posts through the transport. */
  readonly extensionUri: vscode.Uri;
  readonly transport: () => Promise<HttpTransport>;
  /** Copy Access Token put `token` on the clipboard: schedule its clearing; the seconds until then (0: never). */
  readonly afterTokenCopied: (token: string) => number;
}

export interface Commands {
  readonly presenter: ErrorPresenter;
  readonly accounts: AccountCommands;
  readonly tokens: TokenCommands;
  readonly switcher: AccountSwitcher;
  readonly teamCredentials: TeamCredentialCommands;
  showTokenSource(): Promise<void>;
  readonly jsSdk: JsSdkSignatureCommand;
  readonly callDiagnostics: CallDiagnostics;
  readonly network: NetworkCommands;
  readonly callback: CallbackFeature;
}

/** Shape of dist/commands.js. */
export interface CommandsModule {
  createCommands(host: CommandsHost): Commands;
}

export function createCommands(host: CommandsHost): Commands {
  const presenter = new ErrorPresenter(host.log);
  const accounts = new AccountCommands(host.appSecrets, host.manager, presenter, host.log, host.clock, host.accounts, host.confirmations);
  const tokens = new TokenCommands(host.manager, accounts, presenter, host.clock, host.confirmations, () => {
    const account = host.accounts.current;
    return account ? accountLabel(account) : '';
  }, host.workspaceState, host.afterTokenCopied, host.log);
  const teamCredentials = new TeamCredentialCommands(host.teamCredentials, host.log);
  const wizard = new AccountWizard(host.accounts, accounts, teamCredentials, host.config);
  const switcher = new AccountSwitcher(host, wizard);
  const tickets = new TicketManager({
    store: new SecretCredentialStore(host.secrets, JSAPI_TICKET_KEY_PREFIX, parseCachedTicket),
    clock: host.clock,
    tokens: host.manager,
    api: host.client,
    onTicket: (ticket) => host.log.redactor.addSecret(ticket),
    log: host.log,
  });
  const jsSdk = new JsSdkSignatureCommand({
    tickets,
    account: () => host.accounts.current,
    clock: host.clock,
    presenter,
    ensureCredentials: () => accounts.ensureCredentials(),
    describeSource: host.describeSource,
    tokenMode: () => host.config().tokenMode,
  });
  const callDiagnostics = new CallDiagnostics({
    ...host,
    presenter,
    accountCommands: accounts,
    resets: new QuotaResetLedger(host.globalState, () => host.clock.now()),
  });
  const network = new NetworkCommands({
    callFor: (appId) => (path, options) => host.manager.withToken((accessToken) => host.client.call(path, { ...options, accessToken }), appId),
    appId: () => host.accounts.current?.appId,
    manager: host.manager,
    presenter,
    clock: host.clock,
    accountLabel: () => {
      const account = host.accounts.current;
      return account ? accountLabel(account) : '';
    },
    ensureCredentials: () => accounts.ensureCredentials(),
  });
  const callback = createCallbackFeature({
    extensionUri: host.extensionUri,
    secrets: host.secrets,
    globalState: host.globalState,
    account: () => host.accounts.current,
    config: host.config,
    transport: host.transport,
    presenter,
    log: host.log,
  });
  return {
    presenter, accounts, tokens, switcher, teamCredentials, callDiagnostics, jsSdk, network, callback,
    showTokenSource: () => showTokenSource(host.tokenSourceFacts(), host.clock),
  };
}
