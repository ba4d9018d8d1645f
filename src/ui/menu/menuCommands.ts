// The custom-menu commands. Every command that replaces or deletes the live menu saves a backup
// of it first and asks for a modal confirmation that names the account; an invalid menu is
// never sent.
import * as vscode from 'vscode';
import { MenuBackupStore, MenuBackupSummary } from '../../menu/backups';
import { formatMenuJson, summarizeMenu } from '../../menu/convert';
import { ConditionalMenu, Menu } from '../../menu/model';
import { SAMPLE_MENU } from '../../menu/sample';
import { MenuService } from '../../menu/service';
import { canUpload, MenuValidation, problemMessage } from '../../menu/validate';
import { confirmModal } from '../common/confirm';
import { MenuDiagnostics } from './diagnostics';
import { MenuFeatureHost } from './host';

const MAX_PROBLEMS_IN_DIALOG = 8;

export class MenuCommands {
  constructor(
    private readonly host: MenuFeatureHost,
    private readonly service: MenuService,
    private readonly backups: MenuBackupStore,
    private readonly diagnostics: MenuDiagnostics,
    private readonly backupUri: (name: string) => vscode.Uri,
  ) {}

  /** Uploads the menu in the given (or active) editor, unsaved changes included. */
  async uploadMenu(uri?: vscode.Uri, skipConfirmation = false): Promise<void> {
    const t = vscode.l10n.t;
    const document = await this.menuDocument(uri);
    if (!document) return;
    const validation = this.diagnostics.validation(document);
    if (!validation) {
      void vscode.window.showErrorMessage(
        t('{0} is not a WeChat menu: a menu file is a JSON object with a "button" list.', fileLabel(document)),
      );
      return;
    }
    if (!canUpload(validation)) {
      await this.refuse(document, validation);
      return;
    }
    await this.upload(validation.menu, fileLabel(document), skipConfirmation);
  }

