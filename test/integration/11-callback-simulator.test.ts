// The callback simulator in the real VS Code, against node-webot's `wechat` middleware —
// a callback server written with a WeChat SDK nobody here wrote, started by this suite on 127.0.0.1:
// Set Up Callback (test options through Confirmations), Verify Callback URL with the right and a
// wrong Token, and a tap in the menu preview of a file with an UNSAVED edit → the server received
// the CLICK event with the edited key → the reply bubble shows the server's reply, in plaintext and
// in safe mode. The tap goes through wechat.simulateTap, the command the webview's `tap` message
// handler runs (PreviewSession.tap), with the button id the page sends.
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';

import type { ExchangeView } from '../../src/features/menu/core/preview/chatView';
import { flushLedger, recordLeakScan } from '../hardening/ledger';
import { describeFindings, findSecrets, LabelledSecret, LeakFinding, lookedFor } from '../hardening/secretForms';
import { startWebotServer, type WebotServer } from '../unit/features/simulator/core/sdk/webotServer';
import { ensureAccount } from './support/api';
import { findFiles, itConfig, waitFor } from './support/env';
import { closeAllEditorsDiscarding, deleteWorkspaceFile, menuText, writeWorkspaceFile } from './support/menu';

const TOKEN = 'simuiToken2026abc';
const WRONG_TOKEN = 'someoneElsesToken9';
const AES_KEY = 'kWxPEV2UEDyxWpmPdKC3F6dgTEKEPqYJrAfgkI3nrBz';

interface VerifyOutcome {
  readonly ok: boolean;
  readonly requestUrl: string;
  readonly problems: ReadonlyArray<{ readonly message: string; readonly fix: string }>;
  readonly message: string;
}

const MENU = {
  button: [
    { type: 'click', name: '今日歌曲', key: 'V1001_TODAY_MUSIC' },
    { name: '菜单', sub_button: [{ type: 'click', name: '赞一下', key: 'V1001_GOOD' }] },
  ],
};

/** What a developer's handler does: answer a CLICK with its key, anything else with "success". */
function replyWithKey(server: WebotServer): void {
  server.reply = (message) =>
    message['Event'] === 'CLICK' ? { kind: 'reply', content: `你点了 ${String(message['EventKey'])}` } : { kind: 'reply', content: '' };
}

async function setUp(options: Record<string, string>): Promise<void> {
  assert.strictEqual(await vscode.commands.executeCommand('wechat.setUpCallback', options), true, 'Set Up Callback stored the answers');
}

function bubbleText(view: ExchangeView): string {
  return view.replies.flatMap((r) => (r.kind === 'text' ? r.segments.map((s) => s.text) : [])).join('');
}

