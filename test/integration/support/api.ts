// The extension's activate() return value, as far as the suites use it. The test hooks replace
// the UI prompts (an extension-host test cannot type into an InputBox) and read the status-bar
// view; they are reached only through the extension's exports, never through globals.
import * as vscode from 'vscode';
import { EXTENSION_ID } from './env';

export interface StatusBarView {
  readonly kind: 'setup' | 'empty' | 'fetching' | 'valid' | 'expiring' | 'expired' | 'failed';
  readonly text: string;
  readonly tone: 'normal' | 'warning' | 'error';
}

export interface WeChatTestHooks {
  /** What the `wechat.token` status-bar item shows right now. */
  statusBar(): StatusBarView | undefined;
  /**
   * Answers for the next prompts (input boxes, quick picks, modal confirmations), in order, instead
   * of showing them; `undefined` = the user pressed Escape. Each answer is used once.
   */
  answerPrompts(...answers: Array<string | undefined>): void;
}

export interface WeChatApi {
  readonly testHooks?: WeChatTestHooks;
}

export function extension(): vscode.Extension<WeChatApi> {
  const ext = vscode.extensions.getExtension<WeChatApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not installed in this host`);
  return ext;
}

export async function activate(): Promise<WeChatApi> {
  const api = await extension().activate();
  return api ?? {};
}

export async function hooks(): Promise<WeChatTestHooks> {
  const api = await activate();
  if (!api.testHooks) {
    throw new Error('activate() returned no testHooks: the extension must export { testHooks: { statusBar(), answerPrompts(...) } }');
  }
  return api.testHooks;
}
