// Countdown text for the status bar: minute resolution above 10 minutes, seconds below.
// Pure functions (no `vscode`), so formatting is unit-tested in milliseconds.
import { formatMessage, Localize } from '../../common/localize';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** Below this the countdown shows seconds. */
export const SECONDS_RESOLUTION_BELOW_MS = 10 * MINUTE;

/** "1h 52m", "52m", "9m 05s", "45s"; floors, so the text never claims more time than is left. */
export function formatRemaining(remainingMs: number, localize: Localize = formatMessage): string {
  const ms = Math.max(0, remainingMs);
  if (ms >= HOUR) {
    return localize('{0}h {1}m', Math.floor(ms / HOUR), Math.floor((ms % HOUR) / MINUTE));
  }
  if (ms >= SECONDS_RESOLUTION_BELOW_MS) return localize('{0}m', Math.floor(ms / MINUTE));
  if (ms >= MINUTE) {
    const seconds = String(Math.floor((ms % MINUTE) / SECOND)).padStart(2, '0');
    return localize('{0}m {1}s', Math.floor(ms / MINUTE), seconds);
  }
  return localize('{0}s', Math.floor(ms / SECOND));
}

/**
 * Milliseconds until formatRemaining's text changes, so the status bar wakes up only when
 * there is something new to show (and never more than once a second).
 */
export function msUntilTextChanges(remainingMs: number): number {
  if (remainingMs <= 0) return Number.POSITIVE_INFINITY;
  const unit = remainingMs > SECONDS_RESOLUTION_BELOW_MS ? MINUTE : SECOND;
  const intoUnit = remainingMs % unit;
  // Land just past the boundary so the floor has moved when we look again.
  return (intoUnit === 0 ? unit : intoUnit) + 1;
}
