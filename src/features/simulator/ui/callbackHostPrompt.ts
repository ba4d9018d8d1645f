// The modal CallbackHostGuard asks through Confirmations (core/chat/callbackHost.ts): before a
// simulated message or handshake signed with the callback Token (and encrypted with the
// EncodingAESKey) goes to a callback origin they were not stored for. No "don't ask again": the
// answer binds them to that origin, and any other asks again.
import * as vscode from 'vscode';

import type { ConfirmPrompt } from '../../../ui/confirm';

/** `from` is undefined for secrets stored before their origin was recorded. */
export function callbackHostPrompt(account: string, from: string | undefined, to: string): ConfirmPrompt {
  const t = vscode.l10n.t;
  const risk = t(
    "In a remote window (SSH, dev container, WSL) that setting comes from the remote machine, which a repository's dev container configuration can set. Whoever runs {0} gets messages signed with the Token, from which a short Token can be guessed, and encrypted with the EncodingAESKey. Send them only if you set up that server yourself.",
    to,
  );
  const where = from
    ? t('The Token and EncodingAESKey were set up for {0}. The setting "wechat.simulator.callbacks" now points to {1}.', from, to)
    : t(
        'No server is on record for the Token and EncodingAESKey (they were stored before the extension kept one). The setting "wechat.simulator.callbacks" points to {0}.',
        to,
      );
  return {
    message: t('Send messages signed with the callback Token of {0} to {1}?', account, to),
    detail: `${where} ${risk}`,
    action: t('Send to {0}', new URL(to).host),
  };
}
