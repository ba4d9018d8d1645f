// What the integration suites know about their surroundings. Under scripts/vscode-host (offline
// route) the runner owns the fake WeChat server and passes a JSON config through WECHAT_IT_CONFIG.
// Under @vscode/test-cli (desktop route) there is no runner: the suites start the fake in-process.
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';

import { POLL_MS, STEP_MS } from './timing';

export const EXTENSION_ID = 'wechat-devtools.wechat-token-menu';

export interface FakeCall {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly errcode?: number;
  readonly at: number;
}

export interface ItConfig {
  readonly fakeUrl: string;
  /** Runner's control endpoint (GET /calls); absent when the fake runs in this process. */
  readonly controlUrl?: string;
  readonly appId: string;
  readonly secret: string;
  /**
   * The team's production account (offline runner only): the suites play its backend, which
   * fetches the token and keeps it in Redis; the extension never sees this secret.
   */
  readonly production?: { readonly appId: string; readonly secret: string };
  /** Present only under the offline runner, which orchestrates extension-host restarts. */
  readonly resultsFile?: string;
  readonly grep?: string;
  readonly userSettingsFile?: string;
  readonly machineSettingsFile?: string;
  /** Directories the VS Code server writes to; the secret must appear in none of their files. */
  readonly scanDirs: readonly string[];
}

interface InProcessFake {
  readonly url: string;
  readonly calls: readonly FakeCall[];
  liveMenu(appId: string): unknown;
  setLiveMenu(appId: string, menu: unknown): void;
  currentTicket(appId: string): string | undefined;
  ticketFetches(appId: string): number;
  setCallbackUrl(appId: string, url: string | null): void;
  close(): Promise<void>;
}

let configPromise: Promise<ItConfig> | undefined;
let inProcess: InProcessFake | undefined;

export function itConfig(): Promise<ItConfig> {
  configPromise ??= loadConfig();
  return configPromise;
}

async function loadConfig(): Promise<ItConfig> {
  const file = process.env.WECHAT_IT_CONFIG;
  if (file && fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as ItConfig;
  // Desktop route: start the fake here and point the extension at it.
  const account = { appId: 'wx0123456789abcdef', secret: 'it-secret-7f3a9c1e5b2d4f60a8c6e4b2d0f1a3c5' };
  const serverModule = path.resolve(__dirname, '..', '..', 'fake-wechat', 'server.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(serverModule) as { startFakeWeChat(o: { accounts: (typeof account)[] }): Promise<InProcessFake> };
  inProcess = await mod.startFakeWeChat({ accounts: [account] });
  await vscode.workspace.getConfiguration('wechat').update('apiBaseUrl', inProcess.url, vscode.ConfigurationTarget.Global);
  return { fakeUrl: inProcess.url, appId: account.appId, secret: account.secret, scanDirs: [] };
}

/** Every request the fake WeChat server has seen so far, oldest first. */
export async function fakeCalls(): Promise<FakeCall[]> {
  const config = await itConfig();
  if (inProcess) return [...inProcess.calls];
  const res = await fetch(`${config.controlUrl}/calls`);
  if (!res.ok) throw new Error(`fake control endpoint answered ${res.status}`);
  return (await res.json()) as FakeCall[];
}

/** The fake's live default menu of an account (the test account by default), or undefined when it has none. */
export async function liveMenu(appId?: string): Promise<unknown> {
  const config = await itConfig();
  const account = appId ?? config.appId;
  if (inProcess) return inProcess.liveMenu(account) ?? undefined;
  const res = await fetch(`${config.controlUrl}/live-menu?appId=${encodeURIComponent(account)}`);
  if (!res.ok) throw new Error(`fake control endpoint answered ${res.status}`);
  return ((await res.json()) as unknown) ?? undefined;
}

/** Replaces the fake's live default menu of the test account without validation (undefined removes it). */
export async function setLiveMenu(menu: unknown): Promise<void> {
  const config = await itConfig();
  if (inProcess) return inProcess.setLiveMenu(config.appId, menu);
  const res = await fetch(`${config.controlUrl}/live-menu`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: config.appId, menu: menu ?? null }),
  });
  if (!res.ok) throw new Error(`fake control endpoint answered ${res.status}`);
}

