// The live menu preview: at most one webview per menu document, shown beside its editor. The
// manager owns the panels and the three workspace listeners that feed them (one set for all
// panels, not one per panel), and disposes all of it with the extension.

import * as vscode from 'vscode';

import { DisposableStore } from '../../../../common/lifecycle';
import type { ExchangeView } from '../../core/preview/chatView';
import type { MenuValidation } from '../../core/validate';
import { PreviewSession, type SessionServices } from './previewSession';

export class MenuPreviewManager implements vscode.Disposable {
  /** Open previews by document URI: showing a document twice reuses its panel. */
  private readonly sessions = new Map<string, PreviewSession>();
  private readonly subscriptions = new DisposableStore();
  /** The phone of Open Simulator when no menu document is open: at most one. */
  private simulator: PreviewSession | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly validate: (text: string) => MenuValidation,
    private readonly services: SessionServices,
  ) {
    this.subscriptions.add(
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.sessions.get(key(event.document.uri))?.changed();
      }),
    );
    this.subscriptions.add(vscode.workspace.onDidCloseTextDocument((document) => this.sessions.get(key(document.uri))?.closedDocument()));
    this.subscriptions.add(vscode.workspace.onDidOpenTextDocument((document) => this.sessions.get(key(document.uri))?.reopened(document)));
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
      this.services,
    );
    this.sessions.set(id, session);
  }

  /** Open Simulator without a menu document: a phone with the chat only (reused while open). */
  showSimulator(): void {
    if (this.simulator) {
      this.simulator.reveal();
      return;
    }
    const session = new PreviewSession(
      undefined,
      this.extensionUri,
      this.validate,
      () => {
        if (this.simulator === session) this.simulator = undefined;
      },
      this.services,
    );
    this.simulator = session;
  }

  /** What a tap in the preview of `uri` does (wechat.simulateTap); undefined when no preview of it is open. */
  tap(uri: vscode.Uri, buttonId: string): Promise<ExchangeView> | undefined {
    return this.sessions.get(key(uri))?.tap(buttonId);
  }

  dispose(): void {
    this.simulator?.dispose();
    for (const session of [...this.sessions.values()]) session.dispose();
    this.sessions.clear();
    this.subscriptions.dispose();
  }
}

function key(uri: vscode.Uri): string {
  return uri.toString();
}
