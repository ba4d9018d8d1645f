// Secrets end to end, in the real VS Code: one run of every command the extension contributes, with
// distinctive values for the AppSecret, the Redis password and the token-service credential, and the
// tokens the fake WeChat server hands out. Afterwards every place the extension writes to or shows
// is scanned — its log file on disk, the notifications seen, the settings files and wechat.* values,
// the browser storage holding globalState/workspaceState, the menu backups and every other file
// under the server's directories and the workspace. Only SecretStorage (and, on explicit copy, the
// clipboard) may hold a secret. A hostile account name also checks that no notification renders a link.
// Each secret is looked for in every form it may take on its way out (test/hardening/secretForms.ts):
// literal, URL-encoded, JSON-escaped and base64; the Redis password and the service credential hold
// characters those encoders change, so each form is a different string.
import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { AddressInfo } from 'net';
import * as path from 'path';
import * as vscode from 'vscode';

import { flushLedger, recordLeakScan } from '../hardening/ledger';
import { describeFindings, findSecrets, LabelledSecret, lookedFor, scanForSecrets, secretForms } from '../hardening/secretForms';
import { addReadOnlyUser, RedisServer, startRedisServer } from '../unit/helpers/redisServer';
import { ensureAccount, heldToken, WeChatApi } from './support/api';
import { EXTENSION_ID, fakeTicket, findFiles, itConfig, waitFor, writeMachineSetting } from './support/env';
import { backupFiles, closeAllEditorsDiscarding, deleteWorkspaceFile, menuText, writeWorkspaceFile } from './support/menu';
import { LEAK_SCAN_MS, STEP_MS } from './support/timing';
import { allNotifications, browserStorageFind, NotificationSeen, requireRunner } from './support/ui';

/** Characters that URL encoding and JSON escaping change: '/', '+', ' ', '"', '\\'. */
const REDIS_PASSWORD = 'leak-redis/pw+8c1d "5e9f\\2a7b4c03';
/** A bearer credential: no space or quote (not allowed in it), but '/', '+' and '='. */
const SERVICE_CREDENTIAL = 'leak-svc/cred+3f6a9d2c7e1b5a84=';
/** The callback Token and EncodingAESKey of a callback set up for the run (WeChat's alphabets). */
const CALLBACK_TOKEN = 'leakCallbackToken7f3e';
const CALLBACK_AES_KEY = 'LeakAesKey0123456789abcdefghijklmnopqrstuvw';
const CALLBACK_URL = 'http://127.0.0.1:9/leak-callback';
/** A name that would be a clickable command link if a notification rendered it as markdown. */
const HOSTILE_NAME = 'Leak [Show Log](command:wechat.showLog)';
/** The team's token service answers only with this bearer credential, with this token. */
const SERVICE_TOKEN = 'leak-service-token-6b2e9c4f1a8d7e30';
const SERVICE_APP_ID = 'wx5eed00000000leak';
const REDIS_USER = 'leak-user';
const MENU = { button: [{ type: 'click', name: 'Leak', key: 'LEAK' }] };
const CALLBACK_OPTIONS = {
  callbackUrl: CALLBACK_URL,
  messageMode: 'safe',
  callbackToken: CALLBACK_TOKEN,
  encodingAesKey: CALLBACK_AES_KEY,
  originalId: 'gh_0123456789ab',
};

