// Show WeChat Server IPs, Check Callback Network, and the two fixes of a 40164 the status-bar
// tooltip links to (copy the blocked IP, open the MP console for the IP whitelist). The calls
// and the documents are the vscode-free ../core/network/; this file asks, shows progress,
// opens the result and reports errors through the presenter.
import * as vscode from 'vscode';

import { Clock } from '../../../common/clock';
import { TokenManager } from '../../../token/manager';
import { ErrorPresenter, openMpConsole } from '../../../ui/errorPresenter';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { showErrorMessage, showInformationMessage, withProgress } from '../../../ui/notify';
import { WeChatApiError } from '../../../wechat/apiErrors';
import type { TokenCall } from '../../../wechat/client';
import { checkCallback, isCheckAction, isCheckOperator } from '../core/network/callbackCheck';
import { callbackCheckMarkdown, ReportContext, serverIpsMarkdown } from '../core/network/report';
import { fetchServerIps, ServerIps } from '../core/network/serverIps';
import { pickCheckAction, pickCheckOperator } from './networkPicks';

export interface NetworkCommandsHost {
  /**
   * Token-protected calls for the account a command started with (refresh and retry once when the
   * token went stale); the active account when none is pinned.
   */
  readonly callFor: (appId: string | undefined) => TokenCall;
  /** The active account's AppID, read once when a command starts. */
  readonly appId: () => string | undefined;
  readonly manager: TokenManager;
  readonly presenter: ErrorPresenter;
  readonly clock: Clock;
  /** "name (AppID)" of the active account. */
  readonly accountLabel: () => string;
  /** Leads into setup (account, AppSecret) when something is missing; false if the user gave up. */
  readonly ensureCredentials: () => Promise<boolean>;
}

export class NetworkCommands {
  constructor(private readonly host: NetworkCommandsHost) {}

  /** Opens both lists in one Markdown document and offers to copy each list whole. */
  async showServerIps(): Promise<boolean> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return false;
    const account = this.host.accountLabel();
    const call = this.host.callFor(this.host.appId());
    let ips: ServerIps;
    try {
      ips = await this.progress(t('Fetching the WeChat server IPs…'), () => fetchServerIps(call, () => this.host.clock.now()));
    } catch (error) {
      await this.host.presenter.show(t('Could not fetch the WeChat server IPs'), error);
      return false;
    }
    await this.open(serverIpsMarkdown(ips, this.context(account)));
    const copyApi = t('Copy API IPs');
    const copyCallback = t('Copy Callback IPs');
    // Not awaited: the notification waits for a click, the command is done once the document is open.
    void showInformationMessage(
      t('{0}: {1} API entry IPs, {2} callback IPs. Fetch them again tomorrow.', account, ips.apiIps.length, ips.callbackIps.length),
      copyApi,
      copyCallback,
    )
      .then(async (picked) => {
        const list = picked === copyApi ? ips.apiIps : picked === copyCallback ? ips.callbackIps : undefined;
        if (!list) return;
        await vscode.env.clipboard.writeText(list.join('\n'));
        void showInformationMessage(t('{0} addresses copied, one per line.', list.length));
      })
      .then(undefined, (error: unknown) => this.host.presenter.show(t('Could not copy the addresses'), error));
    return true;
  }

  /** Asks what and from where (or takes the test options), runs the check, opens the tables. */
  async checkCallbackNetwork(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return false;
    const account = this.host.accountLabel();
    const call = this.host.callFor(this.host.appId());
    const action = await this.choose(invocation.test.action, isCheckAction, () => pickCheckAction(account), 'dns, ping, all');
    if (!action) return false;
    const operator = await this.choose(
      invocation.test.operator,
      isCheckOperator,
      () => pickCheckOperator(),
      'CHINANET, UNICOM, CAP, DEFAULT',
    );
    if (!operator) return false;
    try {
      const result = await this.progress(t('WeChat is checking the callback network of {0}…', account), () =>
        checkCallback(call, action, operator, () => this.host.clock.now()),
      );
      await this.open(callbackCheckMarkdown(result, this.context(account)));
      return true;
    } catch (error) {
      await this.host.presenter.show(t('The callback network check of {0} failed', account), error);
      return false;
    }
  }

  /** The IP WeChat named in the last failed token fetch (40164), for the IP whitelist. */
  async copyCallerIp(): Promise<boolean> {
    const state = this.host.manager.state;
    const error = state.kind === 'failed' ? state.error : undefined;
    const ip = error instanceof WeChatApiError ? error.callerIp : undefined;
    if (!ip) {
      void showInformationMessage(vscode.l10n.t('No blocked IP to copy: the last token request did not fail with errcode 40164.'));
      return false;
    }
    await vscode.env.clipboard.writeText(ip);
    void showInformationMessage(
      vscode.l10n.t('{0} copied. Add it in the MP console: Settings and Development → Basic configuration → IP whitelist.', ip),
    );
    return true;
  }

  /** WeChat documents no deep link to the whitelist: the console root, and where to go from there. */
  async openIpWhitelist(): Promise<boolean> {
    const opened = await openMpConsole();
    if (opened) {
      void showInformationMessage(vscode.l10n.t('In the MP console, open Settings and Development → Basic configuration → IP whitelist.'));
    }
    return opened;
  }

  /** The value of a test option when given (checked like user input), else what the user picks. */
  private async choose<V extends string>(
    given: string | undefined,
    valid: (value: string) => value is V,
    pick: () => Promise<V | undefined>,
    allowed: string,
  ): Promise<V | undefined> {
    if (given === undefined) return pick();
    if (valid(given)) return given;
    void showErrorMessage(vscode.l10n.t('"{0}" is not a value WeChat accepts here; use one of {1}.', given, allowed));
    return undefined;
  }

  private context(account: string): ReportContext {
    return { account, t: vscode.l10n.t, formatTime: (ms) => new Date(ms).toLocaleString(vscode.env.language) };
  }

  private async open(content: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(document, { preview: false });
  }

  private progress<T>(title: string, task: () => Promise<T>): Thenable<T> {
    return withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
  }
}
