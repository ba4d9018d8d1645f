// TokenStore on SecretStorage: the token cache is shared by all windows, and
// secrets.onDidChange tells each window when another one refreshed.
import * as vscode from 'vscode';
import { CachedToken, parseCachedToken, TokenStore, Unsubscribe } from '../../token/store';
import { TOKEN_KEY_PREFIX, tokenKey } from '../common/secretKeys';

export class SecretTokenStore implements TokenStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async read(appId: string): Promise<CachedToken | undefined> {
    return parseCachedToken(await this.secrets.get(tokenKey(appId)), appId);
  }

  async write(token: CachedToken): Promise<void> {
    await this.secrets.store(tokenKey(token.appId), JSON.stringify(token));
  }

  async clear(appId: string): Promise<void> {
    await this.secrets.delete(tokenKey(appId));
  }

  onDidChange(listener: (appId: string) => void): Unsubscribe {
    return this.secrets.onDidChange((event) => {
      if (event.key.startsWith(TOKEN_KEY_PREFIX)) listener(event.key.slice(TOKEN_KEY_PREFIX.length));
    });
  }
}
