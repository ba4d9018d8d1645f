// The one confirmation service: modal confirmations for everything that destroys something a
// server or a follower relies on (a token in use, the AppSecret, the live menu). Built once in
// extension.ts; it alone decides whether a command's test options count (test mode only).
import * as vscode from 'vscode';
import { Invocation, PLAIN_INVOCATION, TestOptions } from './invocation';
import { showWarningMessage } from './notify';
import { isUnencryptedDowngrade } from '../token/sources/credentialOrigin';

export interface ConfirmPrompt {
  readonly message: string;
  readonly detail: string;
  /** The button that confirms; Cancel and Escape decline. */
  readonly action: string;
}

const TEST_OPTION_KEYS: ReadonlyArray<keyof TestOptions> = ['skipConfirmation', 'appId', 'appSecret', 'username', 'url', 'action', 'operator',
  'callbackUrl', 'messageMode', 'callbackToken', 'encodingAesKey', 'originalId'];

export class Confirmations {
  constructor(private readonly testMode: boolean) {}

  /** Reads a command's arguments: the resource it was invoked on, and test options in test mode. */
  invocation(args: readonly unknown[]): Invocation {
    const uri = args.find((arg): arg is vscode.Uri => arg instanceof vscode.Uri);
    const options = this.testMode ? args.find(isTestOptions) : undefined;
    const text = args.find((arg): arg is string => typeof arg === 'string');
    if (!uri && !options && text === undefined) return PLAIN_INVOCATION;
    return { uri, test: options ? pickTestOptions(options) : {}, ...(text === undefined ? {} : { text }) };
  }

  /** True when the user chose the action (or, in test mode, the invocation skips confirmations). */
  async confirm(prompt: ConfirmPrompt, invocation: Invocation = PLAIN_INVOCATION): Promise<boolean> {
    if (invocation.test.skipConfirmation === true) return true;
    return confirmModal(prompt.message, prompt.detail, prompt.action);
  }

  /** Asked before any classic-mode fetch: each one invalidates the token the servers of `account` use. */
  confirmClassicFetch(account: string): Promise<boolean> {
    const t = vscode.l10n.t;
    return this.confirm({
      message: t('Classic mode: fetching a token for {0} invalidates the one its servers use.', account),
      detail: t(
        'With "wechat.tokenMode" set to classic, every fetch issues a new token and the previous one stops working about 5 minutes later. The stable mode shares one token safely.',
      ),
      action: t('Fetch New Token'),
    });
  }
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
      message: kind === 'redis'
        ? t('Send the team\'s Redis password unencrypted to {0}?', to)
        : t('Send the team\'s token service credential unencrypted to {0}?', to),
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
    message: kind === 'redis' ? t('Send the team\'s Redis password to {0}?', to) : t('Send the team\'s token service credential to {0}?', to),
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

/** A modal warning with one action: true only when the user chose it (Cancel or Escape → false). */
async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  return (await showWarningMessage(message, { modal: true, detail }, action)) === action;
}

function isTestOptions(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof vscode.Uri) return false;
  return TEST_OPTION_KEYS.some((key) => Object.hasOwn(value, key));
}

/** Only the known keys, each of the right type: what a test passes is checked like user input. */
function pickTestOptions(value: Record<string, unknown>): TestOptions {
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  return {
    skipConfirmation: value['skipConfirmation'] === true,
    appId: text('appId'),
    appSecret: text('appSecret'),
    username: text('username'),
    url: text('url'),
    action: text('action'),
    operator: text('operator'),
    callbackUrl: text('callbackUrl'),
    messageMode: text('messageMode'),
    callbackToken: text('callbackToken'),
    encodingAesKey: text('encodingAesKey'),
    originalId: text('originalId'),
  };
}
