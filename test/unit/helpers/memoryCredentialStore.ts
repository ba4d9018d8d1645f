// An in-memory CredentialStore of any entry kind, kept as JSON text and parsed back with the
// production parser, announcing every change on a later microtask as SecretStorage does. One
// instance shared by several managers stands for several VS Code windows.
import { CredentialStore, Unsubscribe } from '../../../src/token/store';

export class MemoryCredentialStore<Entry extends { readonly appId: string }> implements CredentialStore<Entry> {
  private readonly entries = new Map<string, string>();
  private readonly listeners = new Set<(appId: string) => void>();
  readonly writes: Entry[] = [];

  constructor(private readonly parse: (text: string | undefined, appId: string) => Entry | undefined) {}

  async read(appId: string): Promise<Entry | undefined> {
    return this.parse(this.entries.get(appId), appId);
  }

  async write(entry: Entry): Promise<void> {
    this.writes.push(entry);
    this.entries.set(entry.appId, JSON.stringify(entry));
    this.announce(entry.appId);
  }

  async clear(appId: string): Promise<void> {
    this.entries.delete(appId);
    this.announce(appId);
  }

  onDidChange(listener: (appId: string) => void): Unsubscribe {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Every stored value as text, for "nothing secret stored" assertions. */
  raw(): string[] {
    return [...this.entries.values()];
  }

  private announce(appId: string): void {
    queueMicrotask(() => {
      for (const listener of [...this.listeners]) listener(appId);
    });
  }
}
