// The two questions of Check Callback Network, as quick picks that explain each value: what
// WeChat's servers do (resolve, ping, both) and from which operator's network they do it.
import * as vscode from 'vscode';

import { CheckAction, CheckOperator } from '../core/network/callbackCheck';

type Choice<V> = vscode.QuickPickItem & { readonly value: V };

export async function pickCheckAction(account: string): Promise<CheckAction | undefined> {
  const t = vscode.l10n.t;
  const items: Array<Choice<CheckAction>> = [
    {
      value: 'all',
      label: t('DNS and ping'),
      description: 'all',
      detail: t("Resolve the callback URL's domain, then ping each address it resolves to."),
    },
    {
      value: 'dns',
      label: t('DNS only'),
      description: 'dns',
      detail: t("Which addresses the callback URL's domain resolves to from WeChat's servers, and their operator."),
    },
    {
      value: 'ping',
      label: t('Ping only'),
      description: 'ping',
      detail: t("Packet loss and round-trip time from WeChat's servers to the callback server."),
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('WeChat: Check Callback Network — {0}', account),
    placeHolder: t("What should WeChat's servers check?"),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.value;
}

export async function pickCheckOperator(): Promise<CheckOperator | undefined> {
  const t = vscode.l10n.t;
  const items: Array<Choice<CheckOperator>> = [
    {
      value: 'DEFAULT',
      label: t('Automatic'),
      description: 'DEFAULT',
      detail: t("WeChat chooses the operator by the callback server's IP address."),
    },
    { value: 'CHINANET', label: t('China Telecom'), description: 'CHINANET', detail: t("Check from WeChat's China Telecom network.") },
    { value: 'UNICOM', label: t('China Unicom'), description: 'UNICOM', detail: t("Check from WeChat's China Unicom network.") },
    { value: 'CAP', label: t('Tencent network'), description: 'CAP', detail: t("Check from Tencent's own network (CAP).") },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: t('WeChat: Check Callback Network'),
    placeHolder: t("From which operator's network?"),
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  return picked?.value;
}
