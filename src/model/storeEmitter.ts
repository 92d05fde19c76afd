import type * as vscode from 'vscode';

/**
 * A minimal event emitter with the shape of `vscode.Event`, so the store stays free of the
 * `vscode` runtime module and its logic can be unit-tested in plain Node. Listeners that throw
 * are isolated: one broken listener must not stop the tree from hearing about a change.
 */
export class StoreEmitter<T> {
  private readonly listeners = new Set<(value: T) => unknown>();
  private disposed = false;

  readonly event: vscode.Event<T> = (listener, thisArgs, disposables) => {
    const bound = (value: T): unknown => listener.call(thisArgs, value);
    this.listeners.add(bound);
    const subscription = { dispose: () => void this.listeners.delete(bound) };
    disposables?.push(subscription);
    return subscription;
  };

  fire(value: T): void {
    if (this.disposed) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch {
        // A listener's failure is its own; the others still get the event.
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }
}
