// The one sequence of every command that replaces or deletes the live menu: back up what is live,
// act, then announce (with a way to open the backup). Used by upload, delete and restore. The
// backup and the act run in the account's turn of the core's LiveMenuChanges, so two changes of
// one account never interleave.
import * as vscode from 'vscode';

import { showInformationMessage, withProgress } from '../../../ui/notify';
import type { BackupReason, MenuBackupSummary } from '../core/backups';
import type { LiveMenuChanges, MenuAccountRef } from '../core/liveChanges';

/** The account a menu command started with, and the menu API bound to it. */
export type PinnedAccount = MenuAccountRef;

export class LiveMenuReplacer {
  constructor(
    readonly changes: LiveMenuChanges,
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
    const { backup, result } = await withProgress({ location: vscode.ProgressLocation.Notification, title }, () =>
      this.changes.replace(account, reason, act),
    );
    await this.announce(announce(result).join(' '), backup);
  }

  async announce(message: string, backup: MenuBackupSummary | undefined): Promise<void> {
    const open = vscode.l10n.t('Open Backup');
    const picked = backup ? await showInformationMessage(message, open) : await showInformationMessage(message);
    if (picked === open && backup) await vscode.window.showTextDocument(this.backupUri(backup.name));
  }
}
