// Copy, Refresh and Force Refresh against the fake WeChat server (stable_token mode, the default).
import * as assert from 'assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

import { ensureAccount, heldToken, WeChatApi } from './support/api';
import { fakeCalls, tokenCalls } from './support/env';
import { refusedModalText, requireRunner, tokenValidAtFake } from './support/ui';

async function tokenCallCount(): Promise<number> {
  return tokenCalls(await fakeCalls()).length;
}

suite('access token commands', () => {
  let api: WeChatApi;

  suiteSetup(async () => {
    api = await ensureAccount();
  });

  test('Copy Access Token puts the held token on the clipboard without an HTTP call', async () => {
    await vscode.env.clipboard.writeText('');
    const before = await tokenCallCount();
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.copyAccessToken'), true);
    const copied = await vscode.env.clipboard.readText();
    assert.strictEqual(copied, heldToken(api));
    assert.strictEqual(await tokenCallCount(), before, 'a fresh cached token must not be fetched again');
  });

  test('the copied token is the one the fake WeChat server issued and accepts', async function () {
    await requireRunner(this);
    const copied = await vscode.env.clipboard.readText();
    assert.ok(copied.length > 20);
    assert.strictEqual(await tokenValidAtFake(copied), true);
  });

  test('Refresh asks WeChat once (stable_token, no force); the token stays the same', async () => {
    const before = heldToken(api);
    const count = await tokenCallCount();
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.refreshAccessToken'), true);
    const calls = tokenCalls(await fakeCalls()).slice(count);
    assert.strictEqual(calls.length, 1);
    assert.strictEqual(calls[0]!.path, '/cgi-bin/stable_token');
    assert.ok(!(calls[0]!.body as { force_refresh?: boolean }).force_refresh);
    assert.strictEqual(heldToken(api), before, 'stable_token in normal mode returns the current token');
    assert.strictEqual(api.statusBar()?.kind, 'valid');
  });

  test('Force Refresh asks modally first (a test host refuses dialogs: so nothing may be fetched)', async function () {
    await requireRunner(this);
    const before = heldToken(api);
    const count = await tokenCallCount();
    // VS Code refuses modal dialogs while extension tests run; the refusal, with the dialog's text,
    // reaches the error presenter.
    assert.match(await refusedModalText('stops working', 'wechat.forceRefreshAccessToken'), /stops working/);
    assert.strictEqual(await tokenCallCount(), count);
    assert.strictEqual(heldToken(api), before);
  });

  test('Force Refresh confirmed: one forced fetch, a new token, the old one no longer accepted', async function () {
    await requireRunner(this);
    const old = heldToken(api)!;
    const count = await tokenCallCount();
    // The modal is covered by the UI test; here the confirmation comes as the command argument.
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.forceRefreshAccessToken', { skipConfirmation: true }), true);
    const calls = tokenCalls(await fakeCalls()).slice(count);
    assert.strictEqual(calls.length, 1);
    assert.strictEqual((calls[0]!.body as { force_refresh?: boolean }).force_refresh, true);
    const fresh = heldToken(api)!;
    assert.notStrictEqual(fresh, old);
    assert.strictEqual(await tokenValidAtFake(fresh), true);
    assert.strictEqual(await tokenValidAtFake(old), false, 'a forced refresh invalidates the previous token');
    await vscode.commands.executeCommand('wechat.copyAccessToken');
    assert.strictEqual(await vscode.env.clipboard.readText(), fresh);
  });
});
