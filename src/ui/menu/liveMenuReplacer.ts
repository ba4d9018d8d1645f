// The one sequence of every command that replaces or deletes the live menu: back up what is live,
// act, then announce (with a way to open the backup). Used by upload, delete and restore.
import * as vscode from 'vscode';
import type { BackupReason, MenuBackupStore, MenuBackupSummary } from '../../menu/backups';
import type { ConditionalMenu, Menu } from '../../menu/model';
import type { MenuService } from '../../menu/service';
import type { MenuFeatureHost } from './host';
import { showInformationMessage, withProgress } from '../common/notify';

/** The account a menu command started with, and the menu API bound to it. */
export interface PinnedAccount {
  readonly appId: string;
  readonly label: string;
  readonly service: MenuService;
}

export class LiveMenuReplacer {
  constructor(
    private readonly host: MenuFeatureHost,
    private readonly backups: MenuBackupStore,
    private readonly backupUri: (name: string) => vscode.Uri,
  ) {}

  /** Errors reach the caller, whose message says which command failed. */
  async replaceLiveMenu<T>(
    account: PinnedAccount,
    title: string,
    reason: BackupReason,
    act: () => Promise<T>,
    announce: (result: T) => string[],
  ): Promise<void> {
    const { backup, result } = await withProgress({ location: vscode.ProgressLocation.Notification, title }, async () => {
      const saved = await this.backupLiveMenu(account, reason);
      return { backup: saved, result: await act() };
    });
    await this.announce(announce(result).join(' '), backup);
  }

  /** Saves what is live now; undefined when there is nothing to save (no menu yet). */
  private async backupLiveMenu(account: PinnedAccount, reason: BackupReason): Promise<MenuBackupSummary | undefined> {
    const current = await account.service.current();
    if (!current.menu) return undefined;
    return this.saveBackup(account, current.menu, current.conditional, reason);
  }

  async saveBackup(account: PinnedAccount, menu: Menu, conditional: ConditionalMenu[], reason: BackupReason): Promise<MenuBackupSummary> {
    const summary = await this.backups.save({ appId: account.appId, accountLabel: account.label, menu, conditional, reason });
    this.host.log.info(`menu backup saved: ${summary.name}`);
    return summary;
  }

  async announce(message: string, backup: MenuBackupSummary | undefined): Promise<void> {
    const open = vscode.l10n.t('Open Backup');
    const picked = backup
      ? await showInformationMessage(message, open)
      : await showInformationMessage(message);
    if (picked === open && backup) await vscode.window.showTextDocument(this.backupUri(backup.name));
  }
}
