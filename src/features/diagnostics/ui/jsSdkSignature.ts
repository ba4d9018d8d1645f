// "WeChat: JS-SDK Signature for URL…": asks for the page URL, gets the account's jsapi_ticket
// (cached like the token), signs the URL like WeChat's signature tool and opens the wx.config
// snippet. A team-source account signs with the team's token: getticket invalidates nothing.
import * as vscode from 'vscode';

import { Clock } from '../../../common/clock';
import { Account, accountLabel } from '../../../token/accounts';
import { TokenMode } from '../../../token/store';
import { ErrorPresenter } from '../../../ui/errorPresenter';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { showErrorMessage, showInformationMessage, withProgress } from '../../../ui/notify';
import { sourceName } from '../../accounts';
import { PageUrl, parsePageUrl } from '../core/ticket/pageUrl';
import { jsSdkSignature, randomNonceStr, timestampSeconds } from '../core/ticket/signature';
import { TicketManager } from '../core/ticket/ticketManager';
import { jsSdkSnippet } from './jsSdkSnippet';

export interface JsSdkHost {
  readonly tickets: TicketManager;
  readonly account: () => Account | undefined;
  readonly clock: Clock;
  readonly presenter: ErrorPresenter;
  /** Sets up an account or asks for the AppSecret when missing; false when the user gave up. */
  readonly ensureCredentials: () => Promise<boolean>;
  readonly describeSource: (account: Account) => string;
  readonly tokenMode: () => TokenMode;
}

export class JsSdkSignatureCommand {
  constructor(private readonly host: JsSdkHost) {}

  async run(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return false;
    const account = this.host.account();
    if (!account) return false;
    const input = invocation.test.url ?? (await this.askUrl(account));
    if (input === undefined) return false;
    const page = parsePageUrl(input);
    if (!page.ok) {
      void showErrorMessage(problemText(page) ?? '');
      return false;
    }
    try {
      const { ticket, fetched } = await withProgress(
        { location: vscode.ProgressLocation.Window, title: t('Getting the jsapi_ticket…') },
        () => this.host.tickets.get(account.appId),
      );
      const nonceStr = randomNonceStr();
      const timestamp = timestampSeconds(this.host.clock.now());
      const signed = jsSdkSignature({ ticket: ticket.ticket, nonceStr, timestamp, url: page.url });
      const content = jsSdkSnippet({
        appId: account.appId,
        account: accountLabel(account),
        tokenSource: this.tokenSource(account),
        url: page.url,
        strippedFragment: page.strippedFragment,
        browserForm: page.browserForm,
        timestamp,
        nonceStr,
        signature: signed.signature,
        maskedSigned: signed.maskedSigned,
        ticketExpires: new Date(ticket.expiresAt).toISOString(),
        ticketFetched: fetched,
      });
      const document = await vscode.workspace.openTextDocument({ language: 'javascript', content });
      await vscode.window.showTextDocument(document);
      if (page.strippedFragment) {
        void showInformationMessage(
          t('Signed {0}: the fragment "{1}" was removed, as WeChat signs the URL without it.', page.url, page.strippedFragment),
        );
      }
      return true;
    } catch (error) {
      await this.host.presenter.show(t('Could not compute the JS-SDK signature'), error);
      return false;
    }
  }

  private askUrl(account: Account): Thenable<string | undefined> {
    const t = vscode.l10n.t;
    return vscode.window.showInputBox({
      title: t('WeChat: JS-SDK Signature for URL'),
      prompt: t('The full URL of the page that calls wx.config, as location.href shows it ({0}).', accountLabel(account)),
      placeHolder: 'https://example.com/page?id=1',
      ignoreFocusOut: true,
      validateInput: (value) => problemText(parsePageUrl(value)),
    });
  }

  private tokenSource(account: Account): string {
    const t = vscode.l10n.t;
    if (account.tokenSource === 'wechat')
      return t('WeChat {0} with the AppSecret on this machine', this.host.tokenMode() === 'classic' ? 'token' : 'stable_token');
    return t("the team's {0} {1}", sourceName(account, vscode.l10n.t), this.host.describeSource(account));
  }
}

/** What is wrong with the URL, for the input box and the refusal; undefined when it can be signed. */
function problemText(page: PageUrl): string | undefined {
  const t = vscode.l10n.t;
  if (page.ok) return undefined;
  switch (page.problem) {
    case 'empty':
      return t('Enter the full page URL, e.g. https://example.com/page?id=1.');
    case 'notAUrl':
      return t('Not a full URL: enter it with its scheme and host, e.g. https://example.com/page?id=1.');
    case 'notHttp':
      return t('"{0}:" URLs cannot be signed: the JS-SDK works on http and https pages only.', page.scheme ?? '');
  }
}
