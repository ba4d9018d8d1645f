// Auto-refresh: wakes up when the cached token becomes due (plus a little jitter so several
// windows do not fetch in the same second) and asks the manager to refresh, which first adopts
// a token another window may have stored. Every wake-up compares the wall clock with the
// absolute due time; timers never count ticks, so sleep/resume and clock jumps are harmless.
// Every refresh it starts sets the earliest moment of the next one (a doubling back-off), which
// only a stored token that lived is allowed to reset: a fetch that leaves nothing usable in the
// store (a refused answer, an entry that cannot be read back, a token already due) never turns
// into a fetch loop.
import { Clock, TimerHandle } from '../common/clock';
import { errorMessage } from '../common/errorMessage';
import { Logger, silentLogger } from '../common/logger';
import { WeChatError } from '../wechat/errors';
import { TokenManager, TokenState } from './manager';
import { clockWentBack, refreshDueAt } from './policy';
import { CachedToken } from './store';
import { Unsubscribe } from './store';

/** Longest sleep between two looks at the clock (catches sleep/resume and clock jumps). */
export const MAX_TIMER_MS = 60_000;
/** After a failed refresh, try again after this long (doubling up to MAX_RETRY_MS). */
export const FIRST_RETRY_MS = 15_000;
export const MAX_RETRY_MS = 300_000;

export interface SchedulerSettings {
  readonly autoRefresh: boolean;
  readonly refreshMarginSeconds: number;
  /** Upper bound of the random delay added to the due time. */
  readonly jitterMs: number;
}

export class RefreshScheduler {
  private timer: TimerHandle | undefined;
  /** The back-off the next refresh this scheduler starts adds to notBefore. */
  private retryDelayMs = FIRST_RETRY_MS;
  /** No refresh starts before this (wall clock); undefined: nothing to wait for. */
  private notBefore: number | undefined;
  private jitterMs = 0;
  private readonly subscription: Unsubscribe;
  private disposed = false;

  constructor(
    private readonly manager: TokenManager,
    private readonly clock: Clock,
    private readonly settings: () => SchedulerSettings,
    private readonly random: () => number = Math.random,
    private readonly log: Logger = silentLogger,
  ) {
    this.subscription = manager.onDidChangeState((state) => this.onState(state));
  }

  /** Re-plans from the manager's current state (call after settings change or activation). */
  reschedule(): void {
    this.onState(this.manager.state);
  }

  /** When the next refresh will happen, or undefined when nothing is planned. */
  dueAt(state: TokenState = this.manager.state): number | undefined {
    if (this.disposed || !this.settings().autoRefresh) return undefined;
    const now = this.clock.now();
    switch (state.kind) {
      case 'ready':
        return Math.max(clockWentBack(state.token, now) ? now : this.tokenDueAt(state.token), this.backoffUntil(now));
      case 'failed':
        return this.notBefore === undefined ? undefined : this.backoffUntil(now);
      case 'empty':
        return Math.max(now, this.backoffUntil(now));
      default:
        return undefined;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    this.subscription.dispose();
  }

  private onState(state: TokenState): void {
    const now = this.clock.now();
    if (state.kind === 'ready') {
      this.jitterMs = Math.floor(this.random() * this.settings().jitterMs);
      this.resetIfLived(state.token, now);
    } else if (state.kind === 'failed') {
      // Only transient failures are retried on a timer; a wrong secret, a missing whitelist entry
      // or an exhausted quota needs the user, and retrying would only burn quota.
      if (!isTransient(state.error)) this.notBefore = undefined;
      else if (this.notBefore === undefined || this.notBefore <= now) this.backOff(now);
    }
    this.arm();
  }

  /**
   * A stored token that is not due within the first back-off, seen once the back-off has run
   * out: the refreshes work again, so the next failure starts at the first delay. A token that
   * appears right after a refresh (it may vanish from the store at once) resets nothing.
   */
  private resetIfLived(token: CachedToken, now: number): void {
    const lived = this.tokenDueAt(token) - token.checkedAt >= FIRST_RETRY_MS && !clockWentBack(token, now);
    if (lived && (this.notBefore === undefined || now >= this.notBefore)) {
      this.retryDelayMs = FIRST_RETRY_MS;
      this.notBefore = undefined;
    }
  }

  private backOff(now: number): void {
    this.notBefore = now + this.retryDelayMs;
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MAX_RETRY_MS);
  }

  /** notBefore, but never further away than one back-off: the wall clock may have been set back. */
  private backoffUntil(now: number): number {
    if (this.notBefore === undefined) return now;
    if (this.notBefore - now > this.retryDelayMs) this.notBefore = now + this.retryDelayMs;
    return this.notBefore;
  }

  private tokenDueAt(token: CachedToken): number {
    return refreshDueAt(token, this.settings().refreshMarginSeconds * 1000) + this.jitterMs;
  }

  private arm(): void {
    this.timer?.cancel();
    this.timer = undefined;
    const due = this.dueAt();
    if (due === undefined) return;
    const delay = Math.max(0, Math.min(due - this.clock.now(), MAX_TIMER_MS));
    this.timer = this.clock.setTimer(() => this.wake(), delay);
  }

  private wake(): void {
    this.timer = undefined;
    const due = this.dueAt();
    if (due === undefined) return;
    if (this.clock.now() < due) {
      this.arm();
      return;
    }
    const state = this.manager.state;
    if (state.kind === 'ready') this.resetIfLived(state.token, this.clock.now());
    this.backOff(this.clock.now());
    this.log.debug('auto-refresh: token due');
    this.manager.refresh({ background: true }).catch((error: unknown) => {
      this.log.warn(`auto-refresh failed: ${errorMessage(error)}`);
    });
  }
}

function isTransient(error: unknown): boolean {
  // From a token endpoint, 40001 means a wrong AppSecret, not a stale token: only "busy" and
  // "too frequent" (the table's retry and wait reactions) pass with time, and so does a transport
  // failure other than a cancellation — for a team source too (a missing key, a VPN that is down, a
  // slow service), unlike a wrong password or layout.
  if (error instanceof WeChatError) return error.reaction === 'retry' || error.reaction === 'wait';
  return false;
}