/** The test account's latest jsapi_ticket at the fake (undefined before the first fetch) and the fetch count. */
export async function fakeTicket(): Promise<{ readonly ticket: string | undefined; readonly fetches: number }> {
  const config = await itConfig();
  if (inProcess) return { ticket: inProcess.currentTicket(config.appId), fetches: inProcess.ticketFetches(config.appId) };
  const res = await fetch(`${config.controlUrl}/ticket?appId=${encodeURIComponent(config.appId)}`);
  if (!res.ok) throw new Error(`fake control endpoint answered ${res.status}`);
  const body = (await res.json()) as { ticket: string | null; fetches: number };
  return { ticket: body.ticket ?? undefined, fetches: body.fetches };
}

/** Sets the test account's server URL at the fake (null: none configured, so callback/check answers 40201). */
export async function setCallbackUrl(url: string | null): Promise<void> {
  const config = await itConfig();
  if (inProcess) return inProcess.setCallbackUrl(config.appId, url);
  const res = await fetch(`${config.controlUrl}/callback-url`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: config.appId, url }),
  });
  if (!res.ok) throw new Error(`fake control endpoint answered ${res.status}`);
}

/** Calls to token endpoints (stable_token and the classic token), i.e. real token fetches. */
export function tokenCalls(calls: readonly FakeCall[]): FakeCall[] {
  return calls.filter((c) => /\/cgi-bin\/(stable_token|token)$/.test(c.path));
}

export async function closeInProcessFake(): Promise<void> {
  await inProcess?.close();
  inProcess = undefined;
}

/** Poll `probe` until it returns a truthy value; fail after `ms` (generous: support/timing.ts) with `what` in the message. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, ms = STEP_MS, every = POLL_MS): Promise<NonNullable<T>> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** Every file under `dirs` (at most `maxDepth` folders down) that `keep` accepts; unreadable folders are skipped. */
export function findFiles(dirs: readonly string[], maxDepth: number, keep: (file: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > maxDepth) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.isFile() && keep(p)) found.push(p);
    }
  };
  for (const d of dirs) walk(d, 0);
  return found;
}

/** Every file under `dirs` whose bytes contain `needle`. */
export function filesContaining(dirs: readonly string[], needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return findFiles(dirs, 12, (file) => {
    try {
      return fs.statSync(file).size <= 50 * 1024 * 1024 && fs.readFileSync(file).includes(bytes);
    } catch {
      return false; // vanished
    }
  });
}

/** Facts one phase leaves for the next (outside every directory the VS Code server writes). */
export interface PhaseNotes {
  readonly token: string;
  readonly tokenCalls: number;
}

function notesFile(config: ItConfig): string | undefined {
  return config.resultsFile ? path.join(path.dirname(config.resultsFile), 'notes.json') : undefined;
}

export async function writeNotes(notes: PhaseNotes): Promise<void> {
  const file = notesFile(await itConfig());
  if (file) fs.writeFileSync(file, JSON.stringify(notes));
}

export async function readNotes(): Promise<PhaseNotes> {
  const file = notesFile(await itConfig());
  if (!file || !fs.existsSync(file)) throw new Error('the previous phase left no notes');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as PhaseNotes;
}

/** Machine-scoped settings (wechat.apiBaseUrl, wechat.redis.url, …) live in the machine settings file (offline runner only). */
export function writeMachineSetting(config: ItConfig, name: string, value: unknown): void {
  const file = config.machineSettingsFile;
  if (!file) throw new Error('no machine settings file (offline runner only)');
  const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8') || '{}') as Record<string, unknown>) : {};
  if (value === undefined) delete current[name];
  else current[name] = value;
  fs.writeFileSync(file, JSON.stringify(current, null, 2));
}
