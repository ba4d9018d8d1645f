// The manifest and the code never drift: every contributed command is registered, and every
// `wechat.*` command the extension registers is contributed.
import * as assert from 'assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';

import {
  ACCOUNT_COMMANDS,
  CALL_DIAGNOSTICS_COMMANDS,
  CALLBACK_COMMANDS,
  GENERAL_COMMANDS,
  JSSDK_COMMANDS,
  MENU_COMMANDS,
  NETWORK_COMMANDS,
  TOKEN_COMMANDS,
} from '../../src/ui/commandIds';
import { activate, extension } from './support/api';

interface ManifestCommand {
  command: string;
  title: string;
  category?: string;
}

suite('commands: manifest ⇄ registration', () => {
  let contributed: ManifestCommand[];
  let registered: string[];

  suiteSetup(async () => {
    await activate();
    contributed = (extension().packageJSON.contributes?.commands ?? []) as ManifestCommand[];
    registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('wechat.'));
  });

  test("the host registered exactly the ids of the features' command tables", () => {
    const declared = [
      ACCOUNT_COMMANDS,
      TOKEN_COMMANDS,
      GENERAL_COMMANDS,
      MENU_COMMANDS,
      JSSDK_COMMANDS,
      CALL_DIAGNOSTICS_COMMANDS,
      NETWORK_COMMANDS,
      CALLBACK_COMMANDS,
    ].flatMap((group) => Object.values(group) as string[]);
    assert.deepStrictEqual([...registered].sort(), [...declared].sort());
    assert.deepStrictEqual(contributed.map((c) => c.command).sort(), [...declared].sort());
  });

  test('every command in package.json is registered', () => {
    const missing = contributed.map((c) => c.command).filter((id) => !registered.includes(id));
    assert.deepStrictEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('every registered wechat.* command is in package.json', () => {
    const ids = new Set(contributed.map((c) => c.command));
    const extra = registered.filter((id) => !ids.has(id));
    assert.deepStrictEqual(extra, [], `registered but not contributed: ${extra.join(', ')}`);
  });

  test('the user-facing commands carry category "WeChat" and the agreed titles', () => {
    const nls = (s: string): string => s; // titles may be %keys%: the host resolves them in packageJSON
    const byId = new Map(contributed.map((c) => [c.command, c]));
    const expected: Record<string, string> = {
      'wechat.setupAccount': 'Set Up Account',
      'wechat.setAppSecret': 'Set AppSecret',
      'wechat.clearAppSecret': 'Clear AppSecret',
      'wechat.copyAccessToken': 'Copy Access Token',
      'wechat.refreshAccessToken': 'Refresh Access Token',
      'wechat.forceRefreshAccessToken': 'Force Refresh Access Token',
      'wechat.showLog': 'Show Log',
    };
    for (const [id, title] of Object.entries(expected)) {
      const c = byId.get(id);
      assert.ok(c, `${id} not contributed`);
      assert.strictEqual(nls(c.category ?? ''), 'WeChat', `${id} category`);
      assert.strictEqual(nls(c.title), title, `${id} title`);
    }
  });
});
