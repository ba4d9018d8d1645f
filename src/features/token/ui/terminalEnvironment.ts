// Opt-in (wechat.terminal.exposeToken): new integrated terminals — and the tasks, which run in
// terminals — get WECHAT_ACCESS_TOKEN and WECHAT_APPID through the extension's environment-variable
// collection: non-persistent, so the token is never written to disk by VS Code; updated when the
// token changes, removed when the setting is turned off, the account has no token (Clear AppSecret)
// or the workspace is not trusted (core/terminalExposure.ts says why); granting trust exposes it.
// A token past its expiry is dropped at the next state change (in stable mode the scheduler
// refreshes before expiry).
import * as vscode from 'vscode';

import { TokenManager, TokenState } from '../../../token/manager';
import { TerminalExposure } from '../core/terminalExposure';

export { APPID_VARIABLE, TOKEN_VARIABLE } from '../core/terminalExposure';

export class TerminalTokenEnvironment implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];
  private readonly exposure: TerminalExposure;

  constructor(
    collection: vscode.GlobalEnvironmentVariableCollection,
    private readonly manager: TokenManager,
    enabled: () => boolean,
    now: () => number,
    /** Whether this workspace is trusted (injectable for tests; VS Code's answer by default). */
    trusted: () => boolean = () => vscode.workspace.isTrusted,
  ) {
    collection.persistent = false;
    collection.description = new vscode.MarkdownString(
      vscode.l10n.t('WeChat: the access token and AppID of the active account (setting "wechat.terminal.exposeToken").'),
    );
    this.exposure = new TerminalExposure(collection, () => ({ enabled: enabled(), trusted: trusted(), now: now() }));
    this.subscriptions = [
      manager.onDidChangeState((state) => this.update(state)),
      // Trust is only ever granted while a window is open (revoking it reloads the window).
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
    ];
  }

  update(state: TokenState = this.manager.state): void {
    this.exposure.update(state);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.exposure.clear();
  }
}
