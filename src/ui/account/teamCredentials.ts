// The credentials of the team's token sources, in SecretStorage only: the Redis user name and
// password, the token service's bearer credential. Never in settings, logs or errors. Beside each,
// the origin of the URL it was stored for (CredentialHostGuard asks before it goes anywhere else).
import * as vscode from 'vscode';

import type { Account } from '../../token/accounts';
import type { CredentialOriginMemory, TeamKind } from '../../token/sources/credentialHost';
import { credentialOriginOf } from '../../token/sources/credentialOrigin';
import {
  REDIS_CREDENTIAL_HOST_KEY,
  REDIS_PASSWORD_KEY,
  REDIS_USERNAME_KEY,
  TOKEN_SERVICE_CREDENTIAL_HOST_KEY,
  TOKEN_SERVICE_CREDENTIAL_KEY,
} from '../secretKeys';

const HOST_KEY: Readonly<Record<TeamKind, string>> = { redis: REDIS_CREDENTIAL_HOST_KEY, url: TOKEN_SERVICE_CREDENTIAL_HOST_KEY };

export interface RedisCredentials {
  readonly username?: string;
  readonly password?: string;
}

export class TeamCredentials implements CredentialOriginMemory {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    /** The URL setting of each source now ("wechat.redis.url", "wechat.tokenService.url"). */
    private readonly urlOf: (kind: TeamKind) => string | undefined,
    /** The accounts, for the AppID that fills an `{appid}` in the token service URL's host. */
    private readonly accounts?: () => { readonly current: Account | undefined; readonly all: readonly Account[] },
  ) {}

  async redis(): Promise<RedisCredentials | undefined> {
    const [username, password] = await Promise.all([this.secrets.get(REDIS_USERNAME_KEY), this.secrets.get(REDIS_PASSWORD_KEY)]);
    if (username === undefined && password === undefined) return undefined;
    return { username, password };
  }

  async storeRedis(credentials: RedisCredentials): Promise<void> {
    await this.put(REDIS_USERNAME_KEY, credentials.username);
    await this.put(REDIS_PASSWORD_KEY, credentials.password);
    await this.bind('redis', credentials.username !== undefined || credentials.password !== undefined);
  }

  tokenService(): Thenable<string | undefined> {
    return this.secrets.get(TOKEN_SERVICE_CREDENTIAL_KEY);
  }

  async storeTokenService(credential: string | undefined): Promise<void> {
    await this.put(TOKEN_SERVICE_CREDENTIAL_KEY, credential);
    await this.bind('url', Boolean(credential));
  }

  async credentialOrigin(kind: TeamKind): Promise<string | undefined> {
    return this.secrets.get(HOST_KEY[kind]);
  }

  async rememberCredentialOrigin(kind: TeamKind, origin: string): Promise<void> {
    await this.secrets.store(HOST_KEY[kind], origin);
  }

  /**
   * A credential just stored is bound to the origin of the URL set now, as a read would request it
   * (`{appid}` filled); when none parses, or no account tells the AppID, a command's first read binds it.
   */
  private bind(kind: TeamKind, stored: boolean): Promise<void> {
    return this.put(HOST_KEY[kind], stored ? credentialOriginOf(kind, this.urlOf(kind), this.appIdFor(kind)) : undefined);
  }

  /** The active account when it reads from `kind`, else the first account that does. */
  private appIdFor(kind: TeamKind): string | undefined {
    const accounts = this.accounts?.();
    if (accounts?.current?.tokenSource === kind) return accounts.current.appId;
    return accounts?.all.find((account) => account.tokenSource === kind)?.appId;
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
