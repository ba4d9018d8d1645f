// CodeLens at the top of a menu file: Upload, Preview, and the problem count (which opens the
// Problems panel), recomputed whenever the document is validated again.
import * as vscode from 'vscode';

import { MENU_COMMANDS } from '../../../ui/commandIds';
import { summarizeProblems } from '../core/problemSummary';
import { MenuDiagnostics } from './diagnostics';

export class MenuCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly diagnostics: MenuDiagnostics) {
    this.subscription = diagnostics.onDidValidate(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const validation = this.diagnostics.validation(document);
    if (!validation) return [];
    const t = vscode.l10n.t;
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      new vscode.CodeLens(top, {
        title: `$(cloud-upload) ${t('Upload Menu')}`,
        command: MENU_COMMANDS.uploadMenu,
        arguments: [document.uri],
      }),
      new vscode.CodeLens(top, { title: `$(open-preview) ${t('Preview')}`, command: MENU_COMMANDS.previewMenu, arguments: [document.uri] }),
    ];
    const summary = summarizeProblems(validation.problems, t);
    lenses.push(
      new vscode.CodeLens(top, {
        title: `$(${summary.icon}) ${summary.text}`,
        command: summary.hasProblems ? 'workbench.actions.view.problems' : '',
      }),
    );
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
