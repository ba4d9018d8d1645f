// The token feature's command table: Copy, Refresh and Force Refresh Access Token.
import * as vscode from 'vscode';
import { TOKEN_COMMANDS, TokenCommandId } from '../common/commandIds';
import { CommandTable, isConfigured } from '../common/commandTable';
import type { TokenCommands } from './tokenCommands';

/** `tokens` loads the command implementations (dist/commands.js) on first use. */
export function tokenCommandTable(tokens: () => TokenCommands): CommandTable<TokenCommandId> {
  const t = vscode.l10n.t;
  const group = t('Access token');
  return {
    [TOKEN_COMMANDS.copyAccessToken]: {
      run: () => tokens().copyAccessToken(),
      pick: { group, label: `$(copy) ${t('Copy Access Token')}`, when: isConfigured },
    },
    [TOKEN_COMMANDS.refreshAccessToken]: {
      run: () => tokens().refreshAccessToken(),
      pick: { group, label: `$(refresh) ${t('Refresh Access Token')}`, when: isConfigured },
    },
    [TOKEN_COMMANDS.forceRefreshAccessToken]: {
      run: (invocation) => tokens().forceRefreshAccessToken(invocation),
      pick: {
        group,
        label: `$(warning) ${t('Force Refresh Access Token')}`,
        detail: t('Invalidates the current token: only when it leaked'),
        when: isConfigured,
      },
    },
  };
}
