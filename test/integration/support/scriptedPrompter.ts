/**
 * ScriptedPrompter: a Prompter that answers from queues, for integration tests in the real
 * extension host. Install it with `api.setPrompter(prompter)` (the harness does).
 *
 * Scripting (each call queues answers, in order, for the next questions of that kind):
 *   prompter.answerInput('value', undefined)        // strings; undefined = Escape; api.back = Back button;
 *                                                   // or (options) => answer, e.g. (o) => o.value
 *   prompter.answerPick('I have a token')           // a label (exact, else contained; codicons ignored),
 *                                                   // a predicate on the PickItem, { value }, undefined or api.back
 *   prompter.answerPickMany(['a', 'b'])             // matchers as above; 'picked' keeps the pre-picked
 *   prompter.answerConfirm(true)
 *   prompter.answerInfo('Open'), answerWarn(...), answerError('Retry')   // an action, or undefined, or
 *                                                   // (message) => action: runs when the message shows
 *   prompter.answerChoose('Overwrite with Mine')     // a modal's button, or undefined (dismissed)
 *
 * Back: answer with `h.api.back` (the extension's own BACK symbol — it runs from dist/, the tests
 * from out/, so the BACK exported by src/ui/prompter.ts here is a different symbol). Any symbol
 * answer is passed through as is.
 *
 * Inputs with a `validate` function are validated like the real box: each scripted value is
 * passed to `validate`; a message means the box would not accept it, so the message is recorded
 * and the NEXT scripted input value is tried in the same box (as if the user typed again). When
 * no scripted value is left the box is cancelled.
 *
 * Unscripted questions: input/pick/pickMany are cancelled and confirm answers false — both are
 * recorded in `unanswered` so a test can assert none happened; messages are dismissed.
 *
 * Recorded (for assertions): `messages` (info/warn/error/confirm: text, actions, detail),
 * `inputs` (options, every value tried with its validation message, the answer), `picks`
 * (options, item labels, the answer), `unanswered`, and `shownTexts()` — every string the user
 * would have seen (never the values typed), for "no token in any message" checks.
 * `reset()` clears queues and records between tests.
 */
import type { Back, InputOptions, PickItem, PickOptions, Prompter, SearchOptions } from '../../../src/ui/prompter';

export type InputAnswer = string | undefined | Back | symbol | ((options: InputOptions) => string | undefined | Back | symbol);
export type PickMatcher = string | { readonly value: unknown } | ((item: PickItem<unknown>) => boolean);
export type PickAnswer = PickMatcher | undefined | Back | symbol;
export type PickManyAnswer = readonly PickMatcher[] | 'picked' | undefined | Back | symbol;

/** An action to choose, or a function called with the message when it shows (to act in between). */
export type MessageAnswer = string | undefined | ((message: string) => string | undefined);
export type MessageKind = 'info' | 'warn' | 'error' | 'confirm' | 'choose';

export interface ShownMessage {
  readonly kind: MessageKind;
  readonly message: string;
  readonly actions: readonly string[];
  readonly detail?: string;
  /** The scripted action (or confirm result) given back. */
  readonly answer: string | boolean | undefined;
}

export interface AskedInput {
  readonly options: InputOptions;
  /** Every value tried, with what `validate` said about it (undefined = accepted) and the box's `note` for it. */
  readonly tried: { readonly value: string; readonly validation: string | undefined; readonly note?: string }[];
  answer?: string | Back;
}

export interface AskedPick {
  readonly many: boolean;
  readonly options: PickOptions;
  readonly labels: readonly string[];
  answer?: unknown;
}

export interface AskedSearch {
  readonly options: SearchOptions;
  /** Every text tried, with its validation message and the completion labels offered for it. */
  readonly tried: { readonly value: string; readonly validation: string | undefined; readonly suggestions: readonly string[] }[];
  answer?: string;
}

export class ScriptedPrompter implements Prompter {
  private searchQueue: (string | undefined)[] = [];
  private inputQueue: InputAnswer[] = [];
  private pickQueue: PickAnswer[] = [];
  private pickManyQueue: PickManyAnswer[] = [];
  private confirmQueue: boolean[] = [];
  private messageQueues: Record<Exclude<MessageKind, 'confirm' | 'choose'>, MessageAnswer[]> = { info: [], warn: [], error: [] };
  private chooseQueue: (string | undefined)[] = [];

