// The console's Token (令牌) and EncodingAESKey live only in SecretStorage, a key per AppID each.
// Every value read is handed to the log's redactor, so no log line can carry it.
import type * as vscode from 'vscode';
import type { Redactor } from '../../../wechat/redact';
import { CALLBACK_AES_KEY_PREFIX, CALLBACK_TOKEN_KEY_PREFIX } from '../../../ui/secretKeys';

export interface CallbackSecretValues {
  readonly token: string | undefined;
  readonly encodingAesKey: string | undefined;
}

export class CallbackSecrets {
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

  async storeToken(appId: string, token: string): Promise<void> {
    this.redactor.addSecret(token);
    await this.secrets.store(CALLBACK_TOKEN_KEY_PREFIX + appId, token);
  }

  async storeAesKey(appId: string, key: string): Promise<void> {
    this.redactor.addSecret(key);
    await this.secrets.store(CALLBACK_AES_KEY_PREFIX + appId, key);
  }
}
