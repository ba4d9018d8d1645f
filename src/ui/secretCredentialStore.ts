// A CredentialStore on SecretStorage: one JSON entry per AppID under a key prefix, shared by all
// windows; secrets.onDidChange tells each window when another one wrote. The access token and the
// jsapi_ticket caches are two of these, with their own prefix and parser.
import * as vscode from 'vscode';

import { CredentialStore, Unsubscribe } from '../token/store';

export class SecretCredentialStore<Entry extends { readonly appId: string }> implements CredentialStore<Entry> {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly prefix: string,
    /** Parses a stored value defensively: corrupt or foreign → undefined. */
    private readonly parse: (text: string | undefined, appId: string) => Entry | undefined,
  ) {}

  async read(appId: string): Promise<Entry | undefined> {
    return this.parse(await this.secrets.get(this.prefix + appId), appId);
  }

  async write(entry: Entry): Promise<void> {
    await this.secrets.store(this.prefix + entry.appId, JSON.stringify(entry));
  }

  async clear(appId: string): Promise<void> {
    await this.secrets.delete(this.prefix + appId);
  }

  onDidChange(listener: (appId: string) => void): Unsubscribe {
    return this.secrets.onDidChange((event) => {
      if (event.key.startsWith(this.prefix)) listener(event.key.slice(this.prefix.length));
    });
  }
}
