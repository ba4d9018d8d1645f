// Backups of live menus, taken before a menu is replaced or deleted, so the previous menu can
// always be restored. vscode-free: storage (global storage folder in the extension, memory in
// tests: test/unit/menu/memoryBackupStorage.ts) and clock are injected.
//
// One file per backup, named `menu-<UTC timestamp>-<appId>.json`, e.g.
// `menu-20250102T030405123Z-wx1234567890abcdef.json`: names sort by time, contain only
// [A-Za-z0-9_.-], and are unique (a second backup in the same millisecond moves one ms on).

import { formatMessage, type Localize } from '../../../common/localize';
import { summarizeMenu } from './convert';
import type { ConditionalMenu, Menu } from './model';

/** Where backups live: a flat folder of small text files. */
export interface BackupStorage {
  /** Names of all files (any order; files that are not backups are ignored). */
  list(): Promise<string[]>;
  read(name: string): Promise<string>;
  write(name: string, text: string): Promise<void>;
  delete(name: string): Promise<void>;
}

export interface BackupClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** What the backup was taken before: shown in the pick list ("before upload"). */
export type BackupReason = 'upload' | 'delete' | 'restore';

/** The content of one backup file. */
export interface MenuBackup {
  version: 1;
  /** ISO 8601, UTC. */
  savedAt: string;
  appId: string;
  accountLabel: string;
  reason?: BackupReason;
  /** The default menu in upload shape. */
  menu: Menu;
  /** Conditional menus that existed at the time, if they were fetched. */
  conditional?: ConditionalMenu[];
}

/** One line of the backup pick list. */
export interface MenuBackupSummary {
  name: string;
  /** Milliseconds since the epoch. */
  savedAt: number;
  appId: string;
  accountLabel: string;
  reason?: BackupReason;
  /** Top-level button names. */
  buttonNames: string[];
}

export interface SaveBackupInput {
  appId: string;
  accountLabel: string;
  menu: Menu;
  conditional?: ConditionalMenu[];
  reason?: BackupReason;
}

export const DEFAULT_MAX_BACKUPS = 50;

export const BACKUP_MESSAGES = {
  badName: '"{0}" is not the name of a menu backup.',
  damaged: 'The menu backup "{0}" is damaged and cannot be read.',
} as const;

const NAME_PATTERN = /^menu-(\d{8}T\d{9}Z)-([A-Za-z0-9_-]{1,64})\.json$/;

/** `2025-01-02T03:04:05.123Z` → `20250102T030405123Z`. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:.]/g, '');
}

function unstamp(text: string): number {
  const iso = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}T${text.slice(9, 11)}:${text.slice(11, 13)}:${text.slice(13, 15)}.${text.slice(15, 18)}Z`;
  return Date.parse(iso);
}

/** An AppID reduced to characters that are safe in a file name on every platform. */
function safeAppId(appId: string): string {
  const safe = appId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
  return safe === '' ? 'unknown' : safe;
}

export function backupFileName(savedAt: number, appId: string): string {
  return `menu-${stamp(savedAt)}-${safeAppId(appId)}.json`;
}

/** The time and (file-safe) AppID encoded in a backup name, or undefined for other names. */
export function parseBackupFileName(name: string): { savedAt: number; appId: string } | undefined {
  const match = NAME_PATTERN.exec(name);
  if (!match) {
    return undefined;
  }
  const savedAt = unstamp(match[1] ?? '');
  return Number.isNaN(savedAt) ? undefined : { savedAt, appId: match[2] ?? '' };
}

function isBackup(value: unknown): value is MenuBackup {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const v = value as Partial<Record<keyof MenuBackup, unknown>>;
  const menu = v.menu as { button?: unknown } | undefined;
  return (
    v.version === 1 &&
    typeof v.savedAt === 'string' &&
    typeof v.appId === 'string' &&
    typeof v.accountLabel === 'string' &&
    typeof menu === 'object' &&
    menu !== null &&
    Array.isArray(menu.button)
  );
}

