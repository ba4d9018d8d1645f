import * as assert from 'node:assert/strict';

import { KeyValueStore, quotaMonth, QuotaResetLedger } from '../../../../../src/features/diagnostics/core/quotaResets';
import { APP_ID } from '../../../helpers/fixtures';

class MemoryStore implements KeyValueStore {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, value);
  }
}

describe('wechat/quotaResets', () => {
  it('months are China time: 1 July 00:30 in Beijing is still 30 June in UTC', () => {
    assert.equal(quotaMonth(Date.UTC(2025, 5, 30, 16, 30)), '2025-07');
    assert.equal(quotaMonth(Date.UTC(2025, 5, 30, 15, 59)), '2025-06');
  });

  it('counts resets per AppID and month, and starts again in a new month', async () => {
    const store = new MemoryStore();
    let now = Date.UTC(2025, 5, 10);
    const ledger = new QuotaResetLedger(store, () => now);
    assert.equal(ledger.used(APP_ID), 0);
    assert.equal(await ledger.record(APP_ID), 1);
    assert.equal(await ledger.record(APP_ID), 2);
    assert.equal(ledger.used('wx1111111111111111'), 0);
    assert.deepEqual([...store.values.keys()], [`wechat.quotaResets/${APP_ID}/2025-06`]);
    now = Date.UTC(2025, 6, 2);
    assert.equal(ledger.used(APP_ID), 0);
  });

  it('treats a value that is not a count as none', () => {
    const store = new MemoryStore();
    const now = Date.UTC(2025, 5, 10);
    store.values.set(`wechat.quotaResets/${APP_ID}/2025-06`, 'three');
    assert.equal(new QuotaResetLedger(store, () => now).used(APP_ID), 0);
  });
});
