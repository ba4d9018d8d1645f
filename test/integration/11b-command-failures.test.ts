// Every command failure reaches the user through the error presenter, in the real host: a document
// that cannot be opened (Preview Menu on a file that is gone) and a backup folder that cannot be
// read (Restore Menu Backup) end in an error notification that names the command, instead of an
// unhandled rejection only the extension host's log sees.
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';

import { hardeningCase } from '../hardening/ledger';
import { ensureAccount } from './support/api';
import { EXTENSION_ID, itConfig } from './support/env';
import { workspaceFolder } from './support/menu';
import { readNotification, requireRunner } from './support/ui';

/** The extension's global storage folder under the server's directories (…/User/globalStorage/<id>). */
function globalStorageFolder(dirs: readonly string[]): string | undefined {
  for (const dir of dirs) {
    for (const candidate of [path.join(dir, 'data', 'User', 'globalStorage'), path.join(dir, 'User', 'globalStorage')]) {
      if (fs.existsSync(candidate)) return path.join(candidate, EXTENSION_ID);
    }
  }
  return undefined;
}

suite('command failures reach the error presenter', () => {
  let backups: string | undefined;
  let movedAside: string | undefined;

  suiteSetup(async function () {
    await requireRunner(this);
    await ensureAccount();
  });

  suiteTeardown(() => {
    if (backups && fs.existsSync(backups) && fs.statSync(backups).isFile()) fs.rmSync(backups);
    if (backups && movedAside && fs.existsSync(movedAside)) fs.renameSync(movedAside, backups);
  });

  test('Preview Menu on a file that cannot be opened: an error notification naming the command', () =>
    hardeningCase('fault', 'openTextDocument fails in a command', async () => {
      const gone = vscode.Uri.joinPath(workspaceFolder(), 'no-such-menu-7c1e.json');
      // The command resolves once the notification is dismissed: read it first, then clear it.
      const done = vscode.commands.executeCommand('wechat.previewMenu', gone);
      const text = await readNotification('Preview Menu');
      await vscode.commands.executeCommand('notifications.clearAll');
      await done;
      assert.match(text, /failed/i);
      assert.match(text, /Show Log/);
    }));

  test('Restore Menu Backup when the backup folder cannot be read: "Could not read the menu backups"', async function () {
    const config = await itConfig();
    const storage = globalStorageFolder(config.scanDirs);
    if (!storage) this.skip();
    await hardeningCase('fault', 'backup folder unreadable', async () => {
      backups = path.join(storage!, 'menu-backups');
      if (fs.existsSync(backups)) {
        movedAside = `${backups}.aside-${process.pid}`;
        fs.renameSync(backups, movedAside);
      }
      fs.mkdirSync(storage!, { recursive: true });
      fs.writeFileSync(backups, 'not a folder'); // readDirectory fails with FileNotADirectory
      const done = vscode.commands.executeCommand('wechat.restoreMenuBackup', { skipConfirmation: true });
      const text = await readNotification('Could not read the menu backups');
      await vscode.commands.executeCommand('notifications.clearAll');
      await done;
      assert.match(text, /Show Log/);
    });
  });
});
