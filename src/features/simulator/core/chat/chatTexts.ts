// The chat's labels and the sentences about the setup state, in the user's language (vscode-free:
// `t` is injected). The webview holds no text of its own.
import type { Localize } from '../../../../common/localize';
import type { ChatStrings, ProblemView } from '../../../menu';
import type { MessageMode } from '../types';
import type { EndpointState } from './endpointState';
import { eventLabels } from './inbound';

export function chatStrings(t: Localize): ChatStrings {
  return {
    heading: t('Messages with your server'),
    inputLabel: t('Message to send as the follower'),
    menuSwitch: t('Switch to the custom menu'),
    inputPlaceholder: t('Type a message, Enter sends it'),
    send: t('Send'),
    moreEvents: t('More events and messages'),
    events: eventLabels(t),
    showRaw: t('Show raw XML'),
    retry: t("Simulate WeChat's 3 retries"),
    pending: t('Waiting for the server…'),
    fixLabel: t('Fix:'),
    setUp: t('Set Up Callback'),
    verify: t('Verify Callback URL'),
  };
}

export function modeLabel(mode: MessageMode, t: Localize): string {
  switch (mode) {
    case 'plaintext':
      return t('plaintext mode (明文模式)');
    case 'compatible':
      return t('compatible mode (兼容模式)');
    case 'safe':
      return t('safe mode (安全模式)');
  }
}

/** The line above the chat: where events go, or what is missing. */
export function chatStatus(state: EndpointState, openId: string, t: Localize): string {
  if (state.ok) return t('Events go to {0} in {1}, from follower {2}.', state.endpoint.url, modeLabel(state.endpoint.mode, t), openId);
  return missingProblem(state, t).message;
}

export function missingProblem(state: EndpointState & { ok: false }, t: Localize): ProblemView {
  const fix = t('Run "WeChat: Set Up Callback" (the button above the chat).');
  switch (state.missing) {
    case 'account':
      return { message: t('No account is set up, so there is no callback to send to.'), fix: t('Run "WeChat: Set Up Account" first.') };
    case 'url':
      return { message: t('No callback is set up for {0}: taps are not sent anywhere yet.', state.account?.name ?? ''), fix };
    case 'token':
      return { message: t('The callback Token (令牌) of {0} is not stored, so nothing can be signed.', state.account?.name ?? ''), fix };
    case 'aesKey':
      return { message: t('The EncodingAESKey of {0} is not stored, but its message mode encrypts.', state.account?.name ?? ''), fix };
  }
}

/** Nothing was sent because the person did not confirm the new origin of the callback secrets (callbackHost.ts). */
export function hostRefusedProblem(from: string | undefined, to: string, t: Localize): ProblemView {
  return {
    message: from
      ? t('Not sent: the callback Token and EncodingAESKey were set up for {0}, and using them for {1} was not confirmed.', from, to)
      : t('Not sent: using the stored callback Token for {0} was not confirmed.', to),
    fix: t(
      'If you run {0} yourself, run "WeChat: Set Up Callback" with its URL and Token; otherwise check "wechat.simulator.callbacks".',
      to,
    ),
  };
}
