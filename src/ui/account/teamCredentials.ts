// The credentials of the team's token sources, in SecretStorage only: the Redis user name and
// password, the token service's bearer credential. Never in settings, logs or errors.
import * as vscode from 'vscode';
import { REDIS_PASSWORD_KEY, REDIS_USERNAME_KEY, TOKEN_SERVICE_CREDENTIAL_KEY } from '../common/secretKeys';

export interface RedisCredentials {
  readonly username?: string;
  readonly password?: string;
}

export class TeamCredentials {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async redis(): Promise<RedisCredentials | undefined> {
    const [username, password] = await Promise.all([this.secrets.get(REDIS_USERNAME_KEY), this.secrets.get(REDIS_PASSWORD_KEY)]);
    if (username === undefined && password === undefined) return undefined;
    return { username, password };
  }

  async storeRedis(credentials: RedisCredentials): Promise<void> {
    await this.put(REDIS_USERNAME_KEY, credentials.username);
    await this.put(REDIS_PASSWORD_KEY, credentials.password);
  }

  tokenService(): Thenable<string | undefined> {
    return this.secrets.get(TOKEN_SERVICE_CREDENTIAL_KEY);
  }

  storeTokenService(credential: string | undefined): Promise<void> {
    return this.put(TOKEN_SERVICE_CREDENTIAL_KEY, credential);
  }

  /** Fires when a team credential changed in this or another window (connections must reopen). */
  onDidChange(listener: (which: 'redis' | 'url') => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key === REDIS_USERNAME_KEY || event.key === REDIS_PASSWORD_KEY) listener('redis');
      else if (event.key === TOKEN_SERVICE_CREDENTIAL_KEY) listener('url');
    });
  }

  private async put(key: string, value: string | undefined): Promise<void> {
    if (value) await this.secrets.store(key, value);
    else await this.secrets.delete(key);
  }
}
