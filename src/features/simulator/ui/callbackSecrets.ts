// The console's Token (令牌) and EncodingAESKey live only in SecretStorage, a key per AppID each,
// and beside each the origin of the callback URL it was stored for (the CallbackHostGuard asks
// before either is used for another). Every value read is handed to the log's redactor, so no log
// line can carry it.
import type * as vscode from 'vscode';

import {
  CALLBACK_AES_KEY_HOST_KEY_PREFIX,
  CALLBACK_AES_KEY_PREFIX,
  CALLBACK_TOKEN_HOST_KEY_PREFIX,
  CALLBACK_TOKEN_KEY_PREFIX,
} from '../../../ui/secretKeys';
import type { Redactor } from '../../../wechat/redact';
import { callbackOrigin, type CallbackOriginMemory, type CallbackSecretKind } from '../core/chat/callbackHost';

export interface CallbackSecretValues {
  readonly token: string | undefined;
  readonly encodingAesKey: string | undefined;
}

const HOST_KEY_PREFIX: Readonly<Record<CallbackSecretKind, string>> = {
  token: CALLBACK_TOKEN_HOST_KEY_PREFIX,
  aesKey: CALLBACK_AES_KEY_HOST_KEY_PREFIX,
};

export class CallbackSecrets implements CallbackOriginMemory {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly redactor: Redactor,
  ) {}

  async read(appId: string): Promise<CallbackSecretValues> {
    const [token, encodingAesKey] = await Promise.all([
      this.secrets.get(CALLBACK_TOKEN_KEY_PREFIX + appId),
      this.secrets.get(CALLBACK_AES_KEY_PREFIX + appId),
    ]);
    for (const value of [token, encodingAesKey]) if (value) this.redactor.addSecret(value);
    return { token: token || undefined, encodingAesKey: encodingAesKey || undefined };
  }

  /** Stores the Token typed in Set Up Callback, bound to the URL given there. */
  async storeToken(appId: string, token: string, url: string): Promise<void> {
    this.redactor.addSecret(token);
    await this.secrets.store(CALLBACK_TOKEN_KEY_PREFIX + appId, token);
    // After the secret: should this fail, the Token has no origin, and its first use asks.
    await this.bindOrigin(appId, 'token', callbackOrigin(url));
  }

  /** Stores the EncodingAESKey typed in Set Up Callback, bound to the URL given there. */
  async storeAesKey(appId: string, key: string, url: string): Promise<void> {
    this.redactor.addSecret(key);
    await this.secrets.store(CALLBACK_AES_KEY_PREFIX + appId, key);
    await this.bindOrigin(appId, 'aesKey', callbackOrigin(url));
  }

  async boundOrigin(appId: string, kind: CallbackSecretKind): Promise<string | undefined> {
    return (await this.secrets.get(HOST_KEY_PREFIX[kind] + appId)) || undefined;
  }

  async bindOrigin(appId: string, kind: CallbackSecretKind, origin: string): Promise<void> {
    await this.secrets.store(HOST_KEY_PREFIX[kind] + appId, origin);
  }
}
