import * as assert from 'node:assert/strict';

import { describeError } from '../../../src/wechat/errors';
import { guardKeychain, SecretBackend } from '../../../src/wechat/keychain';
import { KeychainError } from '../../../src/wechat/refusals';
import { hardeningCase } from '../../hardening/ledger';

const SECRET = 'kc-secret-9d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6';

/** A keychain that refuses everything, the way libsecret does when no keyring is unlocked. */
class LockedKeychain implements SecretBackend {
  readonly onDidChange = 'passed through';
  get(_key: string): Promise<string | undefined> {
    return Promise.reject(new Error('Cannot create an item in a locked collection'));
  }
  store(_key: string, value: string): Promise<void> {
    return Promise.reject(new Error(`org.freedesktop.Secret.Error.IsLocked while storing ${value}`));
  }
  delete(_key: string): Promise<void> {
    return Promise.reject(new Error('The name org.freedesktop.secrets was not provided by any .service files'));
  }
}

describe('wechat/keychain: guardKeychain', () => {
  it('get/store/delete failures become KeychainErrors that say what to do; the stored value never appears', () =>
    hardeningCase('fault', 'keychain locked', async () => {
      const keychain = guardKeychain(new LockedKeychain());
      const errors = await Promise.all(
        [keychain.get('k'), keychain.store('k', SECRET), keychain.delete('k')].map((p) =>
          Promise.resolve(p).then(
            () => undefined,
            (e: unknown) => e,
          ),
        ),
      );
      assert.deepEqual(
        errors.map((e) => (e instanceof KeychainError ? e.operation : e)),
        ['read', 'store', 'delete'],
      );
      for (const error of errors) {
        const text = describeError(error);
        assert.match(text, /OS keychain refused/);
        assert.match(text, /gnome-keyring or KWallet/);
        assert.ok(!text.includes(SECRET) && !String((error as Error).message).includes(SECRET), text);
      }
    }));

  it('passes values and the rest of the backend (onDidChange) through', async () => {
    const map = new Map<string, string>();
    const backend = Object.freeze({
      onDidChange: 'event',
      get: (key: string) => Promise.resolve(map.get(key)),
      store: (key: string, value: string) => Promise.resolve(void map.set(key, value)),
      delete: (key: string) => Promise.resolve(void map.delete(key)),
    });
    const keychain = guardKeychain(backend);
    await keychain.store('a', 'b');
    assert.equal(await keychain.get('a'), 'b');
    await keychain.delete('a');
    assert.equal(await keychain.get('a'), undefined);
    assert.equal(keychain.onDidChange, 'event');
  });
});
