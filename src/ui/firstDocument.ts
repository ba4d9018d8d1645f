// Loads a feature for its documents only: calls `open` for the first document that matches — one
// open at start-up (after activation has returned, so it never holds up the status bar), one opened
// later, or a document edited into a match — and then stops watching.
import * as vscode from 'vscode';

export class FirstDocumentWatch implements vscode.Disposable {
  private subscriptions: vscode.Disposable[];
  private deferred: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly matches: (document: vscode.TextDocument) => boolean,
    private readonly open: (document: vscode.TextDocument) => void,
    private readonly onError: (error: unknown) => void,
  ) {
    this.subscriptions = [
      vscode.workspace.onDidOpenTextDocument((document) => this.consider(document)),
      // A JSON file can become a menu while it is being typed.
      vscode.workspace.onDidChangeTextDocument((event) => this.consider(event.document)),
    ];
    const first = vscode.workspace.textDocuments.find((document) => this.matches(document));
    if (first) this.deferred = setTimeout(() => this.consider(first), 0);
  }

  dispose(): void {
    clearTimeout(this.deferred);
    this.deferred = undefined;
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.subscriptions = [];
  }

  private consider(document: vscode.TextDocument): void {
    if (this.subscriptions.length === 0 || !this.matches(document)) return;
    this.dispose();
    try {
      this.open(document);
    } catch (error) {
      // An optional feature that fails to load must never break activation or the token side.
      this.onError(error);
    }
  }
}
