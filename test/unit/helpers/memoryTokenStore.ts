// An in-memory TokenStore that behaves like the SecretStorage-backed one: entries are kept as
// JSON text and parsed back with parseCachedToken, and every change is announced to every
// subscriber — so one instance shared by several TokenManagers stands for several VS Code
// windows sharing SecretStorage.
import { CachedToken, parseCachedToken, TokenStore, Unsubscribe } from '../../../src/token/store';

export interface MemoryTokenStoreOptions {
  /**
   * 'sync' fires onDidChange inside write/clear; 'async' (default) fires it on a later microtask,
   * as SecretStorage does.
   */
  readonly notify?: 'sync' | 'async';
}

export class MemoryTokenStore implements TokenStore {
  private readonly entries = new Map<string, string>();
  private readonly listeners = new Set<(appId: string) => void>();
  readonly reads: string[] = [];
  readonly writes: CachedToken[] = [];
  readonly clears: string[] = [];

  constructor(private readonly options: MemoryTokenStoreOptions = {}) {}

  async read(appId: string): Promise<CachedToken | undefined> {
    this.reads.push(appId);
    return parseCachedToken(this.entries.get(appId), appId);
  }

  async write(token: CachedToken): Promise<void> {
    this.writes.push(token);
    this.entries.set(token.appId, JSON.stringify(token));
    this.announce(token.appId);
  }

  async clear(appId: string): Promise<void> {
    this.clears.push(appId);
    this.entries.delete(appId);
    this.announce(appId);
  }

  onDidChange(listener: (appId: string) => void): Unsubscribe {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Puts an entry in place as another window (or an older version) would, announcing it. */
  seed(token: CachedToken, announce = true): void {
    this.entries.set(token.appId, JSON.stringify(token));
    if (announce) this.announce(token.appId);
  }

  /** Stores raw text (corrupt entries, foreign shapes). */
  seedRaw(appId: string, text: string): void {
    this.entries.set(appId, text);
  }

  /** Synchronous peek, for assertions. */
  peek(appId: string): CachedToken | undefined {
    return parseCachedToken(this.entries.get(appId), appId);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  private announce(appId: string): void {
    const fire = (): void => {
      for (const listener of [...this.listeners]) listener(appId);
    };
    if (this.options.notify === 'sync') fire();
    else queueMicrotask(fire);
  }
}
