// Copy / Refresh / Force Refresh. Each command is a few lines over the TokenManager; the
// dangerous ones (anything that invalidates a token servers may be using) ask first, modally.
import * as vscode from 'vscode';

import { Clock } from '../../../common/clock';
import { Logger, silentLogger } from '../../../common/logger';
import { TokenManager } from '../../../token/manager';
import { formatRemaining } from '../../../token/status/countdown';
import { CachedToken } from '../../../token/store';
import { Confirmations } from '../../../ui/confirm';
import { ErrorPresenter } from '../../../ui/errorPresenter';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { showInformationMessage, withProgress as showProgress } from '../../../ui/notify';
import type { AccountCommands } from '../../accounts';
import { TaskTokenConsent } from '../core/taskTokenConsent';

export class TokenCommands {
  private readonly consent: TaskTokenConsent;

  constructor(
    private readonly manager: TokenManager,
    private readonly accounts: AccountCommands,
    private readonly presenter: ErrorPresenter,
    private readonly clock: Clock,
    private readonly confirmations: Confirmations,
    /** How the confirmation names the account: "name (AppID)". */
    private readonly accountLabel: () => string,
    /** Remembers, per workspace, which accounts' tokens tasks and launch configurations may get. */
    workspaceState: vscode.Memento,
    /** After a copy: schedules the clipboard's clearing (and logs the copy); the seconds until then, 0 = never. */
    private readonly afterCopy: (token: string) => number,
    /** Where the hand-outs of `${command:wechat.accessToken}` and consent changes are written. */
    log: Logger = silentLogger,
  ) {
    this.consent = new TaskTokenConsent(workspaceState, log);
  }

  /** Puts a valid token on the clipboard; fetches only if the cached one is not fresh. */
  async copyAccessToken(): Promise<boolean> {
    if (!(await this.accounts.ensureCredentials())) return false;
    try {
      const token = await this.withProgress(vscode.l10n.t('Getting the access token…'), () => this.manager.get());
      await vscode.env.clipboard.writeText(token.accessToken);
      const clearIn = this.afterCopy(token.accessToken);
      void showInformationMessage(
        clearIn > 0
          ? vscode.l10n.t('Access token copied. It is valid for {0}; the clipboard is cleared in {1} s.', this.remaining(token), clearIn)
          : vscode.l10n.t('Access token copied. It is valid for {0}.', this.remaining(token)),
      );
      return true;
    } catch (error) {
      await this.presenter.show(vscode.l10n.t('Could not copy the access token'), error);
      return false;
    }
  }

  /**
   * `${command:wechat.accessToken}` in tasks.json and launch.json: a valid token, obtained exactly
   * like Copy (cached, or fetched/adopted). Undefined makes VS Code cancel the task or launch; the
   * error is shown without waiting for the user, so the launch does not hang on the notification.
   */
  async accessTokenForVariable(invocation: Invocation = PLAIN_INVOCATION): Promise<string | undefined> {
    if (!(await this.accounts.ensureCredentials())) return undefined;
    // The account consented to is the account whose token is handed out, even after a switch.
    const state = this.manager.state;
    const appId = 'appId' in state ? state.appId : undefined;
    const label = this.accountLabel();
    if (!(await this.variableConsent(label, invocation))) return undefined;
    try {
      const token = await this.withProgress(vscode.l10n.t('Getting the access token…'), () => this.manager.get(appId));
      this.consent.handedOut(label);
      return token.accessToken;
    } catch (error) {
      void this.presenter.show(vscode.l10n.t('Could not get the access token for the task or launch configuration'), error);
      return undefined;
    }
  }

  /**
   * Any task or launch configuration of a workspace (a `folderOpen` task too) and any extension can
   * ask for the token this way, without the traces Copy leaves: ask once per workspace and
   * account, naming both, and remember the answer in the workspace's state (until revoked).
   */
  private async variableConsent(label: string, invocation: Invocation): Promise<boolean> {
    if (this.consent.isAllowed(label)) return true;
    const t = vscode.l10n.t;
    const allowed = await this.confirmations.confirm(
      {
        message: t('Give the tasks and launch configurations of this workspace the access token of {0}?', label),
        detail: t(
          'A task, a launch configuration or another extension asked for it with the variable command:wechat.accessToken. Whatever runs with it — a script, a debugged server — can use the token until it expires. Asked once per workspace and account; every hand-out is logged; "WeChat: Revoke Token Access for Tasks" takes it back.',
        ),
        action: t('Allow'),
      },
      invocation,
    );
    if (allowed) await this.consent.allow(label);
    return allowed;
  }

