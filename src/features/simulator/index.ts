// The callback simulator: Set Up Callback and Verify Callback URL, and the chat the menu preview's
// phone shows (its commands are the menu feature's Open Simulator / Simulate Tap). The VS Code side
// (dist/simulator.js) loads on first use; the core (dist/callback.js: crypto, XML) on the first exchange.
import { CALLBACK_COMMANDS, type CallbackCommandId } from '../../ui/commandIds';
import { type CommandTable, isConfigured } from '../../ui/commandTable';
import type { Feature } from '../../ui/feature';
import type { Simulator } from './ui/bundle';

export type { TappedButton } from './core/types';
export type { Simulator } from './ui/bundle';
export type { SimulatorChat } from './ui/simulatorChat';

export const simulatorFeature: Feature<CallbackCommandId, Simulator> = {
  id: 'simulator',
  // It posts to the developer's own server, not to WeChat.
  endpoints: [],
  contextKeys: [],
  commands(impl, context): CommandTable<CallbackCommandId> {
    const t = context.localize;
    const group = t('Callback simulator');
    return {
      [CALLBACK_COMMANDS.setUpCallback]: {
        run: (invocation) => impl().setUp(invocation),
        pick: {
          group,
          label: `$(plug) ${t('Set Up Callback…')}`,
          detail: t('URL, message mode, Token and EncodingAESKey of your server'),
          when: isConfigured,
        },
      },
      [CALLBACK_COMMANDS.verifyCallbackUrl]: {
        run: () => impl().verify(),
        pick: {
          group,
          label: `$(pass) ${t('Verify Callback URL')}`,
          detail: t("The console's handshake, against your server"),
          when: isConfigured,
        },
      },
    };
  },
};
