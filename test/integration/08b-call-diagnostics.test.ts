// Why did my API call fail? In the real host against the fake WeChat server: the rid of a real
// failed call looked up (the document, the token redacted), the API quota table, Clear API Quota
// with the monthly counter, and the way out of a 45009 on the token fetch (clear_quota/v2, no token).
import * as assert from 'assert';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';

import { ensureAccount, heldToken, WeChatApi } from './support/api';
import { FakeCall, fakeCalls, itConfig, waitFor } from './support/env';
import { closeAllEditorsDiscarding } from './support/menu';
import { fakeQuotaResets, refusedModalText, requireRunner, setFakeQuota, settle } from './support/ui';

const RID = /rid ([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})/;

/** The text of the document a command just opened (the active editor). */
async function openedDocument(before: vscode.TextEditor | undefined): Promise<string> {
  const editor = await waitFor('the result document', () => {
    const active = vscode.window.activeTextEditor;
    return active && active !== before && active.document.languageId === 'markdown' ? active : undefined;
  });
  return editor.document.getText();
}

async function callsSince(count: number): Promise<FakeCall[]> {
  return (await fakeCalls()).slice(count);
}

/** The confirmation of Clear API Quota: a test host refuses modal dialogs and rejects with their text. */
async function clearQuotaPrompt(): Promise<string> {
  return refusedModalText('Clear the API quota of', 'wechat.clearApiQuota');
}

suite('call diagnostics: request lookup and API quota', () => {
  let api: WeChatApi;

  suiteSetup(async () => {
    api = await ensureAccount();
  });

  suiteTeardown(async () => {
    await closeAllEditorsDiscarding();
  });

  test('the rid of a real failed call, pasted as its errmsg, shows that request with the token redacted', async () => {
    // A quota read of a path WeChat keeps no quota for fails with 76021; its row carries the rid.
    let before = vscode.window.activeTextEditor;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.showApiQuota', '/sns/userinfo'), true);
    const table = await openedDocument(before);
    const rid = RID.exec(table.split('/sns/userinfo').pop() ?? '')?.[1];
    assert.ok(rid, `no rid for the failed row in:\n${table}`);

    const count = (await fakeCalls()).length;
    before = vscode.window.activeTextEditor;
    const errmsg = `cgi_path not found, please check rid: ${rid}`;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.lookUpRequest', errmsg), true);
    const report = await openedDocument(before);
    assert.ok(report.startsWith(`# WeChat request ${rid}`), report);
    assert.ok(report.includes('/cgi-bin/openapi/quota/get?access_token=***'), report);
    assert.ok(report.includes('"cgi_path": "/sns/userinfo"'), report);
    assert.ok(report.includes('**errcode 76021**'), report);
    assert.ok(report.includes('| Client IP | `127.0.0.1` |'), report);
    const token = heldToken(api);
    assert.ok(token && !report.includes(token), 'the access token never reaches the document');
    const lookups = (await callsSince(count)).filter((c) => c.path === '/cgi-bin/openapi/rid/get');
    assert.deepStrictEqual(
      lookups.map((c) => c.body),
      [{ rid }],
    );
    assert.strictEqual(lookups[0]?.errcode, 0);
  });

  test('Look Up Request with text that holds no rid says so and asks WeChat nothing', async () => {
    const count = (await fakeCalls()).length;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.lookUpRequest', 'errcode 40001 at 12:00'), false);
    assert.deepStrictEqual(await callsSince(count), []);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('Show API Quota: a table of the token and menu APIs, less than 10 % left marked', async function () {
    await requireRunner(this);
    await setFakeQuota('/cgi-bin/menu/create', 950);
    try {
      const before = vscode.window.activeTextEditor;
      assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.showApiQuota', ''), true);
      const table = await openedDocument(before);
      assert.match(table, /\| `\/cgi-bin\/stable_token` \| 500000 \| \d+ \| \d+ \(\d+\.\d %\) \|/);
      assert.ok(table.includes('| `/cgi-bin/menu/create` | 1000 | 950 | ⚠️ **50** (5.0 %) |'), table);
      assert.ok(table.includes('| `/cgi-bin/token` | 2000 |'), table);
      assert.ok(table.includes('1 API(s) have less than 10 % of their daily quota left.'), table);
    } finally {
      await setFakeQuota('/cgi-bin/menu/create', 0);
    }
  });

  test('Clear API Quota with a token: names the account, counts the reset on this machine', async function () {
    await requireRunner(this);
    const config = await itConfig();
    const prompt = await clearQuotaPrompt();
    assert.ok(prompt.includes(`Clear the API quota of ${config.appId}?`), prompt);
    const used = Number(/This machine has used (\d+) of the 10 resets WeChat allows per month/.exec(prompt)?.[1]);
    assert.ok(Number.isInteger(used), `the confirmation shows this month's count: ${prompt}`);

    await setFakeQuota('/cgi-bin/menu/create');
    const resets = await fakeQuotaResets();
    const count = (await fakeCalls()).length;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.clearApiQuota', { skipConfirmation: true }), true);
    const calls = await callsSince(count);
    assert.deepStrictEqual(
      calls.filter((c) => c.path.startsWith('/cgi-bin/clear_quota')).map((c) => [c.path, c.body, c.errcode]),
      [['/cgi-bin/clear_quota', { appid: config.appId }, 0]],
    );
    assert.strictEqual(await fakeQuotaResets(), resets + 1);
    assert.ok((await clearQuotaPrompt()).includes(`This machine has used ${used + 1} of the 10 resets`));
  });

  test('a 45009 on the token fetch: Clear API Quota goes through clear_quota/v2 (no token), then tokens come again', async function () {
    await requireRunner(this);
    const config = await itConfig();
    await setFakeQuota('/cgi-bin/stable_token');
    const refused = settle(vscode.commands.executeCommand<boolean>('wechat.refreshAccessToken'), 'the refused refresh');
    assert.strictEqual(await refused, false);
    const failed = await waitFor('the failed state', () => (api.statusBar()?.kind === 'failed' ? api.statusBar() : undefined));
    assert.match(failed.details.lastError ?? '', /daily API quota/);

    const resets = await fakeQuotaResets();
    const count = (await fakeCalls()).length;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.clearApiQuota', { skipConfirmation: true }), true);
    const calls = await callsSince(count);
    const clears = calls.filter((c) => c.path.startsWith('/cgi-bin/clear_quota'));
    assert.deepStrictEqual(
      clears.map((c) => [c.path, c.body, c.errcode]),
      [['/cgi-bin/clear_quota/v2', { appid: config.appId, appsecret: config.secret }, 0]],
    );
    assert.strictEqual(clears[0]?.query['access_token'], undefined, 'v2 needs no token');
    assert.strictEqual(
      calls.filter((c) => c.path === '/cgi-bin/stable_token' && c.errcode === 45009).length,
      0,
      'no token fetch was tried in vain',
    );
    assert.strictEqual(await fakeQuotaResets(), resets + 1);
    await waitFor('a valid token', () => api.statusBar()?.kind === 'valid');

    const after = (await fakeCalls()).length;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.refreshAccessToken'), true);
    assert.deepStrictEqual(
      (await callsSince(after)).filter((c) => c.path === '/cgi-bin/stable_token').map((c) => c.errcode),
      [0],
    );
  });
});
