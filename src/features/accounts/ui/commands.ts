// The account feature's command table: Set Up Account, Set AppSecret, Clear AppSecret.
import * as vscode from 'vscode';
import { ACCOUNT_COMMANDS, AccountCommandId } from '../../../ui/commandIds';
import { CommandTable, fetchesFromWeChat } from '../../../ui/commandTable';
import type { Commands } from '../../commandsBundle';

/** `accounts` loads the command implementations (dist/commands.js) on first use. */
export function accountCommandTable(commands: () => Commands): CommandTable<AccountCommandId> {
  const accounts = (): Commands['accounts'] => commands().accounts;
  const t = vscode.l10n.t;
  const group = t('Account');
  return {
    [ACCOUNT_COMMANDS.setupAccount]: {
      run: (invocation) => accounts().setupAccount(invocation),
      pick: { group, label: `$(account) ${t('Set Up Account')}` },
    },
    [ACCOUNT_COMMANDS.setAppSecret]: {
      run: (invocation) => accounts().setAppSecret(invocation),
      pick: { group, label: `$(key) ${t('Set AppSecret')}`, when: fetchesFromWeChat },
    },
    [ACCOUNT_COMMANDS.switchAccount]: {
      run: (invocation) => commands().switcher.switchAccount(invocation),
      pick: { group, label: `$(account) ${t('Switch Account…')}`, detail: t('Each account with its token state; Add Account… too') },
    },
    [ACCOUNT_COMMANDS.removeAccount]: { run: (invocation) => commands().switcher.removeAccount(invocation) },
    [ACCOUNT_COMMANDS.setRedisPassword]: { run: (invocation) => commands().teamCredentials.setRedisPassword(invocation) },
    [ACCOUNT_COMMANDS.setTokenServiceCredential]: { run: (invocation) => commands().teamCredentials.setTokenServiceCredential(invocation) },
    [ACCOUNT_COMMANDS.clearAppSecret]: {
      run: (invocation) => accounts().clearAppSecret(invocation),
      pick: { group, label: `$(trash) ${t('Clear AppSecret')}`, when: fetchesFromWeChat },
    },
  };
}
