// A hand-driven Clock for tests. Two notions of time, like a real machine:
// - wall time (`now()`), what expiry is compared against;
// - elapsed (monotonic) time, what timers count down on.
// `advance(ms)` moves both and fires every timer that comes due, in due order, with `now()` set to
// each timer's own due moment while it runs. `jump(ms)` moves the wall clock only and fires nothing:
// a clock change, or a laptop lid closed — timers then fire late, when elapsed time catches up.
import { Clock, TimerHandle } from '../../../src/common/clock';

interface PendingTimer {
  readonly id: number;
  readonly dueElapsed: number;
  readonly callback: () => void;
  cancelled: boolean;
}

export const DEFAULT_START = Date.UTC(2025, 0, 15, 8, 0, 0);

export class FakeClock implements Clock {
  private elapsed = 0;
  private wallOffset: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];
  /** Every delay passed to setTimer, in call order (lets tests check the ≤ 60 s re-arm cap). */
  readonly requestedDelays: number[] = [];

  constructor(start: number = DEFAULT_START) {
    this.wallOffset = start;
  }

  now(): number {
    return this.wallOffset + this.elapsed;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const delay = Math.max(0, Number.isFinite(delayMs) ? delayMs : 0);
    this.requestedDelays.push(delayMs);
    const timer: PendingTimer = { id: this.nextId++, dueElapsed: this.elapsed + delay, callback, cancelled: false };
    this.timers.push(timer);
    return {
      cancel: () => {
        timer.cancelled = true;
        this.timers = this.timers.filter((t) => t !== timer);
      },
    };
  }

  /** Number of timers still waiting. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Wall time at which the next timer fires if no jump happens in between, or undefined. */
  nextTimerAt(): number | undefined {
    const next = this.peek();
    return next ? this.wallOffset + next.dueElapsed : undefined;
  }

  /**
   * Moves wall and elapsed time forward by `ms`, firing due timers in order (timers set by a
   * callback fire too if they come due within the window). Synchronous: callbacks that start
   * promises are not awaited — use `advanceAsync` for that.
   */
  advance(ms: number): void {
    if (ms < 0) throw new Error('FakeClock.advance: negative');
    const target = this.elapsed + ms;
    for (;;) {
      const next = this.peek();
      if (!next || next.dueElapsed > target) break;
      this.fire(next);
    }
    this.elapsed = target;
  }

  /**
   * Like `advance`, but lets the promise chains started by each timer settle before the next one
   * fires (microtasks plus a macrotask turn, so real I/O stays out of it: use it with fakes only).
   */
  async advanceAsync(ms: number): Promise<void> {
    if (ms < 0) throw new Error('FakeClock.advanceAsync: negative');
    const target = this.elapsed + ms;
    await settle();
    for (;;) {
      const next = this.peek();
      if (!next || next.dueElapsed > target) break;
      this.fire(next);
      await settle();
    }
    this.elapsed = target;
    await settle();
  }

  /** Moves the wall clock by `ms` (may be negative) without firing anything. */
  jump(ms: number): void {
    this.wallOffset += ms;
  }

  private peek(): PendingTimer | undefined {
    let best: PendingTimer | undefined;
    for (const timer of this.timers) {
      if (!best || timer.dueElapsed < best.dueElapsed || (timer.dueElapsed === best.dueElapsed && timer.id < best.id)) {
        best = timer;
      }
    }
    return best;
  }

  private fire(timer: PendingTimer): void {
    this.timers = this.timers.filter((t) => t !== timer);
    this.elapsed = Math.max(this.elapsed, timer.dueElapsed);
    if (!timer.cancelled) timer.callback();
  }
}

/** Lets pending promise callbacks run: a few microtask turns and one macrotask turn. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (let i = 0; i < 5; i++) await Promise.resolve();
}
