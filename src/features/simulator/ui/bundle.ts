// Entry point of dist/simulator.js, the callback simulator's VS Code side: Set Up Callback, Verify
// Callback URL, and a chat for each phone panel (the menu preview hosts it). Everything it needs
// comes from the feature context; the core (dist/callback.js) loads on the first handshake or exchange.
import type { Account } from '../../../token/accounts';
import type { FeatureContext } from '../../../ui/feature';
import type { Invocation } from '../../../ui/invocation';
import type { ChatView } from '../../menu';
import { CallbackHostGuard, guardedSimulators } from '../core/chat/callbackHost';
import type { CallbackSettings } from '../core/chat/settings';
import { callbackHostPrompt } from './callbackHostPrompt';
import { CallbackSecrets } from './callbackSecrets';
import { CallbackSettingsReader } from './callbackSettings';
import { CallbackEndpoints, followerOpenId } from './endpoints';
import { CallbackSetup } from './setupCallback';
import { createSimulatorChat, type SimulatorChat } from './simulatorChat';
import { SimulatorLoader } from './simulatorLoader';
import { CallbackVerifier, type VerifyOutcome } from './verifyCallback';

export interface Simulator {
  setUp(invocation: Invocation): Promise<boolean>;
  verify(): Promise<VerifyOutcome | undefined>;
  /** A chat for one phone panel; `post` delivers its views to the page. */
  createChat(post: (view: ChatView) => void): SimulatorChat;
}

export function create(context: FeatureContext): Simulator {
  const account = (): Account | undefined => context.accounts.current;
  const log = context.log;
  const settings = new CallbackSettingsReader(log);
  const callbacks = (): ReadonlyMap<string, CallbackSettings> => settings.read();
  const secrets = new CallbackSecrets(context.secrets, log.redactor);
  const endpoints = new CallbackEndpoints({ account, callbacks, secrets });
  const guard = new CallbackHostGuard(secrets, ({ appId, from, to }) => {
    const active = account();
    return context.confirmations.confirm(callbackHostPrompt(active?.appId === appId ? active.name : appId, from, to));
  });
  // Every simulator the chat and Verify Callback URL make is checked for the URL it posts to.
  const simulators = guardedSimulators(new SimulatorLoader(context.extensionUri, context.transport), guard);
  const setup = new CallbackSetup({ account, callbacks, secrets });
  const verifier = new CallbackVerifier({ endpoints, simulators, presenter: context.presenter(), log });
  const openId = (): Promise<string> => followerOpenId(context.config().simulatorOpenId, context.globalState);
  return {
    setUp: (invocation) => setup.run(invocation),
    verify: () => verifier.run(),
    createChat: (post) =>
      createSimulatorChat({ endpoints, simulators, openId, log, setUp: () => setup.run(), verify: () => verifier.run() }, post),
  };
}
