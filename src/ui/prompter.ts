/**
 * Every question the extension asks and every message it shows goes through a Prompter, so
 * that the integration tests (in a real extension host) can answer prompts by script, and so
 * that no `showErrorMessage` hides outside the error funnel. The default implementation is
 * in ui/windowPrompter.ts (vscode.window input boxes, quick picks and messages).
 */

/**
 * Returned by `input`/`pick` when the user pressed the Back button of a multi-step flow. A
 * registered symbol, so the feature bundle (dist/features.js) and the tests see the same one.
 */
export const BACK: unique symbol = Symbol.for('enclave.back') as never;
export type Back = typeof BACK;

export interface InputOptions {
  readonly title?: string;
  readonly step?: number;
  readonly totalSteps?: number;
  readonly prompt?: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** Keep the box open when focus moves elsewhere (e.g. to copy a token from a browser). */
  readonly ignoreFocusOut?: boolean;
  /** Show a Back button (multi-step flows). */
  readonly back?: boolean;
  /** Checked as the user types; a message blocks accepting the value. */
  readonly validate?: (value: string) => string | undefined | Promise<string | undefined>;
  /**
   * Shown under the box while the value is acceptable (validate said nothing), without blocking
   * Enter: e.g. how a typed date was understood.
   */
  readonly note?: (value: string) => string | undefined;
}

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
  readonly picked?: boolean;
}

export interface PickOptions {
  readonly title?: string;
  readonly step?: number;
  readonly totalSteps?: number;
  readonly placeholder?: string;
  readonly back?: boolean;
  readonly ignoreFocusOut?: boolean;
  readonly matchOnDescription?: boolean;
  readonly matchOnDetail?: boolean;
}

export interface SearchOptions {
  readonly title?: string;
  readonly placeholder?: string;
  readonly value?: string;
  /** Completions for the text typed so far: each item's value is the whole text, its last word completed. */
  readonly suggest: (text: string) => readonly PickItem<string>[];
  /** Checked as the user types; a message blocks applying the text. */
  readonly validate?: (text: string) => string | undefined;
}

export interface Prompter {
  /** Undefined when cancelled. */
  input(options: InputOptions): Promise<string | undefined | Back>;
  pick<T>(items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>, options: PickOptions): Promise<T | undefined | Back>;
  pickMany<T>(items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>, options: PickOptions): Promise<T[] | undefined | Back>;
  /** A text box with completions (a filter in the API's search syntax). Undefined when cancelled. */
  search(options: SearchOptions): Promise<string | undefined>;
  /** A modal confirmation whose confirm button says `confirm` (e.g. "Disable"). */
  confirm(message: string, options: { readonly detail?: string; readonly confirm: string }): Promise<boolean>;
  /** A modal question with several answers (buttons); undefined when dismissed (Escape, Cancel). */
  choose(message: string, options: { readonly detail?: string; readonly choices: readonly string[] }): Promise<string | undefined>;
  /** Non-modal messages; resolve to the chosen action, if any. */
  info(message: string, ...actions: string[]): Promise<string | undefined>;
  warn(message: string, ...actions: string[]): Promise<string | undefined>;
  error(message: string, ...actions: string[]): Promise<string | undefined>;
}
