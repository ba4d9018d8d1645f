// The accounts feature: Set Up Account, the AppSecret, Switch / Remove Account and the team
// credentials. Its implementation (dist/accounts.js) loads on the first of its commands, or when
// another feature needs an account ready (ensureCredentials).
import { ACCOUNT_COMMANDS, type AccountCommandId } from '../../ui/commandIds';
import { type CommandTable, fetchesFromWeChat } from '../../ui/commandTable';
import type { Feature } from '../../ui/feature';
import type { Accounts } from './ui/bundle';

export { sourceName } from './core/sourceName';
export type { AccountCommands } from './ui/accountCommands';
export type { Accounts } from './ui/bundle';

export const accountsFeature: Feature<AccountCommandId, Accounts> = {
  id: 'accounts',
  endpoints: [],
  contextKeys: [],
  commands(impl, context): CommandTable<AccountCommandId> {
    const t = context.localize;
    const group = t('Account');
    return {
      [ACCOUNT_COMMANDS.setupAccount]: {
        run: (invocation) => impl().commands.setupAccount(invocation),
        pick: { group, label: `$(account) ${t('Set Up Account')}` },
      },
      [ACCOUNT_COMMANDS.setAppSecret]: {
        run: (invocation) => impl().commands.setAppSecret(invocation),
        pick: { group, label: `$(key) ${t('Set AppSecret')}`, when: fetchesFromWeChat },
      },
      [ACCOUNT_COMMANDS.switchAccount]: {
        run: (invocation) => impl().switcher.switchAccount(invocation),
        pick: { group, label: `$(account) ${t('Switch Account…')}`, detail: t('Each account with its token state; Add Account… too') },
      },
      [ACCOUNT_COMMANDS.removeAccount]: { run: (invocation) => impl().switcher.removeAccount(invocation) },
      [ACCOUNT_COMMANDS.setRedisPassword]: { run: (invocation) => impl().teamCredentials.setRedisPassword(invocation) },
      [ACCOUNT_COMMANDS.setTokenServiceCredential]: { run: (invocation) => impl().teamCredentials.setTokenServiceCredential(invocation) },
      [ACCOUNT_COMMANDS.clearAppSecret]: {
        run: (invocation) => impl().commands.clearAppSecret(invocation),
        pick: { group, label: `$(trash) ${t('Clear AppSecret')}`, when: fetchesFromWeChat },
      },
    };
  },
};
