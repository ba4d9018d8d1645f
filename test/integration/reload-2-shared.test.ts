// Phase 3, after a second reload: still the same token, still no fetch. Two extension-host
// starts after the first fetch share one token.
import * as assert from 'assert';
import { suite, test } from 'mocha';

import { activate, heldToken } from './support/api';
import { fakeCalls, readNotes, tokenCalls, waitFor } from './support/env';

suite('after a second window reload', () => {
  test('the same token, and not one token fetch across both reloads', async () => {
    const notes = await readNotes();
    const api = await activate();
    await waitFor('the valid state', () => api.statusBar()?.kind === 'valid');
    assert.strictEqual(heldToken(api), notes.token);
    assert.strictEqual(tokenCalls(await fakeCalls()).length, notes.tokenCalls);
  });
});