  async downloadMenu(): Promise<void> {
    if (!(await this.host.ensureCredentials())) return;
    try {
      const current = await this.progress(vscode.l10n.t('Downloading the current menu…'), () => this.service.current());
      if (!current.menu) {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no custom menu.', this.host.account().label));
        return;
      }
      await this.openUntitled(current.menu);
      this.showNotes(current.notes.map((note) => note.message));
      if (current.conditional.length > 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('The account also has {0} conditional menus; "WeChat: Delete Conditional Menu" lists them.', current.conditional.length),
        );
      }
    } catch (error) {
      await this.host.showError(vscode.l10n.t('Could not download the menu'), error);
    }
  }

  async restoreMenuBackup(skipConfirmation = false): Promise<void> {
    const t = vscode.l10n.t;
    const { appId } = this.host.account();
    const summaries = await this.backups.list(appId ? { appId } : {});
    if (summaries.length === 0) {
      void vscode.window.showInformationMessage(t('There are no menu backups for {0} yet. A backup is saved before every upload and delete.', this.host.account().label));
      return;
    }
    const picked = await vscode.window.showQuickPick(
      summaries.map((summary) => ({ ...backupItem(summary), summary })),
      { title: t('WeChat: Restore Menu Backup'), placeHolder: t('Choose the menu to restore'), matchOnDescription: true, matchOnDetail: true },
    );
    if (!picked) return;
    try {
      const backup = await this.backups.read(picked.summary.name);
      // Show what is about to go live, as an editable menu document: it is validated like any
      // menu file, and an invalid one (rules may have changed since) is refused with its problems.
      const document = await this.openUntitled(backup.menu);
      const validation = this.diagnostics.validation(document);
      if (!validation || !canUpload(validation)) {
        if (validation) await this.refuse(document, validation);
        return;
      }
      await this.upload(validation.menu, t('the backup of {0}', localTime(picked.summary.savedAt)), skipConfirmation);
    } catch (error) {
      await this.host.showError(t('Could not restore the menu backup'), error);
    }
  }

  async deleteMenu(skipConfirmation = false): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    const { label } = this.host.account();
    const confirmed = skipConfirmation || await confirmModal(
      t('Delete the custom menu of {0}?', label),
      t('This deletes the default menu and every conditional menu. A backup is saved first; "WeChat: Restore Menu Backup" brings it back.'),
      t('Delete Menu'),
    );
    if (!confirmed) return;
    try {
      const backup = await this.progress(t('Deleting the menu…'), async () => {
        const saved = await this.backupLiveMenu('delete');
        await this.service.deleteAll();
        return saved;
      });
      await this.announce(t('The custom menu of {0} was deleted.', label), backup);
    } catch (error) {
      await this.host.showError(t('Could not delete the menu'), error);
    }
  }

  async deleteConditionalMenu(skipConfirmation = false): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    try {
      const current = await this.progress(t('Reading the conditional menus…'), () => this.service.current());
      if (current.conditional.length === 0) {
        void vscode.window.showInformationMessage(t('{0} has no conditional menus.', this.host.account().label));
        return;
      }
      const picked = await vscode.window.showQuickPick(
        current.conditional.map((entry) => ({ ...conditionalItem(entry), entry })),
        { title: t('WeChat: Delete Conditional Menu'), placeHolder: t('Choose the conditional menu to delete') },
      );
      if (!picked?.entry.menuid) return;
      const confirmed = skipConfirmation || await confirmModal(
        t('Delete conditional menu {0} of {1}?', picked.entry.menuid, this.host.account().label),
        t('A backup of the current menus is saved first.'),
        t('Delete'),
      );
      if (!confirmed) return;
      const menuid = picked.entry.menuid;
      const backup = await this.progress(t('Deleting the conditional menu…'), async () => {
        const saved = current.menu ? await this.saveBackup(current.menu, current.conditional, 'delete') : undefined;
        await this.service.deleteConditional(menuid);
        return saved;
      });
      await this.announce(t('Conditional menu {0} was deleted.', menuid), backup);
    } catch (error) {
      await this.host.showError(t('Could not delete the conditional menu'), error);
    }
  }

  async tryMatchMenu(): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    const userId = await vscode.window.showInputBox({
      title: t('WeChat: Try Match Menu'),
      prompt: t('The OpenID or WeChat ID of a follower: shows the menu that user sees.'),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : t('Enter an OpenID or a WeChat ID.')),
    });
    if (!userId?.trim()) return;
    try {
      const result = await this.progress(t('Matching…'), () => this.service.tryMatch(userId.trim()));
      if (!result?.menu) {
        void vscode.window.showInformationMessage(t('{0} sees no custom menu.', userId.trim()));
        return;
      }
      await this.openUntitled(result.menu);
    } catch (error) {
      await this.host.showError(t('Could not match the menu'), error);
    }
  }

  /** An untitled `wechat-menu.json` (in the first workspace folder when saved) with a sample menu. */
  async newMenuFile(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = folder
      ? vscode.Uri.joinPath(folder, await freeName(folder)).with({ scheme: 'untitled' })
      : undefined;
    const document = target
      ? await vscode.workspace.openTextDocument(target)
      : await vscode.workspace.openTextDocument({ language: 'json' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), formatMenuJson(SAMPLE_MENU)));
    if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
  }

  /** Confirms, backs up the live menu, uploads; conditional menus (with matchrule) are added instead. */
  private async upload(menu: Menu, source: string, skipConfirmation: boolean): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    const { label } = this.host.account();
    const conditional = menu.matchrule !== undefined;
    const confirmed = skipConfirmation || await confirmModal(
      conditional ? t('Add {0} as a conditional menu of {1}?', source, label) : t('Replace the menu of {0} with {1}?', label, source),
      conditional
        ? t('Followers matching its matchrule see it within minutes. The default menu is not changed.')
        : t('Followers see the new menu within minutes. The current menu is backed up first; "WeChat: Restore Menu Backup" brings it back.'),
      t('Upload'),
    );
    if (!confirmed) return;
    try {
      if (conditional) {
        const menuid = await this.progress(t('Adding the conditional menu…'), () => this.service.addConditional(menu));
        void vscode.window.showInformationMessage(
          t('Conditional menu added to {0}: menuid {1}. "WeChat: Delete Conditional Menu" removes it again.', label, menuid),
        );
        return;
      }
      const backup = await this.progress(t('Uploading the menu…'), async () => {
        const saved = await this.backupLiveMenu('upload');
        await this.service.create(menu);
        return saved;
      });
      await this.announce(t('Menu uploaded to {0}. Followers see it within minutes.', label), backup);
    } catch (error) {
      await this.host.showError(t('Could not upload the menu'), error);
    }
  }

  /** Saves what is live now; undefined when there is nothing to save (no menu yet). */
  private async backupLiveMenu(reason: 'upload' | 'delete'): Promise<MenuBackupSummary | undefined> {
    const current = await this.service.current();
    if (!current.menu) return undefined;
    return this.saveBackup(current.menu, current.conditional, reason);
  }

  private async saveBackup(menu: Menu, conditional: ConditionalMenu[], reason: 'upload' | 'delete'): Promise<MenuBackupSummary> {
    const { appId, label } = this.host.account();
    const summary = await this.backups.save({ appId: appId ?? 'unknown', accountLabel: label, menu, conditional, reason });
    this.host.log.info(`menu backup saved: ${summary.name}`);
    return summary;
  }

  private async announce(message: string, backup: MenuBackupSummary | undefined): Promise<void> {
    const open = vscode.l10n.t('Open Backup');
    const picked = backup
      ? await vscode.window.showInformationMessage(message, open)
      : await vscode.window.showInformationMessage(message);
    if (picked === open && backup) await vscode.window.showTextDocument(this.backupUri(backup.name));
  }

  private async refuse(document: vscode.TextDocument, validation: MenuValidation): Promise<void> {
    const t = vscode.l10n.t;
    const errors = validation.problems.filter((problem) => problem.severity === 'error');
    const lines = errors.slice(0, MAX_PROBLEMS_IN_DIALOG).map((problem) => {
      const line = document.positionAt(problem.offset).line + 1;
      return t('Line {0}: {1}', line, problemMessage(problem, t));
    });
    if (errors.length > MAX_PROBLEMS_IN_DIALOG) lines.push(t('…and {0} more.', errors.length - MAX_PROBLEMS_IN_DIALOG));
    if (validation.menu === undefined && errors.length === 0) lines.push(t('The file is not a menu: it needs a "button" list.'));
    const show = t('Show Problems');
    const answer = await vscode.window.showErrorMessage(
      t('The menu was not uploaded: {0} must be fixed first.', fileLabel(document)),
      { modal: true, detail: lines.join('\n') },
      show,
    );
    if (answer === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }

  private async menuDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    if (uri) return vscode.workspace.openTextDocument(uri);
    const document = vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a menu JSON file first, or run "WeChat: New Menu File".'));
    }
    return document;
  }

  private async openUntitled(menu: Menu): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({ language: 'json', content: formatMenuJson(menu) });
    await vscode.window.showTextDocument(document, { preview: false });
    this.diagnostics.validateNow(document);
    return document;
  }

  private showNotes(notes: string[]): void {
    if (notes.length === 0) return;
    for (const note of notes) this.host.log.info(`menu conversion: ${note}`);
    void vscode.window.showWarningMessage(notes.join(' '));
  }

  private progress<T>(title: string, task: () => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
  }
}

