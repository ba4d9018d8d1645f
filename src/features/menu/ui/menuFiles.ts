// Editor-side helpers of the menu commands: naming a document for messages, finding a free file
// name for a new menu, opening a menu as an untitled document, finding the document to work on.
import * as vscode from 'vscode';

import { showInformationMessage } from '../../../ui/notify';
import { formatMenuJson } from '../core/convert';
import type { Menu } from '../core/model';
import type { MenuDiagnostics } from './diagnostics';

/** The document a menu command works on: the one it was invoked on, else the active editor's. */
export async function menuDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
  if (uri) return vscode.workspace.openTextDocument(uri);
  const document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void showInformationMessage(vscode.l10n.t('Open a menu JSON file first, or run "WeChat: New Menu File".'));
  }
  return document;
}

/** The workspace-relative path, or the untitled document's name. */
export function fileLabel(document: vscode.TextDocument): string {
  return document.isUntitled ? (document.uri.path.split('/').pop() ?? document.fileName) : vscode.workspace.asRelativePath(document.uri);
}

/** An untitled JSON document holding the menu, shown in a (non-preview) editor. */
/** Opens `menu` as an untitled document and validates it at once (the diagnostics show before the first edit). */
export async function openMenuUntitled(menu: Menu, diagnostics: Pick<MenuDiagnostics, 'validateNow'>): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: formatMenuJson(menu) });
  await vscode.window.showTextDocument(document, { preview: false });
  diagnostics.validateNow(document);
  return document;
}

/** wechat-menu.json, or wechat-menu-2.json … when the name is taken (on disk or by an open document). */
export async function freeMenuFileName(folder: vscode.Uri): Promise<string> {
  for (let index = 1; index < 100; index++) {
    const name = index === 1 ? 'wechat-menu.json' : `wechat-menu-${index}.json`;
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name));
    } catch {
      if (!vscode.workspace.textDocuments.some((document) => document.uri.path.endsWith(`/${name}`))) return name;
    }
  }
  return `wechat-menu-${Date.now()}.json`;
}
