// Entry point of dist/commands.js: the account and token command implementations (input boxes,
// confirmations, progress, notifications). Nothing of it is needed to paint the status bar, so
// activation registers the command tables with handlers that require this bundle on first use.
// Everything it works on is built by the composition root and passed in (one TokenManager, one
// store); the error presenter is built here. This bundle has its own copy of the error classes,
// which is fine: instanceof compares brands (src/wechat/errors.ts), not prototypes.
import { accountLabel } from '../token/accounts';
import { TokenManager } from '../token/manager';
import { AccountCommands } from './account/accountCommands';
import { AppSecrets } from './account/appSecrets';
import { ErrorPresenter } from './common/errorPresenter';
import { TokenCommands } from './token/tokenCommands';
import { showTokenSource, TokenSourceFacts } from './token/tokenSourceView';
import { AccountSwitcher, AccountSwitcherHost } from './account/accountSwitcher';
import { AccountWizard } from './account/accountWizard';
import { TeamCredentialCommands } from './account/teamCredentialCommands';
import { TeamCredentials } from './account/teamCredentials';
import { WeChatConfig } from '../config';
import type { WeChatApi } from '../wechat/client';
import { NetworkCommands } from './diagnostics/networkCommands';

export interface CommandsHost extends AccountSwitcherHost {
  readonly appSecrets: AppSecrets;
  readonly teamCredentials: TeamCredentials;
  readonly config: () => WeChatConfig;
  /** What Show Token Source tells about the active account. */
  readonly tokenSourceFacts: () => TokenSourceFacts;
  readonly manager: TokenManager;
  readonly client: WeChatApi;
}

export interface Commands {
  readonly presenter: ErrorPresenter;
  readonly accounts: AccountCommands;
  readonly tokens: TokenCommands;
  readonly switcher: AccountSwitcher;
  readonly teamCredentials: TeamCredentialCommands;
  showTokenSource(): Promise<void>;
  readonly network: NetworkCommands;
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
  });
  const teamCredentials = new TeamCredentialCommands(host.teamCredentials, host.log);
  const wizard = new AccountWizard(host.accounts, host.appSecrets, teamCredentials, host.config);
  const switcher = new AccountSwitcher(host, wizard);
  const network = new NetworkCommands({
    call: (path, options) => host.manager.withToken((accessToken) => host.client.call(path, { ...options, accessToken })),
    manager: host.manager,
    presenter,
    clock: host.clock,
    accountLabel: () => {
      const account = host.accounts.current;
      return account ? accountLabel(account) : '';
    },
    ensureCredentials: () => accounts.ensureCredentials(),
  });
  return { presenter, accounts, tokens, switcher, teamCredentials, showTokenSource: () => showTokenSource(host.tokenSourceFacts(), host.clock), network };
}
