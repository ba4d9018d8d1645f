// The quick pick behind the status-bar item. Features contribute their entries (token actions
// here, menu actions from the menu feature) so the pick grows without this file knowing them.
import * as vscode from 'vscode';
import { TokenState } from '../../token/manager';

export interface ActionEntry {
  readonly label: string;
  readonly detail?: string;
  readonly command: string;
  /** Group shown as a separator; entries keep their registration order within a group. */
  readonly group: string;
  readonly when?: (state: TokenState) => boolean;
}

export class ActionsPick {
  private readonly entries: ActionEntry[] = [];

  constructor(private readonly state: () => TokenState) {}

  add(...entries: ActionEntry[]): void {
    this.entries.push(...entries);
  }

  async show(): Promise<void> {
    const state = this.state();
    const items: Array<vscode.QuickPickItem & { command?: string }> = [];
    let group: string | undefined;
    for (const entry of this.entries) {
      if (entry.when && !entry.when(state)) continue;
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
