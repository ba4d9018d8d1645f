// The callback simulator's VS Code side, built once by dist/commands.js: Set Up Callback, Verify
// Callback URL, and a chat for each phone panel. Everything it needs comes from the composition
// root; the core (dist/callback.js) loads on the first handshake or exchange.
import type * as vscode from 'vscode';
import type { WeChatConfig } from '../../../config';
import type { ChatView } from '../../menu';
import type { Account } from '../../../token/accounts';
import type { HttpTransport } from '../../../wechat/http';
import type { ErrorPresenter } from '../../../ui/errorPresenter';
import type { Invocation } from '../../../ui/invocation';
import type { RedactingLog } from '../../../ui/log';
import type { Confirmations } from '../../../ui/confirm';
import { callbackHostPrompt } from './callbackHostPrompt';
import { CallbackHostGuard, guardedSimulators } from '../core/chat/callbackHost';
import { CallbackSecrets } from './callbackSecrets';
import { CallbackEndpoints, followerOpenId } from './endpoints';
import { CallbackSetup } from './setupCallback';
import { createSimulatorChat, type SimulatorChat } from './simulatorChat';
import { SimulatorLoader } from './simulatorLoader';
import { CallbackVerifier, type VerifyOutcome } from './verifyCallback';

export interface CallbackFeatureHost {
  readonly extensionUri: vscode.Uri;
  readonly secrets: vscode.SecretStorage;
  readonly globalState: vscode.Memento;
  readonly account: () => Account | undefined;
  readonly config: () => WeChatConfig;
  readonly transport: () => Promise<HttpTransport>;
  readonly presenter: ErrorPresenter;
  readonly log: RedactingLog;
  /** Asks before the callback secrets are used for a URL they were not stored for. */
  readonly confirmations: Confirmations;
}

export interface CallbackFeature {
  setUp(invocation: Invocation): Promise<boolean>;
  verify(): Promise<VerifyOutcome | undefined>;
  /** A chat for one phone panel; `post` delivers its views to the page. */
  createChat(post: (view: ChatView) => void): SimulatorChat;
}

export function createCallbackFeature(host: CallbackFeatureHost): CallbackFeature {
  const secrets = new CallbackSecrets(host.secrets, host.log.redactor);
  const endpoints = new CallbackEndpoints({ account: host.account, config: host.config, secrets });
  const guard = new CallbackHostGuard(secrets, ({ appId, from, to }) => {
    const account = host.account();
    return host.confirmations.confirm(callbackHostPrompt(account?.appId === appId ? account.name : appId, from, to));
  });
  // Every simulator the chat and Verify Callback URL make is checked for the URL it posts to.
  const simulators = guardedSimulators(new SimulatorLoader(host.extensionUri, host.transport), guard);
  const setup = new CallbackSetup({ account: host.account, config: host.config, secrets });
  const verifier = new CallbackVerifier({ endpoints, simulators, presenter: host.presenter, log: host.log });
  const openId = (): Promise<string> => followerOpenId(host.config().simulatorOpenId, host.globalState);
  return {
    setUp: (invocation) => setup.run(invocation),
    verify: () => verifier.run(),
    createChat: (post) =>
      createSimulatorChat({ endpoints, simulators, openId, log: host.log, setUp: () => setup.run(), verify: () => verifier.run() }, post),
  };
}
