// First activation in a fresh profile: no AppID, no AppSecret. The extension must activate, show
// the "set up" state and make no HTTP call.
import * as assert from 'assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { activate, extension, hooks } from './support/api';
import { fakeCalls, itConfig } from './support/env';

suite('activation without credentials', () => {
  suiteSetup(async () => {
    await itConfig();
    // Fresh profile: make sure no AppID lingers from an earlier run of the desktop route.
    await vscode.workspace.getConfiguration('wechat').update('appId', undefined, vscode.ConfigurationTarget.Global);
  });

  test('the extension activates', async () => {
    await activate();
    assert.strictEqual(extension().isActive, true);
  });

  test('the fake server URL arrived through machine settings', async () => {
    const config = await itConfig();
    const value = vscode.workspace.getConfiguration('wechat').get<string>('apiBaseUrl');
    assert.strictEqual(value?.replace(/\/$/, ''), config.fakeUrl.replace(/\/$/, ''));
  });

  test('the status bar asks to set up the account', async () => {
    const view = (await hooks()).statusBar();
    assert.ok(view, 'no status-bar view');
    assert.strictEqual(view.kind, 'setup');
    assert.match(view.text, /Set up WeChat/);
  });

  test('no HTTP call without credentials', async () => {
    assert.deepStrictEqual(await fakeCalls(), []);
  });

  test('Copy Access Token without credentials leads into setup instead of failing', async () => {
    const h = await hooks();
    h.answerPrompts(undefined); // the user dismisses the setup prompt (Escape)
    await vscode.commands.executeCommand('wechat.copyAccessToken');
    assert.deepStrictEqual(await fakeCalls(), [], 'no HTTP call may happen without credentials');
    assert.strictEqual(h.statusBar()?.kind, 'setup');
  });
});
