// The contract between the activation bundle (dist/extension.js) and the menu feature, which is
// bundled separately (dist/menu.js) and loaded the first time a menu file or command needs it.
// Everything the feature needs from the token side comes through here, so it never holds its
// own copy of the token manager or the error classes (instanceof would fail across bundles).
import type * as vscode from 'vscode';
import type { Logger } from '../../../common/logger';
import type { TokenCall } from '../../../wechat/client';
import type { ErrcodeTable } from '../../../wechat/errcodes';
import type { MenuCommandId } from '../../../ui/commandIds';
import type { ConfirmPrompt } from '../../../ui/confirm';
import type { Invocation } from '../../../ui/invocation';
import type { ChatView } from '../core/preview/chatView';
import type { SimulatorChat } from '../../simulator';

export interface MenuAccount {
  readonly appId: string | undefined;
  /** wechat.accountName, if set. */
  readonly name: string | undefined;
  /** How confirmations name the account: "name (AppID)", or the AppID alone. */
  readonly label: string;
}

export interface MenuFeatureHost {
  readonly extensionUri: vscode.Uri;
  readonly globalStorageUri: vscode.Uri;
  readonly log: Logger;
  /**
   * Token-protected API calls for one account (refresh and retry once when the token went stale).
   * A command pins the account it started with: a switch meanwhile cannot redirect its calls.
   */
  callFor(appId: string): TokenCall;
  readonly now: () => number;
  account(): MenuAccount;
  /** Leads the user through setup when the AppID or AppSecret is missing; false if they gave up. */
  ensureCredentials(): Promise<boolean>;
  /** Shows an error with the fix and its actions (errcode table, Show Log). */
  showError(what: string, error: unknown): Promise<void>;
  /** Adds the menu errcodes to the client's ErrcodeCatalog (built in extension.ts). */
  registerErrcodes(table: ErrcodeTable): void;
  /** The one confirmation service: a modal, skipped only by a test-mode invocation. */
  confirm(prompt: ConfirmPrompt, invocation: Invocation): Promise<boolean>;
  /** The callback simulator's chat for one phone panel (built by dist/commands.js). */
  simulatorChat(post: (view: ChatView) => void): SimulatorChat;
}

export interface MenuFeature extends vscode.Disposable {
  /** A handler per menu command; the loader's command table dispatches here. */
  readonly commands: Readonly<Record<MenuCommandId, (invocation: Invocation) => Promise<unknown>>>;
  /** The localised JSON schema for menu files (served to the JSON language service). */
  menuSchema(): string;
  /** Starts validating a document that might be a menu (no-op when it is not). */
  watch(document: vscode.TextDocument): void;
}

/** Shape of dist/menu.js. */
export interface MenuFeatureModule {
  activateMenuFeature(host: MenuFeatureHost): MenuFeature;
}
