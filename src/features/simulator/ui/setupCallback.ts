// "WeChat: Set Up Callback": the active account's callback URL, message mode, the console's Token
// (令牌) and EncodingAESKey, and its original ID, asked in that order — the order of the console's
// 服务器配置 page. Every box validates as it is typed, so a bad entry stays in the box to be fixed;
// answers given before an Escape are kept for the next run (not the secrets). URL, mode and ID go
// to the user's settings (machine scope), the Token and key to SecretStorage only.
import * as vscode from 'vscode';

import { saveCallbackSettings } from '../../../config';
import type { Account } from '../../../token/accounts';
import { ACCOUNT_COMMANDS } from '../../../ui/commandIds';
import { Invocation, PLAIN_INVOCATION } from '../../../ui/invocation';
import { showErrorMessage, showInformationMessage, showWarningMessage } from '../../../ui/notify';
import { modeLabel } from '../core/chat/chatTexts';
import { aesKeyProblem, tokenProblem } from '../core/chat/formats';
import { type CallbackSettings, checkCallbackUrl, isOriginalId, MESSAGE_MODES } from '../core/chat/settings';
import type { MessageMode } from '../core/types';
import type { CallbackSecrets } from './callbackSecrets';

export interface SetupHost {
  readonly account: () => Account | undefined;
  /** wechat.simulator.callbacks by AppID, read fresh. */
  readonly callbacks: () => ReadonlyMap<string, CallbackSettings>;
  readonly secrets: CallbackSecrets;
}

interface Draft {
  url?: string;
  mode?: MessageMode;
  originalId?: string;
}

const DEFAULT_URL = 'http://127.0.0.1:3000/wechat';

export class CallbackSetup {
  /** Answers of an interrupted run, by AppID: the next run starts from them. */
  private readonly drafts = new Map<string, Draft>();

  constructor(private readonly host: SetupHost) {}

  /** True when everything was given and stored. */
  async run(invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    const t = vscode.l10n.t;
    const account = this.host.account();
    if (!account) {
      const setUp = t('Set Up Account');
      if ((await showWarningMessage(t('Set up an account first: the callback belongs to an account.'), setUp)) === setUp) {
        await vscode.commands.executeCommand(ACCOUNT_COMMANDS.setupAccount);
      }
      return false;
    }
    const test = invocation.test;
    const saved = this.host.callbacks().get(account.appId);
    const draft = this.drafts.get(account.appId) ?? {
      ...(saved ? { url: saved.url, mode: saved.mode, originalId: saved.originalId } : {}),
    };
    this.drafts.set(account.appId, draft);
    const stored = await this.host.secrets.read(account.appId);
    const title = (step: number, steps: number): string => t('Set Up Callback for {0} ({1}/{2})', account.name, step, steps);

    const url = test.callbackUrl ?? (await this.askUrl(title(1, 5), draft.url ?? DEFAULT_URL));
    if (url === undefined) return false;
    const checked = checkCallbackUrl(url);
    if (!checked.ok) return this.refuse(urlProblem(checked.reason));
    draft.url = checked.url;

    const mode = (test.messageMode as MessageMode | undefined) ?? (await this.askMode(title(2, 5), draft.mode ?? 'plaintext'));
    if (mode === undefined || !MESSAGE_MODES.includes(mode))
      return mode === undefined ? false : this.refuse(t('The message mode is plaintext, compatible or safe.'));
    draft.mode = mode;

    const token = test.callbackToken ?? (await this.askSecret(title(3, 5), 'token', stored.token !== undefined));
    if (token === undefined) return false;
    if (token !== '' && tokenProblem(token, t)) return this.refuse(tokenProblem(token, t) ?? '');
    if (token === '' && stored.token === undefined)
      return this.refuse(t('The Token is required: the console signs every message with it.'));

    let aesKey = '';
    if (mode !== 'plaintext') {
      const typed = test.encodingAesKey ?? (await this.askSecret(title(4, 5), 'aesKey', stored.encodingAesKey !== undefined));
      if (typed === undefined) return false;
      if (typed !== '' && aesKeyProblem(typed, t)) return this.refuse(aesKeyProblem(typed, t) ?? '');
      if (typed === '' && stored.encodingAesKey === undefined)
        return this.refuse(t('The EncodingAESKey is required in compatible and safe mode.'));
      aesKey = typed;
    }

    const originalId = test.originalId ?? (await this.askOriginalId(title(5, 5), draft.originalId ?? ''));
    if (originalId === undefined) return false;
    if (originalId.trim() !== '' && !isOriginalId(originalId.trim())) return this.refuse(originalIdProblem());
    draft.originalId = originalId.trim();

    // A secret typed here is bound to the URL typed with it; one kept keeps its origin, so the first
    // message to a new URL asks (callbackHost.ts).
    if (token !== '') await this.host.secrets.storeToken(account.appId, token, checked.url);
    if (aesKey !== '') await this.host.secrets.storeAesKey(account.appId, aesKey, checked.url);
    await saveCallbackSettings(account.appId, { url: draft.url, mode, originalId: draft.originalId });
    this.drafts.delete(account.appId);
    const verify = t('Verify Callback URL');
    void showInformationMessage(
      t('Callback of {0} set up: {1}, {2}. Taps in the menu preview now go there.', account.name, draft.url, modeLabel(mode, t)),
      verify,
    ).then((picked) => (picked === verify ? vscode.commands.executeCommand('wechat.verifyCallbackUrl') : undefined));
    return true;
  }

