// The accounts a developer works with: `wechat.accounts` (name, AppID, where its token comes
// from), plus the single `wechat.appId` / `wechat.accountName` of earlier versions, which keep
// working as a one-account list with no migration step. Secrets never live here: the AppSecret,
// the Redis password and the token service's credential are in SecretStorage, keyed by AppID.
import type { RedisKeySettings, RedisLayout } from './sources/redis/layouts';
import type { TokenSourceKind } from './sources/source';

export interface Account {
  /** Shown in the status bar, the switcher and every confirmation. */
  readonly name: string;
  readonly appId: string;
  readonly tokenSource: TokenSourceKind;
  readonly redis: RedisKeySettings;
}

const SOURCES: readonly TokenSourceKind[] = ['wechat', 'redis', 'url'];
const APP_ID = /^wx[0-9a-zA-Z]{14,32}$/;

/** The AppID rule of `wechat.accounts` (the manifest states the same pattern); the wizard enforces it too. */
export function isAccountAppId(value: string): boolean {
  return APP_ID.test(value.trim());
}

export interface ParsedAccounts {
  readonly accounts: readonly Account[];
  readonly warnings: readonly string[];
}

/**
 * The account list from raw settings of any shape. An entry that cannot work (no AppID, a
 * duplicate AppID, an unknown token source) is left out with a warning naming it; a legacy
 * `wechat.appId` not in the list comes first, as it always was the account in use.
 */
export function parseAccounts(raw: unknown, legacy: { appId?: string; accountName?: string }): ParsedAccounts {
  const warnings: string[] = [];
  const accounts: Account[] = [];
  const seen = new Set<string>();
  const add = (account: Account): void => {
    if (seen.has(account.appId)) {
      warnings.push(`wechat.accounts: ${account.appId} is listed twice; using the first entry`);
      return;
    }
    seen.add(account.appId);
    accounts.push(account);
  };
  if (legacy.appId) {
    // Kept as it always was (WeChat is the judge), but said: every token request would fail with 40013.
    if (!APP_ID.test(legacy.appId))
      warnings.push(`wechat.appId "${legacy.appId.slice(0, 40)}" is not an AppID (wx followed by letters or digits)`);
    add({ name: legacy.accountName ?? legacy.appId, appId: legacy.appId, tokenSource: 'wechat', redis: {} });
  }
  if (raw !== undefined && raw !== null && !Array.isArray(raw)) {
    warnings.push('wechat.accounts should be a list of { "name", "appId", "tokenSource" }; ignoring it');
  }
  // Array.from: a hole in a sparse list is an entry too (undefined, warned about), not skipped.
  const entries: unknown[] = Array.isArray(raw) ? Array.from(raw as unknown[]) : [];
  let legacyListed = false;
  entries.forEach((entry, index) => {
    const parsed = parseEntry(entry, index);
    if (typeof parsed === 'string') warnings.push(parsed);
    else if (legacy.appId === parsed.appId && !legacyListed) {
      // The list says more about the legacy account (its source, its name): the list wins.
      legacyListed = true;
      accounts[0] = parsed;
    } else add(parsed);
  });
  return { accounts, warnings };
}

function parseEntry(entry: unknown, index: number): Account | string {
  const at = `wechat.accounts[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `${at} should be an object; ignoring it`;
  const fields = entry as Record<string, unknown>;
  const appId = typeof fields['appId'] === 'string' ? fields['appId'].trim() : '';
  if (!APP_ID.test(appId)) return `${at} has no valid "appId" (wx followed by letters or digits); ignoring it`;
  const source = fields['tokenSource'] ?? 'wechat';
  if (!SOURCES.includes(source as TokenSourceKind)) {
    return `${at} (${appId}): "tokenSource" should be "wechat", "redis" or "url"; ignoring it`;
  }
  const name = typeof fields['name'] === 'string' && fields['name'].trim() ? fields['name'].trim() : appId;
  return { name, appId, tokenSource: source as TokenSourceKind, redis: redisOf(fields['redis']) };
}

function redisOf(value: unknown): RedisKeySettings {
  if (typeof value !== 'object' || value === null) return {};
  const fields = value as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof fields[key] === 'string' && fields[key] !== '' ? (fields[key] as string) : undefined;
  // The layout name is checked where it is used (redisKeyFor), with a message naming the account.
  return { layout: text('layout') as RedisLayout | undefined, prefix: text('prefix'), key: text('key') };
}

/**
 * The account this workspace works with: the one it chose (workspace state) while it is still
 * listed, else the first.
 */
export function activeAccount(accounts: readonly Account[], chosenAppId: string | undefined): Account | undefined {
  return accounts.find((account) => account.appId === chosenAppId) ?? accounts[0];
}

/** How confirmations name an account: "name (AppID)", or the AppID alone. */
export function accountLabel(account: Account): string {
  return account.name === account.appId ? account.appId : `${account.name} (${account.appId})`;
}
