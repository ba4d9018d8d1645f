// The token feature's command table: Copy, Refresh and Force Refresh Access Token.
import * as vscode from 'vscode';
import { TOKEN_COMMANDS, TokenCommandId } from '../../../ui/commandIds';
import { CommandTable, fetchesFromWeChat, isConfigured } from '../../../ui/commandTable';
import type { Commands } from '../../commandsBundle';

/** `tokens` loads the command implementations (dist/commands.js) on first use. */
export function tokenCommandTable(commands: () => Commands): CommandTable<TokenCommandId> {
  const tokens = (): Commands['tokens'] => commands().tokens;
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
    [TOKEN_COMMANDS.showTokenSource]: {
      run: () => commands().showTokenSource(),
      pick: { group, label: `$(info) ${t('Show Token Source')}`, detail: t('Source, key or URL, TTL and a fingerprint of the token'), when: isConfigured },
    },
    [TOKEN_COMMANDS.accessToken]: { run: (invocation) => tokens().accessTokenForVariable(invocation) },
    [TOKEN_COMMANDS.revokeTaskTokenAccess]: { run: () => tokens().revokeTaskTokenAccess() },
    [TOKEN_COMMANDS.forceRefreshAccessToken]: {
      run: (invocation) => tokens().forceRefreshAccessToken(invocation),
      pick: {
        group,
        label: `$(warning) ${t('Force Refresh Access Token')}`,
        detail: t('Invalidates the current token: only when it leaked'),
        when: fetchesFromWeChat,
      },
    },
  };
}
