// The menu round trip against the fake WeChat server, in a real VS Code: with menu A live, upload
// menu B from a workspace file (A is backed up first), restore A from that backup through the
// quick pick, download the live menu into an untitled JSON editor.
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';
import * as vscode from 'vscode';

import { ensureAccount } from './support/api';
import { fakeCalls, itConfig, liveMenu, setLiveMenu, waitFor } from './support/env';
import { backupFiles, closeAllEditorsDiscarding, deleteWorkspaceFile, menuCalls, menuText, writeWorkspaceFile } from './support/menu';
import { answerInput, requireRunner, settle } from './support/ui';

/** The live menu before the upload; ASCII names so the backup is easy to find in the quick pick. */
const MENU_A = {
  button: [
    { type: 'click', name: 'AlphaNews', key: 'ALPHA_NEWS' },
    {
      name: 'Alpha服务',
      sub_button: [
        { type: 'view', name: 'AlphaSite', url: 'https://alpha.example.com/' },
        { type: 'click', name: 'AlphaHelp', key: 'ALPHA_HELP' },
      ],
    },
  ],
};

/** The menu uploaded from the editor. */
const MENU_B = {
  button: [
    { type: 'click', name: '今日推荐', key: 'TODAY' },
    { type: 'view', name: '官网', url: 'https://www.example.com/' },
    { name: '更多', sub_button: [{ type: 'location_select', name: '发送位置', key: 'SEND_LOCATION' }] },
  ],
};

interface BackupFile {
  appId: string;
  reason?: string;
  menu: unknown;
}

function readBackup(file: string): BackupFile {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as BackupFile;
}

suite('menu upload, backup, restore, download (fake WeChat server)', () => {
  const created: vscode.Uri[] = [];

  suiteSetup(async () => {
    await ensureAccount();
    await setLiveMenu(MENU_A);
  });

  suiteTeardown(async () => {
    await closeAllEditorsDiscarding();
    for (const uri of created) await deleteWorkspaceFile(uri);
  });

  test('upload B from the editor: the live menu becomes B; A was read first and saved as a backup', async () => {
    const config = await itConfig();
    const uri = await writeWorkspaceFile('wechat-menu-next.json', menuText(MENU_B));
    created.push(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const before = (await fakeCalls()).length;
    const backupsBefore = await backupFiles();

    const pending = vscode.commands.executeCommand('wechat.uploadMenu', uri, { skipConfirmation: true });
    await waitFor('the live menu to be B', async () => isDeepStrictEqual(await liveMenu(), MENU_B));
    await settle(pending, 'Upload Menu to finish');

    const calls = menuCalls((await fakeCalls()).slice(before));
    assert.deepStrictEqual(
      calls.map((c) => c.path),
      ['/cgi-bin/menu/get', '/cgi-bin/menu/create'],
      'read the live menu (backup), then replace it',
    );
    assert.deepStrictEqual(calls[1]!.body, { button: MENU_B.button });
    assert.strictEqual(calls[1]!.errcode, 0);

    if (config.scanDirs.length > 0) {
      const added = (await backupFiles()).filter((f) => !backupsBefore.includes(f));
      assert.strictEqual(added.length, 1, `expected one new backup, found ${added.map((f) => path.basename(f)).join(', ') || 'none'}`);
      const backup = readBackup(added[0]!);
      assert.deepStrictEqual(backup.menu, MENU_A, 'the backup holds the menu that was live before');
      assert.strictEqual(backup.appId, config.appId);
      assert.strictEqual(backup.reason, 'upload');
    }
  });

  test('Restore Menu Backup: pick the backup of A in the quick pick → A is live again (B backed up)', async function () {
    await requireRunner(this);
    const before = (await fakeCalls()).length;
    const backupsBefore = await backupFiles();
    const pending = vscode.commands.executeCommand('wechat.restoreMenuBackup', { skipConfirmation: true });
    // A person types a button name of the menu they want back (the items' detail) and presses Enter.
    const seen = await answerInput('AlphaNews');
    assert.match(seen.title, /Restore Menu Backup/);
    await waitFor('the live menu to be A again', async () => isDeepStrictEqual(await liveMenu(), MENU_A));
    await settle(pending, 'Restore Menu Backup to finish');

    const calls = menuCalls((await fakeCalls()).slice(before));
    // Backup read, the default menu, then a read of the conditional menus to replace (none here).
    assert.deepStrictEqual(
      calls.map((c) => c.path),
      ['/cgi-bin/menu/get', '/cgi-bin/menu/create', '/cgi-bin/menu/get'],
    );
    assert.deepStrictEqual(calls[1]!.body, { button: MENU_A.button });
    // What went live was shown first, as a menu document.
    const shown = vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.languageId === 'json').map((d) => d.getText());
    assert.ok(
      shown.some((text) => isDeepStrictEqual(JSON.parse(text), MENU_A)),
      'the restored menu was opened in an editor',
    );
    const added = (await backupFiles()).filter((f) => !backupsBefore.includes(f));
    if ((await itConfig()).scanDirs.length > 0) {
      assert.strictEqual(added.length, 1);
      assert.deepStrictEqual(readBackup(added[0]!).menu, MENU_B, 'restoring backs up the menu it replaces (B)');
    }
  });

  test('Download Current Menu opens an untitled JSON editor with the live menu, in upload shape', async () => {
    const live = await liveMenu();
    assert.ok(live, 'the fake has a live menu');
    const opened = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const before = (await fakeCalls()).length;
    await vscode.commands.executeCommand('wechat.downloadMenu');
    const editor = await waitFor('the downloaded menu editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && !opened.has(e.document.uri.toString()) ? e : undefined;
    });
    assert.strictEqual(editor.document.isUntitled, true);
    assert.strictEqual(editor.document.languageId, 'json');
    assert.deepStrictEqual(JSON.parse(editor.document.getText()), live);
    const calls = menuCalls((await fakeCalls()).slice(before));
    assert.ok(
      calls.every((c) => !/create|delete|conditional/.test(c.path)),
      `download only reads: ${calls.map((c) => c.path).join(', ')}`,
    );
  });
});
