// "WeChat: Show Token Source": which source the active account's token comes from, the key or URL,
// the value format detected, the TTL and a short fingerprint — enough to compare with
// production's logs without exposing the token.
import * as vscode from 'vscode';

import { Clock } from '../../../common/clock';
import { Account, accountLabel } from '../../../token/accounts';
import { TokenState } from '../../../token/manager';
import { fingerprint } from '../../../token/sources/fingerprint';
import { formatRemaining } from '../../../token/status/countdown';
import { showInformationMessage } from '../../../ui/notify';
import { sourceName } from '../../accounts';

export interface TokenSourceFacts {
  readonly account: Account | undefined;
  readonly state: TokenState;
  /** The key (with db) or URL of a team source; the API path for WeChat. */
  readonly where: string | undefined;
  /** The format detected at the last read of a team source. */
  readonly format: string | undefined;
  readonly mode: 'stable' | 'classic';
}

export async function showTokenSource(facts: TokenSourceFacts, clock: Clock): Promise<void> {
  const t = vscode.l10n.t;
  const { account, state } = facts;
  if (!account) {
    void showInformationMessage(t('No WeChat account is configured.'));
    return;
  }
  const lines: string[] = [];
  if (account.tokenSource === 'wechat') {
    lines.push(t('Source: WeChat API {0} (fetched with the AppSecret stored on this machine)', facts.where ?? ''));
    lines.push(
      facts.mode === 'stable' ? t('Mode: stable_token (safe, shared)') : t('Mode: classic (each fetch invalidates the previous token)'),
    );
  } else {
    lines.push(t("Source: the team's {0}, read-only: {1}", sourceName(account, vscode.l10n.t), facts.where ?? ''));
    lines.push(t('Value format: {0}', facts.format ?? t('not read in this window yet')));
  }
  const token = 'token' in state ? state.token : undefined;
  if (token) {
    const now = clock.now();
    lines.push(
      token.expiryKnown === false
        ? t('TTL: expiry unknown (re-read periodically)')
        : t(
            'TTL: {0} (expires {1})',
            formatRemaining(token.expiresAt - now, t),
            new Date(token.expiresAt).toLocaleTimeString(vscode.env.language),
          ),
    );
    lines.push(t('Token: {0}', fingerprint(token.accessToken)));
  } else {
    lines.push(t('No token is cached yet.'));
  }
  await showInformationMessage(t('Token source of {0}', accountLabel(account)), { modal: true, detail: lines.join('\n') });
}
