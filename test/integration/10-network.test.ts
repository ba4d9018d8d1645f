// The network diagnostics in a real VS Code against the fake WeChat server: Show WeChat Server IPs
// opens one Markdown document with both lists; Check Callback Network (values from test options, or
// picked in the quick pick by a person) opens the result tables; an account without a callback URL
// gets the 40201 explanation and fix in the error notification.
import * as assert from 'assert';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';

import { DEFAULT_CALLBACK_URL, FAKE_API_DOMAIN_IPS, FAKE_CALLBACK_IPS } from '../fake-wechat/network';
import { ensureAccount } from './support/api';
import { fakeCalls, itConfig, setCallbackUrl, waitFor } from './support/env';
import { closeAllEditorsDiscarding } from './support/menu';
import { answerInput, readNotification, requireRunner } from './support/ui';

/** Runs a command that opens a document; returns its result and the untitled Markdown document it opened. */
async function runAndOpen(command: string, ...args: unknown[]): Promise<{ result: unknown; document: vscode.TextDocument }> {
  const opened = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
  const result = await vscode.commands.executeCommand(command, ...args);
  const editor = await waitFor('the result document', () => {
    const e = vscode.window.activeTextEditor;
    return e && !opened.has(e.document.uri.toString()) ? e : undefined;
  });
  return { result, document: editor.document };
}

/** The lines of each ```text block. */
function fencedBlocks(markdown: string): string[][] {
  return [...markdown.matchAll(/^```text\n([\s\S]*?)\n```$/gm)].map((match) => (match[1] ?? '').split('\n'));
}

async function callsSince(before: number, path: string): Promise<Array<{ body: unknown; errcode?: number; method: string }>> {
  return (await fakeCalls()).slice(before).filter((call) => call.path === path);
}

suite('network diagnostics: server IPs and the callback check (fake WeChat server)', () => {
  suiteSetup(async () => {
    await ensureAccount();
  });

  suiteTeardown(async () => {
    await setCallbackUrl(DEFAULT_CALLBACK_URL);
    await vscode.commands.executeCommand('notifications.clearAll');
    await closeAllEditorsDiscarding();
  });

  test('Show WeChat Server IPs: one Markdown document, each list in its own block, with the fetch time', async () => {
    const config = await itConfig();
    const before = (await fakeCalls()).length;
    const { result, document } = await runAndOpen('wechat.showServerIps');
    assert.strictEqual(result, true);
    assert.strictEqual(document.isUntitled, true);
    assert.strictEqual(document.languageId, 'markdown');
    const text = document.getText();
    assert.deepStrictEqual(fencedBlocks(text), [FAKE_API_DOMAIN_IPS, FAKE_CALLBACK_IPS]);
    assert.ok(text.includes(config.appId), 'the document names the account');
    assert.match(text, /Fetched at .*every day/);
    for (const path of ['/cgi-bin/get_api_domain_ip', '/cgi-bin/getcallbackip']) {
      const calls = await callsSince(before, path);
      assert.deepStrictEqual(
        calls.map((c) => [c.method, c.errcode]),
        [['GET', 0]],
        path,
      );
    }
    // The copy actions wait in a notification beside the document.
    if ((await itConfig()).controlUrl) assert.match(await readNotification('Fetch them again tomorrow'), /Copy API IPs.*Copy Callback IPs/);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test("Check Callback Network (action and operator as test options): DNS and ping tables of the fake's answer", async () => {
    const before = (await fakeCalls()).length;
    const { result, document } = await runAndOpen('wechat.checkCallbackNetwork', { action: 'all', operator: 'UNICOM' });
    assert.strictEqual(result, true);
    assert.strictEqual(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(text, /action `all`, operator `UNICOM`/);
    assert.match(text, /^\| 203\.0\.113\.10 \| CHINANET \|$/m, 'DNS row: the IP and its operator');
    assert.match(text, /^\| 198\.51\.100\.20 \| UNICOM \| 0% \| [\d.]+ms \|$/m, 'ping row: IP, from operator, loss, time');
    assert.match(text, /No packet loss/);
    const calls = await callsSince(before, '/cgi-bin/callback/check');
    assert.deepStrictEqual(
      calls.map((c) => [c.method, c.body, c.errcode]),
      [['POST', { action: 'all', check_operator: 'UNICOM' }, 0]],
    );
  });

  test("a person picks the operator in the quick pick (each value explained): ping from Tencent's network", async function () {
    await requireRunner(this);
    const before = (await fakeCalls()).length;
    const opened = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    const pending = vscode.commands.executeCommand('wechat.checkCallbackNetwork', { action: 'ping' });
    const seen = await answerInput('Tencent network');
    assert.match(seen.title, /Check Callback Network/);
    assert.match(seen.placeholder, /operator/);
    assert.strictEqual(await pending, true);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && !opened.has(editor.document.uri.toString()), 'the result opened');
    assert.doesNotMatch(editor.document.getText(), /DNS resolution/, 'ping only: no DNS table');
    const calls = await callsSince(before, '/cgi-bin/callback/check');
    assert.deepStrictEqual(
      calls.map((c) => c.body),
      [{ action: 'ping', check_operator: 'CAP' }],
    );
  });

  test('a person picks the action in the quick pick, which names the account: DNS only', async function () {
    await requireRunner(this);
    const config = await itConfig();
    const before = (await fakeCalls()).length;
    const pending = vscode.commands.executeCommand('wechat.checkCallbackNetwork', { operator: 'CHINANET' });
    const seen = await answerInput('DNS only');
    assert.ok(seen.title.includes(config.appId), `the title names the account: ${seen.title}`);
    assert.strictEqual(await pending, true);
    const calls = await callsSince(before, '/cgi-bin/callback/check');
    assert.deepStrictEqual(
      calls.map((c) => c.body),
      [{ action: 'dns', check_operator: 'CHINANET' }],
    );
  });

  test('an account without a callback URL: errcode 40201, explained with where to set the server URL, and no document', async function () {
    await requireRunner(this);
    await setCallbackUrl(null);
    const before = (await fakeCalls()).length;
    const documents = vscode.workspace.textDocuments.length;
    const pending = vscode.commands.executeCommand('wechat.checkCallbackNetwork', { action: 'all', operator: 'DEFAULT' });
    const text = await readNotification('errcode 40201');
    assert.match(text, /callback network check of .* failed/);
    assert.match(text, /No callback URL \(server URL\) is configured/);
    assert.match(text, /Settings and Development → Basic configuration → Server configuration/);
    assert.match(text, /Open MP Console/, 'the console is one click away');
    assert.match(text, /Show Log/);
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.strictEqual(await pending, false);
    assert.strictEqual(vscode.workspace.textDocuments.length, documents, 'no result document for a failed check');
    const calls = await callsSince(before, '/cgi-bin/callback/check');
    assert.deepStrictEqual(
      calls.map((c) => c.errcode),
      [40201],
    );
    await setCallbackUrl(DEFAULT_CALLBACK_URL);
  });

  test('a test option WeChat would refuse is refused before any call, with the accepted values', async function () {
    await requireRunner(this);
    const before = (await fakeCalls()).length;
    const pending = vscode.commands.executeCommand('wechat.checkCallbackNetwork', { action: 'traceroute', operator: 'DEFAULT' });
    assert.strictEqual(await pending, false);
    assert.match(await readNotification('traceroute'), /dns, ping, all/);
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.deepStrictEqual(await callsSince(before, '/cgi-bin/callback/check'), []);
  });
});