suite('callback simulator: Set Up Callback, Verify Callback URL, a tap in the menu preview (node-webot wechat)', () => {
  const servers: WebotServer[] = [];
  let menuUri: vscode.Uri;
  const shown: string[] = [];

  suiteSetup(async () => {
    await ensureAccount();
    menuUri = await writeWorkspaceFile('simulator.wechat-menu.json', menuText(MENU));
  });

  suiteTeardown(async () => {
    await closeAllEditorsDiscarding();
    await deleteWorkspaceFile(menuUri);
    await vscode.workspace.getConfiguration('wechat').update('simulator.callbacks', undefined, vscode.ConfigurationTarget.Global);
    await Promise.all(servers.map((s) => s.close()));
  });

  const start = async (config: Parameters<typeof startWebotServer>[0]): Promise<WebotServer> => {
    const server = await startWebotServer(config);
    servers.push(server);
    replyWithKey(server);
    return server;
  };

  test('Verify Callback URL passes with the Token the server has, and fails with the reason and fix with another', async () => {
    const server = await start(TOKEN);
    await setUp({ callbackUrl: server.url, messageMode: 'plaintext', callbackToken: TOKEN, originalId: '' });
    const passed = await vscode.commands.executeCommand<VerifyOutcome>('wechat.verifyCallbackUrl');
    assert.strictEqual(passed?.ok, true, JSON.stringify(passed));
    assert.deepStrictEqual(passed.problems, []);
    assert.match(passed.requestUrl, /[?&]signature=[0-9a-f]{40}&/);
    assert.match(passed.requestUrl, /[?&]echostr=/);
    assert.strictEqual(server.requests.at(-1)?.method, 'GET', 'the handshake is a GET');

    await setUp({ callbackUrl: server.url, messageMode: 'plaintext', callbackToken: WRONG_TOKEN, originalId: '' });
    const failed = await vscode.commands.executeCommand<VerifyOutcome>('wechat.verifyCallbackUrl');
    assert.strictEqual(failed?.ok, false, JSON.stringify(failed));
    assert.ok(failed.problems.length > 0);
    assert.match(failed.problems.map((p) => `${p.message} ${p.fix}`).join('\n'), /Token/, 'the reason names the Token');
    assert.match(failed.message, /Fix:/);
    shown.push(JSON.stringify(passed), JSON.stringify(failed));
  });

  for (const mode of ['plaintext', 'safe'] as const) {
    test(`a tap on a click button (unsaved edit) reaches the server as CLICK with the edited key, and its reply shows (${mode})`, async () => {
      const config = await itConfig();
      const server = await start(mode === 'plaintext' ? TOKEN : { token: TOKEN, appid: config.appId, encodingAESKey: AES_KEY });
      await setUp({
        callbackUrl: server.url,
        messageMode: mode,
        callbackToken: TOKEN,
        encodingAesKey: AES_KEY,
        originalId: 'gh_0123456789ab',
      });

      const document = await vscode.workspace.openTextDocument(menuUri);
      const editor = await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('wechat.previewMenu', menuUri);
      // An unsaved edit: the tap must send what the editor shows, not what is on disk.
      const key = `EDITED_${mode.toUpperCase()}`;
      // The first button's key, whatever an earlier test left there.
      const current = /"key": "([^"]+)"/.exec(document.getText());
      assert.ok(current);
      const at = current.index + '"key": "'.length;
      await editor.edit((edit) =>
        edit.replace(new vscode.Range(document.positionAt(at), document.positionAt(at + current[1]!.length)), key),
      );
      assert.ok(document.isDirty);

      const view = await vscode.commands.executeCommand<ExchangeView>('wechat.simulateTap', menuUri, 'b0');
      const click = server.received.find((m) => m['Event'] === 'CLICK');
      assert.ok(click, `the server received no CLICK: ${JSON.stringify(server.received)}; the chat says ${JSON.stringify(view)}`);
      assert.strictEqual(click['EventKey'], key);
      assert.strictEqual(click['MsgType'], 'event');
      assert.strictEqual(click['ToUserName'], 'gh_0123456789ab');
      assert.match(String(click['FromUserName']), /^o[0-9A-Za-z_-]{27}$/);
      if (mode === 'safe')
        assert.ok(
          server.requests.some((r) => /encrypt_type=aes/.test(r.url) && /msg_signature=/.test(r.url)),
          'sent encrypted',
        );

      assert.strictEqual(view.pending, false);
      assert.deepStrictEqual(view.problems, [], JSON.stringify(view.problems));
      assert.strictEqual(bubbleText(view), `你点了 ${key}`);
      assert.match(view.outgoing, new RegExp(`今日歌曲.*CLICK ${key}`));
      assert.strictEqual(view.hasRaw, true);

      // A sub-button sends its own key.
      const sub = await vscode.commands.executeCommand<ExchangeView>('wechat.simulateTap', menuUri, 'b1.0');
      assert.strictEqual(bubbleText(sub), '你点了 V1001_GOOD');
      // A top button that opens a sub-menu sends nothing, and says so.
      const before = server.received.length;
      const menu = await vscode.commands.executeCommand<ExchangeView>('wechat.simulateTap', menuUri, 'b1');
      assert.strictEqual(server.received.length, before);
      assert.match(menu.problems[0]?.message ?? '', /sub-menu/);
      shown.push(JSON.stringify([view, sub, menu]));
    });
  }

  test("a callback URL moved to another origin (as a remote machine's setting can) is not sent to before the modal", async () => {
    const config = await itConfig();
    const first = await start(TOKEN);
    await setUp({ callbackUrl: first.url, messageMode: 'plaintext', callbackToken: TOKEN, originalId: '' });
    // Another port is another origin; settings.json changes, Set Up Callback is not run.
    const moved = await start(TOKEN);
    const origin = new URL(moved.url).origin;
    await vscode.workspace
      .getConfiguration('wechat')
      .update('simulator.callbacks', { [config.appId]: { url: moved.url, mode: 'plaintext' } }, vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(menuUri));
    await vscode.commands.executeCommand('wechat.previewMenu', menuUri);

    // The test host refuses modals with their text: the refusal is the question the person would see.
    const refused = await vscode.commands.executeCommand<ExchangeView>('wechat.simulateTap', menuUri, 'b1.0');
    assert.deepStrictEqual(moved.received, [], 'nothing reached the new origin');
    const said = refused.problems.map((p) => p.message).join('\n');
    assert.ok(said.includes(`Send messages signed with the callback Token of`) && said.includes(`to ${origin}?`), said);

    // Set Up Callback with the new URL and the Token binds them there: the next tap is sent.
    await setUp({ callbackUrl: moved.url, messageMode: 'plaintext', callbackToken: TOKEN, originalId: '' });
    const sent = await vscode.commands.executeCommand<ExchangeView>('wechat.simulateTap', menuUri, 'b1.0');
    assert.deepStrictEqual(sent.problems, [], JSON.stringify(sent.problems));
    assert.strictEqual(bubbleText(sent), '你点了 V1001_GOOD');
    assert.strictEqual(moved.received.length, 1);
    shown.push(JSON.stringify([refused, sent]));
  });

  test("Open Simulator with no menu file in the editor opens a phone of its own; with one, that menu's preview", async () => {
    await closeAllEditorsDiscarding();
    const webviewTabs = (): vscode.Tab[] =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
    await vscode.commands.executeCommand('wechat.openSimulator');
    // The tab model follows the new panel a moment later.
    await waitFor('the simulator tab', () => webviewTabs().some((tab) => tab.label === 'WeChat Simulator'));
    await vscode.commands.executeCommand('wechat.openSimulator');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepStrictEqual(
      webviewTabs().map((tab) => tab.label),
      ['WeChat Simulator'],
      'a second Open Simulator reuses the phone',
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(menuUri));
    await vscode.commands.executeCommand('wechat.openSimulator');
    await waitFor('the menu preview tab', () => webviewTabs().some((tab) => tab.label === 'Menu Preview: simulator.wechat-menu.json'));
  });

  test('[leak] the Token and EncodingAESKey are in no view, result or file the extension wrote', async () => {
    const config = await itConfig();
    // Each in every form it may take (literal, URL-encoded, JSON-escaped, base64).
    const secrets: LabelledSecret[] = [
      { label: 'callback Token', value: TOKEN },
      { label: 'callback Token', value: WRONG_TOKEN },
      { label: 'EncodingAESKey', value: AES_KEY },
    ];
    const findings: string[] = [];
    let found = 0;
    const note = (where: string, hits: LeakFinding[]): void => {
      found += hits.reduce((n, hit) => n + hit.count, 0);
      if (hits.length > 0) findings.push(`${where}: ${describeFindings(hits)}`);
    };
    note('views and results', findSecrets(shown.join('\n'), secrets));
    for (const file of findFiles(config.scanDirs, 12, () => true)) {
      try {
        if (fs.statSync(file).size <= 50 * 1024 * 1024) note(file, findSecrets(fs.readFileSync(file), secrets));
      } catch {
        // vanished
      }
    }
    note(
      'wechat.simulator.callbacks',
      findSecrets(JSON.stringify(vscode.workspace.getConfiguration('wechat').get('simulator.callbacks')), secrets),
    );
    recordLeakScan('callback simulator: views, settings and server files', found, { lookedFor: lookedFor(secrets) });
    assert.deepStrictEqual(findings, [], 'a secret left the simulator');
    assert.strictEqual(found, 0);
    assert.ok(shown.length >= 3, 'the earlier tests produced the views scanned here');
    flushLedger();
  });
});
