// The account feature's command table: Set Up Account, Set AppSecret, Clear AppSecret.
import * as vscode from 'vscode';
import { ACCOUNT_COMMANDS, AccountCommandId } from '../common/commandIds';
import { CommandTable, isConfigured } from '../common/commandTable';
import type { AccountCommands } from './accountCommands';

/** `accounts` loads the command implementations (dist/commands.js) on first use. */
export function accountCommandTable(accounts: () => AccountCommands): CommandTable<AccountCommandId> {
  const t = vscode.l10n.t;
  const group = t('Account');
  return {
    [ACCOUNT_COMMANDS.setupAccount]: {
      run: (invocation) => accounts().setupAccount(invocation),
      pick: { group, label: `$(account) ${t('Set Up Account')}` },
    },
    [ACCOUNT_COMMANDS.setAppSecret]: {
      run: (invocation) => accounts().setAppSecret(invocation),
      pick: { group, label: `$(key) ${t('Set AppSecret')}`, when: isConfigured },
    },
    [ACCOUNT_COMMANDS.clearAppSecret]: {
      run: (invocation) => accounts().clearAppSecret(invocation),
      pick: { group, label: `$(trash) ${t('Clear AppSecret')}`, when: isConfigured },
    },
  };
}
