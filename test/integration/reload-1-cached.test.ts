// Phase 2, in a new extension host after a window reload: the AppSecret and the cached token come
// back from SecretStorage, and activation makes no HTTP call.
import * as assert from 'assert';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';

import { activate, heldToken } from './support/api';
import { fakeCalls, readNotes, tokenCalls, waitFor, writeNotes } from './support/env';

suite('after a window reload (new extension host)', () => {
  test('activation adopts the cached token: valid at once, no HTTP call', async () => {
    const notes = await readNotes();
    const api = await activate();
    await waitFor('the valid state', () => api.statusBar()?.kind === 'valid');
    assert.strictEqual(heldToken(api), notes.token);
    assert.strictEqual(tokenCalls(await fakeCalls()).length, notes.tokenCalls, 'activation fetched a token');
  });

  test('Copy Access Token copies the cached token without an HTTP call', async () => {
    const notes = await readNotes();
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.copyAccessToken'), true);
    assert.strictEqual(await vscode.env.clipboard.readText(), notes.token);
    assert.strictEqual(tokenCalls(await fakeCalls()).length, notes.tokenCalls);
    await writeNotes(notes);
  });
});
