// The callback simulator's command table: Set Up Callback and Verify Callback URL. The
// implementations load with the commands (dist/commands.js) on first use, the core
// (dist/callback.js) on the first handshake; activation registers only these entries.
import * as vscode from 'vscode';
import { CALLBACK_COMMANDS, CallbackCommandId } from '../../../ui/commandIds';
import { CommandTable, isConfigured } from '../../../ui/commandTable';
import type { Commands } from '../../commandsBundle';

export function callbackCommandTable(commands: () => Commands): CommandTable<CallbackCommandId> {
  const t = vscode.l10n.t;
  const group = t('Callback simulator');
  return {
    [CALLBACK_COMMANDS.setUpCallback]: {
      run: (invocation) => commands().callback.setUp(invocation),
      pick: { group, label: `$(plug) ${t('Set Up Callback…')}`, detail: t('URL, message mode, Token and EncodingAESKey of your server'), when: isConfigured },
    },
    [CALLBACK_COMMANDS.verifyCallbackUrl]: {
      run: () => commands().callback.verify(),
      pick: { group, label: `$(pass) ${t('Verify Callback URL')}`, detail: t("The console's handshake, against your server"), when: isConfigured },
    },
  };
}
