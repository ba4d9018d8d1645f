// TokenStore on SecretStorage: the token cache is shared by all windows, and
// secrets.onDidChange tells each window when another one refreshed.
import * as vscode from 'vscode';

import { CachedToken, parseCachedToken, TokenStore } from '../../token/store';
import { SecretCredentialStore } from '../secretCredentialStore';
import { TOKEN_KEY_PREFIX } from '../secretKeys';

export class SecretTokenStore extends SecretCredentialStore<CachedToken> implements TokenStore {
  constructor(secrets: vscode.SecretStorage) {
    super(secrets, TOKEN_KEY_PREFIX, parseCachedToken);
  }
}
