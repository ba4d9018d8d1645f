// The AppSecret lives only in SecretStorage, under a key per AppID. Nothing here logs it.
import * as vscode from 'vscode';
import { Credentials } from '../../wechat/client';
import { MissingCredentialsError } from '../../wechat/errors';
import { APP_SECRET_KEY_PREFIX, appSecretKey } from '../common/secretKeys';

export class AppSecrets {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async has(appId: string): Promise<boolean> {
    return (await this.secrets.get(appSecretKey(appId))) !== undefined;
  }

  async credentials(appId: string): Promise<Credentials> {
    const appSecret = await this.secrets.get(appSecretKey(appId));
    if (!appSecret) throw new MissingCredentialsError('appSecret');
    return { appId, appSecret };
  }

  store(appId: string, appSecret: string): Thenable<void> {
    return this.secrets.store(appSecretKey(appId), appSecret);
  }

  delete(appId: string): Thenable<void> {
    return this.secrets.delete(appSecretKey(appId));
  }

  /** Fires with the AppID whose secret changed, in this or another window. */
  onDidChange(listener: (appId: string) => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key.startsWith(APP_SECRET_KEY_PREFIX)) listener(event.key.slice(APP_SECRET_KEY_PREFIX.length));
    });
  }
}
