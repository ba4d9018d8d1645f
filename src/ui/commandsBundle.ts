// Entry point of dist/commands.js: the account and token command implementations (input boxes,
// confirmations, progress, notifications). Nothing of it is needed to paint the status bar, so
// activation registers the command tables with handlers that require this bundle on first use.
// Everything it works on is built by the composition root and passed in (one TokenManager, one
// presenter: the error classes stay those of dist/extension.js, so instanceof keeps working).
import { Clock } from '../common/clock';
import { WeChatConfig } from '../config';
import { TokenManager } from '../token/manager';
import { AccountCommands } from './account/accountCommands';
import { AppSecrets } from './account/appSecrets';
import { Confirmations } from './common/confirm';
import { ErrorPresenter } from './common/errorPresenter';
import { RedactingLog } from './common/log';
import { TokenCommands } from './token/tokenCommands';

export interface CommandsHost {
  readonly appSecrets: AppSecrets;
  readonly manager: TokenManager;
  readonly presenter: ErrorPresenter;
  readonly log: RedactingLog;
  readonly clock: Clock;
  readonly config: () => WeChatConfig;
  readonly confirmations: Confirmations;
}

export interface Commands {
  readonly accounts: AccountCommands;
  readonly tokens: TokenCommands;
}

/** Shape of dist/commands.js. */
export interface CommandsModule {
  createCommands(host: CommandsHost): Commands;
}

export function createCommands(host: CommandsHost): Commands {
  const accounts = new AccountCommands(host.appSecrets, host.manager, host.presenter, host.log, host.clock, host.config, host.confirmations);
  const tokens = new TokenCommands(host.manager, accounts, host.presenter, host.clock, host.confirmations);
  return { accounts, tokens };
}
