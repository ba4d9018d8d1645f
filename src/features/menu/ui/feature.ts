// Entry point of dist/menu.js, the lazily loaded custom-menu feature: diagnostics as you type,
// code lens, the menu commands, the preview and the localised JSON schema. Loaded the first
// time a menu document is seen or a menu command runs, so activation never pays for the JSON
// parser and the validator.
import * as vscode from 'vscode';
import { MenuBackupStore } from '../core/backups';
import { serializeMenuSchema, buildMenuSchema } from '../core/schema';
import { MenuService } from '../core/service';
import { documentLimitOf, problemMessage, validateMenu, type MenuValidation } from '../core/validate';
import { MENU_ERRCODES } from '../core/rules/errcodes';
import { MenuCodeLensProvider } from './codeLens';
import { MenuDiagnostics } from './diagnostics';
import { FsBackupStorage } from './fsBackupStorage';
import { MENU_COMMANDS } from '../../../ui/commandIds';
import { MenuFeature, MenuFeatureHost } from './host';
import { MenuCommands } from './menuCommands';
import { MenuPreviewManager } from './preview/previewPanel';
import { showErrorMessage, showInformationMessage } from '../../../ui/notify';

/** Whether the active editor shows a menu: drives the editor-title Upload/Preview buttons. */
const MENU_FILE_CONTEXT = 'wechat.menuFile';

export function activateMenuFeature(host: MenuFeatureHost): MenuFeature {
  host.registerErrcodes(MENU_ERRCODES);
  const validate = (text: string): MenuValidation => validateMenu(text, host.log);
  const diagnostics = new MenuDiagnostics(validate);
  const storage = new FsBackupStorage(vscode.Uri.joinPath(host.globalStorageUri, 'menu-backups'));
  const backups = new MenuBackupStore(storage, { now: host.now }, { localize: vscode.l10n.t });
  const commands = new MenuCommands(host, (appId) => new MenuService(host.callFor(appId), vscode.l10n.t), backups, diagnostics, (name) => storage.uri(name));
  const preview = new MenuPreviewManager(host.extensionUri, validate, {
    accountName: () => host.account().name,
    chat: (post) => host.simulatorChat(post),
    showError: (what, error) => host.showError(what, error),
  });
  const codeLens = new MenuCodeLensProvider(diagnostics);

  const updateContext = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', MENU_FILE_CONTEXT, document ? diagnostics.isMenu(document) : false);
  };
  const disposables: vscode.Disposable[] = [
    diagnostics,
    preview,
    codeLens,
    vscode.languages.registerCodeLensProvider([{ language: 'json' }, { language: 'jsonc' }], codeLens),
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    diagnostics.onDidValidate(updateContext),
  ];
  updateContext();
  host.log.info('menu feature loaded');


  const previewOf = async (uri: vscode.Uri | undefined): Promise<void> => {
    const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    const validation = document ? diagnostics.validation(document) : undefined;
    if (!document || !validation) {
      void showInformationMessage(vscode.l10n.t('Open a menu JSON file first, or run "WeChat: New Menu File".'));
      return;
    }
    // A document beyond DOCUMENT_LIMITS is refused with the message of its one problem, as the upload is.
    const limit = documentLimitOf(validation);
    if (limit) {
      void showErrorMessage(problemMessage(limit, vscode.l10n.t));
      return;
    }
    preview.show(document);
  };

  return {
    commands: {
      [MENU_COMMANDS.uploadMenu]: (invocation) => commands.uploadMenu(invocation.uri, invocation),
      [MENU_COMMANDS.downloadMenu]: () => commands.downloadMenu(),
      [MENU_COMMANDS.restoreMenuBackup]: (invocation) => commands.restoreMenuBackup(invocation),
      [MENU_COMMANDS.deleteMenu]: (invocation) => commands.deleteMenu(invocation),
      [MENU_COMMANDS.deleteConditionalMenu]: (invocation) => commands.deleteConditionalMenu(invocation),
      [MENU_COMMANDS.tryMatchMenu]: () => commands.tryMatchMenu(),
      [MENU_COMMANDS.newMenuFile]: () => commands.newMenuFile(),
      [MENU_COMMANDS.previewMenu]: (invocation) => previewOf(invocation.uri),
      [MENU_COMMANDS.openSimulator]: async (invocation) => {
        // The phone of the menu being edited, when there is one; a phone with the chat only otherwise.
        const document = invocation.uri ? await vscode.workspace.openTextDocument(invocation.uri) : vscode.window.activeTextEditor?.document;
        if (document && diagnostics.isMenu(document)) preview.show(document);
        else preview.showSimulator();
      },
      [MENU_COMMANDS.simulateTap]: async (invocation) => {
        const pending = invocation.uri && invocation.text !== undefined ? preview.tap(invocation.uri, invocation.text) : undefined;
        if (pending) return pending;
        void showInformationMessage(vscode.l10n.t('Open the preview of the menu first ("WeChat: Preview Menu"), then tap its buttons.'));
        return undefined;
      },
    },
    menuSchema: () => serializeMenuSchema(buildMenuSchema(vscode.l10n.t)),
    watch: (document) => diagnostics.validateNow(document),
    dispose: () => vscode.Disposable.from(...disposables).dispose(),
  };
}
