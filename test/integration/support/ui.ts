// Asks the offline runner to act on the page like a person: the suites run in the extension host,
// which cannot click a modal dialog or type into an InputBox. Under the desktop route (no runner)
// the tests that need this skip themselves.
import * as assert from 'assert';
import { Context } from 'mocha';
import * as vscode from 'vscode';

import { itConfig, waitFor } from './env';
import { NOTIFICATION_LOOK_MS, POLL_MS, STEP_MS } from './timing';

export interface DialogSeen {
  readonly message: string;
  readonly detail: string;
  readonly buttons: string[];
}

export interface QuickInputSeen {
  readonly title: string;
  readonly placeholder: string;
  readonly password: boolean;
}

async function control<T>(route: string, body?: unknown): Promise<T> {
  const config = await itConfig();
  if (!config.controlUrl) throw new Error('no runner control endpoint');
  const res = await fetch(`${config.controlUrl}${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`runner ${route}: ${json.error ?? res.status}`);
  return json;
}

/** Skips the current test when there is no runner to act on the page. */
export async function requireRunner(ctx: Context): Promise<void> {
  if (!(await itConfig()).controlUrl) ctx.skip();
}

/** Waits for the modal dialog, then clicks `click` (or presses Escape when omitted). */
export const answerDialog = (click?: string): Promise<DialogSeen> => control('/ui', { op: 'dialog', click, timeoutMs: STEP_MS });

/** Waits for the input box, then types `text` + Enter (or presses Escape when omitted). */
export const answerInput = (text?: string): Promise<QuickInputSeen> => control('/ui', { op: 'quickInput', type: text, timeoutMs: STEP_MS });

/**
 * Waits for the notification containing `contains` and returns its whole text (message and buttons).
 * Extension tests show no toasts, so it looks in the notification centre (opened, then closed again).
 * The centre hides itself when its last notification closes — a progress notification of the
 * command before stays at least 800 ms, and notifications.clearAll leaves it — and a notification
 * added while the centre is hidden shows nowhere; so the runner looks for NOTIFICATION_LOOK_MS at a
 * time and the centre is opened again before each look (showing it renders every notification).
 */
export async function readNotification(contains: string, ms = STEP_MS): Promise<string> {
  const deadline = Date.now() + ms;
  let seen: readonly string[] | undefined;
  try {
    for (;;) {
      await vscode.commands.executeCommand('notifications.showList');
      const look = Math.max(1, Math.min(NOTIFICATION_LOOK_MS, deadline - Date.now()));
      const found = await control<{ text: string | null; seen?: string[] }>('/ui', { op: 'notification', contains, timeoutMs: look });
      if (found.text !== null) return found.text;
      seen = found.seen ?? [];
      if (Date.now() >= deadline) break;
    }
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
  throw new Error(`no notification containing "${contains}" within ${ms} ms; the centre showed: ${JSON.stringify(seen)}`);
}

export interface NotificationSeen {
  readonly text: string;
  /** What each link in the message points to (a rendered [label](target)). */
  readonly links: readonly string[];
}

/** Every notification in the notification centre right now (opened, then closed again). */
export async function allNotifications(): Promise<NotificationSeen[]> {
  await vscode.commands.executeCommand('notifications.showList');
  try {
    return (await control<{ items: NotificationSeen[] }>('/ui', { op: 'notifications' })).items;
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

/** Which of `needles` the browser's storage (localStorage, every IndexedDB record) holds, and where. */
export const browserStorageFind = async (needles: readonly string[]): Promise<Array<{ needle: number; places: string[] }>> =>
  (await control<{ found: Array<{ needle: number; places: string[] }> }>('/ui', { op: 'storageFind', needles })).found;

/** Whether the browser's storage holds `needle`: in localStorage, and in which IndexedDB records (at most 5). */
export const browserStorageContains = async (needle: string): Promise<{ localStorage: boolean; indexedDB: string[] }> => {
  const places = (await browserStorageFind([needle]))[0]?.places ?? [];
  return { localStorage: places.includes('localStorage'), indexedDB: places.filter((place) => place !== 'localStorage') };
};

export const tokenValidAtFake = async (token: string): Promise<boolean> =>
  (await control<{ valid: boolean }>(`/token-valid?token=${encodeURIComponent(token)}`)).valid;

export const injectFault = (fault: { kind: 'busy' | 'http500' | 'nonJson' | 'slow'; times?: number; delayMs?: number }): Promise<unknown> =>
  control('/fault', fault);

/** Sets an API's count today at the fake (without `used`: its daily limit, so the next call answers 45009). */
export const setFakeQuota = (path: string, used?: number): Promise<unknown> => control('/quota', { path, used });

/** clear_quota resets the fake counted for the test account this month. */
export const fakeQuotaResets = async (): Promise<number> => (await control<{ resets: number }>('/quota-resets')).resets;

/**
 * Runs a command whose modal dialog the test host refuses (VS Code rejects modals while extension
 * tests run, with the dialog's text). The command does not reject: its registration (commandGuard)
 * hands the refusal to the error presenter, so the dialog's text comes back as an error notification.
 * Returns that notification's text, read in the real window (needs the runner), and clears it.
 */
export async function refusedModalText(contains: string, command: string, ...args: unknown[]): Promise<string> {
  await vscode.commands.executeCommand('notifications.clearAll');
  const done = Promise.resolve(vscode.commands.executeCommand(command, ...args));
  try {
    return await readNotification(contains);
  } finally {
    await vscode.commands.executeCommand('notifications.clearAll');
    assert.strictEqual(await done, undefined, `${command} resolves (its failure is presented, not thrown)`);
  }
}

/** Whether the notification centre is open in the page right now. */
export const notificationCentreVisible = async (): Promise<boolean> =>
  (await control<{ visible: boolean }>('/ui', { op: 'notificationCentre' })).visible;

/**
 * Returns what a command resolves to when it ends on a notification that waits for a click (an
 * error, a success with "Open Backup"): notifications are cleared until the command has settled,
 * however late its notification comes (bounded by `ms`).
 */
export async function settle<T>(pending: Thenable<T>, what: string, ms = STEP_MS): Promise<T> {
  let done = false;
  const result = Promise.resolve(pending).finally(() => {
    done = true;
  });
  result.catch(() => undefined); // returned below; a rejection before then is not unhandled
  await waitFor(
    what,
    async () => {
      if (!done) await vscode.commands.executeCommand('notifications.clearAll');
      return done;
    },
    ms,
    2 * POLL_MS,
  );
  return result;
}
