// The one question asked before any classic-mode fetch (copy, refresh, a menu call that needs a
// token): in classic mode every fetch invalidates the token the account's servers use.
import * as vscode from 'vscode';

export async function confirmClassicFetch(): Promise<boolean> {
  const confirm = vscode.l10n.t('Fetch New Token');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Classic mode: fetching a token invalidates the one your servers use.'),
    {
      modal: true,
      detail: vscode.l10n.t(
        'With "wechat.tokenMode" set to classic, every fetch issues a new token and the previous one stops working about 5 minutes later. The stable mode shares one token safely.',
      ),
    },
    confirm,
  );
  return answer === confirm;
}
