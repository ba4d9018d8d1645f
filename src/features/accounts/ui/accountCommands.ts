// Set Up Account / Set AppSecret / Clear AppSecret. The AppID goes to settings (it is not a
// secret); the AppSecret goes to SecretStorage only, typed into a password box. In the
// extension's test mode the invocation may carry them (Confirmations reads test options only
// there), so integration tests can run the commands without the input boxes.
import * as vscode from 'vscode';

import { Clock } from '../../../common/clock';
import { updateAppId } from '../../../config';
import { Account } from '../../../token/accounts';
import { TokenManager } from '../../../token/manager';
import { formatRemaining } from '../../../token/status/countdown';
import { ActiveAccount } from '../../../ui/account/activeAccount';
import { AppSecrets } from '../../../ui/account/appSecrets';
import { Confirmations } from '../../../ui/confirm';
import { ErrorPresenter } from '../../../ui/errorPresenter';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { RedactingLog } from '../../../ui/log';
import { showInformationMessage, withProgress } from '../../../ui/notify';
import { checkAppId, checkAppSecret, CredentialProblem } from '../../../wechat/credentialFormat';
import { WECHAT_API_ORIGIN } from '../../../wechat/endpoints';
import { sourceName } from '../core/sourceName';

export class AccountCommands {
  constructor(
    private readonly secrets: AppSecrets,
    private readonly manager: TokenManager,
    private readonly presenter: ErrorPresenter,
    private readonly log: RedactingLog,
    private readonly clock: Clock,
    private readonly accounts: ActiveAccount,
    private readonly confirmations: Confirmations,
  ) {}

  /** AppID, then AppSecret; ends with a fetched token so the user sees it works. */
  async setupAccount(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const appId = invocation.test.appId?.trim() ?? (await this.askAppId());
    if (!appId) return false;
    // A new AppID joins as the settings' single account; a listed one is simply chosen.
    if (!this.accounts.find(appId)) await updateAppId(appId);
    await this.accounts.select(appId);
    const stored = await this.storeAppSecret(appId, invocation);
    if (stored) await this.verify(appId);
    return stored;
  }

  /** Stores the AppSecret for the configured AppID (asking for the AppID first if none). */
  async setAppSecret(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const account = this.accounts.current;
    if (!account) return this.setupAccount(invocation);
    const appId = account.appId;
    if (account.tokenSource !== 'wechat') {
      void showInformationMessage(
        vscode.l10n.t(
          "{0} reads its token from the team's {1}: it needs no AppSecret on this machine.",
          account.name,
          sourceName(account, vscode.l10n.t),
        ),
      );
      return false;
    }
    const stored = await this.storeAppSecret(appId, invocation);
    if (stored) await this.verify(appId);
    return stored;
  }

  /** Asks for the AppSecret of `appId` (password box) and stores it in SecretStorage; false if the user gave up. */
  async storeAppSecret(appId: string, invocation: Invocation): Promise<boolean> {
    const appSecret = invocation.test.appSecret?.trim() ?? (await this.askAppSecret(appId));
    if (!appSecret) return false;
    this.log.redactor.addSecret(appSecret);
    await this.secrets.store(appId, appSecret);
    this.log.info(`AppSecret stored in SecretStorage for ${appId}`);
    return true;
  }

  async clearAppSecret(invocation: Invocation = PLAIN_INVOCATION): Promise<void> {
    const appId = this.accounts.current?.appId;
    if (!appId || !(await this.secrets.has(appId))) {
      void showInformationMessage(vscode.l10n.t('No AppSecret is stored for this account.'));
      return;
    }
    const confirmed = await this.confirmations.confirm(
      {
        message: vscode.l10n.t('Remove the AppSecret of {0} from this machine?', appId),
        detail: vscode.l10n.t('The cached access token is removed too. Servers are not affected.'),
        action: vscode.l10n.t('Clear'),
      },
      invocation,
    );
    if (!confirmed) return;
    await this.secrets.delete(appId);
    await this.manager.clear();
    this.log.info(`AppSecret and cached token removed for ${appId}`);
    void showInformationMessage(vscode.l10n.t('AppSecret of {0} cleared.', appId));
  }

  /** The active account once its credentials are there (setup offered if not); undefined if the user gave up. */
  async readyAccount(): Promise<Account | undefined> {
    return (await this.ensureCredentials()) ? this.accounts.current : undefined;
  }

  /** Makes sure an AppID and an AppSecret exist, leading the user into setup if not. */
  async ensureCredentials(): Promise<boolean> {
    const account = this.accounts.current;
    if (!account) return this.setupAccount();
    // A team source reads the token production holds: no AppSecret on this machine.
    if (account.tokenSource !== 'wechat') return true;
    const appId = account.appId;
    if (await this.secrets.has(appId)) return true;
    return this.storeAppSecret(appId, PLAIN_INVOCATION);
  }

  /** Fetches (or reuses) a token right away so a wrong secret shows up now, not later. */
  private async verify(appId: string): Promise<void> {
    try {
      const token = await withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking the WeChat credentials…') },
        () => this.manager.get(),
      );
      const left = formatRemaining(token.expiresAt - this.clock.now(), vscode.l10n.t);
      void showInformationMessage(vscode.l10n.t('WeChat account {0} is ready. The access token is valid for {1}.', appId, left));
    } catch (error) {
      await this.presenter.show(vscode.l10n.t('The AppSecret was saved, but fetching a token failed'), error);
    }
  }

  private askAppId(): Promise<string | undefined> {
    return askCredential(
      {
        title: vscode.l10n.t('WeChat: Set Up Account (1/2)'),
        prompt: vscode.l10n.t('AppID of the Official Account (MP console → Settings and Development → Basic configuration)'),
        placeHolder: 'wx0123456789abcdef',
        value: this.accounts.current?.appId ?? '',
      },
      checkAppId,
      vscode.l10n.t('Enter the AppID.'),
      vscode.l10n.t('AppIDs usually look like wx followed by 16 letters or digits. Check for a typo.'),
    );
  }

  private askAppSecret(appId: string): Promise<string | undefined> {
    // The secret is bound to the host it is entered for: a host other than WeChat's is named.
    const origin = this.secrets.destination();
    const stored = vscode.l10n.t('Stored only in the OS keychain (VS Code SecretStorage), never in settings or logs.');
    return askCredential(
      {
        title: vscode.l10n.t('WeChat: AppSecret for {0}', appId),
        prompt:
          origin && origin !== WECHAT_API_ORIGIN
            ? `${stored} ${vscode.l10n.t('It will be sent to {0} (setting "wechat.apiBaseUrl").', origin)}`
            : stored,
        password: true,
      },
      checkAppSecret,
      vscode.l10n.t('Enter the AppSecret.'),
      vscode.l10n.t('AppSecrets are usually 32 letters or digits. Check what you pasted.'),
    );
  }
}

/**
 * An input box for the AppID or AppSecret: empty input is refused, an unusual format only warned
 * about (WeChat is the judge of what is valid). Resolves with the trimmed value, or undefined.
 */
async function askCredential(
  options: vscode.InputBoxOptions,
  check: (value: string) => CredentialProblem | undefined,
  emptyMessage: string,
  formatWarning: string,
): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    ...options,
    ignoreFocusOut: true,
    validateInput: (text) => {
      const problem = check(text);
      if (problem === 'empty') return emptyMessage;
      if (problem === 'format') return { message: formatWarning, severity: vscode.InputBoxValidationSeverity.Warning };
      return undefined;
    },
  });
  return value?.trim() || undefined;
}
