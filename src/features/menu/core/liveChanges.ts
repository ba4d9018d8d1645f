// Every change of an account's live menus — upload, restore, delete, a conditional menu added or
// deleted — goes through here: one at a time per account (a KeyedQueue keyed by AppID), each
// replacing change backing up what is live first. Two overlapping uploads to one account used to
// interleave at WeChat (backup, backup, create, create: the second backup saved a menu about to be
// replaced, and which create won depended on the network); other accounts still run in parallel.
// Per window: two VS Code windows uploading to one account at once are not serialised.
import { KeyedQueue } from '../../../common/keyedQueue';
import { Logger, silentLogger } from '../../../common/logger';
import type { BackupReason, MenuBackupStore, MenuBackupSummary } from './backups';
import type { ConditionalMenu, Menu } from './model';
import type { MenuService } from './service';

/** The account a menu command started with (the one the user confirmed), and its menu API. */
export interface MenuAccountRef {
  readonly appId: string;
  /** How messages and backups name it: "name (AppID)". */
  readonly label: string;
  readonly service: MenuService;
}

/** The menus live on an account, as MenuService.current() reads them. */
export interface LiveMenus {
  readonly menu?: Menu;
  readonly conditional: ConditionalMenu[];
}

export interface LiveChange<T> {
  /** The backup saved before the change; undefined when nothing was live. */
  readonly backup: MenuBackupSummary | undefined;
  readonly result: T;
}

export class LiveMenuChanges {
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly backups: MenuBackupStore,
    private readonly log: Logger = silentLogger,
  ) {}

  /** Backs up what is live, then acts: after every earlier change of this account has settled. */
  replace<T>(account: MenuAccountRef, reason: BackupReason, act: () => Promise<T>): Promise<LiveChange<T>> {
    return this.queue.run(account.appId, async () => {
      const current = await account.service.current();
      const backup = current.menu ? await this.saveBackup(account, current.menu, current.conditional, reason) : undefined;
      return { backup, result: await act() };
    });
  }

  /** Adds a conditional menu (the default menu stays: no backup), in the account's turn; resolves with its menuid. */
  addConditional(account: MenuAccountRef, menu: Menu): Promise<string> {
    return this.queue.run(account.appId, () => account.service.addConditional(menu));
  }

  /**
   * Deletes one conditional menu in the account's turn, after backing up the menus the user
   * chose it from (`live`, as listed to them); resolves with that backup.
   */
  deleteConditional(account: MenuAccountRef, live: LiveMenus, menuid: string): Promise<MenuBackupSummary | undefined> {
    return this.queue.run(account.appId, async () => {
      const backup = live.menu ? await this.saveBackup(account, live.menu, live.conditional, 'delete') : undefined;
      await account.service.deleteConditional(menuid);
      return backup;
    });
  }

  /** Accounts with a change running or waiting. */
  get busyAccounts(): number {
    return this.queue.busyKeys;
  }

  async saveBackup(account: MenuAccountRef, menu: Menu, conditional: ConditionalMenu[], reason: BackupReason): Promise<MenuBackupSummary> {
    const summary = await this.backups.save({ appId: account.appId, accountLabel: account.label, menu, conditional, reason });
    this.log.info(`menu backup saved: ${summary.name}`);
    return summary;
  }
}