function fileLabel(document: vscode.TextDocument): string {
  return document.isUntitled ? document.uri.path.split('/').pop() ?? document.fileName : vscode.workspace.asRelativePath(document.uri);
}

function localTime(ms: number): string {
  return new Date(ms).toLocaleString(vscode.env.language);
}

function backupItem(summary: MenuBackupSummary): vscode.QuickPickItem {
  const reason =
    summary.reason === 'delete' ? vscode.l10n.t('before delete') : summary.reason === 'upload' ? vscode.l10n.t('before upload') : undefined;
  return {
    label: `$(history) ${localTime(summary.savedAt)}`,
    description: [summary.accountLabel, reason].filter(Boolean).join(' · '),
    detail: summary.buttonNames.join(' · '),
  };
}

function conditionalItem(entry: ConditionalMenu): vscode.QuickPickItem {
  const rule = Object.entries(entry.menu.matchrule ?? {})
    .map(([field, value]) => `${field}=${value}`)
    .join(', ');
  return { label: `menuid ${entry.menuid ?? '?'}`, description: rule, detail: summarizeMenu(entry.menu).join(' · ') };
}

/** wechat-menu.json, or wechat-menu-2.json … when the name is taken. */
async function freeName(folder: vscode.Uri): Promise<string> {
  for (let index = 1; index < 100; index++) {
    const name = index === 1 ? 'wechat-menu.json' : `wechat-menu-${index}.json`;
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name));
    } catch {
      if (!vscode.workspace.textDocuments.some((document) => document.uri.path.endsWith(`/${name}`))) return name;
    }
  }
  return `wechat-menu-${Date.now()}.json`;
}
