// "WeChat: Show API Quota": the daily limit, used and remaining calls of the token endpoints, the
// menu endpoints and any API path the user adds, as a Markdown table; less than 10 % left is
// marked. One token for all rows; a row that fails (76021, 76022) is explained in the document.
import * as vscode from 'vscode';

import { accountLabel } from '../../../token/accounts';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { showErrorMessage } from '../../../ui/notify';
import { WeChatApiError } from '../../../wechat/apiErrors';
import { getQuota, normalizeCgiPath } from '../core/quota';
import { quotaReport, QuotaRow } from '../core/quotaReport';
import { CallDiagnosticsHost } from './callDiagnosticsHost';
import { localTime, showMarkdown, withProgress } from './markdownResult';

export class QuotaView {
  constructor(private readonly host: CallDiagnosticsHost) {}

  /** Extra API paths come from the invocation (separated by spaces or commas) or an input box. */
  async show(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    const account = await this.host.accountCommands.readyAccount();
    if (!account) return false;
    const input = invocation.text ?? (await this.ask());
    if (input === undefined) return false;
    const extra = parsePaths(input);
    if (typeof extra === 'string') {
      void showErrorMessage(t('"{0}" is not an API path. Use a path such as /cgi-bin/message/custom/send.', extra));
      return false;
    }
    const paths = [...new Set([...this.host.quotaPaths(), ...extra])];
    const { client, manager } = this.host;
    try {
      const rows = await withProgress(t('Reading the API quota of {0}…', accountLabel(account)), () =>
        manager.withToken(async (accessToken) => {
          const read = await Promise.all(
            paths.map((path) =>
              getQuota(client, accessToken, path).then(
                (quota): QuotaRow => ({ path, quota }),
                (error: unknown): QuotaRow => ({ path, error }),
              ),
            ),
          );
          // A stale token fails every row: let withToken refresh it and read again.
          const stale = read.find((row) => 'error' in row && row.error instanceof WeChatApiError && row.error.reaction === 'refreshToken');
          if (stale && 'error' in stale) throw stale.error;
          return read;
        }, account.appId),
      );
      await showMarkdown(quotaReport(rows, { account: accountLabel(account), readAt: localTime(this.host.clock.now()), localize: t }));
      return true;
    } catch (error) {
      await this.host.presenter.show(t('Could not read the API quota'), error);
      return false;
    }
  }

  private ask(): Thenable<string | undefined> {
    const t = vscode.l10n.t;
    return vscode.window.showInputBox({
      title: t('WeChat: Show API Quota'),
      prompt: t('Other API paths to check besides the token and menu APIs (optional, separated by spaces). Press Enter to go on.'),
      placeHolder: '/cgi-bin/message/custom/send',
      ignoreFocusOut: true,
      validateInput: (value) => {
        const parsed = parsePaths(value);
        return typeof parsed === 'string'
          ? t('"{0}" is not an API path. Use a path such as /cgi-bin/message/custom/send.', parsed)
          : undefined;
      },
    });
  }
}

/** The API paths in a text, or the first word that is not one. */
function parsePaths(text: string): string[] | string {
  const paths: string[] = [];
  for (const word of text.split(/[\s,;]+/).filter((each) => each.length > 0)) {
    const path = normalizeCgiPath(word);
    if (!path) return word;
    paths.push(path);
  }
  return paths;
}
