// The contract every feature (src/features/<name>/index.ts) keeps with the composition root, in the
// manner of VS Code's workbench contributions and rust-analyzer's one `Ctx`: a feature is a value
// that says what it contributes; the root builds the kernel once, hands every feature the same
// context and loops over them. Nothing in a Feature value may be costly to import: its
// implementation lives in its own bundle (dist/<id>.js), required the first time it is needed.
import type * as vscode from 'vscode';

import type { Clock } from '../common/clock';
import type { IDisposable } from '../common/lifecycle';
import type { Localize } from '../common/localize';
import type { WeChatConfig } from '../config';
import type { Account } from '../token/accounts';
import type { TokenManager } from '../token/manager';
import type { TokenStore } from '../token/store';
import type { TokenCall, WeChatApi } from '../wechat/client';
import type { Endpoint } from '../wechat/endpoints';
import type { ErrcodeLookup, ErrcodeTable } from '../wechat/errcodes';
import type { HttpTransport } from '../wechat/http';
import type { ActiveAccount } from './account/activeAccount';
import type { AppSecrets } from './account/appSecrets';
import type { TeamCredentials } from './account/teamCredentials';
import type { CommandTable } from './commandTable';
import type { Confirmations } from './confirm';
import type { ErrorPresenter } from './errorPresenter';
import type { RedactingLog } from './log';

/** What every feature gets, built once by src/extension.ts. */
export interface FeatureContext {
  /** vscode.l10n.t: the Feature values (index.ts) stay vscode-free, so plain unit tests read them. */
  readonly localize: Localize;
  readonly extensionUri: vscode.Uri;
  readonly globalStorageUri: vscode.Uri;
  readonly secrets: vscode.SecretStorage;
  /** This workspace's memory (the active account, which accounts' tokens its tasks may get). */
  readonly workspaceState: vscode.Memento;
  /** The machine-wide state (quota resets per AppID and month, the simulator's follower). */
  readonly globalState: vscode.Memento;
  readonly log: RedactingLog;
  readonly clock: Clock;
  /** The wechat.* settings as they are now (re-read on every change). */
  readonly config: () => WeChatConfig;
  readonly accounts: ActiveAccount;
  readonly appSecrets: AppSecrets;
  readonly teamCredentials: TeamCredentials;
  readonly manager: TokenManager;
  readonly store: TokenStore;
  readonly client: WeChatApi;
  readonly transport: () => Promise<HttpTransport>;
  /** The one confirmation service: a modal, skipped only by a test-mode invocation. */
  readonly confirmations: Confirmations;
  /** The errcode tables in force (the general one, and every loaded feature's). */
  readonly errcodes: ErrcodeLookup;
  /** How a modal names the account of an AppID: "name (AppID)", or the AppID of an account since removed. */
  labelOf(appId: string): string;
  /** Token-protected calls for one account (undefined: the active one); a command pins the account it started with. */
  callFor(appId: string | undefined): TokenCall;
  /** Shows errors with their fix and actions (errcode table, Show Log); dist/ui.js loads on first use. */
  presenter(): ErrorPresenter;
  /** Another feature's implementation, its bundle loaded on first use (a feature imports another only through its index.ts). */
  load<Impl extends object>(feature: Feature<string, Impl>): Impl;
  /** Where an account's team token comes from, e.g. "Redis wx:access_token:wx… (db 0)". */
  describeSource(account: Account): string;
  /** The last format a team source's value was read in (Show Token Source). */
  teamFormat(appId: string): string | undefined;
  /** Forgets an account's cached token and what was derived from it (Remove Account, Clear AppSecret). */
  clearToken(appId: string): Promise<void>;
  /** Copy Access Token put `token` on the clipboard: schedules its clearing; the seconds until then (0: never). */
  afterTokenCopied(token: string): number;
  /** The quota-counted paths of every feature's endpoints, in feature order (Show API Quota lists them). */
  quotaPaths(): readonly string[];
  /**
   * Calls `open` for the first document that `matches` — open now (after activation returns), opened
   * later, or edited into a match — then stops watching: a feature loads for its documents only.
   */
  onFirstDocument(matches: (document: vscode.TextDocument) => boolean, open: (document: vscode.TextDocument) => void): vscode.Disposable;
  /** Serves read-only documents of `scheme` (e.g. a localised JSON schema), computed on first read. */
  provideText(scheme: string, text: () => string): vscode.Disposable;
}

/** A feature: what it contributes, cheap to import; its implementation `Impl` comes from its bundle. */
export interface Feature<Id extends string = string, Impl extends object = object> {
  /** Its folder under src/features/; esbuild.mjs bundles src/features/<id>/ui/bundle.ts as dist/<id>.js. */
  readonly id: string;
  /** Its commands and their status-bar quick-pick entries; `impl` loads the bundle on first call. */
  commands(impl: () => Impl, context: FeatureContext): CommandTable<Id>;
  /** The WeChat endpoints it calls (src/wechat/endpoints.ts): Show API Quota lists those WeChat counts, in this order. */
  readonly endpoints: readonly Endpoint[];
  /** The context keys its `when` clauses read (src/ui/contextKeys.ts): set by the feature, or for the account keys by the kernel. */
  readonly contextKeys: readonly string[];
  /** Work at activation, kept light (e.g. the menu's document watch, through the context's services); its disposable goes with the extension. */
  activate?(context: FeatureContext, impl: () => Impl): IDisposable;
}

/** What a feature's bundle exports. */
export interface FeatureModule<Impl extends object> {
  create(context: FeatureContext): Impl;
  /** Errcode entries only this feature's calls answer with, added to the catalog when the bundle loads. */
  readonly errcodes?: ErrcodeTable;
}
