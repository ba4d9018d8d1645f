// Entry point of dist/accounts.js: the account commands, built from the feature context.
import type { FeatureContext } from '../../../ui/feature';
import { AccountCommands } from './accountCommands';
import { AccountSwitcher } from './accountSwitcher';
import { AccountWizard } from './accountWizard';
import { TeamCredentialCommands } from './teamCredentialCommands';

export interface Accounts {
  /** Set Up Account, Set / Clear AppSecret, and the "is an account ready?" check other features use. */
  readonly commands: AccountCommands;
  readonly switcher: AccountSwitcher;
  readonly teamCredentials: TeamCredentialCommands;
}

export function create(context: FeatureContext): Accounts {
  const commands = new AccountCommands(
    context.appSecrets,
    context.manager,
    context.presenter(),
    context.log,
    context.clock,
    context.accounts,
    context.confirmations,
  );
  const teamCredentials = new TeamCredentialCommands(context.teamCredentials, context.log);
  const wizard = new AccountWizard(context.accounts, commands, teamCredentials, context.config);
  const switcher = new AccountSwitcher(context, wizard);
  return { commands, switcher, teamCredentials };
}
