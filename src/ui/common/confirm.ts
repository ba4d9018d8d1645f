// Modal confirmations for everything that destroys something a server or a follower relies on:
// a token in use, the AppSecret, the live menu.
import * as vscode from 'vscode';

/** A modal warning with one action: true only when the user chose it (Cancel or Escape → false). */
export async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}

/** Asked before any classic-mode fetch: each one invalidates the token the servers use. */
export function confirmClassicFetch(): Promise<boolean> {
  const t = vscode.l10n.t;
  return confirmModal(
    t('Classic mode: fetching a token invalidates the one your servers use.'),
    t('With "wechat.tokenMode" set to classic, every fetch issues a new token and the previous one stops working about 5 minutes later. The stable mode shares one token safely.'),
    t('Fetch New Token'),
  );
}