  private refuse(message: string): false {
    void showErrorMessage(message);
    return false;
  }

  private askUrl(title: string, value: string): Thenable<string | undefined> {
    const t = vscode.l10n.t;
    return vscode.window.showInputBox({
      title,
      prompt: t("Your server's URL as entered in the console (服务器地址(URL)); http only for this machine, e.g. {0}", DEFAULT_URL),
      value,
      ignoreFocusOut: true,
      validateInput: (input) => {
        const checked = checkCallbackUrl(input);
        return checked.ok ? undefined : urlProblem(checked.reason);
      },
    });
  }

  private async askMode(title: string, current: MessageMode): Promise<MessageMode | undefined> {
    const t = vscode.l10n.t;
    const details: Record<MessageMode, string> = {
      plaintext: t('Messages are sent in the clear, signed with the Token.'),
      compatible: t('Both the plaintext and the encrypted message are sent; replies may be either.'),
      safe: t('Messages are encrypted with the EncodingAESKey; replies must be encrypted too.'),
    };
    const items = MESSAGE_MODES.map((mode) => ({ label: modeLabel(mode, t), detail: details[mode], mode, picked: mode === current }));
    const picked = await vscode.window.showQuickPick(
      [...items].sort((a, b) => Number(b.picked) - Number(a.picked)),
      { title, placeHolder: t('The message mode (消息加解密方式) chosen in the console'), ignoreFocusOut: true },
    );
    return picked?.mode;
  }

  private askSecret(title: string, which: 'token' | 'aesKey', stored: boolean): Thenable<string | undefined> {
    const t = vscode.l10n.t;
    const what =
      which === 'token'
        ? t('The Token (令牌) from the console, 3 to 32 letters or digits. Stored in the OS keychain only.')
        : t('The EncodingAESKey (消息加解密密钥) from the console, 43 letters or digits. Stored in the OS keychain only.');
    return vscode.window.showInputBox({
      title,
      prompt: stored ? `${what} ${t('Leave it empty to keep the one stored.')}` : what,
      password: true,
      ignoreFocusOut: true,
      validateInput: (input) => {
        if (input === '') return stored ? undefined : which === 'token' ? t('Type the Token.') : t('Type the EncodingAESKey.');
        return which === 'token' ? tokenProblem(input, t) : aesKeyProblem(input, t);
      },
    });
  }

  private askOriginalId(title: string, value: string): Thenable<string | undefined> {
    const t = vscode.l10n.t;
    return vscode.window.showInputBox({
      title,
      prompt: t("Optional: the account's original ID (原始ID, gh_…), sent as ToUserName. Empty uses a stand-in."),
      value,
      ignoreFocusOut: true,
      validateInput: (input) => (input.trim() === '' || isOriginalId(input.trim()) ? undefined : originalIdProblem()),
    });
  }
}

function urlProblem(reason: 'invalid' | 'insecure'): string {
  const t = vscode.l10n.t;
  return reason === 'insecure'
    ? t('Use https: plain http is only for a server on this machine (localhost, 127.0.0.1, [::1]).')
    : t('Type a full http(s) URL without a user name or #fragment, e.g. https://example.com/wechat.');
}

function originalIdProblem(): string {
  return vscode.l10n.t('An original ID is gh_ followed by 12 letters or digits, e.g. gh_0123456789ab.');
}
