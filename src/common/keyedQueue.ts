// Runs tasks one after another per key, and tasks of different keys side by side: what keeps two
// changes of one account's live menu from interleaving (a backup read between another upload's
// backup and its create would save the wrong menu, and the last create would win at random)
// while another account's upload goes on at the same time.

export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Starts `task` once every task queued before under `key` has settled (resolved or rejected). */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(() => task());
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    // The last task of a key leaves no entry behind.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting. */
  get busyKeys(): number {
    return this.tails.size;
  }
}
