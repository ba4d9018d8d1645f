// How many quota resets this machine has used for an account this month. WeChat allows 10 per
// account per month and does not say how many are left, so the confirmation shows what this
// machine used (others — colleagues, the console — may have used some too). Kept in a key-value
// store (VS Code's globalState: shared by the windows of this machine), keyed by AppID and month.

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

const KEY_PREFIX = 'wechat.quotaResets';
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** WeChat's month ("2025-06"): the platform counts in China time. */
export function quotaMonth(nowMs: number): string {
  return new Date(nowMs + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

export class QuotaResetLedger {
  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => number,
  ) {}

  /** Resets this machine made for the account in the current month. */
  used(appId: string): number {
    const value = this.store.get<unknown>(this.key(appId));
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
  }

  /** Counts one successful reset; returns the new count. */
  async record(appId: string): Promise<number> {
    const count = this.used(appId) + 1;
    await this.store.update(this.key(appId), count);
    return count;
  }

  private key(appId: string): string {
    return `${KEY_PREFIX}/${appId}/${quotaMonth(this.now())}`;
  }
}
