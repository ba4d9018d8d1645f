// The AppSecret lives only in SecretStorage, under a key per AppID. Nothing here logs it. Beside
// it: the API origin it was last used with (SecretHostMemory), bound when the user enters it.
import * as vscode from 'vscode';

import { Credentials } from '../../wechat/client';
import { MissingCredentialsError } from '../../wechat/refusals';
import { SecretHostMemory } from '../../wechat/secretHost';
import { APP_SECRET_HOST_KEY_PREFIX, APP_SECRET_KEY_PREFIX, appSecretKey, TOKEN_HOST_KEY_PREFIX } from '../secretKeys';

export class AppSecrets implements SecretHostMemory {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** The origin wechat.apiBaseUrl points to now (undefined while the setting is invalid). */
    readonly destination: () => string | undefined,
  ) {}

  async has(appId: string): Promise<boolean> {
    return (await this.secrets.get(appSecretKey(appId))) !== undefined;
  }

  async credentials(appId: string): Promise<Credentials> {
    const appSecret = await this.secrets.get(appSecretKey(appId));
    if (!appSecret) throw new MissingCredentialsError('appSecret');
    return { appId, appSecret };
  }

  /**
   * Stores a secret the user just entered in this window, whose prompt named the destination:
   * it is bound to that origin (sending it there asks nothing; anywhere else asks).
   */
  async store(appId: string, appSecret: string): Promise<void> {
    await this.secrets.store(appSecretKey(appId), appSecret);
    const origin = this.destination();
    if (origin) await this.rememberOrigin(appId, origin);
  }

  async delete(appId: string): Promise<void> {
    await this.secrets.delete(appSecretKey(appId));
    await this.secrets.delete(APP_SECRET_HOST_KEY_PREFIX + appId);
    await this.secrets.delete(TOKEN_HOST_KEY_PREFIX + appId);
  }

  async lastOrigin(appId: string): Promise<string | undefined> {
    return this.secrets.get(APP_SECRET_HOST_KEY_PREFIX + appId);
  }

  async rememberOrigin(appId: string, origin: string): Promise<void> {
    await this.secrets.store(APP_SECRET_HOST_KEY_PREFIX + appId, origin);
  }

  async tokenOrigin(appId: string): Promise<string | undefined> {
    return this.secrets.get(TOKEN_HOST_KEY_PREFIX + appId);
  }

  async rememberTokenOrigin(appId: string, origin: string): Promise<void> {
    await this.secrets.store(TOKEN_HOST_KEY_PREFIX + appId, origin);
  }

  /** Fires with the AppID whose secret changed, in this or another window. */
  onDidChange(listener: (appId: string) => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key.startsWith(APP_SECRET_KEY_PREFIX)) listener(event.key.slice(APP_SECRET_KEY_PREFIX.length));
    });
  }
}
