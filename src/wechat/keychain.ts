// SecretStorage is the OS keychain (libsecret / KWallet on Linux, Keychain on macOS, Credential
// Manager on Windows) or, in VS Code for the Web, the browser's storage. It can refuse: a locked
// or absent keyring rejects get/store/delete with a message about the OS, not about WeChat.
// guardKeychain turns every such rejection into a KeychainError, which says what the user can do.
import { errorMessage } from '../common/errorMessage';
import { KeychainError, KeychainOperation } from './refusals';

/** What of vscode.SecretStorage is guarded (the rest, onDidChange, is passed through). */
export interface SecretBackend {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

export function guardKeychain<T extends SecretBackend>(backend: T): T {
  const guard = async <R>(operation: KeychainOperation, run: () => PromiseLike<R>, hide?: string): Promise<R> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof KeychainError) throw error;
      // The value being stored is a secret: it must not ride along in the OS's error text.
      const detail = hide ? errorMessage(error).split(hide).join('***') : errorMessage(error);
      throw new KeychainError(operation, detail);
    }
  };
  // Delegates to the backend (onDidChange and anything else) and shadows the three operations;
  // defineProperty, because VS Code's API objects may be frozen.
  const guarded = Object.create(backend) as T;
  Object.defineProperties(guarded, {
    get: { value: (key: string) => guard('read', () => backend.get(key)) },
    store: { value: (key: string, value: string) => guard('store', () => backend.store(key, value), value) },
    delete: { value: (key: string) => guard('delete', () => backend.delete(key)) },
  });
  return guarded;
}
