// A person edits and uploads the custom menu (runs after token.e2e: the AppSecret is set).
// The menu file is in the workspace with a name two bytes too long → open it from the explorer →
// the squiggle and the Problems entry say "18 bytes" → Upload is refused in a dialog listing the
// line → fix the name by typing → Upload/Preview in the editor title → the preview shows the phone
// → Upload from the editor title → confirm the dialog naming the account → success notification;
// the fake WeChat server's live menu is the one in the editor.
import * as fs from 'fs';
import * as path from 'path';
import { isDeepStrictEqual } from 'util';

import { assert, Locator, Page, runCommand, statusText, UiContext, UiTest, until, workspacePath } from './ui';

const FILE = 'wechat-menu.json';
const LONG_NAME = '今日新歌推荐'; // 6 Chinese characters = 18 bytes; a top-level name allows 16

/** What is live before: the upload must replace it. */
const LIVE_BEFORE = { button: [{ type: 'click', name: 'Old', key: 'OLD_MENU' }] };

function menuWithName(name: string): { button: unknown[] } {
  return {
    button: [
      { type: 'click', name, key: 'TODAY_SONG' },
      { type: 'view', name: '官网', url: 'https://www.example.com/' },
      {
        name: '服务',
        sub_button: [
          { type: 'click', name: '联系客服', key: 'CONTACT' },
          { type: 'location_select', name: '发送位置', key: 'SEND_LOCATION' },
        ],
      },
    ],
  };
}

const FIXED_NAME = 'Today';
const INVALID_TEXT = JSON.stringify(menuWithName(LONG_NAME), null, 2) + '\n';
/** 1-based line of the long name, as the dialog and Go to Line count. */
const NAME_LINE = INVALID_TEXT.split('\n').findIndex((l) => l.includes(LONG_NAME)) + 1;

const VISIBLE = { visible: true } as const;

function tab(page: Page, name: string): Locator {
  return page.locator(`.tabs-container .tab[data-resource-name="${name}"]`).filter(VISIBLE).first();
}

/** The editor group that shows the menu file, and its title-bar action `label`. */
function titleAction(page: Page, label: string): Locator {
  return page
    .locator('.editor-group-container')
    .filter({ hasText: FILE })
    .locator(`.editor-actions .action-label[aria-label="${label}"]`)
    .filter(VISIBLE)
    .first();
}

function dialog(page: Page): Locator {
  return page.locator('.monaco-dialog-box').filter(VISIBLE).first();
}

async function dialogText(page: Page): Promise<{ message: string; detail: string; buttons: string[] }> {
  const box = dialog(page);
  await box.waitFor({ state: 'visible', timeout: 20_000 });
  const message = ((await box.locator('.dialog-message-text').first().textContent()) ?? '').trim();
  const detail = (
    (await box
      .locator('.dialog-message-detail')
      .first()
      .textContent()
      .catch(() => '')) ?? ''
  ).trim();
  const buttons = (await box.locator('.dialog-buttons a, .dialog-buttons button').filter(VISIBLE).allTextContents()).map((t) => t.trim());
  return { message, detail, buttons };
}

function squiggles(page: Page): Locator {
  return page.locator('.editor-group-container').filter({ hasText: FILE }).locator('.monaco-editor .squiggly-error');
}

function createCalls(fake: UiContext['fake']): number {
  return fake.callsTo('/cgi-bin/menu/create').length;
}

