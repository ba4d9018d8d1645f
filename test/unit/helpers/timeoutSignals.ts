// AbortSignal.timeout held by the test: the code under test arms its timeout as it always does, and
// the test says when that time is over. No real waiting, so nothing to measure with a wall clock:
// a test asserts which timeout was armed and what happens when it ends. Always restore() (finally).

export interface HeldTimeouts {
  /** The milliseconds of every AbortSignal.timeout() call since holdTimeoutSignals(), in order. */
  readonly requested: readonly number[];
  /** Ends the index-th timeout (default: the latest) now, as the runtime does once its time is over. */
  expire(index?: number): void;
  /** Puts the real AbortSignal.timeout back. */
  restore(): void;
}

export function holdTimeoutSignals(): HeldTimeouts {
  const original = AbortSignal.timeout;
  const requested: number[] = [];
  const controllers: AbortController[] = [];
  AbortSignal.timeout = (milliseconds: number): AbortSignal => {
    requested.push(milliseconds);
    const controller = new AbortController();
    controllers.push(controller);
    return controller.signal;
  };
  return {
    requested,
    expire(index = controllers.length - 1) {
      const controller = controllers[index];
      if (!controller) throw new Error(`no AbortSignal.timeout() #${index} was armed (armed: ${requested.join(', ') || 'none'})`);
      // The reason the runtime gives a timed-out signal.
      controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    },
    restore() {
      AbortSignal.timeout = original;
    },
  };
}
