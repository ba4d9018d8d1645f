// What the menu suites share: menu documents written into the workspace, the extension's own
// diagnostics on them, where the backups land, and leaving the editor area as it was.
import * as path from 'path';
import * as vscode from 'vscode';

import { EXTENSION_ID, FakeCall, findFiles, itConfig } from './env';

/** `diagnostic.source` of the extension's menu diagnostics (English UI in the test host). */
export const MENU_SOURCE = 'WeChat menu';

/** The menu endpoints of the WeChat API (every call that reads or writes a menu). */
export function menuCalls(calls: readonly FakeCall[]): FakeCall[] {
  return calls.filter((c) => /^\/cgi-bin\/(menu\/|get_current_selfmenu_info)/.test(c.path));
}

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the integration host opened no workspace folder');
  return folder;
}

/** Writes `text` to `<workspace>/<name>` and returns its URI (the caller deletes it). */
export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function deleteWorkspaceFile(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}

/** The extension's menu diagnostics of `uri` (not the JSON language service's). */
export function menuDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === MENU_SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** Pretty-printed like a person writes it: one property per line, so every rule has its own line. */
export function menuText(menu: unknown): string {
  return JSON.stringify(menu, null, 2) + '\n';
}

/** The range of the first occurrence of `needle` (exact text) in `text` from line `fromLine` on, as VS Code counts it. */
export function rangeOf(text: string, needle: string, fromLine = 0): vscode.Range {
  const lines = text.split('\n');
  for (let line = fromLine; line < lines.length; line++) {
    const character = lines[line]!.indexOf(needle);
    if (character >= 0) return new vscode.Range(line, character, line, character + needle.length);
  }
  throw new Error(`${needle} is not in the text`);
}

export function showRange(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/**
 * Every menu backup file the extension wrote (its global storage, under the server's directories),
 * newest first. Empty under the desktop route, which passes no directories to look in.
 */
export async function backupFiles(): Promise<string[]> {
  const config = await itConfig();
  const found = findFiles(config.scanDirs, 9, (file) => {
    const folder = path.dirname(file);
    return (
      /^menu-.*\.json$/.test(path.basename(file)) &&
      path.basename(folder) === 'menu-backups' &&
      path.basename(path.dirname(folder)).toLowerCase() === EXTENSION_ID
    );
  });
  return found.sort((a, b) => path.basename(b).localeCompare(path.basename(a)));
}

/**
 * Closes every editor without saving (the suites leave dirty and untitled menus behind; a plain
 * close would ask, and the test host refuses dialogs). Bounded.
 */
export async function closeAllEditorsDiscarding(): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs)[0];
    if (!tab) return;
    if (tab.input instanceof vscode.TabInputText) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === (tab.input as vscode.TabInputText).uri.toString());
      if (document) {
        await vscode.window.showTextDocument(document, { viewColumn: tab.group.viewColumn, preview: false });
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        continue;
      }
    }
    // Webviews and clean editors close without asking.
    await vscode.window.tabGroups.close(tab);
  }
}
