// Copy Access Token puts a credential on the system clipboard, where every application (and any
// extension that runs the copy command) can read it. ClipboardClearer empties the clipboard a
// while later — only if it still holds that token, so whatever the user copied since is kept.
// A second copy restarts the wait; dispose (deactivation) cancels it and clears at once.
import { Clock, TimerHandle } from './clock';
import { errorMessage } from './errorMessage';
import { Logger, silentLogger } from './logger';

export interface ClipboardAccess {
  readText(): PromiseLike<string>;
  writeText(text: string): PromiseLike<void>;
}

export class ClipboardClearer {
  private timer: TimerHandle | undefined;
  private held: string | undefined;

  constructor(
    private readonly clipboard: ClipboardAccess,
    private readonly clock: Clock,
    private readonly log: Logger = silentLogger,
  ) {}

  /** After `text` was copied: clear it in `seconds` (0 or less: never). */
  schedule(text: string, seconds: number): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.held = undefined;
    if (!(seconds > 0) || !Number.isFinite(seconds)) return;
    this.held = text;
    this.timer = this.clock.setTimer(() => void this.clearNow(), seconds * 1000);
  }

  /** Clears the clipboard if it still holds what was copied; true when it did. Never rejects. */
  async clearNow(): Promise<boolean> {
    const text = this.held;
    this.held = undefined;
    this.timer?.cancel();
    this.timer = undefined;
    if (text === undefined) return false;
    try {
      if ((await this.clipboard.readText()) !== text) return false;
      await this.clipboard.writeText('');
      this.log.info('cleared the copied access token from the clipboard');
      return true;
    } catch (error) {
      this.log.warn(`could not clear the clipboard: ${errorMessage(error)}`);
      return false;
    }
  }

  dispose(): void {
    void this.clearNow();
  }
}
