// What a service owns (listeners, panels, child services), ended by one dispose(), in the manner
// of VS Code's own DisposableStore: in reverse order, once, each even when another throws, and
// whatever is added after the end is disposed at once. vscode-free: anything with dispose() fits,
// vscode.Disposable included.

export interface IDisposable {
  dispose(): void;
}

export class DisposableStore implements IDisposable {
  private readonly items: IDisposable[] = [];
  private disposed = false;

  /** Takes ownership of `item`; after dispose() an added item is disposed at once. */
  add<T extends IDisposable>(item: T): T {
    if (this.disposed) item.dispose();
    else this.items.push(item);
    return item;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Disposes every item, last added first; a throwing item does not stop the others. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const errors: unknown[] = [];
    for (const item of this.items.splice(0).reverse()) {
      try {
        item.dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'several disposables failed');
  }
}
