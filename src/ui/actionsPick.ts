// The quick pick behind the status-bar item. Its entries are the `pick` entries of the features'
// command tables (commandTable.ts), so a feature adds an action where it declares the command.
import * as vscode from 'vscode';

import { CommandTable, PickContext, pickEntries } from './commandTable';

export class ActionsPick {
  constructor(
    private readonly context: () => PickContext,
    private readonly tables: () => ReadonlyArray<CommandTable<string>>,
  ) {}

  async show(): Promise<void> {
    const context = this.context();
    const items: Array<vscode.QuickPickItem & { command?: string }> = [];
    let group: string | undefined;
    for (const entry of pickEntries(this.tables())) {
      if (entry.when && !entry.when(context)) continue;
      if (entry.group !== group) {
        group = entry.group;
        items.push({ label: group, kind: vscode.QuickPickItemKind.Separator });
      }
      items.push({ label: entry.label, detail: entry.detail, command: entry.command });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('WeChat'),
      placeHolder: vscode.l10n.t('Choose an action'),
    });
    if (picked?.command) await vscode.commands.executeCommand(picked.command);
  }
}