  /**
   * WeChat: Revoke Token Access for Tasks — clears this workspace's consent for every account: the
   * next `${command:wechat.accessToken}` asks again. Resolves to the number of accounts revoked.
   */
  async revokeTaskTokenAccess(): Promise<number> {
    const labels = await this.consent.revokeAll();
    void showInformationMessage(
      labels.length > 0
        ? vscode.l10n.t(
            'The tasks and launch configurations of this workspace no longer get the access token of {0}. The next use asks again.',
            labels.join(', '),
          )
        : vscode.l10n.t('No task or launch configuration of this workspace was allowed the access token.'),
    );
    return labels.length;
  }

  async refreshAccessToken(): Promise<boolean> {
    if (!(await this.accounts.ensureCredentials())) return false;
    const before = this.cachedToken();
    try {
      const token = await this.withProgress(vscode.l10n.t('Refreshing the access token…'), () => this.manager.refresh({ always: true }));
      const team = this.manager.activeSource()?.kind !== 'wechat';
      const message =
        token.accessToken === before?.accessToken && team
          ? vscode.l10n.t(
              'The team still holds the same token: it stays valid for {0}. Production replaces it when it expires.',
              this.remaining(token),
            )
          : token.accessToken === before?.accessToken
            ? vscode.l10n.t(
                'WeChat confirmed the current token: it stays valid for {0}. stable_token renews it in its last 5 minutes; use Force Refresh only if it leaked.',
                this.remaining(token),
              )
            : vscode.l10n.t('New access token, valid for {0}.', this.remaining(token));
      void showInformationMessage(message);
      return true;
    } catch (error) {
      await this.presenter.show(vscode.l10n.t('Could not refresh the access token'), error);
      return false;
    }
  }

  async forceRefreshAccessToken(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    if (!(await this.accounts.ensureCredentials())) return false;
    if (this.manager.activeSource()?.kind !== 'wechat') {
      // A team source refuses (and explains) before the destructive-sounding modal is shown.
      return this.forceNow();
    }
    // What the user confirms replacing: this account's token as it is before the modal. The
    // force goes to that account, and is skipped if another window replaced the token meanwhile.
    const state = this.manager.state;
    const seen = { appId: 'appId' in state ? state.appId : undefined, replacing: this.cachedToken()?.accessToken };
    const confirmed = await this.confirmations.confirm(
      {
        message: vscode.l10n.t('Force a new access token for {0}? The current token stops working.', this.accountLabel()),
        detail: vscode.l10n.t(
          'Servers that use the current token will get errcode 40001 until they fetch the new one. Use this only when the token leaked. WeChat allows 20 forced refreshes a day, at least 30 seconds apart.',
        ),
        action: vscode.l10n.t('Force Refresh'),
      },
      invocation,
    );
    if (!confirmed) return false;
    return this.forceNow(seen);
  }

  private async forceNow(seen: { appId?: string; replacing?: string } = {}): Promise<boolean> {
    try {
      const token = await this.withProgress(vscode.l10n.t('Forcing a new access token…'), () =>
        this.manager.refresh({ force: true, confirmed: true, ...seen }),
      );
      void showInformationMessage(
        vscode.l10n.t('New access token, valid for {0}. The previous token is no longer valid.', this.remaining(token)),
      );
      return true;
    } catch (error) {
      await this.presenter.show(vscode.l10n.t('Could not force a new access token'), error);
      return false;
    }
  }

  private cachedToken(): CachedToken | undefined {
    const state = this.manager.state;
    return 'token' in state ? state.token : undefined;
  }

  private remaining(token: CachedToken): string {
    return formatRemaining(token.expiresAt - this.clock.now(), vscode.l10n.t);
  }

  private withProgress<T>(title: string, task: () => Promise<T>): Thenable<T> {
    return showProgress({ location: vscode.ProgressLocation.Window, title }, task);
  }
}
