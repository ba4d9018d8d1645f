import * as assert from 'node:assert/strict';

import { type BackupClock, backupFileName, MenuBackupStore, parseBackupFileName } from '../../../../../src/features/menu/core/backups';
import { asMenu, click, menu, parent, view } from './builders';
import { MemoryBackupStorage } from './memoryBackupStorage';

class FakeClock implements BackupClock {
  constructor(public ms = Date.parse('2025-01-02T03:04:05.123Z')) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

const sample = asMenu(menu(click('今日', 'K'), parent('菜单', [view()]), view('关于')));

function setup(maxBackups?: number) {
  const storage = new MemoryBackupStorage();
  const clock = new FakeClock();
  const store = new MenuBackupStore(storage, clock, maxBackups === undefined ? {} : { maxBackups });
  return { storage, clock, store };
}

describe('menu backups', () => {
  describe('file names', () => {
    it('encode the UTC time and the AppID, sortable and file-safe', () => {
      const name = backupFileName(Date.parse('2025-01-02T03:04:05.123Z'), 'wx0123456789abcdef');
      assert.equal(name, 'menu-20250102T030405123Z-wx0123456789abcdef.json');
      assert.deepEqual(parseBackupFileName(name), { savedAt: Date.parse('2025-01-02T03:04:05.123Z'), appId: 'wx0123456789abcdef' });
    });

    it('replace unsafe characters in the AppID', () => {
      const name = backupFileName(0, '../wx:1/\\*?');
      assert.match(name, /^menu-19700101T000000000Z-[A-Za-z0-9_-]+\.json$/);
      assert.ok(!name.includes('/') && !name.includes('..'));
      assert.equal(backupFileName(0, ''), 'menu-19700101T000000000Z-unknown.json');
    });

    it('sort in time order as plain strings', () => {
      const times = ['2024-12-31T23:59:59.999Z', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.001Z', '2025-10-01T00:00:00.000Z'];
      const names = times.map((t) => backupFileName(Date.parse(t), 'wx'));
      assert.deepEqual([...names].reverse().sort(), names);
    });

    it('are not confused with other files', () => {
      for (const name of [
        'menu.json',
        'menu-2025-wx.json',
        'notes.txt',
        'menu-20250102T030405123Z-wx.json.bak',
        'menu-20250102T030405123Z-../x.json',
      ]) {
        assert.equal(parseBackupFileName(name), undefined, name);
      }
    });
  });

  it('saves a backup with time, AppID, account label and the menu', async () => {
    const { storage, store } = setup();
    const summary = await store.save({ appId: 'wxA', accountLabel: 'Production', menu: sample, reason: 'upload' });
    assert.deepEqual(summary, {
      name: 'menu-20250102T030405123Z-wxA.json',
      savedAt: Date.parse('2025-01-02T03:04:05.123Z'),
      appId: 'wxA',
      accountLabel: 'Production',
      reason: 'upload',
      buttonNames: ['今日', '菜单', '关于'],
    });
    const stored = JSON.parse(storage.files.get(summary.name) ?? '{}');
    assert.deepEqual(stored, {
      version: 1,
      savedAt: '2025-01-02T03:04:05.123Z',
      appId: 'wxA',
      accountLabel: 'Production',
      reason: 'upload',
      menu: sample,
    });
    assert.deepEqual(await store.read(summary.name), stored);
  });

  it('keeps conditional menus when given', async () => {
    const { store } = setup();
    const conditional = [{ menuid: '1', menu: { ...sample, matchrule: { tag_id: '2' } } }];
    const { name } = await store.save({ appId: 'wxA', accountLabel: 'A', menu: sample, conditional });
    assert.deepEqual((await store.read(name)).conditional, conditional);
  });

  it('lists newest first, optionally for one account', async () => {
    const { clock, store } = setup();
    await store.save({ appId: 'wxA', accountLabel: 'A', menu: asMenu(menu(click('one', 'K'))) });
    clock.advance(60_000);
    await store.save({ appId: 'wxB', accountLabel: 'B', menu: asMenu(menu(click('two', 'K'))) });
    clock.advance(60_000);
    await store.save({ appId: 'wxA', accountLabel: 'A', menu: asMenu(menu(click('three', 'K'))) });

    const all = await store.list();
    assert.deepEqual(
      all.map((b) => b.buttonNames[0]),
      ['three', 'two', 'one'],
    );
    assert.deepEqual(
      all.map((b) => b.accountLabel),
      ['A', 'B', 'A'],
    );
    assert.deepEqual(
      (await store.list({ appId: 'wxA' })).map((b) => b.buttonNames[0]),
      ['three', 'one'],
    );
  });

  it('gives two backups in the same millisecond distinct, ordered names', async () => {
    const { store } = setup();
    const first = await store.save({ appId: 'wxA', accountLabel: 'A', menu: asMenu(menu(click('first', 'K'))) });
    const second = await store.save({ appId: 'wxB', accountLabel: 'B', menu: asMenu(menu(click('second', 'K'))) });
    assert.notEqual(first.name, second.name);
    assert.equal(second.savedAt, first.savedAt + 1);
    assert.deepEqual(
      (await store.list()).map((b) => b.buttonNames[0]),
      ['second', 'first'],
    );
  });

  it('prunes to the maximum, keeping the newest', async () => {
    const { storage, clock, store } = setup(3);
    storage.files.set('unrelated.txt', 'keep me');
    for (let i = 0; i < 5; i++) {
      await store.save({ appId: 'wxA', accountLabel: 'A', menu: asMenu(menu(click(`m${i}`, 'K'))) });
      clock.advance(1000);
    }
    assert.deepEqual(
      (await store.list()).map((b) => b.buttonNames[0]),
      ['m4', 'm3', 'm2'],
    );
    assert.equal(storage.files.get('unrelated.txt'), 'keep me');
    assert.equal(storage.files.size, 4);
  });

  it('defaults to 50 backups', async () => {
    const { clock, store } = setup();
    for (let i = 0; i < 52; i++) {
      await store.save({ appId: 'wxA', accountLabel: 'A', menu: sample });
      clock.advance(1);
    }
    assert.equal((await store.list()).length, 50);
  });

  it('the next save applies the maximum to files written by an older version with a higher limit', async () => {
    const { storage, store } = setup(2);
    for (let i = 0; i < 4; i++) {
      storage.files.set(
        backupFileName(i * 1000, 'wxA'),
        JSON.stringify({ version: 1, savedAt: new Date(i * 1000).toISOString(), appId: 'wxA', accountLabel: 'A', menu: sample }),
      );
    }
    const saved = await store.save({ appId: 'wxA', accountLabel: 'A', menu: sample });
    assert.deepEqual((await store.list()).map((summary) => summary.name).sort(), [backupFileName(3000, 'wxA'), saved.name].sort());
  });

  it('skips damaged files in the list and explains them on read', async () => {
    const { storage, store } = setup();
    const good = await store.save({ appId: 'wxA', accountLabel: 'A', menu: sample });
    const damaged = backupFileName(Date.parse('2024-01-01T00:00:00.000Z'), 'wxA');
    const wrongShape = backupFileName(Date.parse('2024-01-02T00:00:00.000Z'), 'wxA');
    storage.files.set(damaged, '{ not json');
    storage.files.set(wrongShape, JSON.stringify({ version: 2, menu: {} }));
    assert.deepEqual(
      (await store.list()).map((b) => b.name),
      [good.name],
    );
    await assert.rejects(store.read(damaged), /damaged/);
    await assert.rejects(store.read(wrongShape), /damaged/);
  });

  it('refuses names that are not backups (no path traversal)', async () => {
    const { store } = setup();
    await assert.rejects(store.read('../../secrets.json'), /not the name of a menu backup/);
  });

  it('localises its errors', async () => {
    const storage = new MemoryBackupStorage();
    const store = new MenuBackupStore(storage, new FakeClock(), { localize: (m, ...a) => `zh:${m}:${a.join()}` });
    await assert.rejects(store.read('x'), /^Error: zh:"\{0\}" is not the name of a menu backup\.:x$/);
  });
});
