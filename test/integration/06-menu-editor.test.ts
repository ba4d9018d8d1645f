// Menu files in the editor of a real VS Code: every broken WeChat rule is a diagnostic on exactly
// its line and node, with the errcode it prevents; fixing the text clears it after the debounce;
// an invalid menu is refused before anything is sent; the JSON schema is served; New Menu File
// starts from a valid menu.
import * as assert from 'assert';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';

import { activate } from './support/api';
import { fakeCalls, liveMenu, setLiveMenu, waitFor } from './support/env';
import {
  closeAllEditorsDiscarding,
  codeOf,
  deleteWorkspaceFile,
  menuCalls,
  menuDiagnostics,
  menuText,
  rangeOf,
  showRange,
  writeWorkspaceFile,
} from './support/menu';
import { refusedModalText, requireRunner } from './support/ui';

/** 6 Chinese characters = 18 UTF-8 bytes: two over the 16 bytes a top-level name may have. */
const LONG_NAME = '今日新歌推荐';

const INVALID_MENU = {
  button: [
    { type: 'click', name: '新闻', key: 'NEWS' },
    { type: 'click', name: LONG_NAME, key: 'TODAY_SONG' },
    { type: 'view', name: '官网', url: 'https://www.example.com/' },
  ],
};

suite('menu files in the editor', () => {
  const created: vscode.Uri[] = [];

  suiteSetup(async () => {
    await activate();
  });

  suiteTeardown(async () => {
    await closeAllEditorsDiscarding();
    for (const uri of created) await deleteWorkspaceFile(uri);
  });

  test('an 18-byte top-level name: one diagnostic on exactly that name, errcode 40018, the byte count in the message', async () => {
    const text = menuText(INVALID_MENU);
    const uri = await writeWorkspaceFile('wechat-menu.json', text);
    created.push(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'json');

    const diagnostics = await waitFor('the menu diagnostics of wechat-menu.json', () => {
      const found = menuDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    });
    assert.strictEqual(diagnostics.length, 1, diagnostics.map((d) => `${codeOf(d)} ${d.message}`).join('\n'));
    const [d] = diagnostics;
    const expected = rangeOf(text, `"${LONG_NAME}"`);
    assert.strictEqual(showRange(d!.range), showRange(expected), 'the diagnostic covers the name value, on its line');
    assert.strictEqual(document.lineAt(d!.range.start.line).text.trim(), `"name": "${LONG_NAME}",`);
    assert.strictEqual(codeOf(d!), '40018');
    assert.strictEqual(d!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d!.message, /\b18 bytes\b/);
    assert.match(d!.message, /\b16 bytes\b/);
  });

  test('uploading it sends nothing: no menu/create (no menu call at all), the live menu unchanged', async function () {
    await requireRunner(this);
    const uri = created[0]!;
    await setLiveMenu(undefined);
    const before = (await fakeCalls()).length;
    // The refusal is a modal error listing the problems by line; the test host refuses modal
    // dialogs, and that refusal (the message, not the detail with the lines) reaches the error
    // presenter as a notification. The UI test reads the lines in the real dialog.
    const refused = await refusedModalText('was not uploaded', 'wechat.uploadMenu', uri, { skipConfirmation: true });
    assert.ok(refused, 'uploading an invalid menu must refuse');
    assert.match(refused, /was not uploaded/);
    assert.match(refused, /wechat-menu\.json/);
    const after = (await fakeCalls()).slice(before);
    assert.deepStrictEqual(
      menuCalls(after).map((c) => c.path),
      [],
      'no menu endpoint may be called for an invalid menu',
    );
    assert.strictEqual(await liveMenu(), undefined);
  });

  test('fixing the name in the editor (unsaved) clears the diagnostic after the debounce', async () => {
    const uri = created[0]!;
    const document = await vscode.workspace.openTextDocument(uri);
    assert.strictEqual(menuDiagnostics(uri).length, 1);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, rangeOf(document.getText(), `"${LONG_NAME}"`), '"今日歌曲"'); // 12 bytes
    const t0 = Date.now();
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(document.isDirty);
    await waitFor('the 40018 diagnostic to go away', () => menuDiagnostics(uri).length === 0);
    console.log(`[it]       (cleared ${Date.now() - t0} ms after the edit)`);
  });

  test('several rules at once: each problem on its own line and node, with the errcode it prevents', async () => {
    const menu = {
      button: [
        {
          name: '服务',
          sub_button: [
            { type: 'click', name: '一二三四五六七八九十一二三四五六七八九十一', key: 'LONG_SUB_NAME' }, // 63 bytes > 60
            { type: 'click', name: '长键', key: 'k'.repeat(129) }, // key 129 bytes > 128
            { type: 'teleport', name: '传送', key: 'TELEPORT' }, // unknown sub-button type
            { type: 'view', name: '文档', url: 'ftp://docs.example.com/' }, // not http(s)
          ],
        },
        { type: 'view', name: '帮助', key: 'HELP' }, // view without url
        { type: 'click', name: '', key: 'EMPTY' }, // empty name
      ],
    };
    const text = menuText(menu);
    const uri = await writeWorkspaceFile('rules.wechat-menu.json', text);
    created.push(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const errors = await waitFor('the diagnostics of rules.wechat-menu.json', () => {
      const found = menuDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      return found.length > 0 ? found : undefined;
    });
    const seen = errors.map((d) => `${showRange(d.range)} ${codeOf(d)}`).sort();
    const at2 = (range: vscode.Range, code: string): string => `${showRange(range)} ${code}`;
    const at = (needle: string, code: string): string => at2(rangeOf(text, needle), code);
    const expected: string[] = [
      at('"一二三四五六七八九十一二三四五六七八九十一"', '40025'),
      at(`"${'k'.repeat(129)}"`, '40026'),
      at('"teleport"', '40024'),
      // A sub-button url that is not http(s): "invalid sub button url domain", as the server answers.
      at('"ftp://docs.example.com/"', '40054'),
    ];
    // A view button without url (40020, on its type) and an empty name (40018, on the name).
    const helpButton = rangeOf(text, '"帮助"').start.line - 1;
    expected.push(at2(rangeOf(text, '"view"', helpButton), '40020'));
    const emptyName = rangeOf(text, '"name": ""').start.line;
    expected.push(at2(rangeOf(text, '""', emptyName), '40018'));
    for (const e of expected) assert.ok(seen.includes(e), `missing "${e}" in:\n${seen.join('\n')}`);
    assert.strictEqual(errors.length, expected.length, `unexpected extra errors:\n${seen.join('\n')}`);
  });

  test('a 3.8 MB menu file: one "too large" diagnostic; upload and preview refuse it, nothing is sent', async function () {
    await requireRunner(this);
    const buttons = Array.from(
      { length: 40_000 },
      (_, i) => `{"type":"view","name":"菜单 ${i}","url":"https://shop.example.com/item/${i}","key":"K${i}"}`,
    );
    const text = `{"button":[${buttons.join(',\n')}]}`;
    const uri = await writeWorkspaceFile('wechat-menu-huge.json', text);
    created.push(uri);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitFor('the diagnostic of wechat-menu-huge.json', () => {
      const found = menuDiagnostics(uri);
      return found.length > 0 ? found : undefined;
    });
    assert.deepStrictEqual(
      diagnostics.map((d) => d.message.replace(/\d+ KB; /, 'N KB; ')),
      [
        'The document is too large to be a menu: N KB; a menu file is at most 256 KB (3 buttons with 5 sub-buttons each fit in far less). It was not checked: remove what is not the menu.',
      ],
    );
    const before = (await fakeCalls()).length;
    const refused = await refusedModalText('was not uploaded', 'wechat.uploadMenu', uri, { skipConfirmation: true });
    assert.match(refused ?? '', /was not uploaded/);
    await vscode.commands.executeCommand('wechat.previewMenu', uri);
    const previews = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .filter((tab) => /wechat-menu-huge/.test(tab.label) && tab.label !== 'wechat-menu-huge.json');
    assert.deepStrictEqual(
      previews.map((tab) => tab.label),
      [],
      'no preview opens for it',
    );
    assert.deepStrictEqual(menuCalls((await fakeCalls()).slice(before)), []);
  });

  test('the JSON schema is served at wechat-menu-schema:/wechat-menu.schema.json', async () => {
    const schemaDoc = await vscode.workspace.openTextDocument(vscode.Uri.parse('wechat-menu-schema:/wechat-menu.schema.json'));
    const schema = JSON.parse(schemaDoc.getText()) as { $schema?: string; properties?: Record<string, { description?: string }> };
    assert.match(schema.$schema ?? '', /json-schema\.org/);
    assert.ok(schema.properties?.['button'], 'the schema describes "button"');
    assert.ok(schema.properties?.['matchrule'], 'the schema describes "matchrule"');
    assert.ok((schema.properties?.['button']?.description ?? '').length > 0, 'with descriptions');
    // Its name looks like a menu file's (wechat-menu*.json), but it is not one: no menu problems
    // on it (they would sit in every user's Problems panel as soon as a menu file is open).
    await new Promise((r) => setTimeout(r, 600)); // longer than the validation debounce
    const onSchema = menuDiagnostics(schemaDoc.uri).map((d) => `${codeOf(d)} ${d.message}`);
    assert.deepStrictEqual(onSchema, [], 'the schema document was validated as a menu');
  });

  test('New Menu File opens wechat-menu*.json with a menu that has no error diagnostics', async () => {
    await vscode.commands.executeCommand('wechat.newMenuFile');
    const editor = await waitFor('the new menu editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.isUntitled && /wechat-menu[^/]*\.json$/.test(e.document.uri.path) && e.document.getText().includes('"button"')
        ? e
        : undefined;
    });
    const document = editor.document;
    assert.strictEqual(document.languageId, 'json');
    const menu = JSON.parse(document.getText()) as { button: unknown[] };
    assert.ok(menu.button.length >= 1 && menu.button.length <= 3);
    // The extension has validated it (its code lens says so) and found nothing to fix.
    const lenses = await waitFor('the "Valid WeChat menu" code lens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found?.some((l) => /Valid WeChat menu/.test(l.command?.title ?? '')) ? found : undefined;
    });
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(
      titles.some((t) => /Upload Menu/.test(t)),
      titles.join(' | '),
    );
    const errors = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepStrictEqual(
      errors.map((d) => `${d.source}: ${d.message}`),
      [],
    );
  });
});
