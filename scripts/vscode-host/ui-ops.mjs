// What a suite in the extension host may ask the runner to do on the page, as a person would:
// answer a modal dialog, type into (or dismiss) an input box, or look into the browser's storage.
// Every wait is bounded (the op's timeoutMs, else STEP_MS of test/integration/support/timing.ts);
// locators are filtered to visible elements (Monaco keeps hidden ones).
import { itTiming } from './timing.mjs';

const VISIBLE = { visible: true };

/**
 * @param {import('playwright-core').Page} page
 * @param {{op: string, [k: string]: unknown}} op
 */
export async function performUiOp(page, op) {
  const timeout = Number(op.timeoutMs ?? itTiming().STEP_MS);
  switch (op.op) {
    case 'dialog': {
      // { click?: button text, escape?: true } → { message, detail, buttons }
      const box = page.locator('.monaco-dialog-box').filter(VISIBLE).first();
      await box.waitFor({ state: 'visible', timeout });
      const message = ((await box.locator('.dialog-message-text').first().textContent()) ?? '').trim();
      const detail = (
        (await box
          .locator('.dialog-message-detail')
          .first()
          .textContent()
          .catch(() => '')) ?? ''
      ).trim();
      const buttons = (await box.locator('.dialog-buttons a, .dialog-buttons button').filter(VISIBLE).allTextContents()).map((t) =>
        t.trim(),
      );
      if (op.click) {
        await box
          .locator('.dialog-buttons a, .dialog-buttons button')
          .filter(VISIBLE)
          .filter({ hasText: String(op.click) })
          .first()
          .click({ timeout });
      } else {
        await page.keyboard.press('Escape');
      }
      await box.waitFor({ state: 'hidden', timeout }).catch(() => undefined);
      return { message, detail, buttons };
    }
    case 'quickInput': {
      // { type?: text, escape?: true } → { title, placeholder, password }
      const widget = page.locator('.quick-input-widget').filter(VISIBLE).first();
      await widget.waitFor({ state: 'visible', timeout });
      const input = widget.locator('input.input').first();
      // The palette and extension prompts share this widget: wait until the prompt is the one shown.
      const deadline = Date.now() + timeout;
      while (((await input.inputValue().catch(() => '')) ?? '').startsWith('>') && Date.now() < deadline) await page.waitForTimeout(100);
      const title = (
        (await widget
          .locator('.quick-input-title')
          .first()
          .textContent()
          .catch(() => '')) ?? ''
      ).trim();
      const placeholder = (await input.getAttribute('placeholder').catch(() => '')) ?? '';
      const password = (await input.getAttribute('type').catch(() => '')) === 'password';
      if (typeof op.type === 'string') {
        await input.fill('');
        await input.pressSequentially(op.type, { delay: 5 });
        await page.keyboard.press('Enter');
      } else {
        await page.keyboard.press('Escape');
      }
      await widget.waitFor({ state: 'hidden', timeout }).catch(() => undefined);
      return { title, placeholder, password };
    }
    case 'storageFind': {
      // { needles: string[] } → { found: [{ needle: index, places: ['localStorage' | 'db/store: keys'] }] }
      // One pass over localStorage and every IndexedDB record for all needles (each form of each
      // secret a leak scan looks for), instead of one pass per needle.
      return page.evaluate(
        async (needles) => {
          const places = needles.map(() => []);
          const note = (text, place) =>
            needles.forEach((needle, i) => {
              if (text.includes(needle) && !places[i].includes(place)) places[i].push(place);
            });
          for (const k of Object.keys(localStorage)) note(`${k}\n${localStorage.getItem(k) ?? ''}`, 'localStorage');
          const text = (v) => {
            if (typeof v === 'string') return v;
            if (v instanceof Uint8Array || v instanceof ArrayBuffer) return new TextDecoder().decode(v);
            try {
              return JSON.stringify(v);
            } catch {
              return String(v);
            }
          };
          for (const info of (await indexedDB.databases?.()) ?? []) {
            if (!info.name) continue;
            const db = await new Promise((res, rej) => {
              const r = indexedDB.open(info.name);
              r.onsuccess = () => res(r.result);
              r.onerror = () => rej(r.error);
            });
            for (const store of Array.from(db.objectStoreNames)) {
              const [values, keys] = await new Promise((res) => {
                const tx = db.transaction(store, 'readonly');
                const req = tx.objectStore(store).getAll();
                const keyReq = tx.objectStore(store).getAllKeys();
                tx.oncomplete = () => res([req.result ?? [], keyReq.result ?? []]);
                tx.onerror = () => res([[], []]);
              });
              // Name the records (VS Code's storage keys), so a leak says whose it is.
              values.forEach((v, i) => note(`${String(keys[i])}\n${text(v)}`, `${info.name}/${store}: ${String(keys[i])}`));
            }
            db.close();
          }
          return { found: places.map((p, needle) => ({ needle, places: p.slice(0, 5) })).filter((f) => f.places.length > 0) };
        },
        (op.needles ?? []).map(String),
      );
    }
    case 'statusBarText': {
      const item = page
        .locator(`[id="${op.id ?? 'wechat-devtools.wechat-token-menu.wechat.token'}"]`)
        .filter(VISIBLE)
        .first();
      await item.waitFor({ state: 'visible', timeout });
      return { text: ((await item.textContent()) ?? '').trim(), aria: (await item.getAttribute('aria-label')) ?? '' };
    }
    case 'notification': {
      // { contains, timeoutMs } → { text } for the visible notification that contains it (message, source,
      // buttons), or { text: null, seen } when none showed within timeoutMs: the suite opens the
      // notification centre again and asks again (the centre hides itself when its last item closes,
      // and what is added while it is hidden shows nowhere; extension tests get no toasts).
      const toast = page
        .locator('.notification-toast, .notifications-center .notification-list-item')
        .filter(VISIBLE)
        .filter({ hasText: String(op.contains ?? '') })
        .first();
      const shown = await toast.waitFor({ state: 'visible', timeout }).then(
        () => true,
        (err) => {
          if (err?.name === 'TimeoutError') return false;
          throw err;
        },
      );
      if (shown) return { text: ((await toast.textContent()) ?? '').replace(/\s+/g, ' ').trim() };
      const seen = await page
        .locator('.notification-toast, .notifications-center .notification-list-item')
        .filter(VISIBLE)
        .allTextContents();
      return { text: null, seen: seen.map((t) => t.replace(/\s+/g, ' ').trim()) };
    }
    case 'notificationCentre': {
      // {} → { visible }: whether the notification centre is open right now (it hides itself when its
      // last notification closes).
      return { visible: await page.locator('.notifications-center.visible').first().isVisible() };
    }
    case 'notifications': {
      // {} → { items: [{ text, links }] }: every notification in the (opened) notification centre, with the
      // href of each link its message renders (VS Code turns [label](command:…) into one). Read in one go
      // in the page: the list changes while notifications come and go.
      const items = await page.locator('.notifications-center .notification-list-item').evaluateAll((nodes) =>
        nodes
          .filter((node) => node.getClientRects().length > 0)
          .map((node) => ({
            text: (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
            links: Array.from(node.querySelectorAll('.notification-list-item-message a')).map(
              (a) => a.getAttribute('href') ?? a.getAttribute('data-href') ?? a.textContent ?? '',
            ),
          })),
      );
      return { items };
    }
    case 'screenshot': {
      await page.screenshot({ path: String(op.path) });
      return { ok: true };
    }
    default:
      throw new Error(`unknown ui op ${op.op}`);
  }
}
