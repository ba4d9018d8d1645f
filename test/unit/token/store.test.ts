import * as assert from 'node:assert/strict';

import { CachedToken, parseCachedToken } from '../../../src/token/store';
import { settle } from '../helpers/fakeClock';
import { aCachedToken, APP_ID } from '../helpers/fixtures';
import { MemoryTokenStore } from '../helpers/memoryTokenStore';

describe('token/store', () => {
  describe('parseCachedToken', () => {
    const token = aCachedToken({ mode: 'classic' });
    const text = (value: unknown): string => JSON.stringify(value);

    it('round-trips a stored entry', () => {
      assert.deepEqual(parseCachedToken(JSON.stringify(token), APP_ID), token);
    });

    it('nothing stored → undefined', () => {
      assert.equal(parseCachedToken(undefined, APP_ID), undefined);
      assert.equal(parseCachedToken('', APP_ID), undefined);
    });

    it('corrupt JSON or a non-object → undefined, never a throw', () => {
      for (const raw of ['{', 'not json', 'null', '42', '"token"', '[]', 'true']) {
        assert.equal(parseCachedToken(raw, APP_ID), undefined, raw);
      }
    });

    it("an entry for another AppID is not this AppID's token", () => {
      assert.equal(parseCachedToken(text(token), 'wxffffffffffffffff'), undefined);
      assert.equal(parseCachedToken(text({ ...token, appId: undefined }), APP_ID), undefined);
    });

    it('missing or mistyped fields → undefined', () => {
      const broken: Array<Partial<Record<keyof CachedToken, unknown>>> = [
        { accessToken: undefined },
        { accessToken: '' },
        { accessToken: 12345 },
        { expiresAt: undefined },
        { expiresAt: '1736928000000' },
        { obtainedAt: undefined },
        { mode: 'legacy' },
        { mode: undefined },
      ];
      for (const patch of broken) {
        assert.equal(parseCachedToken(text({ ...token, ...patch }), APP_ID), undefined, JSON.stringify(patch));
      }
    });

    it('an entry from before checkedAt existed uses obtainedAt', () => {
      const { checkedAt: _omit, ...old } = token;
      assert.deepEqual(parseCachedToken(text(old), APP_ID), { ...token, checkedAt: token.obtainedAt });
    });

    it('drops unknown fields', () => {
      const parsed = parseCachedToken(text({ ...token, secret: 'never', extra: 1 }), APP_ID);
      assert.deepEqual(parsed, token);
      assert.ok(parsed && !('secret' in parsed));
    });
  });

  describe('MemoryTokenStore (test helper, the contract SecretTokenStore follows)', () => {
    it('stores per AppID, reads back what was written', async () => {
      const store = new MemoryTokenStore();
      const a = aCachedToken();
      const b = aCachedToken({ appId: 'wxbbbbbbbbbbbbbbbb' });
      await store.write(a);
      await store.write(b);
      assert.deepEqual(await store.read(APP_ID), a);
      assert.deepEqual(await store.read('wxbbbbbbbbbbbbbbbb'), b);
      await store.clear(APP_ID);
      assert.equal(await store.read(APP_ID), undefined);
      assert.deepEqual(await store.read('wxbbbbbbbbbbbbbbbb'), b);
    });

    it('announces every write and clear to every subscriber (windows), asynchronously by default', async () => {
      const store = new MemoryTokenStore();
      const heard: string[][] = [[], [], []];
      const subs = heard.map((list) => store.onDidChange((appId) => list.push(appId)));
      await store.write(aCachedToken());
      await store.clear(APP_ID);
      await settle();
      for (const list of heard) assert.deepEqual(list, [APP_ID, APP_ID]);
      subs[1]!.dispose();
      await store.write(aCachedToken());
      await settle();
      assert.deepEqual(
        heard.map((l) => l.length),
        [3, 2, 3],
      );
    });

    it("'sync' mode announces inside write", async () => {
      const store = new MemoryTokenStore({ notify: 'sync' });
      const heard: string[] = [];
      store.onDidChange((appId) => heard.push(appId));
      const pending = store.write(aCachedToken());
      assert.deepEqual(heard, [APP_ID]);
      await pending;
    });

    it('a corrupt entry reads as no token', async () => {
      const store = new MemoryTokenStore();
      store.seedRaw(APP_ID, '{"appId":');
      assert.equal(await store.read(APP_ID), undefined);
    });
  });
});
