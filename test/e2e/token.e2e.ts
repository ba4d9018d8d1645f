// A person's first minutes with the extension, in one browser session (order matters):
// status bar says "Set up" → palette "WeChat: Set AppSecret" → type the secret → countdown →
// palette "WeChat: Copy Access Token" → clipboard → click the status bar → quick pick →
// Force Refresh asks in a modal dialog.
import { assert, runCommand, statusItem, UiTest, waitForPrompt, waitForStatus } from './ui';

const COUNTDOWN = /\d+h \d+m|\d+m/;

export const tests: UiTest[] = [
  {
    name: 'a fresh window shows "Set up WeChat" in the status bar',
    async run({ page, shot, shotOf }) {
      await waitForStatus(page, /Set up WeChat/, '"Set up WeChat"');
      await shotOf(statusItem(page), 'status-bar-setup');
      await shot('01-setup-needed');
    },
  },
  {
    name: 'palette → "WeChat: Set AppSecret" → type the secret → the countdown appears',
    async run({ page, account, shot, shotOf }) {
      await runCommand(page, 'WeChat: Set AppSecret');
      const prompt = await waitForPrompt(page, /AppSecret/);
      const input = prompt.locator('input.input').first();
      assert((await input.getAttribute('type')) === 'password', 'the AppSecret box must be a password box');
      await input.pressSequentially(account.secret, { delay: 15 });
      await shot('02-typing-secret');
      await page.keyboard.press('Enter');
      const text = await waitForStatus(page, COUNTDOWN, 'a countdown');
      assert(!text.includes(account.secret), 'the status bar shows the secret');
      await shotOf(statusItem(page), 'status-bar-countdown');
      await shot('03-countdown');
    },
  },
  {
    name: 'palette → "WeChat: Copy Access Token" → the clipboard holds a token the server accepts',
    async run({ page, fake, shot }) {
      await page.evaluate<void>("navigator.clipboard.writeText('')");
      await runCommand(page, 'WeChat: Copy Access Token');
      const deadline = Date.now() + 15_000;
      let copied = '';
      while (!copied && Date.now() < deadline) {
        copied = await page.evaluate<string>('navigator.clipboard.readText()');
        if (!copied) await page.waitForTimeout(200);
      }
      assert(copied.length > 20, `clipboard: "${copied}"`);
      assert(fake.isTokenValid(copied), 'the copied token is not valid at the fake WeChat server');
      await shot('04-copied');
    },
  },
  {
    name: 'clicking the status-bar item opens the actions quick pick',
    async run({ page, shot }) {
      await statusItem(page).click();
      const widget = await waitForPrompt(page, /.*/);
      const rows = widget.locator('.monaco-list-row').filter({ visible: true });
      await rows.first().waitFor({ state: 'visible', timeout: 15_000 });
      const labels = (await rows.allTextContents()).join(' | ');
      for (const expected of ['Copy Access Token', 'Refresh Access Token', 'Force Refresh Access Token', 'Show Log']) {
        assert(labels.includes(expected), `quick pick lacks "${expected}": ${labels}`);
      }
      await shot('05-actions-quick-pick');
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'Force Refresh asks in a modal dialog; Cancel keeps the token',
    async run({ page, fake, account, shot }) {
      const forcedBefore = fake
        .callsTo('/cgi-bin/stable_token')
        .filter((c) => (c.body as { force_refresh?: boolean })?.force_refresh).length;
      await runCommand(page, 'WeChat: Force Refresh Access Token');
      const dialog = page.locator('.monaco-dialog-box').filter({ visible: true }).first();
      await dialog.waitFor({ state: 'visible', timeout: 15_000 });
      const message = (await dialog.textContent()) ?? '';
      assert(/stops working/.test(message), `dialog: ${message}`);
      assert(message.includes(account.appId), `the dialog must name the account: ${message}`);
      await shot('06-force-refresh-dialog');
      await dialog.locator('.dialog-buttons a, .dialog-buttons button').filter({ visible: true, hasText: 'Cancel' }).first().click();
      await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
      const forcedAfter = fake
        .callsTo('/cgi-bin/stable_token')
        .filter((c) => (c.body as { force_refresh?: boolean })?.force_refresh).length;
      assert(forcedAfter === forcedBefore, 'Cancel must not force a refresh');
    },
  },
];
