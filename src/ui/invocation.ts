// What a command handler learns about how it was invoked. VS Code passes menus' and code lenses'
// resource as a Uri (the explorer also an array of selected Uris); integration tests pass an
// options object. The options are honoured in the extension's test mode only — no other extension
// may skip a confirmation or slip in an AppSecret — and that rule lives in Confirmations alone.
import type * as vscode from 'vscode';

export interface TestOptions {
  /** VS Code refuses modal dialogs inside extension tests. */
  readonly skipConfirmation?: boolean;
  readonly appId?: string;
  readonly appSecret?: string;
  /** A Redis ACL user name (Set Redis Password). */
  readonly username?: string;
  /** A page URL (JS-SDK Signature for URL), instead of the input box. */
  readonly url?: string;
  /** Check Callback Network: the action (dns / ping / all) instead of the quick pick. */
  readonly action?: string;
  /** Check Callback Network: the operator (CHINANET / UNICOM / CAP / DEFAULT) instead of the quick pick. */
  readonly operator?: string;
  /** Set Up Callback: the answers instead of the input boxes (the Token and key as a person would type them). */
  readonly callbackUrl?: string;
  readonly messageMode?: string;
  readonly callbackToken?: string;
  readonly encodingAesKey?: string;
  readonly originalId?: string;
}

export interface Invocation {
  /** The resource the command was invoked on (explorer, editor title, code lens). */
  readonly uri?: vscode.Uri;
  /** Empty outside test mode. */
  readonly test: TestOptions;
  /**
   * A string argument from code that runs the command, e.g. the rid a notification's "Look Up
   * Request" passes. Not a test option: it only fills in what an input box would ask.
   */
  readonly text?: string;
}

/** An invocation from code (a notification button, another command): no resource, no options. */
export const PLAIN_INVOCATION: Invocation = Object.freeze({ test: Object.freeze({}) });
