// The custom-menu commands that change the live menu: upload, restore, delete. Each saves a backup
// of the live menu first and asks for a modal confirmation that names the account; an invalid
// menu is never sent. The read-only ones are in menuReadCommands.ts.
import * as vscode from 'vscode';

import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { showErrorMessage, showInformationMessage, withProgress } from '../../../ui/notify';
import type { MenuBackup, MenuBackupStore } from '../core/backups';
import { formatMenuJson } from '../core/convert';
import { LiveMenuChanges } from '../core/liveChanges';
import { planUpload } from '../core/menuBody';
import type { Menu } from '../core/model';
import type { MenuService, RestoreResult } from '../core/service';
import { canUpload, validateMenu } from '../core/validate';
import type { MenuDiagnostics } from './diagnostics';
import type { MenuCommandsHost } from './host';
import { LiveMenuReplacer, PinnedAccount } from './liveMenuReplacer';
import { fileLabel, menuDocument, openMenuUntitled } from './menuFiles';
import { backupItem, conditionalItem, localTime } from './menuPicks';
import { refuseUpload } from './refusal';

export class MenuCommands {
  constructor(
    private readonly host: MenuCommandsHost,
    /** The menu API for one account: every call of a command goes to the account it started with. */
    private readonly serviceFor: (appId: string) => MenuService,
    private readonly backups: MenuBackupStore,
    private readonly diagnostics: MenuDiagnostics,
    backupUri: (name: string) => vscode.Uri,
  ) {
    // One queue per window: every change of an account's live menus waits for the one before.
    this.replacer = new LiveMenuReplacer(new LiveMenuChanges(backups, host.log), backupUri);
  }

  private readonly replacer: LiveMenuReplacer;

  /**
   * The account a command works on, read once when it starts: what the user confirmed is the
   * account every later call goes to, even if the workspace switches account meanwhile.
   */
  private pin(): PinnedAccount | undefined {
    return pinAccount(this.host, this.serviceFor);
  }

  /** Uploads the menu in the given (or active) editor, unsaved changes included. */
  async uploadMenu(uri?: vscode.Uri, invocation: Invocation = PLAIN_INVOCATION): Promise<void> {
    const t = vscode.l10n.t;
    const document = await menuDocument(uri);
    if (!document) return;
    const validation = this.diagnostics.validation(document);
    if (!validation) {
      void showErrorMessage(t('{0} is not a WeChat menu: a menu file is a JSON object with a "button" list.', fileLabel(document)));
      return;
    }
    if (!canUpload(validation)) {
      await refuseUpload(document, validation);
      return;
    }
    await this.upload(validation.menu, fileLabel(document), invocation);
  }

  async restoreMenuBackup(invocation: Invocation = PLAIN_INVOCATION): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    const account = this.pin();
    if (!account) return;
    // A backup folder that cannot be read (a file where the folder should be, no permission) is
    // reported like every other failure of this command.
    let summaries: Awaited<ReturnType<typeof this.backups.list>>;
    try {
      summaries = await this.backups.list({ appId: account.appId });
    } catch (error) {
      await this.host.showError(t('Could not read the menu backups'), error);
      return;
    }
    if (summaries.length === 0) {
      void showInformationMessage(
        t('There are no menu backups for {0} yet. A backup is saved before every upload and delete.', account.label),
      );
      return;
    }
    const picked = await vscode.window.showQuickPick(
      summaries.map((summary) => ({ ...backupItem(summary), summary })),
      {
        title: t('WeChat: Restore Menu Backup'),
        placeHolder: t('Choose the menu to restore'),
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (!picked) return;
    try {
      const backup = await this.backups.read(picked.summary.name);
      if (!(await this.restorable(backup))) return;
      await this.restore(account, backup, t('the backup of {0}', localTime(picked.summary.savedAt)), invocation);
    } catch (error) {
      await this.host.showError(t('Could not restore the menu backup'), error);
    }
  }

  async deleteMenu(invocation: Invocation = PLAIN_INVOCATION): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    const account = this.pin();
    if (!account) return;
    const { label } = account;
    const confirmed = await this.confirm(
      invocation,
      t('Delete the custom menu of {0}?', label),
      t('This deletes the default menu and every conditional menu. A backup is saved first; "WeChat: Restore Menu Backup" brings it back.'),
      t('Delete Menu'),
    );
    if (!confirmed) return;
    try {
      await this.replacer.replaceLiveMenu(
        account,
        t('Deleting the menu…'),
        'delete',
        () => account.service.deleteAll(),
        () => [t('The custom menu of {0} was deleted.', label)],
      );
    } catch (error) {
      await this.host.showError(t('Could not delete the menu'), error);
    }
  }

