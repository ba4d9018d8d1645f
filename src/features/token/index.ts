// The token feature: Copy / Refresh / Force Refresh Access Token, Show Token Source and the
// `${command:wechat.accessToken}` variable. The status bar that shows the token is part of the
// activation (src/features/token/ui/statusBar.ts, built by the composition root); these commands'
// implementation (dist/token.js) loads on the first of them.
import { TOKEN_COMMANDS, type TokenCommandId } from '../../ui/commandIds';
import { type CommandTable, fetchesFromWeChat, isConfigured } from '../../ui/commandTable';
import { CONTEXT_KEYS } from '../../ui/contextKeys';
import type { Feature } from '../../ui/feature';
import { TOKEN_ENDPOINTS } from '../../wechat/endpoints';
import type { Tokens } from './ui/bundle';

export const tokenFeature: Feature<TokenCommandId, Tokens> = {
  id: 'token',
  // The token endpoints first: when these are exhausted, no token-protected call can run.
  endpoints: TOKEN_ENDPOINTS,
  // The account keys its when-clauses read; the kernel sets them on every account or settings change (kernelContextKeys).
  contextKeys: [CONTEXT_KEYS.hasAccount, CONTEXT_KEYS.activeTokenSource, CONTEXT_KEYS.usesRedis, CONTEXT_KEYS.usesTokenService],
  commands(impl, context): CommandTable<TokenCommandId> {
    const t = context.localize;
    const group = t('Access token');
    return {
      [TOKEN_COMMANDS.copyAccessToken]: {
        run: () => impl().commands.copyAccessToken(),
        pick: { group, label: `$(copy) ${t('Copy Access Token')}`, when: isConfigured },
      },
      [TOKEN_COMMANDS.refreshAccessToken]: {
        run: () => impl().commands.refreshAccessToken(),
        pick: { group, label: `$(refresh) ${t('Refresh Access Token')}`, when: isConfigured },
      },
      [TOKEN_COMMANDS.showTokenSource]: {
        run: () => impl().showTokenSource(),
        pick: {
          group,
          label: `$(info) ${t('Show Token Source')}`,
          detail: t('Source, key or URL, TTL and a fingerprint of the token'),
          when: isConfigured,
        },
      },
      [TOKEN_COMMANDS.accessToken]: { run: (invocation) => impl().commands.accessTokenForVariable(invocation) },
      [TOKEN_COMMANDS.revokeTaskTokenAccess]: { run: () => impl().commands.revokeTaskTokenAccess() },
      [TOKEN_COMMANDS.forceRefreshAccessToken]: {
        run: (invocation) => impl().commands.forceRefreshAccessToken(invocation),
        pick: {
          group,
          label: `$(warning) ${t('Force Refresh Access Token')}`,
          detail: t('Invalidates the current token: only when it leaked'),
          when: fetchesFromWeChat,
        },
      },
    };
  },
};
