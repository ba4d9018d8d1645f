// What a UI test gets from the runner (scripts/vscode-host/run-e2e.mjs), and the few moves a person
// makes in the workbench. playwright-core lives in the host cache, not in devDependencies, so the
// page is typed here by the small part of Playwright's Page that the tests use.

export interface Locator {
  first(): Locator;
  nth(index: number): Locator;
  filter(options: { visible?: boolean; hasText?: string | RegExp }): Locator;
  locator(selector: string): Locator;
  waitFor(options?: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  click(options?: { timeout?: number }): Promise<void>;
  isVisible(): Promise<boolean>;
  textContent(options?: { timeout?: number }): Promise<string | null>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  inputValue(options?: { timeout?: number }): Promise<string>;
  allTextContents(): Promise<string[]>;
  count(): Promise<number>;
  pressSequentially(text: string, options?: { delay?: number }): Promise<void>;
  screenshot(options?: { path?: string }): Promise<unknown>;
}

/** A webview's content lives in nested iframes. */
export interface FrameLocator {
  locator(selector: string): Locator;
  frameLocator(selector: string): FrameLocator;
}

export interface Page {
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  locator(selector: string): Locator;
  frameLocator(selector: string): FrameLocator;
  /** A JavaScript expression evaluated in the page (the tests are compiled without DOM types). */
  evaluate<R>(expression: string): Promise<R>;
  screenshot(options?: { path?: string; fullPage?: boolean }): Promise<unknown>;
  waitForTimeout(ms: number): Promise<void>;
}

export interface UiContext {
  readonly page: Page;
  readonly account: { readonly appId: string; readonly secret: string };
  readonly fake: {
    isTokenValid(token: string): boolean;
    callsTo(path: string): Array<{ body: unknown }>;
    /** The account's live default menu (upload shape), or undefined. */
    liveMenu(appId: string): unknown;
    setLiveMenu(appId: string, menu: unknown): void;
  };
  /** Saves test-results/<name>.png (whole window) and returns its path. */
  shot(name: string): Promise<string>;
  /** Saves test-results/<name>.png of one element. */
  shotOf(locator: Locator, name: string): Promise<string>;
}

export interface UiTest {
  readonly name: string;
  run(ui: UiContext): Promise<void>;
}

const VISIBLE = { visible: true } as const;
const T = 20_000;

export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget').filter(VISIBLE).first();
}

/** F1, type the command's title as shown in the palette, Enter on that row. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const widget = quickInput(page);
  await widget.waitFor({ state: 'visible', timeout: T });
  await page.keyboard.type(title, { delay: 10 });
  // Rows re-order while results arrive: wait for the exact label, then let it settle.
  const row = widget.locator('.monaco-list-row').filter(VISIBLE).filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: T });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

/** Waits until the shared quick-input widget shows the extension's prompt (not the palette). */
export async function waitForPrompt(page: Page, titleIncludes: string | RegExp): Promise<Locator> {
  const widget = quickInput(page);
  const input = widget.locator('input.input').first();
  const deadline = Date.now() + T;
  for (;;) {
    const visible = (await widget.count()) > 0;
    const value = visible ? await input.inputValue().catch(() => '>') : '>';
    const title = visible
      ? ((await widget
          .locator('.quick-input-title')
          .first()
          .textContent()
          .catch(() => '')) ?? '')
      : '';
    const matches = typeof titleIncludes === 'string' ? title.includes(titleIncludes) : titleIncludes.test(title);
    if (visible && !value.startsWith('>') && matches) return widget;
    if (Date.now() > deadline) throw new Error(`no prompt titled ${String(titleIncludes)} (last title "${title}", value "${value}")`);
    await page.waitForTimeout(100);
  }
}

/** The extension's status-bar item (id `wechat.token`). */
export function statusItem(page: Page): Locator {
  return page.locator('[id$="wechat.token"]').filter(VISIBLE).first();
}

export async function statusText(page: Page): Promise<string> {
  return ((await statusItem(page).textContent({ timeout: T })) ?? '').trim();
}

export async function waitForStatus(page: Page, pattern: RegExp, what: string): Promise<string> {
  const deadline = Date.now() + T;
  for (;;) {
    const last = await statusText(page).catch(() => '');
    if (pattern.test(last)) return last;
    if (Date.now() > deadline) throw new Error(`status bar never showed ${what} (last: "${last}")`);
    await page.waitForTimeout(200);
  }
}

/** The absolute path of the folder the workbench opened (from its `?folder=vscode-remote://…` URL). */
export async function workspacePath(page: Page): Promise<string> {
  const href = await page.evaluate<string>('location.href');
  const folder = new URL(href).searchParams.get('folder');
  if (!folder) throw new Error(`the workbench opened no folder: ${href}`);
  return decodeURIComponent(new URL(folder).pathname);
}

/** Waits until `probe` is truthy (polling every 200 ms), else fails naming `what`. */
export async function until<T>(page: Page, what: string, probe: () => Promise<T> | T, ms = T): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      last = await probe();
      if (last) return last as NonNullable<T>;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${String(last)})`);
    await page.waitForTimeout(200);
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
