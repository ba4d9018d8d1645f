// Set AppSecret stores the secret in SecretStorage and nowhere else: not in any setting, not in
// any file the VS Code server writes (settings, logs, global storage), not in the browser's
// storage in plain text (the web client's globalState lives there).
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

import { activate, heldToken } from './support/api';
import { fakeCalls, filesContaining, itConfig, tokenCalls, waitFor } from './support/env';
import { STEP_MS } from './support/timing';
import { answerInput, browserStorageContains, requireRunner } from './support/ui';

suite('Set AppSecret', () => {
  suiteSetup(async () => {
    const config = await itConfig();
    await vscode.workspace.getConfiguration('wechat').update('appId', config.appId, vscode.ConfigurationTarget.Global);
  });

  test('the secret is typed into a password box; a token is fetched right away (stable_token)', async () => {
    const config = await itConfig();
    const api = await activate();
    const before = tokenCalls(await fakeCalls()).length;
    const pending = vscode.commands.executeCommand<boolean>(
      'wechat.setAppSecret',
      config.controlUrl ? undefined : { appSecret: config.secret },
    );
    if (config.controlUrl) {
      const seen = await answerInput(config.secret);
      assert.ok(seen.password, 'the AppSecret prompt must be a password box');
      assert.match(seen.title, /AppSecret/);
    }
    assert.strictEqual(await pending, true);
    const view = await waitFor('a valid token in the status bar', () => (api.statusBar()?.kind === 'valid' ? api.statusBar() : undefined));
    assert.match(view.text, /^\$\(key\) /);
    const calls = tokenCalls(await fakeCalls()).slice(before);
    assert.strictEqual(calls.length, 1, `expected one token fetch, saw ${calls.length}`);
    assert.strictEqual(calls[0]!.path, '/cgi-bin/stable_token');
    assert.ok(!(calls[0]!.body as { force_refresh?: boolean }).force_refresh, 'a normal fetch must not force');
    assert.ok(heldToken(api));
  });

  test('no setting holds the secret (user, machine, workspace; every wechat.* key)', async () => {
    const config = await itConfig();
    const wechat = vscode.workspace.getConfiguration('wechat');
    const dump = JSON.stringify(Object.keys(extensionSettings()).map((key) => wechat.inspect(key.replace(/^wechat\./, ''))));
    assert.ok(!dump.includes(config.secret), 'a wechat.* setting contains the AppSecret');
    for (const file of [config.userSettingsFile, config.machineSettingsFile]) {
      if (file && fs.existsSync(file)) assert.ok(!fs.readFileSync(file, 'utf8').includes(config.secret), `${file} contains the AppSecret`);
    }
  });

  test('no file the server wrote contains the secret or the token (logs, state, storage)', async function () {
    const config = await itConfig();
    if (config.scanDirs.length === 0) this.skip();
    const api = await activate();
    await vscode.commands.executeCommand('wechat.showLog');
    // The log reaches the disk: prove the scan covers it before trusting an empty result.
    const logs = await waitFor(
      'the WeChat log on disk',
      () => filesContaining(config.scanDirs, 'AppSecret stored in SecretStorage').length > 0,
      STEP_MS,
      250,
    );
    assert.ok(logs);
    assert.deepStrictEqual(filesContaining(config.scanDirs, config.secret), [], 'the AppSecret was written to disk');
    const token = heldToken(api)!;
    assert.deepStrictEqual(filesContaining(config.scanDirs, token), [], 'the access token was written to disk');
  });

  test('the browser keeps no plain-text copy of the secret (globalState, localStorage)', async function () {
    await requireRunner(this);
    const config = await itConfig();
    const found = await browserStorageContains(config.secret);
    assert.deepStrictEqual(found, { localStorage: false, indexedDB: [] });
  });
});

function extensionSettings(): Record<string, unknown> {
  const ext = vscode.extensions.all.find((e) => e.id === 'wechat-devtools.wechat-token-menu');
  const conf = ext?.packageJSON.contributes?.configuration;
  const sections = Array.isArray(conf) ? conf : [conf];
  return Object.assign({}, ...sections.map((s: { properties?: Record<string, unknown> } | undefined) => s?.properties ?? {}));
}
