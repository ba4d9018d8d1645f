import * as assert from 'node:assert/strict';

import { ClipboardAccess, ClipboardClearer } from '../../../src/common/clipboardClear';
import { hardeningCase } from '../../hardening/ledger';
import { FakeClock, settle } from '../helpers/fakeClock';

const TOKEN = 'ACCESS_TOKEN_clip_5e6f7a8b9c0d';

class FakeClipboard implements ClipboardAccess {
  text = '';
  failRead = false;
  readText(): Promise<string> {
    return this.failRead ? Promise.reject(new Error('no clipboard access')) : Promise.resolve(this.text);
  }
  writeText(text: string): Promise<void> {
    this.text = text;
    return Promise.resolve();
  }
}

describe('common/clipboardClear', () => {
  let clock: FakeClock;
  let clipboard: FakeClipboard;
  let clearer: ClipboardClearer;
  const copy = (seconds: number): void => {
    clipboard.text = TOKEN;
    clearer.schedule(TOKEN, seconds);
  };
  beforeEach(() => {
    clock = new FakeClock();
    clipboard = new FakeClipboard();
    clearer = new ClipboardClearer(clipboard, clock);
  });

  it('clears the token after the configured time, not before', async () => {
    copy(60);
    clock.advance(59_999);
    await settle();
    assert.equal(clipboard.text, TOKEN);
    clock.advance(1);
    await settle();
    assert.equal(clipboard.text, '');
  });

  it('leaves what the user copied since alone', async () => {
    copy(60);
    clipboard.text = 'something else';
    clock.advance(60_000);
    await settle();
    assert.equal(clipboard.text, 'something else');
  });

  it('a second copy restarts the wait', async () => {
    copy(60);
    clock.advance(40_000);
    copy(60);
    clock.advance(40_000);
    await settle();
    assert.equal(clipboard.text, TOKEN, "cleared by the first copy's timer");
    clock.advance(20_000);
    await settle();
    assert.equal(clipboard.text, '');
  });

  it('0 never clears (and cancels a pending clear)', async () => {
    copy(60);
    copy(0);
    clock.advance(3_600_000);
    await settle();
    assert.equal(clipboard.text, TOKEN);
    assert.equal(clock.nextTimerAt(), undefined);
  });

  it('dispose (deactivation) cancels the timer and clears the token at once', async () => {
    copy(60);
    clearer.dispose();
    await settle();
    assert.equal(clipboard.text, '');
    assert.equal(clock.nextTimerAt(), undefined);
  });

  it('a clipboard that cannot be read does not reject (logged)', () =>
    hardeningCase('fault', 'clipboard unreadable when clearing', async () => {
      copy(1);
      clipboard.failRead = true;
      assert.equal(await clearer.clearNow(), false);
    }));
});
