// How a diagnostic's result reaches the user: an untitled Markdown document they can read, search
// and copy from, fetched under a progress notification, with times in their own time zone.
import * as vscode from 'vscode';

import { withProgress as showProgress } from '../../../ui/notify';

export async function showMarkdown(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(document, { preview: false });
}

export function withProgress<T>(title: string, task: () => Promise<T>): Thenable<T> {
  return showProgress({ location: vscode.ProgressLocation.Notification, title }, task);
}

/** A date and time in the user's local time zone and display language. */
export function localTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(vscode.env.language);
}
