// Shows the token's status-bar item where it is relevant (wechat.statusBar.show): with "auto",
// when an account is configured or a menu file is visible; re-evaluated when editors or
// settings change.
import * as vscode from 'vscode';

import { StatusBarShow, statusBarVisible } from '../../../token/status/visibility';
import { mayBeMenuDocument } from '../../menu';
import { TokenStatusBar } from './statusBar';

export interface VisibilitySettings {
  readonly show: StatusBarShow;
  readonly appId: string | undefined;
}

export class StatusBarVisibility implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly statusBar: TokenStatusBar,
    private readonly settings: () => VisibilitySettings,
  ) {
    this.subscription = vscode.window.onDidChangeVisibleTextEditors(() => this.update());
  }

  dispose(): void {
    this.subscription.dispose();
  }

  update(): void {
    const { show, appId } = this.settings();
    // Only the cheap name/first-lines test: the menu feature is not loaded for this.
    const menuFileOpen = show === 'auto' && vscode.window.visibleTextEditors.some((editor) => mayBeMenuDocument(editor.document));
    this.statusBar.setVisible(statusBarVisible(show, { accountConfigured: appId !== undefined, menuFileOpen }));
  }
}
