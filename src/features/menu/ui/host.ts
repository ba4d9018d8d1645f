// What the menu feature's implementation (dist/menu.js) offers the rest of the extension, and the
// few services its commands use, adapted from the feature context in bundle.ts so the commands
// stay testable with plain objects.
import type * as vscode from 'vscode';

import type { Logger } from '../../../common/logger';
import type { MenuCommandId } from '../../../ui/commandIds';
import type { ConfirmPrompt } from '../../../ui/confirm';
import type { Invocation } from '../../../ui/invocation';

export interface MenuAccount {
  readonly appId: string | undefined;
  /** wechat.accountName, if set. */
  readonly name: string | undefined;
  /** How confirmations name the account: "name (AppID)", or the AppID alone. */
  readonly label: string;
}

export interface MenuCommandsHost {
  readonly log: Logger;
  account(): MenuAccount;
  /** Leads the user through setup when the AppID or AppSecret is missing; false if they gave up. */
  ensureCredentials(): Promise<boolean>;
  /** Shows an error with the fix and its actions (errcode table, Show Log). */
  showError(what: string, error: unknown): Promise<void>;
  /** The one confirmation service: a modal, skipped only by a test-mode invocation. */
  confirm(prompt: ConfirmPrompt, invocation: Invocation): Promise<boolean>;
}

export interface MenuFeature extends vscode.Disposable {
  /** A handler per menu command; the feature's command table dispatches here. */
  readonly commands: Readonly<Record<MenuCommandId, (invocation: Invocation) => Promise<unknown>>>;
  /** The localised JSON schema for menu files (served to the JSON language service). */
  menuSchema(): string;
  /** Starts validating a document that might be a menu (no-op when it is not). */
  watch(document: vscode.TextDocument): void;
}