  async deleteConditionalMenu(invocation: Invocation = PLAIN_INVOCATION): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    const account = this.pin();
    if (!account) return;
    try {
      const current = await this.progress(t('Reading the conditional menus…'), () => account.service.current());
      if (current.conditional.length === 0) {
        void showInformationMessage(t('{0} has no conditional menus.', account.label));
        return;
      }
      const picked = await vscode.window.showQuickPick(
        current.conditional.map((entry) => ({ ...conditionalItem(entry), entry })),
        { title: t('WeChat: Delete Conditional Menu'), placeHolder: t('Choose the conditional menu to delete') },
      );
      if (!picked?.entry.menuid) return;
      const confirmed = await this.confirm(
        invocation,
        t('Delete conditional menu {0} of {1}?', picked.entry.menuid, account.label),
        t('A backup of the current menus is saved first.'),
        t('Delete'),
      );
      if (!confirmed) return;
      const menuid = picked.entry.menuid;
      const backup = await this.progress(t('Deleting the conditional menu…'), () =>
        this.replacer.changes.deleteConditional(account, current, menuid),
      );
      await this.replacer.announce(t('Conditional menu {0} was deleted.', menuid), backup);
    } catch (error) {
      await this.host.showError(t('Could not delete the conditional menu'), error);
    }
  }

  /** Confirms, backs up the live menu, uploads; conditional menus (with matchrule) are added instead. */
  private async upload(menu: Menu, source: string, invocation: Invocation): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    const account = this.pin();
    if (!account) return;
    const { label } = account;
    // The confirmation and the request both come from this plan: what is described is what is sent.
    const plan = planUpload(menu);
    const conditional = plan.conditional;
    const confirmed = await this.confirm(
      invocation,
      conditional ? t('Add {0} as a conditional menu of {1}?', source, label) : t('Replace the menu of {0} with {1}?', label, source),
      conditional
        ? t('Followers matching its matchrule see it within minutes. The default menu is not changed.')
        : t(
            'Followers see the new menu within minutes. The current menu is backed up first; "WeChat: Restore Menu Backup" brings it back.',
          ),
      t('Upload'),
    );
    if (!confirmed) return;
    try {
      if (conditional) {
        const menuid = await this.progress(t('Adding the conditional menu…'), () =>
          this.replacer.changes.addConditional(account, plan.body),
        );
        void showInformationMessage(
          t('Conditional menu added to {0}: menuid {1}. "WeChat: Delete Conditional Menu" removes it again.', label, menuid),
        );
        return;
      }
      await this.replacer.replaceLiveMenu(
        account,
        t('Uploading the menu…'),
        'upload',
        () => account.service.create(plan.body),
        () => [t('Menu uploaded to {0}. Followers see it within minutes.', label)],
      );
    } catch (error) {
      await this.host.showError(t('Could not upload the menu'), error);
    }
  }

  /** The host's confirmation service (a modal; skipped only by a test-mode invocation). */
  private confirm(invocation: Invocation, message: string, detail: string, action: string): Promise<boolean> {
    return this.host.confirm({ message, detail, action }, invocation);
  }

  /**
   * Shows each menu of a backup as an editable document and validates it like any menu file: an
   * invalid one (rules may have changed since) is refused with its problems. True when all pass.
   */
  private async restorable(backup: MenuBackup): Promise<boolean> {
    const menus = [backup.menu, ...(backup.conditional ?? []).map((entry) => entry.menu)];
    for (const menu of menus) {
      const validation = validateMenu(formatMenuJson(menu));
      if (canUpload(validation)) continue;
      const document = await openMenuUntitled(menu, this.diagnostics);
      await refuseUpload(document, this.diagnostics.validation(document) ?? validation);
      return false;
    }
    // The default menu is what the user checks before confirming; conditional ones passed above.
    await openMenuUntitled(backup.menu, this.diagnostics);
    return true;
  }

  /** Confirms, backs up the live menus, then makes them what the backup holds (conditional menus too). */
  private async restore(account: PinnedAccount, backup: MenuBackup, source: string, invocation: Invocation): Promise<void> {
    const t = vscode.l10n.t;
    const { label } = account;
    const conditional = backup.conditional ?? [];
    const confirmed = await this.confirm(
      invocation,
      t('Replace the menu of {0} with {1}?', label, source),
      conditional.length > 0
        ? t(
            'The default menu and {0} conditional menus are replaced. The current menus are backed up first; "WeChat: Restore Menu Backup" brings them back.',
            conditional.length,
          )
        : t(
            'Followers see the new menu within minutes. The current menu is backed up first; "WeChat: Restore Menu Backup" brings it back.',
          ),
      t('Upload'),
    );
    if (!confirmed) return;
    await this.replacer.replaceLiveMenu(
      account,
      t('Restoring the menu…'),
      'restore',
      () => account.service.restore(backup),
      (result) => [t('Menu backup restored to {0}. Followers see it within minutes.', label), ...menuidChanges(result)],
    );
  }

  private progress<T>(title: string, task: () => Promise<T>): Thenable<T> {
    return withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
  }
}

/**
 * The account a command works on, read once when it starts: what the user confirmed is the account
 * every later call goes to, even if the workspace switches account meanwhile.
 */
export function pinAccount(host: Pick<MenuCommandsHost, 'account'>, serviceFor: (appId: string) => MenuService): PinnedAccount | undefined {
  const { appId, label } = host.account();
  return appId ? { appId, label, service: serviceFor(appId) } : undefined;
}

/** "Conditional menu 101 is now menuid 205." per restored conditional menu. */
function menuidChanges(result: RestoreResult): string[] {
  return result.menuids.map((change) => vscode.l10n.t('Conditional menu {0} is now menuid {1}.', change.old ?? '?', change.new));
}
