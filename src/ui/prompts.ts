// The kernel's own questions: a credential going to a new host, a classic-mode fetch. Rare, and
// long texts: they load with dist/ui.js when one is asked, not with activation.
import * as vscode from 'vscode';

import { isUnencryptedDowngrade } from '../token/sources/credentialOrigin';
import type { ConfirmPrompt } from './confirm';

/** Before any classic-mode fetch: each one invalidates the token the servers of `account` use. */
export function classicFetchPrompt(account: string): ConfirmPrompt {
  const t = vscode.l10n.t;
  return {
    message: t('Classic mode: fetching a token for {0} invalidates the one its servers use.', account),
    detail: t(
      'With "wechat.tokenMode" set to classic, every fetch issues a new token and the previous one stops working about 5 minutes later. The stable mode shares one token safely.',
    ),
    action: t('Fetch New Token'),
  };
}

/**
 * Before an AppSecret goes to an API host it was not last used with. No "don't ask again": the
 * answer is remembered for this host only, and every other host asks again.
 */
export function secretHostPrompt(account: string, from: string, to: string): ConfirmPrompt {
  const t = vscode.l10n.t;
  return {
    message: t('Send the AppSecret of {0} to {1}?', account, to),
    detail: t(
      'It was last used with {0}. The setting "wechat.apiBaseUrl" now points to {1}. In a remote window (SSH, dev container, WSL) that setting comes from the remote machine, which a repository\'s dev container configuration can set. Whoever runs {1} gets the AppSecret and with it the account\'s API access. Send it only if you set up that host yourself.',
      from,
      to,
    ),
    action: t('Send to {0}', new URL(to).host),
  };
}

/**
 * Before a read sends the team's Redis password / token service credential to an origin it was not
 * stored for. A move from TLS to a clear-text connection (rediss:// → redis://, https → http) says so:
 * it may be the same host, and "send to" alone would not tell that the password crosses the network readable.
 */
export function credentialHostPrompt(kind: 'redis' | 'url', from: string, to: string): ConfirmPrompt {
  const t = vscode.l10n.t;
  const setting = kind === 'redis' ? 'wechat.redis.url' : 'wechat.tokenService.url';
  const host = kind === 'redis' ? to : new URL(to).host;
  if (isUnencryptedDowngrade(from, to)) {
    return {
      message:
        kind === 'redis'
          ? t("Send the team's Redis password unencrypted to {0}?", to)
          : t("Send the team's token service credential unencrypted to {0}?", to),
      detail: t(
        'It was stored for {0}. The setting "{2}" now points to {1}: a connection without TLS, so the credential and the token cross the network in clear text, readable and replaceable by anyone on the way. In a remote window (SSH, dev container, WSL) that setting comes from the remote machine, which a repository\'s dev container configuration can set. Send it only if you made this change yourself and the network is one you trust.',
        from,
        to,
        setting,
      ),
      action: t('Send Unencrypted to {0}', host),
    };
  }
  return {
    message: kind === 'redis' ? t("Send the team's Redis password to {0}?", to) : t("Send the team's token service credential to {0}?", to),
    detail: t(
      'It was stored for {0}. The setting "{2}" now points to {1}. In a remote window (SSH, dev container, WSL) that setting comes from the remote machine, which a repository\'s dev container configuration can set. Whoever runs {1} gets the credential and with it the team\'s tokens. Send it only if you set up that host yourself.',
      from,
      to,
      setting,
    ),
    action: t('Send to {0}', host),
  };
}

/** Before an API call sends an account's access token to a host its tokens have not gone to. */
export function tokenHostPrompt(account: string, from: string, to: string): ConfirmPrompt {
  const t = vscode.l10n.t;
  return {
    message: t('Send the access token of {0} to {1}?', account, to),
    detail: t(
      'Its tokens have gone to {0} so far. The setting "wechat.apiBaseUrl" now points to {1}. In a remote window (SSH, dev container, WSL) that setting comes from the remote machine, which a repository\'s dev container configuration can set. Whoever runs {1} can call the WeChat API as this account until the token expires. Send it only if you set up that host yourself.',
      from,
      to,
    ),
    action: t('Send to {0}', new URL(to).host),
  };
}