export interface MenuBackupStoreOptions {
  /** Backups kept; older ones are deleted after each save. */
  maxBackups?: number;
  localize?: Localize;
}

export class MenuBackupStore {
  private readonly maxBackups: number;
  private readonly localize: Localize;

  constructor(
    private readonly storage: BackupStorage,
    private readonly clock: BackupClock,
    options: MenuBackupStoreOptions = {},
  ) {
    this.maxBackups = Math.max(1, options.maxBackups ?? DEFAULT_MAX_BACKUPS);
    this.localize = options.localize ?? formatMessage;
  }

  /** Saves a backup, prunes old ones, and returns the new backup's summary. */
  async save(input: SaveBackupInput): Promise<MenuBackupSummary> {
    const existing = new Set(await this.backupNames());
    let savedAt = this.clock.now();
    const taken = (ms: number): boolean => [...existing].some((n) => n.startsWith(`menu-${stamp(ms)}-`));
    while (taken(savedAt)) {
      savedAt += 1;
    }
    const name = backupFileName(savedAt, input.appId);
    const backup: MenuBackup = {
      version: 1,
      savedAt: new Date(savedAt).toISOString(),
      appId: input.appId,
      accountLabel: input.accountLabel,
      ...(input.reason ? { reason: input.reason } : {}),
      menu: input.menu,
      ...(input.conditional ? { conditional: input.conditional } : {}),
    };
    await this.storage.write(name, `${JSON.stringify(backup, null, 2)}\n`);
    existing.add(name);
    await this.pruneNames([...existing]);
    return this.summary(name, backup);
  }

  /** Backups, newest first; `appId` keeps one account's. Damaged files are left out. */
  async list(filter: { appId?: string } = {}): Promise<MenuBackupSummary[]> {
    const names = (await this.backupNames()).sort().reverse();
    const result: MenuBackupSummary[] = [];
    for (const name of names) {
      let backup: MenuBackup;
      try {
        backup = await this.read(name);
      } catch {
        continue;
      }
      if (filter.appId === undefined || backup.appId === filter.appId) {
        result.push(this.summary(name, backup));
      }
    }
    return result;
  }

  /** Reads one backup; throws a user-readable Error for a foreign name or a damaged file. */
  async read(name: string): Promise<MenuBackup> {
    if (!parseBackupFileName(name)) {
      throw new Error(this.localize(BACKUP_MESSAGES.badName, name));
    }
    let value: unknown;
    try {
      value = JSON.parse(await this.storage.read(name));
    } catch {
      throw new Error(this.localize(BACKUP_MESSAGES.damaged, name));
    }
    if (!isBackup(value)) {
      throw new Error(this.localize(BACKUP_MESSAGES.damaged, name));
    }
    return value;
  }

  /** Deletes the oldest backups beyond the maximum; returns the deleted names. */
  private async pruneNames(names: string[]): Promise<string[]> {
    const oldestFirst = [...names].sort();
    const excess = oldestFirst.slice(0, Math.max(0, oldestFirst.length - this.maxBackups));
    for (const name of excess) {
      await this.storage.delete(name);
    }
    return excess;
  }

  private async backupNames(): Promise<string[]> {
    return (await this.storage.list()).filter((n) => parseBackupFileName(n) !== undefined);
  }

  private summary(name: string, backup: MenuBackup): MenuBackupSummary {
    const parsed = Date.parse(backup.savedAt);
    const savedAt = Number.isNaN(parsed) ? (parseBackupFileName(name)?.savedAt ?? 0) : parsed;
    return {
      name,
      savedAt,
      appId: backup.appId,
      accountLabel: backup.accountLabel,
      ...(backup.reason ? { reason: backup.reason } : {}),
      buttonNames: summarizeMenu(backup.menu),
    };
  }
}
