// "WeChat: Clear API Quota": resets every daily API count of the account. With a token it calls
// clear_quota; when the token endpoint itself is exhausted (45009 on the token fetch) no token can
// be had, so it calls clear_quota/v2 with the AppID and the AppSecret stored on this machine, then
// fetches a token — the way out in two clicks (the notification's button, the confirmation).
// WeChat allows 10 resets per account per month: the confirmation names the account and shows
// how many this machine has used.
import * as vscode from 'vscode';

import { Account, accountLabel } from '../../../token/accounts';
import { TokenState } from '../../../token/manager';
import { formatRemaining } from '../../../token/status/countdown';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { showInformationMessage } from '../../../ui/notify';
import { clearQuota, clearQuotaWithSecret, isTokenQuotaExhausted, MONTHLY_QUOTA_RESETS } from '../core/quota';
import { CallDiagnosticsHost } from './callDiagnosticsHost';
import { withProgress } from './markdownResult';

type Route = 'token' | 'secret';

export class QuotaReset {
  constructor(private readonly host: CallDiagnosticsHost) {}

  /** `afterTokenExhausted`: the token route just failed with 45009 on the token fetch (asked again, for v2). */
  async clear(invocation: Invocation = PLAIN_INVOCATION, afterTokenExhausted = false): Promise<boolean> {
    const t = vscode.l10n.t;
    const account = await this.host.accountCommands.readyAccount();
    if (!account) return false;
    const label = accountLabel(account);
    // The last token fetch answered 45009: asking for a token again would only repeat it.
    const exhausted = afterTokenExhausted || tokenFetchExhausted(this.host.manager.state, account.appId);
    const route: Route = exhausted && account.tokenSource === 'wechat' ? 'secret' : 'token';
    const used = this.host.resets.used(account.appId);
    const details = [
      t(
        'Resets the daily call counts of every API of this account, so calls answered with 45009 work again. After {0} resets in a month WeChat answers 48006; colleagues, servers or the MP console may have used some of them too.',
        MONTHLY_QUOTA_RESETS,
      ),
    ];
    if (route === 'secret') {
      details.push(
        t(
          'The token endpoint itself has no quota left, so the reset uses clear_quota/v2 with the AppSecret stored on this machine (no token needed).',
        ),
      );
    }
    const confirmed = await this.host.confirmations.confirm(
      {
        message: t(
          'Clear the API quota of {0}? This machine has used {1} of the {2} resets WeChat allows per month.',
          label,
          used,
          MONTHLY_QUOTA_RESETS,
        ),
        detail: details.join('\n\n'),
        action: t('Clear Quota'),
      },
      invocation,
    );
    if (!confirmed) return false;

    let done: Route;
    try {
      done = await withProgress(t('Clearing the API quota of {0}…', label), () => this.reset(account, route));
    } catch (error) {
      // The token fetch itself is exhausted: the AppSecret route needs its own confirmation, which says so.
      if (route === 'token' && !afterTokenExhausted && account.tokenSource === 'wechat' && isTokenQuotaExhausted(error)) {
        return this.clear(invocation, true);
      }
      const what =
        account.tokenSource === 'wechat'
          ? t('Could not clear the API quota of {0}', label)
          : t(
              'Could not clear the API quota of {0} (a team account: clearing without a token, clear_quota/v2, needs the AppSecret, which this machine does not hold)',
              label,
            );
      await this.host.presenter.show(what, error);
      return false;
    }
    const count = await this.host.resets.record(account.appId);
    const cleared = t('API quota of {0} cleared. This machine has used {1} of {2} resets this month.', label, count, MONTHLY_QUOTA_RESETS);
    if (done === 'token') {
      void showInformationMessage(cleared);
      return true;
    }
    // The reset went around the token endpoint: get the working token the user was missing.
    try {
      const token = await withProgress(t('Getting the access token…'), () => this.host.manager.get(account.appId));
      void showInformationMessage(
        `${cleared} ${t('New access token, valid for {0}.', formatRemaining(token.expiresAt - this.host.clock.now(), t))}`,
      );
    } catch (error) {
      await this.host.presenter.show(t('The API quota was cleared, but fetching a token failed'), error);
    }
    return true;
  }

  /** The route that worked: clear_quota with a token, or clear_quota/v2 once the token fetch answers 45009. */
  private async reset(account: Account, route: Route): Promise<Route> {
    const { client, manager } = this.host;
    if (route === 'token') {
      // A 45009 on the token fetch reaches clear(), which asks again before the AppSecret is sent.
      await manager.withToken((accessToken) => clearQuota(client, accessToken, account.appId), account.appId);
      return 'token';
    }
    const credentials = await this.host.appSecrets.credentials(account.appId);
    this.host.log.redactor.addSecret(credentials.appSecret);
    await clearQuotaWithSecret(client, credentials);
    return 'secret';
  }
}

function tokenFetchExhausted(state: TokenState, appId: string): boolean {
  return state.kind === 'failed' && state.appId === appId && isTokenQuotaExhausted(state.error);
}
