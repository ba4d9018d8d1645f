// Entry point of dist/menu.js, the custom-menu feature's implementation: diagnostics as you type,
// code lens, the menu commands, the preview and the localised JSON schema. Loaded the first time a
// menu document is seen or a menu command runs (src/features/menu/index.ts), so activation never
// pays for the JSON parser and the validator.
import * as vscode from 'vscode';

import { MENU_COMMANDS } from '../../../ui/commandIds';
import { CONTEXT_KEYS } from '../../../ui/contextKeys';
import type { FeatureContext } from '../../../ui/feature';
import { showErrorMessage, showInformationMessage } from '../../../ui/notify';
import { accountsFeature } from '../../accounts';
import { simulatorFeature } from '../../simulator';
import { MenuBackupStore } from '../core/backups';
import { MENU_ERRCODES } from '../core/rules/errcodes';
import { buildMenuSchema, serializeMenuSchema } from '../core/schema';
import { MenuService } from '../core/service';
import { documentLimitOf, type MenuValidation, problemMessage, validateMenu } from '../core/validate';
import { MenuCodeLensProvider } from './codeLens';
import { MenuDiagnostics } from './diagnostics';
import { FsBackupStorage } from './fsBackupStorage';
import type { MenuFeature } from './host';
import { MenuCommands } from './menuCommands';
import { MenuReadCommands } from './menuReadCommands';
import { MenuPreviewManager } from './preview/previewPanel';

/** The menu errcodes (40016, 65301, …), added to the catalog when this bundle loads. */
export const errcodes = MENU_ERRCODES;

export function create(context: FeatureContext): MenuFeature {
  const log = context.log;
  const showError = (what: string, error: unknown): Promise<void> => context.presenter().show(what, error);
  const validate = (text: string): MenuValidation => validateMenu(text, log);
  const diagnostics = new MenuDiagnostics(validate);
  const storage = new FsBackupStorage(vscode.Uri.joinPath(context.globalStorageUri, 'menu-backups'));
  const backups = new MenuBackupStore(storage, { now: () => context.clock.now() }, { localize: vscode.l10n.t });
  const host = {
    log,
    showError,
    account: () => {
      const account = context.accounts.current;
      return {
        appId: account?.appId,
        name: account?.name,
        label: account ? context.labelOf(account.appId) : vscode.l10n.t('this account'),
      };
    },
    ensureCredentials: () => context.load(accountsFeature).commands.ensureCredentials(),
    confirm: context.confirmations.confirm.bind(context.confirmations),
  };
  const serviceFor = (appId: string): MenuService => new MenuService(context.callFor(appId), vscode.l10n.t);
  const commands = new MenuCommands(host, serviceFor, backups, diagnostics, (name) => storage.uri(name));
  const reads = new MenuReadCommands(host, serviceFor, diagnostics);
  const preview = new MenuPreviewManager(context.extensionUri, validate, {
    accountName: () => context.accounts.current?.name,
    chat: (post) => context.load(simulatorFeature).createChat(post),
    showError,
  });
  const codeLens = new MenuCodeLensProvider(diagnostics);

  const updateContext = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.menuFile, document ? diagnostics.isMenu(document) : false);
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
  log.info('menu feature loaded');

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
      [MENU_COMMANDS.downloadMenu]: () => reads.downloadMenu(),
      [MENU_COMMANDS.restoreMenuBackup]: (invocation) => commands.restoreMenuBackup(invocation),
      [MENU_COMMANDS.deleteMenu]: (invocation) => commands.deleteMenu(invocation),
      [MENU_COMMANDS.deleteConditionalMenu]: (invocation) => commands.deleteConditionalMenu(invocation),
      [MENU_COMMANDS.tryMatchMenu]: () => reads.tryMatchMenu(),
      [MENU_COMMANDS.newMenuFile]: () => reads.newMenuFile(),
      [MENU_COMMANDS.previewMenu]: (invocation) => previewOf(invocation.uri),
      [MENU_COMMANDS.openSimulator]: async (invocation) => {
        // The phone of the menu being edited, when there is one; a phone with the chat only otherwise.
        const document = invocation.uri
          ? await vscode.workspace.openTextDocument(invocation.uri)
          : vscode.window.activeTextEditor?.document;
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
