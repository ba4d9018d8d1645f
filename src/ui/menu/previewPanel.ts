// The live menu preview: at most one webview per menu document, shown beside its editor. The
// manager owns the panels and the three workspace listeners that feed them (one set for all
// panels, not one per panel), and disposes all of it with the extension.

import * as vscode from 'vscode';
import type { MenuValidation } from '../../menu/validate';
import { PreviewSession } from './previewSession';

export class MenuPreviewManager implements vscode.Disposable {
  /** Open previews by document URI: showing a document twice reuses its panel. */
  private readonly sessions = new Map<string, PreviewSession>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly validate: (text: string) => MenuValidation,
    private readonly accountName: () => string | undefined = () => undefined,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.sessions.get(key(event.document.uri))?.changed();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.sessions.get(key(document.uri))?.closedDocument()),
      vscode.workspace.onDidOpenTextDocument((document) => this.sessions.get(key(document.uri))?.reopened(document)),
    ];
  }

  /** Opens the preview of `document` beside the editor, or brings its existing preview forward. */
  show(document: vscode.TextDocument): void {
    const id = key(document.uri);
    const existing = this.sessions.get(id);
    if (existing) {
      existing.reveal();
      return;
    }
    const session = new PreviewSession(
      document,
      this.extensionUri,
      this.validate,
      () => {
        // Only forget the session that closed, not a newer one for the same document.
        if (this.sessions.get(id) === session) this.sessions.delete(id);
      },
      this.accountName,
    );
    this.sessions.set(id, session);
  }

  dispose(): void {
    for (const session of [...this.sessions.values()]) session.dispose();
    this.sessions.clear();
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}

function key(uri: vscode.Uri): string {
  return uri.toString();
}