export const tests: UiTest[] = [
  {
    name: 'menu: open wechat-menu.json from the explorer → an 18-byte name is underlined, the Problems panel says why',
    async run({ page, account, fake, shot }) {
      assert(
        /\d+h \d+m|\d+m/.test(await statusText(page)),
        'this test needs the AppSecret set by token.e2e (status bar shows no countdown)',
      );
      fake.setLiveMenu(account.appId, LIVE_BEFORE);
      fs.writeFileSync(path.join(await workspacePath(page), FILE), INVALID_TEXT);

      await runCommand(page, 'View: Show Explorer');
      const row = page.locator('.explorer-folders-view .monaco-list-row').filter(VISIBLE).filter({ hasText: FILE }).first();
      await until(page, `${FILE} in the explorer`, async () => {
        if (await row.isVisible()) return true;
        await runCommand(page, 'File: Refresh Explorer');
        return false;
      });
      await row.click();
      await tab(page, FILE).waitFor({ state: 'visible', timeout: 20_000 });
      await until(page, 'the red squiggle under the long name', async () => (await squiggles(page).count()) > 0);

      await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
      const problem = page.locator('.markers-panel .monaco-list-row').filter(VISIBLE).filter({ hasText: '18 bytes' }).first();
      await problem.waitFor({ state: 'visible', timeout: 20_000 });
      const text = (await problem.textContent()) ?? '';
      assert(/40018/.test(text), `the problem names errcode 40018: ${text}`);
      assert(new RegExp(`Ln ${NAME_LINE}\\b`).test(text), `the problem points at line ${NAME_LINE}: ${text}`);
      await shot('menu-editor-diagnostics');
    },
  },
  {
    name: 'menu: Upload while the name is too long → refused in a dialog that lists the line; nothing sent',
    async run({ page, fake, shot }) {
      const before = createCalls(fake);
      await tab(page, FILE).click();
      await titleAction(page, 'Upload Menu').click();
      const seen = await dialogText(page);
      assert(/was not uploaded/.test(seen.message), `dialog: ${seen.message}`);
      assert(seen.detail.includes(`Line ${NAME_LINE}: Name is 18 bytes`), `the dialog lists the line: ${seen.detail}`);
      await shot('menu-upload-refused');
      await page.keyboard.press('Escape');
      await dialog(page).waitFor({ state: 'hidden', timeout: 20_000 });
      assert(createCalls(fake) === before, 'an invalid menu was sent to WeChat');
    },
  },
  {
    name: 'menu: retype the name (12 → 5 bytes) → the squiggle goes; Upload, Preview and the code lens are there',
    async run({ page, shot }) {
      await tab(page, FILE).click();
      await page.locator('.editor-group-container').filter({ hasText: FILE }).locator('.monaco-editor .view-lines').first().click();
      await runCommand(page, 'Go to Line/Column...');
      await page.keyboard.type(String(NAME_LINE), { delay: 10 });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Home'); // first non-blank character
      await page.keyboard.press('Shift+End');
      await page.keyboard.press('Delete');
      await page.keyboard.type(`"name": "${FIXED_NAME}",`, { delay: 20 }); // quotes type over the auto-closed ones
      await until(page, 'the squiggle to go away', async () => (await squiggles(page).count()) === 0);
      await titleAction(page, 'Upload Menu').waitFor({ state: 'visible', timeout: 20_000 });
      await titleAction(page, 'Preview Menu').waitFor({ state: 'visible', timeout: 20_000 });
      const lens = page
        .locator('.editor-group-container')
        .filter({ hasText: FILE })
        .locator('.codelens-decoration')
        .filter(VISIBLE)
        .first();
      const lensText = await until(page, 'the "Valid WeChat menu" code lens', async () => {
        const t = (await lens.textContent()) ?? '';
        return /Valid WeChat menu/.test(t) ? t : undefined;
      });
      assert(/Upload Menu/.test(lensText) && /Preview/.test(lensText), `code lens: ${lensText}`);
      const problemsLeft = await page.locator('.markers-panel .monaco-list-row').filter(VISIBLE).allTextContents();
      assert(!problemsLeft.some((t) => /WeChat menu/.test(t)), `menu problems left in the Problems panel: ${problemsLeft.join(' | ')}`);
      await shot('menu-editor-fixed');
      await page.keyboard.press('Control+J'); // hide the panel: room for the phone
      await page.locator('.markers-panel').first().waitFor({ state: 'hidden', timeout: 20_000 });
    },
  },
  {
    name: 'menu: Preview from the editor title → a phone with the button names beside the editor',
    async run({ page, shot }) {
      await titleAction(page, 'Preview Menu').click();
      const previewTab = page
        .locator('.tabs-container .tab')
        .filter(VISIBLE)
        .filter({ hasText: `Menu Preview: ${FILE}` })
        .first();
      await previewTab.waitFor({ state: 'visible', timeout: 20_000 });
      // The webview: an iframe (.webview) holding the content iframe (#active-frame).
      const content = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const tops = content.locator('.menubar .menu-top');
      const labels = await until(
        page,
        'the three buttons in the phone',
        async () => {
          const all = (await tops.allTextContents()).map((t) => t.trim());
          return all.length === 3 ? all : undefined;
        },
        30_000,
      );
      for (const name of [FIXED_NAME, '官网', '服务'])
        assert(
          labels.some((l) => l.includes(name)),
          `the phone shows "${name}": ${labels.join(' | ')}`,
        );
      await shot('menu-preview-vscode');
    },
  },
  {
    name: 'menu: Upload from the editor title → the dialog names the account → Upload → success; the live menu is the edited one',
    async run({ page, account, fake, shot }) {
      const before = createCalls(fake);
      await tab(page, FILE).click();
      await titleAction(page, 'Upload Menu').click();
      const seen = await dialogText(page);
      assert(seen.message.includes(account.appId), `the confirmation names the account: ${seen.message}`);
      assert(seen.message.includes(FILE), `the confirmation names the file: ${seen.message}`);
      assert(createCalls(fake) === before, 'uploaded before the person confirmed');
      await shot('menu-upload-confirm');
      await dialog(page).locator('.dialog-buttons a, .dialog-buttons button').filter(VISIBLE).filter({ hasText: 'Upload' }).first().click();
      await dialog(page).waitFor({ state: 'hidden', timeout: 20_000 });

      const toast = page.locator('.notification-toast').filter(VISIBLE).filter({ hasText: 'Menu uploaded to' }).first();
      await toast.waitFor({ state: 'visible', timeout: 30_000 });
      const toastText = (await toast.textContent()) ?? '';
      assert(toastText.includes(account.appId), `the notification names the account: ${toastText}`);
      assert(/Open Backup/.test(toastText), `the notification offers the backup: ${toastText}`);
      await page.waitForTimeout(600); // the toast fades in: let the screenshot show it
      await shot('menu-uploaded');

      const expected = menuWithName(FIXED_NAME);
      await until(page, 'the fake to hold the edited menu', () => isDeepStrictEqual(fake.liveMenu(account.appId), expected));
      assert(createCalls(fake) === before + 1, `expected one menu/create, saw ${createCalls(fake) - before}`);
    },
  },
];
