// Entry point of dist/token.js: the token commands, built from the feature context.
import type { FeatureContext } from '../../../ui/feature';
import { accountsFeature } from '../../accounts';
import { TokenCommands } from './tokenCommands';
import { showTokenSource } from './tokenSourceView';

export interface Tokens {
  readonly commands: TokenCommands;
  showTokenSource(): Promise<void>;
}

export function create(context: FeatureContext): Tokens {
  const commands = new TokenCommands(
    context.manager,
    // Commands that need an account lead into its setup first.
    context.load(accountsFeature).commands,
    context.presenter(),
    context.clock,
    context.confirmations,
    () => {
      const account = context.accounts.current;
      return account ? context.labelOf(account.appId) : '';
    },
    context.workspaceState,
    (token) => context.afterTokenCopied(token),
    context.log,
  );
  return {
    commands,
    showTokenSource: () => {
      const account = context.accounts.current;
      return showTokenSource(
        {
          account,
          state: context.manager.state,
          where: account ? context.manager.sourceFor(account.appId).describe(account.appId) : undefined,
          format: account ? context.teamFormat(account.appId) : undefined,
          mode: context.config().tokenMode,
        },
        context.clock,
      );
    },
  };
}
