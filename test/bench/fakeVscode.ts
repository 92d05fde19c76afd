// Just enough of the `vscode` module for the parts of the extension the bench drives in plain
// Node: the tree provider (EventEmitter), a mutation command (withProgress) and the auto-refresh
// wiring (window focus, the refreshInterval setting). Anything else throws, naming what is
// missing, so a new dependency on VS Code shows up as an error rather than a wrong number.
// Installed as `vscode` by vscodeStub.ts.

type Listener<T> = (value: T) => unknown;

export class Disposable {
  constructor(private readonly onDispose: () => unknown) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private readonly listeners = new Set<Listener<T>>();
  readonly event = (listener: Listener<T>, thisArgs?: unknown, disposables?: Disposable[]): Disposable => {
    const bound: Listener<T> = (value) => listener.call(thisArgs, value);
    this.listeners.add(bound);
    const subscription = new Disposable(() => this.listeners.delete(bound));
    disposables?.push(subscription);
    return subscription;
  };
  fire(value: T): void {
    for (const listener of [...this.listeners]) listener(value);
  }
  dispose(): void {
    this.listeners.clear();
  }
}

export enum ProgressLocation { SourceControl = 1, Window = 10, Notification = 15 }

const windowState = new EventEmitter<{ focused: boolean }>();
const configuration = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
const settings = new Map<string, unknown>();

export const window = {
  state: { focused: true },
  onDidChangeWindowState: windowState.event,
  withProgress<R>(_options: unknown, task: (progress: { report(): void }, token: unknown) => Thenable<R>): Thenable<R> {
    const token = { isCancellationRequested: false, onCancellationRequested: () => new Disposable(() => undefined) };
    return task({ report: () => undefined }, token);
  },
};

export const workspace = {
  onDidChangeConfiguration: configuration.event,
  getConfiguration(section: string) {
    return {
      get: <T>(key: string, fallback?: T): T | undefined => (settings.has(`${section}.${key}`) ? (settings.get(`${section}.${key}`) as T) : fallback),
      inspect: <T>(key: string) => ({ key: `${section}.${key}`, globalValue: settings.get(`${section}.${key}`) as T | undefined }),
    };
  },
};

/** Controls for the bench: what the fake window and settings report. */
export const fake = {
  setFocused(focused: boolean): void {
    window.state = { focused };
    windowState.fire(window.state);
  },
  setSetting(key: string, value: unknown): void {
    settings.set(key, value);
    configuration.fire({ affectsConfiguration: (section) => key === section || key.startsWith(`${section}.`) });
  },
};

export const commands = {
  executeCommand: (id: string): never => {
    throw new Error(`fakeVscode: the bench does not run command ${id}`);
  },
};