  messages: ShownMessage[] = [];
  inputs: AskedInput[] = [];
  picks: AskedPick[] = [];
  searches: AskedSearch[] = [];
  unanswered: string[] = [];

  /** Texts for the next search boxes; one that does not validate is followed by the next (typed again). */
  answerSearch(...answers: (string | undefined)[]): this { this.searchQueue.push(...answers); return this; }

  answerInput(...answers: InputAnswer[]): this { this.inputQueue.push(...answers); return this; }
  answerPick(...answers: PickAnswer[]): this { this.pickQueue.push(...answers); return this; }
  answerPickMany(...answers: PickManyAnswer[]): this { this.pickManyQueue.push(...answers); return this; }
  answerConfirm(...answers: boolean[]): this { this.confirmQueue.push(...answers); return this; }
  answerInfo(...actions: MessageAnswer[]): this { this.messageQueues.info.push(...actions); return this; }
  answerWarn(...actions: MessageAnswer[]): this { this.messageQueues.warn.push(...actions); return this; }
  answerError(...actions: MessageAnswer[]): this { this.messageQueues.error.push(...actions); return this; }
  answerChoose(...answers: (string | undefined)[]): this { this.chooseQueue.push(...answers); return this; }

  reset(): void {
    this.inputQueue = [];
    this.pickQueue = [];
    this.pickManyQueue = [];
    this.confirmQueue = [];
    this.chooseQueue = [];
    this.messageQueues = { info: [], warn: [], error: [] };
    this.messages = [];
    this.inputs = [];
    this.picks = [];
    this.searchQueue = [];
    this.searches = [];
    this.unanswered = [];
  }

  /** Messages of one kind, in the order shown. */
  messagesOf(kind: MessageKind): ShownMessage[] {
    return this.messages.filter((m) => m.kind === kind);
  }

  /** Every text the user would have read: messages, actions, titles, prompts, labels, validation messages. */
  shownTexts(): string[] {
    const texts: (string | undefined)[] = [];
    for (const m of this.messages) texts.push(m.message, m.detail, ...m.actions);
    for (const i of this.inputs) texts.push(i.options.title, i.options.prompt, i.options.placeholder, ...i.tried.flatMap((t) => [t.validation, t.note]));
    for (const p of this.picks) texts.push(p.options.title, p.options.placeholder, ...p.labels);
    return texts.filter((t): t is string => typeof t === 'string' && t !== '');
  }

  async input(options: InputOptions): Promise<string | undefined | Back> {
    const asked: AskedInput = { options, tried: [] };
    this.inputs.push(asked);
    for (;;) {
      if (this.inputQueue.length === 0) {
        this.unanswered.push(`input: ${options.title ?? ''} ${options.prompt ?? ''}`.trim());
        return undefined;
      }
      const next = this.inputQueue.shift();
      const answer = typeof next === 'function' ? next(options) : next;
      if (answer === undefined || typeof answer === 'symbol') return answer as Back | undefined;
      const validation = options.validate ? await options.validate(answer) : undefined;
      const note = validation === undefined ? options.note?.(answer) : undefined;
      asked.tried.push(note === undefined ? { value: answer, validation } : { value: answer, validation, note });
      if (validation === undefined) {
        asked.answer = answer;
        return answer;
      }
    }
  }

  async pick<T>(items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>, options: PickOptions): Promise<T | undefined | Back> {
    const list = await items;
    const asked: AskedPick = { many: false, options, labels: list.map((i) => i.label) };
    this.picks.push(asked);
    if (this.pickQueue.length === 0) {
      this.unanswered.push(`pick: ${options.title ?? ''} ${options.placeholder ?? ''}`.trim());
      return undefined;
    }
    const answer = this.pickQueue.shift();
    if (answer === undefined || typeof answer === 'symbol') return answer as Back | undefined;
    const found = choose(answer, list as readonly PickItem<unknown>[])[0] as PickItem<T> | undefined;
    if (!found) throw new Error(`ScriptedPrompter: no pick item matches ${describe(answer)} among: ${asked.labels.join(' | ')}`);
    asked.answer = found.value;
    return found.value;
  }

