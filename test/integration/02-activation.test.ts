// First activation in a fresh profile: no AppID, no AppSecret. The extension must activate, show
// the "set up" state, make no HTTP call, and lead the user into setup instead of failing.
import * as assert from 'assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

import { activate, extension } from './support/api';
import { fakeCalls, itConfig, waitFor } from './support/env';
import { answerInput, requireRunner } from './support/ui';

suite('activation without credentials', () => {
  /** Calls made before this suite (none when it runs first; other suites' when run after them). */
  let callsBefore = 0;
  const newCalls = async (): Promise<unknown[]> => (await fakeCalls()).slice(callsBefore);

  suiteSetup(async () => {
    await itConfig();
    callsBefore = (await fakeCalls()).length;
    // Make sure no AppID lingers (matters for the desktop route, whose profile may be reused).
    await vscode.workspace.getConfiguration('wechat').update('appId', undefined, vscode.ConfigurationTarget.Global);
  });

  test('the extension activates and returns its API', async () => {
    await activate();
    assert.strictEqual(extension().isActive, true);
  });

  test('the fake server URL arrived through (machine-scoped) settings', async () => {
    const config = await itConfig();
    const value = vscode.workspace.getConfiguration('wechat').get<string>('apiBaseUrl');
    assert.strictEqual(value?.replace(/\/$/, ''), config.fakeUrl.replace(/\/$/, ''));
  });

  test('the status bar asks to set up the account', async () => {
    const api = await activate();
    const view = await waitFor('a status-bar view', () => api.statusBar());
    assert.strictEqual(view.kind, 'setup');
    assert.match(view.text, /Set up WeChat/);
    assert.strictEqual(view.tone, 'normal');
  });

  test('no HTTP call without credentials', async () => {
    assert.deepStrictEqual(await newCalls(), []);
  });

  test('Copy Access Token without credentials opens Set Up Account (Escape cancels, nothing fetched)', async function () {
    await requireRunner(this);
    const api = await activate();
    const pending = vscode.commands.executeCommand<boolean>('wechat.copyAccessToken');
    const seen = await answerInput(); // Escape
    assert.match(seen.title, /Set Up Account/, `prompt title: ${seen.title}`);
    assert.strictEqual(await pending, false);
    assert.deepStrictEqual(await newCalls(), [], 'no HTTP call may happen without credentials');
    assert.strictEqual(api.statusBar()?.kind, 'setup');
  });
});
