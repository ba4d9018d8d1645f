// Activation-side half of the menu feature: its command table (registered at once by the
// composition root, cheap) and the schema provider, and loads dist/menu.js only when a menu
// document shows up or a menu command runs.
import * as vscode from 'vscode';
import { errorMessage } from '../../../common/errorMessage';
import { MENU_SCHEMA_SCHEME } from '../core/schemaUri';
import { MENU_COMMANDS, MenuCommandId } from '../../../ui/commandIds';
import { CommandTable, isConfigured } from '../../../ui/commandTable';
import { Invocation } from '../../../ui/invocation';
import { lazyRequire } from '../../../ui/lazyRequire';
import { mayBeMenuDocument } from './menuDetection';
import { MenuFeature, MenuFeatureHost, MenuFeatureModule } from './host';

export class MenuFeatureLoader implements vscode.Disposable {
  private feature: MenuFeature | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private untilLoaded: vscode.Disposable | undefined;

  constructor(private readonly host: MenuFeatureHost) {
    this.disposables.push(
      // jsonValidation points at this scheme so the schema's descriptions can be localised.
      vscode.workspace.registerTextDocumentContentProvider(MENU_SCHEMA_SCHEME, {
        provideTextDocumentContent: () => this.load().menuSchema(),
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.consider(document)),
    );
    // A JSON file can become a menu while it is being typed; once loaded, the feature watches edits itself.
    this.untilLoaded = vscode.workspace.onDidChangeTextDocument((event) => this.consider(event.document));
    for (const document of vscode.workspace.textDocuments) this.consider(document);
  }

  /** The menu commands: each loads the feature on first use and runs its handler. */
  commandTable(): CommandTable<MenuCommandId> {
    const t = vscode.l10n.t;
    const group = t('Custom menu');
    const run = (id: MenuCommandId) => (invocation: Invocation) => this.run(id, invocation);
    return {
      [MENU_COMMANDS.uploadMenu]: {
        run: run(MENU_COMMANDS.uploadMenu),
        pick: { group, label: `$(cloud-upload) ${t('Upload Menu')}`, detail: t('The menu in the active editor'), when: isConfigured },
      },
      [MENU_COMMANDS.previewMenu]: { run: run(MENU_COMMANDS.previewMenu), pick: { group, label: `$(open-preview) ${t('Preview Menu')}` } },
      [MENU_COMMANDS.downloadMenu]: {
        run: run(MENU_COMMANDS.downloadMenu),
        pick: { group, label: `$(cloud-download) ${t('Download Current Menu')}`, when: isConfigured },
      },
      [MENU_COMMANDS.restoreMenuBackup]: {
        run: run(MENU_COMMANDS.restoreMenuBackup),
        pick: { group, label: `$(history) ${t('Restore Menu Backup')}`, when: isConfigured },
      },
      [MENU_COMMANDS.newMenuFile]: { run: run(MENU_COMMANDS.newMenuFile), pick: { group, label: `$(new-file) ${t('New Menu File')}` } },
      [MENU_COMMANDS.deleteMenu]: { run: run(MENU_COMMANDS.deleteMenu) },
      [MENU_COMMANDS.deleteConditionalMenu]: { run: run(MENU_COMMANDS.deleteConditionalMenu) },
      [MENU_COMMANDS.tryMatchMenu]: { run: run(MENU_COMMANDS.tryMatchMenu) },
      [MENU_COMMANDS.openSimulator]: {
        run: run(MENU_COMMANDS.openSimulator),
        pick: { group: t('Callback simulator'), label: `$(device-mobile) ${t('Open Simulator')}`, detail: t('Tap menu buttons, send messages and events to your server') },
      },
      [MENU_COMMANDS.simulateTap]: { run: run(MENU_COMMANDS.simulateTap) },
    };
  }

  dispose(): void {
    this.untilLoaded?.dispose();
    this.feature?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  private async run(id: MenuCommandId, invocation: Invocation): Promise<unknown> {
    let feature: MenuFeature;
    try {
      feature = this.load();
    } catch (error) {
      await this.host.showError(vscode.l10n.t('The menu feature could not be loaded'), error);
      return undefined;
    }
    // Some commands answer (Simulate Tap returns the exchange it made).
    return feature.commands[id](invocation);
  }

  /** Loads the feature for the first menu-like document; from then on the feature watches documents itself. */
  private consider(document: vscode.TextDocument): void {
    if (this.feature || document.uri.scheme === MENU_SCHEMA_SCHEME || !mayBeMenuDocument(document)) return;
    try {
      this.load().watch(document);
    } catch (error) {
      // An optional feature must never break activation or the token side.
      this.host.log.error(`menu feature failed to load: ${errorMessage(error)}`);
    }
  }

  private load(): MenuFeature {
    if (!this.feature) {
      const menuModule = lazyRequire<MenuFeatureModule>(this.host.extensionUri, 'menu.js');
      this.feature = menuModule.activateMenuFeature(this.host);
      this.untilLoaded?.dispose();
      this.untilLoaded = undefined;
    }
    return this.feature;
  }
}
