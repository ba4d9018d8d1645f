// The custom-menu commands that only read: Download Current Menu, Try Match, New Menu File. What
// they fetch opens as an untitled menu document, validated like any other.
import * as vscode from 'vscode';

import { showInformationMessage, showWarningMessage, withProgress } from '../../../ui/notify';
import { formatMenuJson } from '../core/convert';
import { SAMPLE_MENU } from '../core/sample';
import type { MenuService } from '../core/service';
import type { MenuDiagnostics } from './diagnostics';
import type { MenuCommandsHost } from './host';
import type { PinnedAccount } from './liveMenuReplacer';
import { pinAccount } from './menuCommands';
import { freeMenuFileName, openMenuUntitled } from './menuFiles';

export class MenuReadCommands {
  constructor(
    private readonly host: MenuCommandsHost,
    /** The menu API for one account: every call of a command goes to the account it started with. */
    private readonly serviceFor: (appId: string) => MenuService,
    private readonly diagnostics: MenuDiagnostics,
  ) {}

  private pin(): PinnedAccount | undefined {
    return pinAccount(this.host, this.serviceFor);
  }

  async downloadMenu(): Promise<void> {
    if (!(await this.host.ensureCredentials())) return;
    const account = this.pin();
    if (!account) return;
    try {
      const current = await this.progress(vscode.l10n.t('Downloading the current menu…'), () => account.service.current());
      if (!current.menu) {
        void showInformationMessage(vscode.l10n.t('{0} has no custom menu.', account.label));
        return;
      }
      await openMenuUntitled(current.menu, this.diagnostics);
      this.showNotes(current.notes.map((note) => note.message));
      if (current.conditional.length > 0) {
        void showInformationMessage(
          vscode.l10n.t(
            'The account also has {0} conditional menus; "WeChat: Delete Conditional Menu" lists them.',
            current.conditional.length,
          ),
        );
      }
    } catch (error) {
      await this.host.showError(vscode.l10n.t('Could not download the menu'), error);
    }
  }

  async tryMatchMenu(): Promise<void> {
    const t = vscode.l10n.t;
    if (!(await this.host.ensureCredentials())) return;
    const account = this.pin();
    if (!account) return;
    const userId = await vscode.window.showInputBox({
      title: t('WeChat: Try Match Menu'),
      prompt: t('The OpenID or WeChat ID of a follower: shows the menu that user sees.'),
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : t('Enter an OpenID or a WeChat ID.')),
    });
    if (!userId?.trim()) return;
    try {
      const result = await this.progress(t('Matching…'), () => account.service.tryMatch(userId.trim()));
      if (!result?.menu) {
        void showInformationMessage(t('{0} sees no custom menu.', userId.trim()));
        return;
      }
      await openMenuUntitled(result.menu, this.diagnostics);
    } catch (error) {
      await this.host.showError(t('Could not match the menu'), error);
    }
  }

  /** An untitled `wechat-menu.json` (in the first workspace folder when saved) with a sample menu. */
  async newMenuFile(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = folder ? vscode.Uri.joinPath(folder, await freeMenuFileName(folder)).with({ scheme: 'untitled' }) : undefined;
    const document = target
      ? await vscode.workspace.openTextDocument(target)
      : await vscode.workspace.openTextDocument({ language: 'json' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), formatMenuJson(SAMPLE_MENU)));
    if (document.languageId !== 'json') await vscode.languages.setTextDocumentLanguage(document, 'json');
  }

  private showNotes(notes: string[]): void {
    if (notes.length === 0) return;
    for (const note of notes) this.host.log.info(`menu conversion: ${note}`);
    void showWarningMessage(notes.join(' '));
  }

  private progress<T>(title: string, task: () => Promise<T>): Thenable<T> {
    return withProgress({ location: vscode.ProgressLocation.Notification, title }, task);
  }
}
