// Switch Account (with Add Account… in the same pick) and Remove Account. Switching only changes
// this workspace's choice: caches, secrets and backups stay keyed by AppID, so a token that is
// still valid shows again at once, without a fetch.
import * as vscode from 'vscode';

import { Clock } from '../../../common/clock';
import { removeAccountFromSettings } from '../../../config';
import { Account, accountLabel } from '../../../token/accounts';
import { formatRemaining } from '../../../token/status/countdown';
import { TokenStore } from '../../../token/store';
import { ActiveAccount } from '../../../ui/account/activeAccount';
import { AppSecrets } from '../../../ui/account/appSecrets';
import { Confirmations } from '../../../ui/confirm';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { RedactingLog } from '../../../ui/log';
import { showInformationMessage, showWarningMessage } from '../../../ui/notify';
import { sourceName } from '../core/sourceName';
import { AccountWizard } from './accountWizard';

export interface AccountSwitcherHost {
  readonly accounts: ActiveAccount;
  readonly store: TokenStore;
  readonly appSecrets: AppSecrets;
  readonly clock: Clock;
  readonly log: RedactingLog;
  readonly confirmations: Confirmations;
  /** Where an account's token comes from, e.g. "Redis wx:access_token:wx… (db 0)". */
  readonly describeSource: (account: Account) => string;
  /** Clears the cached token of an AppID (Remove Account). */
  readonly clearToken: (appId: string) => Promise<void>;
}

type AccountItem = vscode.QuickPickItem & { readonly appId?: string; readonly add?: true };

export class AccountSwitcher {
  constructor(
    private readonly host: AccountSwitcherHost,
    private readonly wizard: AccountWizard,
  ) {}

  /** Lists each account with its token state; picking one makes it this workspace's account. */
  async switchAccount(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    if (invocation.test.appId) return this.select(invocation.test.appId);
    const items: AccountItem[] = await Promise.all(this.host.accounts.all.map((account) => this.item(account)));
    items.push({ label: `$(add) ${t('Add Account…')}`, add: true, alwaysShow: true });
    const picked = await vscode.window.showQuickPick(items, {
      title: t('WeChat: Switch Account'),
      placeHolder: t('The account this workspace works with'),
      matchOnDescription: true,
    });
    if (!picked) return false;
    if (picked.add) return this.wizard.addAccount();
    return picked.appId ? this.select(picked.appId) : false;
  }

  /** Removes an account from the settings; offers to delete its AppSecret and cached token too. */
  async removeAccount(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    const account = invocation.test.appId
      ? this.host.accounts.find(invocation.test.appId)
      : await this.pickAccount(t('WeChat: Remove Account'));
    if (!account) return false;
    const label = accountLabel(account);
    const hasSecret = await this.host.appSecrets.has(account.appId);
    const removeAll = t('Remove and Delete Secrets');
    const removeOnly = t('Remove from List');
    const detail = hasSecret
      ? t(
          '"{0}" also deletes the AppSecret and the cached token of {1} from this machine. Servers are not affected.',
          removeAll,
          account.appId,
        )
      : t('The cached token of {0} is deleted with it. Servers are not affected.', account.appId);
    const buttons = hasSecret ? [removeAll, removeOnly] : [removeAll];
    const choice = invocation.test.skipConfirmation
      ? removeAll
      : await showWarningMessage(t('Remove the account {0}?', label), { modal: true, detail }, ...buttons);
    if (choice !== removeAll && choice !== removeOnly) return false;
    await removeAccountFromSettings(account.appId);
    if (choice === removeAll) {
      await this.host.appSecrets.delete(account.appId);
      await this.host.clearToken(account.appId);
    }
    this.host.log.info(`account ${account.appId} removed${choice === removeAll ? ' with its AppSecret and cached token' : ''}`);
    void showInformationMessage(t('Account {0} removed.', label));
    return true;
  }

  private async select(appId: string): Promise<boolean> {
    const account = this.host.accounts.find(appId);
    if (!account) return false;
    await this.host.accounts.select(appId);
    this.host.log.info(`switched to account ${appId} (${account.tokenSource})`);
    return true;
  }

  private async pickAccount(title: string): Promise<Account | undefined> {
    const items = await Promise.all(this.host.accounts.all.map((account) => this.item(account)));
    if (items.length === 0) {
      void showInformationMessage(vscode.l10n.t('No WeChat account is configured.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(items, { title });
    return picked?.appId ? this.host.accounts.find(picked.appId) : undefined;
  }

  /** One row: name, AppID, where the token comes from and what is cached now. */
  private async item(account: Account): Promise<AccountItem> {
    const t = vscode.l10n.t;
    const active = this.host.accounts.current?.appId === account.appId;
    const cached = await this.host.store.read(account.appId).catch(() => undefined);
    const now = this.host.clock.now();
    const state = !cached
      ? t('no token cached')
      : cached.expiryKnown === false
        ? t('token cached, expiry unknown')
        : cached.expiresAt > now
          ? t('token valid for {0}', formatRemaining(cached.expiresAt - now, t))
          : t('token expired');
    const source =
      account.tokenSource === 'wechat'
        ? (await this.host.appSecrets.has(account.appId))
          ? t('WeChat API')
          : t('WeChat API · no AppSecret stored')
        : `${sourceName(account, vscode.l10n.t)} ${this.host.describeSource(account)}`;
    return {
      label: `${active ? '$(check)' : '$(account)'} ${account.name}`,
      description: account.appId,
      detail: `${source} · ${state}`,
      appId: account.appId,
    };
  }
}
