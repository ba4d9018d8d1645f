// A team whose production backend owns the token and keeps it in Redis (WxJava's layout), with a
// real redis-server and a read-only ACL user. The developer's machine has no AppSecret for the
// production account: the extension reads the token, shows its TTL, copies it, uploads a menu
// with it, refuses Force Refresh — and the fake WeChat server sees no token-endpoint call from it.
// Switching back to the developer's own account shows its cached token again, without a fetch.
import * as assert from 'assert';
import * as fs from 'fs';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';

import { addReadOnlyUser, RedisServer, startRedisServer } from '../unit/helpers/redisServer';
import { ensureAccount, heldToken, WeChatApi } from './support/api';
import { fakeCalls, itConfig, liveMenu, tokenCalls, waitFor } from './support/env';
import { closeAllEditorsDiscarding, deleteWorkspaceFile, menuText, writeWorkspaceFile } from './support/menu';
import { requireRunner, settle } from './support/ui';

const READER = { username: 'reader', password: 'reader-pw-5d1f' };
const MENU = { button: [{ type: 'click', name: 'TeamMenu', key: 'TEAM' }] };

suite('team token from Redis (WxJava layout, read-only user)', () => {
  let redis: RedisServer | undefined;
  let api: WeChatApi;
  let prodAppId: string;
  let key: string;
  let prodToken: string;
  let tokenCallsBefore = 0;
  let menuFile: vscode.Uri | undefined;
  const wechat = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('wechat');

  /** What production's backend does: fetch a token from WeChat, keep it in Redis with TTL expires_in − 200. */
  async function productionStoresToken(): Promise<string> {
    const config = await itConfig();
    const production = config.production!;
    const res = await fetch(`${config.fakeUrl}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: production.appId, secret: production.secret, force_refresh: true }),
    });
    const body = (await res.json()) as { access_token: string; expires_in: number };
    redis!.cli('SET', key, body.access_token, 'EX', String(body.expires_in - 200));
    tokenCallsBefore = tokenCalls(await fakeCalls()).length;
    return body.access_token;
  }

  /** wechat.redis.url is machine-scoped: it lives in the machine settings file, like the API base URL. */
  function writeMachineSetting(name: string, value: unknown): void {
    const file = machineSettingsFile;
    if (!file) throw new Error('no machine settings file (offline runner only)');
    const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8') || '{}') as Record<string, unknown>) : {};
    if (value === undefined) delete current[name];
    else current[name] = value;
    fs.writeFileSync(file, JSON.stringify(current, null, 2));
  }
  let machineSettingsFile: string | undefined;

  suiteSetup(async function () {
    await requireRunner(this);
    const config = await itConfig();
    machineSettingsFile = config.machineSettingsFile;
    prodAppId = config.production!.appId;
    key = `wx:access_token:${prodAppId}`;
    api = await ensureAccount();
    redis = await startRedisServer();
    addReadOnlyUser(redis, READER.username, READER.password);
    prodToken = await productionStoresToken();
    writeMachineSetting('wechat.redis.url', `redis://127.0.0.1:${redis.port}/0`);
    await waitFor('wechat.redis.url in the settings', () => wechat().get<string>('redis.url')?.includes(String(redis!.port)));
    assert.strictEqual(
      await vscode.commands.executeCommand<boolean>('wechat.setRedisPassword', { username: READER.username, appSecret: READER.password }),
      true,
    );
    await wechat().update('teamSource.minReadIntervalSeconds', 5, vscode.ConfigurationTarget.Global);
    await wechat().update(
      'accounts',
      [{ name: 'Production', appId: prodAppId, tokenSource: 'redis', redis: { layout: 'wxjava' } }],
      vscode.ConfigurationTarget.Global,
    );
  });

  suiteTeardown(async () => {
    await closeAllEditorsDiscarding();
    if (menuFile) await deleteWorkspaceFile(menuFile);
    const config = await itConfig();
    await vscode.commands.executeCommand('wechat.switchAccount', { appId: config.appId });
    await wechat().update('accounts', undefined, vscode.ConfigurationTarget.Global);
    await wechat().update('teamSource.minReadIntervalSeconds', undefined, vscode.ConfigurationTarget.Global);
    if (machineSettingsFile) writeMachineSetting('wechat.redis.url', undefined);
    await redis?.stop();
  });

  test('switching to the production account shows the token production holds, its TTL, and the key — no fetch, no AppSecret', async () => {
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.switchAccount', { appId: prodAppId }), true);
    const view = await waitFor('the production token', () =>
      heldToken(api) === prodToken && api.statusBar()?.kind === 'valid' ? api.statusBar() : undefined,
    );
    assert.match(view.text, /^\$\(key\) (\d+h \d+m|\d+m)$/);
    assert.strictEqual(view.details.accountName, 'Production');
    assert.deepStrictEqual(view.details.teamSource, { kind: 'redis', where: `${key} (db 0)` });
    // The countdown comes from the key's TTL (expires_in − 200), not from a fetch.
    const ttlMs = Number(redis!.cli('PTTL', key));
    assert.ok(Math.abs(view.details.expiresAt! - (Date.now() + ttlMs)) < 5000, "expiry follows the key's TTL");
    assert.strictEqual(tokenCalls(await fakeCalls()).length, tokenCallsBefore, 'a token endpoint was called');
  });

  test("Copy Access Token copies the team's token", async () => {
    await vscode.env.clipboard.writeText('');
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.copyAccessToken'), true);
    assert.strictEqual(await vscode.env.clipboard.readText(), prodToken);
    assert.strictEqual(tokenCalls(await fakeCalls()).length, tokenCallsBefore);
  });

  test("a menu upload with the team's token to a host its tokens never went to asks first; refused, nothing is sent", async () => {
    // The fake is not WeChat's host and this account's tokens never went there: the token-host
    // modal asks (the smoke-test driver of this host refuses every modal, like Cancel), so the
    // production token stays here and the live menu is unchanged.
    const before = JSON.stringify(await liveMenu(prodAppId));
    menuFile = await writeWorkspaceFile('team.wechat-menu.json', menuText(MENU));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(menuFile));
    // The refusal is presented as an error notification that waits for a click.
    await settle(vscode.commands.executeCommand('wechat.uploadMenu', menuFile, { skipConfirmation: true }), 'the refused upload');
    const calls = await fakeCalls();
    assert.ok(!calls.some((c) => c.query['access_token'] === prodToken), 'the production token reached a host nobody confirmed');
    assert.strictEqual(JSON.stringify(await liveMenu(prodAppId)), before);
    assert.strictEqual(tokenCalls(calls).length, tokenCallsBefore);
  });

  test('Force Refresh is refused for a team account and says why; nothing is fetched', async () => {
    const pending = vscode.commands.executeCommand<boolean>('wechat.forceRefreshAccessToken', { skipConfirmation: true });
    // The explanation is an error notification that waits for a click.
    assert.strictEqual(await settle(pending, 'the refused Force Refresh'), false);
    assert.strictEqual(heldToken(api), prodToken);
    assert.strictEqual(tokenCalls(await fakeCalls()).length, tokenCallsBefore);
  });

  test('production rotates the token: Refresh reads Redis again and picks it up', async () => {
    const rotated = await productionStoresToken();
    // At most one read per wechat.teamSource.minReadIntervalSeconds (5 s here) per window.
    await new Promise((resolve) => setTimeout(resolve, 5200));
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.refreshAccessToken'), true);
    await waitFor('the rotated token', () => heldToken(api) === rotated);
    assert.strictEqual(tokenCalls(await fakeCalls()).length, tokenCallsBefore, 'the extension fetched instead of reading');
  });

  test('the read-only user was enough: Redis refused no command (ACL LOG is empty)', () => {
    assert.strictEqual(redis!.cli('ACL', 'LOG').trim(), '');
  });

  test("switching back to the developer's own account shows its cached token at once, without a fetch", async () => {
    const config = await itConfig();
    const before = tokenCalls(await fakeCalls()).length;
    assert.strictEqual(await vscode.commands.executeCommand<boolean>('wechat.switchAccount', { appId: config.appId }), true);
    const view = await waitFor("the developer's token", () =>
      api.statusBar()?.kind === 'valid' && !api.statusBar()?.details.teamSource ? api.statusBar() : undefined,
    );
    assert.strictEqual(view.details.appId, config.appId);
    assert.notStrictEqual(heldToken(api), undefined);
    assert.strictEqual(tokenCalls(await fakeCalls()).length, before);
  });
});
