// Activation-side half of the menu feature: registers the menu commands and the schema
// provider at once (cheap), and loads dist/menu.js only when a menu document shows up or a menu
// command runs.
import * as vscode from 'vscode';
import { MENU_SCHEMA_SCHEME } from '../../menu/schemaUri';
import { MENU_COMMANDS } from '../commandIds';
import { mayBeMenuDocument } from './documents';
import { MenuFeature, MenuFeatureHost, MenuFeatureModule } from './host';

export class MenuFeatureLoader implements vscode.Disposable {
  private feature: MenuFeature | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private untilLoaded: vscode.Disposable | undefined;

  constructor(private readonly host: MenuFeatureHost) {
    const commands: Array<[string, (feature: MenuFeature, uri?: vscode.Uri) => Promise<void>]> = [
      [MENU_COMMANDS.uploadMenu, (feature, uri) => feature.uploadMenu(asUri(uri))],
      [MENU_COMMANDS.downloadMenu, (feature) => feature.downloadMenu()],
      [MENU_COMMANDS.restoreMenuBackup, (feature) => feature.restoreMenuBackup()],
      [MENU_COMMANDS.deleteMenu, (feature) => feature.deleteMenu()],
      [MENU_COMMANDS.deleteConditionalMenu, (feature) => feature.deleteConditionalMenu()],
      [MENU_COMMANDS.tryMatchMenu, (feature) => feature.tryMatchMenu()],
      [MENU_COMMANDS.newMenuFile, (feature) => feature.newMenuFile()],
      [MENU_COMMANDS.previewMenu, (feature, uri) => feature.previewMenu(asUri(uri))],
    ];
    for (const [id, run] of commands) {
      this.disposables.push(
        vscode.commands.registerCommand(id, async (uri?: vscode.Uri) => {
          let feature: MenuFeature;
          try {
            feature = this.load();
          } catch (error) {
            await host.showError(vscode.l10n.t('The menu feature could not be loaded'), error);
            return;
          }
          await run(feature, uri);
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
    if (this.feature || !mayBeMenuDocument(document)) return;
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

/** Commands run from the palette get no argument; from menus and code lenses, a Uri. */
function asUri(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}