/** Commands that end the account's setup run last, so the others see a working account. */
const LAST = [
  'wechat.forceRefreshAccessToken',
  'wechat.clearApiQuota',
  'wechat.deleteMenu',
  'wechat.removeAccount',
  'wechat.clearAppSecret',
  'wechat.setupAccount',
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A token service (中控服务器) that needs `Authorization: Bearer SERVICE_CREDENTIAL`. */
async function startTokenService(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const ok = req.headers.authorization === `Bearer ${SERVICE_CREDENTIAL}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { access_token: SERVICE_TOKEN, expires_in: 3000 } : { code: 401, message: 'bad credential' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/token?appid={appid}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

suite('secrets end to end: every command, then every place scanned [leak]', () => {
  let api: WeChatApi;
  let menuFile: vscode.Uri;
  const notifications: NotificationSeen[] = [];
  const tokens = new Set<string>();
  let redis: RedisServer | undefined;
  let service: { url: string; close(): Promise<void> } | undefined;
  let prodAppId = '';
  const wechat = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('wechat');

  suiteSetup(async function () {
    await requireRunner(this);
    api = await ensureAccount();
    await wechat().update('accountName', HOSTILE_NAME, vscode.ConfigurationTarget.Global);
    // The terminal environment holds the token while on: it must not be persisted anywhere.
    await wechat().update('terminal.exposeToken', true, vscode.ConfigurationTarget.Global);
    menuFile = await writeWorkspaceFile('leak-menu.json', menuText(MENU));

    // The team sources, with credentials that must stay in SecretStorage: a real Redis with an ACL
    // user (production's backend keeps its token there) and a token service behind a bearer credential.
    const config = await itConfig();
    prodAppId = config.production!.appId;
    redis = await startRedisServer();
    addReadOnlyUser(redis, REDIS_USER, REDIS_PASSWORD);
    const answer = await fetch(`${config.fakeUrl}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: prodAppId, secret: config.production!.secret, force_refresh: false }),
    });
    const prodToken = ((await answer.json()) as { access_token: string }).access_token;
    tokens.add(prodToken);
    redis.cli('SET', `wx:access_token:${prodAppId}`, prodToken, 'EX', '2800');
    service = await startTokenService();
    writeMachineSetting(config, 'wechat.redis.url', `redis://127.0.0.1:${redis.port}/0`);
    writeMachineSetting(config, 'wechat.tokenService.url', service.url);
    await waitFor(
      'the team URLs in the settings',
      () =>
        wechat().get<string>('redis.url')?.includes(String(redis!.port)) &&
        wechat().get<string>('tokenService.url')?.startsWith('http://127.0.0.1'),
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('wechat.setRedisPassword', { username: REDIS_USER, appSecret: REDIS_PASSWORD }),
      true,
    );
    assert.strictEqual(await vscode.commands.executeCommand('wechat.setTokenServiceCredential', { appSecret: SERVICE_CREDENTIAL }), true);
    // A callback in safe mode, so the simulator's commands run with a Token and an EncodingAESKey.
    assert.strictEqual(
      await vscode.commands.executeCommand('wechat.setUpCallback', CALLBACK_OPTIONS),
      true,
      'Set Up Callback stored the answers',
    );
    await wechat().update(
      'accounts',
      [
        { name: 'Leak Redis', appId: prodAppId, tokenSource: 'redis', redis: { layout: 'wxjava' } },
        { name: 'Leak Service', appId: SERVICE_APP_ID, tokenSource: 'url' },
      ],
      vscode.ConfigurationTarget.Global,
    );
  });

  suiteTeardown(async () => {
    const config = await itConfig();
    await vscode.commands.executeCommand('wechat.switchAccount', { appId: config.appId });
    await wechat().update('accounts', undefined, vscode.ConfigurationTarget.Global);
    if (config.machineSettingsFile) {
      writeMachineSetting(config, 'wechat.redis.url', undefined);
      writeMachineSetting(config, 'wechat.tokenService.url', undefined);
    }
    await redis?.stop();
    await service?.close();
    await wechat().update('accountName', undefined, vscode.ConfigurationTarget.Global);
    await wechat().update('terminal.exposeToken', undefined, vscode.ConfigurationTarget.Global);
    await wechat().update('simulator.callbacks', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditorsDiscarding();
    if (menuFile) await deleteWorkspaceFile(menuFile);
  });

  /** What each command is given: test options (honoured in test mode only) and, for menu commands, the file. */
  async function argumentsFor(id: string): Promise<unknown[]> {
    const config = await itConfig();
    const options: Record<string, unknown> = { skipConfirmation: true };
    if (id === 'wechat.setAppSecret' || id === 'wechat.setupAccount')
      Object.assign(options, { appId: config.appId, appSecret: config.secret });
    if (id === 'wechat.setRedisPassword') Object.assign(options, { username: REDIS_USER, appSecret: REDIS_PASSWORD });
    if (id === 'wechat.setTokenServiceCredential') Object.assign(options, { appSecret: SERVICE_CREDENTIAL });
    if (id === 'wechat.jsSdkSignature') Object.assign(options, { url: 'https://leak.example/page?x=1' });
    if (id === 'wechat.checkCallbackNetwork') Object.assign(options, { action: 'dns', operator: 'DEFAULT' });
    if (id === 'wechat.setUpCallback') Object.assign(options, CALLBACK_OPTIONS);
    const menuCommand = /Menu|tryMatch/.test(id);
    return menuCommand ? [menuFile, options] : [options];
  }

  /**
   * Runs one command as far as it goes without a person: a prompt it opens is dismissed, a
   * notification it waits on is read and cleared. Every notification is kept for the scan.
   */
  async function runCommand(id: string): Promise<void> {
    let done = false;
    const pending = Promise.resolve(vscode.commands.executeCommand(id, ...(await argumentsFor(id))))
      .then(
        (result: unknown) => {
          if (typeof result === 'string' && result.length > 20) tokens.add(result); // wechat.accessToken
        },
        () => undefined, // a rejection would be a defect of its own, but the scan is about secrets
      )
      .finally(() => (done = true));
    const deadline = Date.now() + STEP_MS;
    while (!done && Date.now() < deadline) {
      await sleep(700);
      if (done) break;
      notifications.push(...(await allNotifications()));
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      await vscode.commands.executeCommand('notifications.clearAll');
    }
    await pending;
    notifications.push(...(await allNotifications()));
    await vscode.commands.executeCommand('notifications.clearAll');
    await closeAllEditorsDiscarding();
    const token = heldToken(api);
    if (token) tokens.add(token);
  }

  test('runs every contributed command, then finds no secret outside SecretStorage', async function () {
    this.timeout(LEAK_SCAN_MS);
    const config = await itConfig();
    const first = heldToken(api);
    if (first) tokens.add(first);
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const all = (ext.packageJSON.contributes.commands as Array<{ command: string }>).map((c) => c.command);
    const order = [...all.filter((id) => !LAST.includes(id)), ...LAST.filter((id) => all.includes(id))];
    // The team accounts first: their token is read with the Redis password / the service credential.
    for (const appId of [prodAppId, SERVICE_APP_ID]) {
      assert.strictEqual(await vscode.commands.executeCommand('wechat.switchAccount', { appId }), true);
      await waitFor(`the token of ${appId}`, () => api.statusBar()?.kind === 'valid');
      for (const id of [
        'wechat.copyAccessToken',
        'wechat.refreshAccessToken',
        'wechat.forceRefreshAccessToken',
        'wechat.showTokenSource',
        'wechat.showActions',
        'wechat.accessToken',
      ]) {
        await runCommand(id);
      }
    }
    assert.ok(tokens.has(SERVICE_TOKEN), "the token service's token was read");
    assert.strictEqual(await vscode.commands.executeCommand('wechat.switchAccount', { appId: config.appId }), true);
    for (const id of order) await runCommand(id);
    // Set AppSecret again at the very end, so the log also records the last state.
    await runCommand('wechat.setAppSecret');
    const ticket = (await fakeTicket()).ticket;

    const secrets: LabelledSecret[] = [
      { label: 'AppSecret', value: config.secret },
      { label: 'AppSecret', value: config.production!.secret },
      { label: 'Redis password', value: REDIS_PASSWORD },
      { label: 'token-service credential', value: SERVICE_CREDENTIAL },
      { label: 'callback Token', value: CALLBACK_TOKEN },
      { label: 'EncodingAESKey', value: CALLBACK_AES_KEY },
      ...[...tokens].map((value) => ({ label: 'access token', value })),
      ...(ticket ? [{ label: 'jsapi_ticket', value: ticket }] : []),
    ];
    try {
      assert.ok(tokens.size >= 2, `the run saw ${tokens.size} token(s); Force Refresh must have issued a second`);
      await scanEverywhere(config, secrets);
    } finally {
      flushLedger();
    }
  });

  async function scanEverywhere(config: Awaited<ReturnType<typeof itConfig>>, secrets: readonly LabelledSecret[]): Promise<void> {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const leaks: string[] = [];
    const scan = (where: string, text: string): void => {
      const found = scanForSecrets(where, text, secrets);
      if (found.length > 0) leaks.push(`${where}: ${describeFindings(found)}`);
    };

    // 1. The extension's LogOutputChannel, as the host wrote it to its logs directory.
    const logs = findFiles(config.scanDirs, 12, (file) => file.endsWith('.log') && file.includes(EXTENSION_ID));
    const logText = logs.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    assert.ok(
      /AppSecret stored in SecretStorage/.test(logText),
      `the scan must cover the extension's log (found: ${logs.join(', ') || 'none'})`,
    );
    scan('extension log file', logText);

    // 2. Every notification the run saw — and none renders a link (the hostile account name).
    assert.ok(notifications.length > 10, `only ${notifications.length} notifications observed`);
    scan('notifications', notifications.map((n) => n.text).join('\n'));
    const linked = notifications.filter((n) => n.links.length > 0);
    assert.deepStrictEqual(linked, [], 'a notification rendered a link');
    assert.ok(
      notifications.some((n) => n.text.includes('Leak [Show Log]')),
      'the hostile account name reached a notification as text',
    );

    // 3. Settings: every wechat.* value and the settings files.
    const keys = Object.keys((ext.packageJSON.contributes.configuration as { properties: Record<string, unknown> }).properties);
    scan('wechat.* settings (inspect)', JSON.stringify(keys.map((key) => wechat().inspect(key.replace(/^wechat\./, '')))));
    const workspaceSettings = vscode.workspace.workspaceFolders?.map((f) => path.join(f.uri.fsPath, '.vscode', 'settings.json')) ?? [];
    for (const file of [config.userSettingsFile, config.machineSettingsFile, ...workspaceSettings]) {
      if (file && fs.existsSync(file))
        scan(`settings file ${path.basename(path.dirname(file))}/settings.json`, fs.readFileSync(file, 'utf8'));
    }

    // 4. globalState / workspaceState: the web client keeps them in the browser's storage.
    const needles = secrets.flatMap((secret) =>
      secretForms(secret.value).map((form) => ({ label: secret.label, form: form.kind, text: form.text })),
    );
    const inBrowser = await browserStorageFind(needles.map((n) => n.text));
    const browserPlaces = inBrowser.map(
      (hit) => `${needles[hit.needle]!.label} (${needles[hit.needle]!.form}) in ${hit.places.join('; ')}`,
    );
    recordLeakScan(
      'browser storage (globalState, workspaceState)',
      inBrowser.reduce((n, hit) => n + hit.places.length, 0),
      { lookedFor: lookedFor(secrets) },
    );
    if (inBrowser.length > 0) leaks.push(`browser storage: ${browserPlaces.join(', ')}`);

    // 5. Menu backups, then every file under the server's directories and the workspace.
    const backups = await backupFiles();
    assert.ok(backups.length > 0, 'the run made no menu backup (Upload and Delete make one)');
    scan('menu backups', backups.map((file) => fs.readFileSync(file, 'utf8')).join('\n'));
    const files = findFiles(config.scanDirs, 12, () => true);
    let inFiles = 0;
    for (const file of files) {
      let bytes: Buffer;
      try {
        if (fs.statSync(file).size > 50 * 1024 * 1024) continue;
        bytes = fs.readFileSync(file);
      } catch {
        continue; // vanished
      }
      const found = findSecrets(bytes, secrets);
      if (found.length > 0) leaks.push(`file ${file}: ${describeFindings(found)}`);
      inFiles += found.reduce((n, f) => n + f.count, 0);
    }
    recordLeakScan('files under user data, server data, extensions and the workspace', inFiles, { lookedFor: lookedFor(secrets) });

    assert.deepStrictEqual(leaks, [], 'a secret leaked');
  }
});