  async pickMany<T>(items: readonly PickItem<T>[] | Promise<readonly PickItem<T>[]>, options: PickOptions): Promise<T[] | undefined | Back> {
    const list = await items;
    const asked: AskedPick = { many: true, options, labels: list.map((i) => i.label) };
    this.picks.push(asked);
    if (this.pickManyQueue.length === 0) {
      this.unanswered.push(`pickMany: ${options.title ?? ''} ${options.placeholder ?? ''}`.trim());
      return undefined;
    }
    const answer = this.pickManyQueue.shift();
    if (answer === undefined || typeof answer === 'symbol') return answer as Back | undefined;
    const wanted = answer === 'picked' ? list.filter((i) => i.picked) : answer.flatMap((m) => choose(m, list as readonly PickItem<unknown>[]));
    const chosen = list.filter((item) => wanted.includes(item));
    asked.answer = chosen.map((i) => i.value);
    return chosen.map((i) => i.value);
  }

  async search(options: SearchOptions): Promise<string | undefined> {
    const asked: AskedSearch = { options, tried: [] };
    this.searches.push(asked);
    for (;;) {
      if (this.searchQueue.length === 0) {
        this.unanswered.push(`search: ${options.title ?? ''}`.trim());
        return undefined;
      }
      const answer = this.searchQueue.shift();
      if (answer === undefined) return undefined;
      const validation = options.validate?.(answer);
      asked.tried.push({ value: answer, validation, suggestions: options.suggest(answer).map((i) => i.label) });
      if (validation === undefined) {
        asked.answer = answer;
        return answer;
      }
    }
  }

  async confirm(message: string, options: { readonly detail?: string; readonly confirm: string }): Promise<boolean> {
    const scripted = this.confirmQueue.length > 0;
    const answer = this.confirmQueue.shift() ?? false;
    if (!scripted) this.unanswered.push(`confirm: ${message}`);
    this.messages.push({ kind: 'confirm', message, actions: [options.confirm], detail: options.detail, answer });
    return answer;
  }

  async choose(message: string, options: { readonly detail?: string; readonly choices: readonly string[] }): Promise<string | undefined> {
    const scripted = this.chooseQueue.length > 0;
    const answer = this.chooseQueue.shift();
    if (!scripted) this.unanswered.push(`choose: ${message}`);
    if (answer !== undefined && !options.choices.includes(answer)) {
      throw new Error(`ScriptedPrompter: "${answer}" is not a choice of "${message}" (choices: ${options.choices.join(', ')})`);
    }
    this.messages.push({ kind: 'choose', message, actions: [...options.choices], detail: options.detail, answer });
    return answer;
  }

  async info(message: string, ...actions: string[]): Promise<string | undefined> { return this.show('info', message, actions); }
  async warn(message: string, ...actions: string[]): Promise<string | undefined> { return this.show('warn', message, actions); }
  async error(message: string, ...actions: string[]): Promise<string | undefined> { return this.show('error', message, actions); }

  private show(kind: Exclude<MessageKind, 'confirm' | 'choose'>, message: string, actions: string[]): string | undefined {
    const next = this.messageQueues[kind].shift();
    const queued = typeof next === 'function' ? next(message) : next;
    // A scripted action the message does not offer is a test bug worth hearing about.
    if (queued !== undefined && !actions.includes(queued)) {
      this.unanswered.push(`${kind}: "${queued}" is not an action of "${message}"`);
      throw new Error(`ScriptedPrompter: "${queued}" is not an action of the ${kind} message "${message}" (actions: ${actions.join(', ') || 'none'})`);
    }
    this.messages.push({ kind, message, actions, answer: queued });
    return queued;
  }
}

function plain(label: string): string {
  return label.replace(/\$\([^)]+\)\s*/g, '').trim();
}

/**
 * The items a matcher means. A string means the items whose label (codicons ignored) equals it;
 * only when none does, the items whose label contains it — so "Home Lab Pi" never also picks
 * "Home Lab Pi 2".
 */
function choose(matcher: PickMatcher, list: readonly PickItem<unknown>[]): PickItem<unknown>[] {
  if (typeof matcher === 'function') return list.filter((item) => matcher(item));
  if (typeof matcher !== 'string') return list.filter((item) => JSON.stringify(item.value) === JSON.stringify(matcher.value));
  const exact = list.filter((item) => plain(item.label) === plain(matcher));
  return exact.length > 0 ? exact : list.filter((item) => plain(item.label).includes(plain(matcher)));
}

function describe(matcher: PickMatcher): string {
  return typeof matcher === 'function' ? 'a predicate' : JSON.stringify(matcher);
}
