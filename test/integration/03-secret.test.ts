// Set AppSecret stores the secret in SecretStorage and nowhere else: not in any setting, not in
// any file the VS Code server writes (settings, logs, global storage), not in the log channel.
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { hooks } from './support/api';
import { filesContaining, itConfig, waitFor } from './support/env';

suite('Set AppSecret', () => {
  suiteSetup(async () => {
    const config = await itConfig();
    await vscode.workspace.getConfiguration('wechat').update('appId', config.appId, vscode.ConfigurationTarget.Global);
  });

  test('typing the secret into the password prompt takes the extension out of the set-up state', async () => {
    const config = await itConfig();
    const h = await hooks();
    h.answerPrompts(config.secret);
    await vscode.commands.executeCommand('wechat.setAppSecret');
    const view = await waitFor('status bar to leave the set-up state', () => {
      const v = h.statusBar();
      return v && v.kind !== 'setup' ? v : undefined;
    });
    assert.notStrictEqual(view.kind, 'failed', `status bar: ${view.text}`);
  });

  test('no setting holds the secret (user, machine, workspace; every wechat.* key)', async () => {
    const config = await itConfig();
    const wechat = vscode.workspace.getConfiguration('wechat');
    const dump = JSON.stringify(
      Object.keys(extensionSettings()).map((key) => wechat.inspect(key.replace(/^wechat\./, ''))),
    );
    assert.ok(!dump.includes(config.secret), 'a wechat.* setting contains the AppSecret');
    for (const file of [config.userSettingsFile, config.machineSettingsFile]) {
      if (file && fs.existsSync(file)) assert.ok(!fs.readFileSync(file, 'utf8').includes(config.secret), `${file} contains the AppSecret`);
    }
  });

  test('Show Log works and no file the server wrote contains the secret (logs, state, storage)', async () => {
    const config = await itConfig();
    await vscode.commands.executeCommand('wechat.showLog');
    await new Promise((r) => setTimeout(r, 1500)); // let the log channel flush to disk
    const hits = filesContaining(config.scanDirs, config.secret);
    assert.deepStrictEqual(hits, [], `the AppSecret was written to: ${hits.join(', ')}`);
  });
});

function extensionSettings(): Record<string, unknown> {
  const ext = vscode.extensions.all.find((e) => e.id === 'wechat-devtools.wechat-token-menu');
  const conf = ext?.packageJSON.contributes?.configuration;
  const sections = Array.isArray(conf) ? conf : [conf];
  return Object.assign({}, ...sections.map((s: { properties?: Record<string, unknown> } | undefined) => s?.properties ?? {}));
}
