// The token where developers use it: `${command:wechat.accessToken}` in a real tasks.json task,
// and WECHAT_ACCESS_TOKEN / WECHAT_APPID in a real integrated terminal (opt-in), both checked by
// what the started process actually received.
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';

import { ensureAccount, heldToken, WeChatApi } from './support/api';
import { EXTENSION_ID, fakeCalls, findFiles, itConfig, tokenCalls, waitFor } from './support/env';
import { deleteWorkspaceFile, writeWorkspaceFile } from './support/menu';
import { refusedModalText, requireRunner } from './support/ui';

/** A file the started process writes what it received into (outside the workspace). */
function outFile(name: string): string {
  return path.join(os.tmpdir(), `wechat-it-${process.pid}-${name}`);
}

/**
 * Changes wechat.terminal.exposeToken and returns once this extension host has seen the change.
 * The extension's listener, registered at activation, runs before this later one and updates the
 * environment-variable collection synchronously, so a terminal created afterwards gets the new
 * environment (the collection and the terminal go to the window in that order).
 */
async function exposeToken(on: boolean): Promise<void> {
  let seen = false;
  const listener = vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('wechat.terminal.exposeToken')) seen = true;
  });
  try {
    await vscode.workspace.getConfiguration('wechat').update('terminal.exposeToken', on, vscode.ConfigurationTarget.Global);
    await waitFor('the setting change to reach this extension host', () => seen);
  } finally {
    listener.dispose();
  }
}

/** The extension's log as the host wrote it to disk. */
async function logText(): Promise<string> {
  const config = await itConfig();
  return findFiles(config.scanDirs, 12, (file) => file.endsWith('.log') && file.includes(EXTENSION_ID))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n');
}

const HANDED_OUT = /Token for tasks: the access token of .+ was handed to a task, launch configuration or extension/g;

const readWhenWritten = (file: string): Promise<string> =>
  waitFor(`${path.basename(file)} written by the process`, () => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined));

suite('the token in tasks, launch configurations and terminals', () => {
  let api: WeChatApi;
  let tasksFile: vscode.Uri | undefined;
  const written: string[] = [];
  const wechat = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('wechat');

  suiteSetup(async () => {
    api = await ensureAccount();
  });

  suiteTeardown(async () => {
    await wechat().update('terminal.exposeToken', undefined, vscode.ConfigurationTarget.Global);
    for (const terminal of vscode.window.terminals) terminal.dispose();
    if (tasksFile) await deleteWorkspaceFile(tasksFile);
    for (const file of written) fs.rmSync(file, { force: true });
  });

  test('${command:wechat.accessToken} gives a tasks.json task the valid token, without a fetch', async function () {
    await requireRunner(this);
    const file = outFile('task');
    written.push(file);
    const tasks = {
      version: '2.0.0',
      tasks: [
        {
          label: 'wechat-it: write the token',
          type: 'process',
          command: process.execPath,
          // Through the environment, as the README advises: VS Code keeps a task's command line in
          // its terminal history (browser storage), so a token in `args` would be stored there.
          args: ['-e', 'require("fs").writeFileSync(process.argv[1], process.env.WECHAT_IT_TOKEN)', file],
          options: { env: { WECHAT_IT_TOKEN: '${command:wechat.accessToken}' } },
          problemMatcher: [],
        },
      ],
    };
    tasksFile = await writeWorkspaceFile('.vscode/tasks.json', JSON.stringify(tasks, null, 2));
    // Without the user's consent for this workspace and account, the variable gives nothing: the
    // modal is refused in a test host, so the first use fails; the consent (test mode) allows it.
    assert.match(await refusedModalText('access token of', 'wechat.accessToken'), /access token of/);
    assert.strictEqual(await vscode.commands.executeCommand<string>('wechat.accessToken', { skipConfirmation: true }), heldToken(api));
    const before = tokenCalls(await fakeCalls()).length;
    await waitFor('the task to be known', async () =>
      (await vscode.tasks.fetchTasks()).some((t) => t.name === 'wechat-it: write the token'),
    );
    await vscode.commands.executeCommand('workbench.action.tasks.runTask', 'wechat-it: write the token');
    assert.strictEqual(await readWhenWritten(file), heldToken(api));
    assert.strictEqual(tokenCalls(await fakeCalls()).length, before, 'the cached token was valid: no fetch');
  });

  test('the command returns the token to code too (what a launch configuration gets)', async () => {
    assert.strictEqual(await vscode.commands.executeCommand<string>('wechat.accessToken'), heldToken(api));
  });

  test('every hand-out is logged without the token; Revoke Token Access for Tasks takes the consent back, the next use asks again', async function () {
    await requireRunner(this);
    const before = (await logText()).match(HANDED_OUT)?.length ?? 0;
    assert.strictEqual(await vscode.commands.executeCommand<string>('wechat.accessToken'), heldToken(api));
    const log = await waitFor(
      'the hand-out in the log',
      async () => {
        const text = await logText();
        return (text.match(HANDED_OUT)?.length ?? 0) > before ? text : undefined;
      },
      10_000,
      250,
    );
    assert.ok(!log.includes(heldToken(api)!), 'the token is not in the log');

    assert.strictEqual(await vscode.commands.executeCommand<number>('wechat.revokeTaskTokenAccess'), 1, 'one account had consented');
    await vscode.commands.executeCommand('notifications.clearAll');
    // Revoked: the variable asks again (the test host refuses the modal, so the use fails).
    assert.match(await refusedModalText('access token of', 'wechat.accessToken'), /access token of/);
    assert.strictEqual(await vscode.commands.executeCommand<number>('wechat.revokeTaskTokenAccess'), 0, 'nothing left to revoke');
    await vscode.commands.executeCommand('notifications.clearAll');
    // Consent again (test mode) for what follows.
    assert.strictEqual(await vscode.commands.executeCommand<string>('wechat.accessToken', { skipConfirmation: true }), heldToken(api));
  });

  test('opt-in: a new terminal gets WECHAT_ACCESS_TOKEN and WECHAT_APPID; turned off, the next one does not', async () => {
    const config = await itConfig();
    const probe = (name: string): string => {
      const file = outFile(name);
      written.push(file);
      vscode.window.createTerminal({
        name: `wechat-it ${name}`,
        shellPath: process.execPath,
        shellArgs: [
          '-e',
          `require("fs").writeFileSync(${JSON.stringify(file)}, JSON.stringify({ token: process.env.WECHAT_ACCESS_TOKEN ?? null, appId: process.env.WECHAT_APPID ?? null }))`,
        ],
      });
      return file;
    };
    // Off by default: nothing exposed.
    const off = JSON.parse(await readWhenWritten(probe('default'))) as { token: string | null; appId: string | null };
    assert.deepStrictEqual(off, { token: null, appId: null });

    await exposeToken(true);
    const on = JSON.parse(await readWhenWritten(probe('on'))) as { token: string | null; appId: string | null };
    assert.deepStrictEqual(on, { token: heldToken(api), appId: config.appId });

    await exposeToken(false);
    const offAgain = JSON.parse(await readWhenWritten(probe('off'))) as { token: string | null; appId: string | null };
    assert.deepStrictEqual(offAgain, { token: null, appId: null });
  });
});
