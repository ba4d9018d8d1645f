// "WeChat: Look Up Request": a rid pasted from a server log (or passed by an error notification)
// → openapi/rid/get → a Markdown document of what WeChat received and answered, with "Copy IP"
// when the answer was 40164 (caller IP not whitelisted).
import * as vscode from 'vscode';

import { accountLabel } from '../../../token/accounts';
import { openMpConsole } from '../../../ui/errorPresenter';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { showErrorMessage, showWarningMessage } from '../../../ui/notify';
import { lookUpRequest, parseRid } from '../core/rid';
import { refusedCallerIp, ridReport } from '../core/ridReport';
import { CallDiagnosticsHost } from './callDiagnosticsHost';
import { localTime, showMarkdown, withProgress } from './markdownResult';

const EXAMPLE_RID = '6582b7c3-1a2b3c4d-5e6f7a8b';

export class RequestLookup {
  constructor(private readonly host: CallDiagnosticsHost) {}

  /** The rid comes from the invocation (a notification's button) or an input box. */
  async lookUp(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    const account = await this.host.accountCommands.readyAccount();
    if (!account) return false;
    const input = invocation.text ?? (await this.ask());
    if (input === undefined) return false;
    const rid = parseRid(input);
    if (!rid) {
      void showErrorMessage(
        t(
          'No request id (rid) found in what you pasted. A rid looks like {0}; WeChat puts it at the end of every errmsg ("… rid: {0}").',
          EXAMPLE_RID,
        ),
      );
      return false;
    }
    const { client, manager, presenter } = this.host;
    try {
      const record = await withProgress(t('Looking up request {0}…', rid), () =>
        manager.withToken((accessToken) => lookUpRequest(client, accessToken, rid), account.appId),
      );
      await showMarkdown(
        ridReport(record, {
          rid,
          account: accountLabel(account),
          formatTime: localTime,
          errcodes: this.host.errcodes,
          redact: (text) => this.host.log.redactor.redact(text),
          localize: t,
        }),
      );
      const ip = refusedCallerIp(record, this.host.errcodes);
      if (ip) void this.offerCopyIp(ip).catch((error: unknown) => this.host.log.warn(`copying the IP failed: ${String(error)}`));
      return true;
    } catch (error) {
      await presenter.show(t('Could not look up request {0}', rid), error);
      return false;
    }
  }

  private ask(): Thenable<string | undefined> {
    const t = vscode.l10n.t;
    return vscode.window.showInputBox({
      title: t('WeChat: Look Up Request'),
      prompt: t('Paste a request id (rid), or the whole errmsg or log line that ends with one. WeChat keeps requests for 7 days.'),
      placeHolder: `rid: ${EXAMPLE_RID}`,
      ignoreFocusOut: true,
      validateInput: (value) =>
        value.trim() === '' || parseRid(value) ? undefined : t('No request id (rid) in this text. A rid looks like {0}.', EXAMPLE_RID),
    });
  }

  private async offerCopyIp(ip: string): Promise<void> {
    const t = vscode.l10n.t;
    const copy = t('Copy IP {0}', ip);
    const consoleButton = t('Open MP Console');
    const picked = await showWarningMessage(
      t("WeChat refused this request because the caller IP {0} is not in the account's IP whitelist.", ip),
      copy,
      consoleButton,
    );
    if (picked === copy) await vscode.env.clipboard.writeText(ip);
    if (picked === consoleButton) await openMpConsole();
  }
}
