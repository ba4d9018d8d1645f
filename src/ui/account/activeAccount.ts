// Which account this workspace works with. The choice is workspace state (a project for the test
// account, another for production), falling back to the first account of the list; the list
// itself is settings (config.accounts). Switching never touches caches or secrets, which stay
// keyed by AppID, so a token that is still valid is shown again without any fetch.
import * as vscode from 'vscode';

import { WeChatConfig } from '../../config';
import { Account, activeAccount } from '../../token/accounts';

const ACTIVE_ACCOUNT_KEY = 'wechat.activeAccount';

export class ActiveAccount implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Account | undefined>();
  /** Fires after a switch (not for settings changes: the composition root re-reads those). */
  readonly onDidSwitch = this.changed.event;

  constructor(
    private readonly workspaceState: vscode.Memento,
    private readonly config: () => WeChatConfig,
  ) {}

  get current(): Account | undefined {
    return activeAccount(this.config().accounts, this.workspaceState.get<string>(ACTIVE_ACCOUNT_KEY));
  }

  get all(): readonly Account[] {
    return this.config().accounts;
  }

  find(appId: string): Account | undefined {
    return this.all.find((account) => account.appId === appId);
  }

  async select(appId: string): Promise<void> {
    if (this.workspaceState.get<string>(ACTIVE_ACCOUNT_KEY) === appId && this.current?.appId === appId) return;
    await this.workspaceState.update(ACTIVE_ACCOUNT_KEY, appId);
    this.changed.fire(this.current);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
