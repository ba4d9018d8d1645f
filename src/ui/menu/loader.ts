// Activation-side half of the menu feature: registers the menu commands and the schema
// provider at once (cheap), and loads dist/menu.js only when a menu document shows up or a menu
// command runs.
import * as vscode from 'vscode';
import { MENU_SCHEMA_SCHEME } from '../../menu/schemaUri';
import { MENU_COMMANDS } from '../common/commandIds';
import { mayBeMenuDocument } from './documents';
import { MenuFeature, MenuFeatureHost, MenuFeatureModule, MenuTestOptions } from './host';

export class MenuFeatureLoader implements vscode.Disposable {
  private feature: MenuFeature | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private untilLoaded: vscode.Disposable | undefined;

  constructor(private readonly host: MenuFeatureHost) {
    type Run = (feature: MenuFeature, uri: vscode.Uri | undefined, options: MenuTestOptions | undefined) => Promise<void>;
    const commands: Array<[string, Run]> = [
      [MENU_COMMANDS.uploadMenu, (feature, uri, options) => feature.uploadMenu(uri, options)],
      [MENU_COMMANDS.downloadMenu, (feature) => feature.downloadMenu()],
      [MENU_COMMANDS.restoreMenuBackup, (feature, _uri, options) => feature.restoreMenuBackup(options)],
      [MENU_COMMANDS.deleteMenu, (feature, _uri, options) => feature.deleteMenu(options)],
      [MENU_COMMANDS.deleteConditionalMenu, (feature, _uri, options) => feature.deleteConditionalMenu(options)],
      [MENU_COMMANDS.tryMatchMenu, (feature) => feature.tryMatchMenu()],
      [MENU_COMMANDS.newMenuFile, (feature) => feature.newMenuFile()],
      [MENU_COMMANDS.previewMenu, (feature, uri) => feature.previewMenu(uri)],
    ];
    for (const [id, run] of commands) {
      this.disposables.push(
        // Menus and code lenses pass a Uri (the explorer also an array of selected Uris); tests
        // may pass { skipConfirmation }.
        vscode.commands.registerCommand(id, async (...args: unknown[]) => {
          let feature: MenuFeature;
          try {
            feature = this.load();
          } catch (error) {
            await host.showError(vscode.l10n.t('The menu feature could not be loaded'), error);
            return;
          }
          await run(feature, args.find(isUri), args.find(isTestOptions));
        }),
      );
    }
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

  dispose(): void {
    this.untilLoaded?.dispose();
    this.feature?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  /** Loads the feature for the first menu-like document; from then on the feature watches documents itself. */
  private consider(document: vscode.TextDocument): void {
    if (this.feature || document.uri.scheme === MENU_SCHEMA_SCHEME || !mayBeMenuDocument(document)) return;
    try {
      this.load().watch(document);
    } catch (error) {
      // An optional feature must never break activation or the token side.
      this.host.log.error(`menu feature failed to load: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private load(): MenuFeature {
    if (!this.feature) {
      const modulePath = vscode.Uri.joinPath(this.host.extensionUri, 'dist', 'menu.js').fsPath;
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const menuModule = require(modulePath) as MenuFeatureModule;
      this.feature = menuModule.activateMenuFeature(this.host);
      this.untilLoaded?.dispose();
      this.untilLoaded = undefined;
    }
    return this.feature;
  }
}

function isUri(value: unknown): value is vscode.Uri {
  return value instanceof vscode.Uri;
}

function isTestOptions(value: unknown): value is MenuTestOptions {
  return typeof value === 'object' && value !== null && 'skipConfirmation' in value;
}
