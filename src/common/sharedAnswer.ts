// One question at a time per key: callers that need the same answer while it is being asked (two
// requests for one account and host, a read and a refresh) wait for the one pending promise
// instead of opening a second modal. Forgotten once settled, so the next need asks again.

export class SharedAnswers<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** The pending answer for `key`, or `ask()`'s, shared until it settles. */
  get(key: string, ask: () => Promise<T>): Promise<T> {
    let answer = this.pending.get(key);
    if (!answer) {
      answer = ask().finally(() => this.pending.delete(key));
      this.pending.set(key, answer);
    }
    return answer;
  }
}
