// Last suite before the window reloads (numbered 90 so it stays last: a later suite that fetches
// a token would make the notes stale): Clear AppSecret (modal), set it again, and leave the
// valid token and the fetch count for the reload phases.
import * as assert from 'assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

import { activate, ensureAccount, heldToken } from './support/api';
import { fakeCalls, itConfig, tokenCalls, waitFor, writeNotes } from './support/env';
import { refusedModalText, requireRunner } from './support/ui';

suite('Clear AppSecret, then hand over to the reload phases', () => {
  suiteSetup(async () => {
    await ensureAccount();
  });

  test('Clear AppSecret asks modally first (refused in a test host: the secret stays)', async function () {
    await requireRunner(this);
    const api = await activate();
    assert.match(await refusedModalText('Remove the AppSecret', 'wechat.clearAppSecret'), /Remove the AppSecret/);
    assert.strictEqual(api.statusBar()?.kind, 'valid');
  });

  test('Clear AppSecret confirmed removes secret and cached token (set-up state)', async () => {
    const api = await activate();
    await vscode.commands.executeCommand('wechat.clearAppSecret', { skipConfirmation: true });
    await waitFor('the set-up state', () => api.statusBar()?.kind === 'setup');
    assert.strictEqual(heldToken(api), undefined);
  });

  test('Set AppSecret (argument form) brings the token back; notes for the next phase', async () => {
    const config = await itConfig();
    const api = await activate();
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.setAppSecret', { appSecret: config.secret }), true);
    await waitFor('a valid token', () => api.statusBar()?.kind === 'valid');
    const token = heldToken(api)!;
    await writeNotes({ token, tokenCalls: tokenCalls(await fakeCalls()).length });
  });
});
