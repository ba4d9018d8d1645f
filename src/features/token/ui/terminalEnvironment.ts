// Opt-in (wechat.terminal.exposeToken): new integrated terminals get WECHAT_ACCESS_TOKEN and
// WECHAT_APPID through the extension's environment-variable collection — non-persistent, so the
// token is never written to disk by VS Code; updated when the token changes, removed when the
// setting is turned off or the account has no token (Clear AppSecret). A token past its expiry is
// dropped at the next state change (in stable mode the scheduler refreshes before expiry).
import * as vscode from 'vscode';
import { TokenManager, TokenState } from '../../../token/manager';

export const TOKEN_VARIABLE = 'WECHAT_ACCESS_TOKEN';
export const APPID_VARIABLE = 'WECHAT_APPID';

export class TerminalTokenEnvironment implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  /** What the collection holds now ("" when empty), so unchanged states do not touch it. */
  private exposed = '';

  constructor(
    private readonly collection: vscode.GlobalEnvironmentVariableCollection,
    private readonly manager: TokenManager,
    private readonly enabled: () => boolean,
    private readonly now: () => number,
  ) {
    collection.persistent = false;
    collection.description = new vscode.MarkdownString(vscode.l10n.t('WeChat: the access token and AppID of the active account (setting "wechat.terminal.exposeToken").'));
    this.subscription = manager.onDidChangeState((state) => this.update(state));
  }

  update(state: TokenState = this.manager.state): void {
    const token = this.enabled() && 'token' in state && state.token && state.token.expiresAt > this.now() ? state.token : undefined;
    const key = token ? `${token.appId}\n${token.accessToken}` : '';
    if (key === this.exposed) return;
    this.exposed = key;
    if (!token) {
      this.collection.clear();
      return;
    }
    this.collection.replace(TOKEN_VARIABLE, token.accessToken);
    this.collection.replace(APPID_VARIABLE, token.appId);
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.clear();
  }
}
