// A small multi-step input runner: numbered steps ("2/5"), a Back button from the second step
// on, steps that appear only when earlier answers call for them (retention for ephemeral keys),
// and answers kept in one state object so Back and "Edit Again" show what was typed before.
// Every box goes through the Prompter, so integration tests answer them by script.
import { BACK, type InputOptions, type PickItem } from './prompter';
import { getPrompter } from './prompterHolder';

/** `{ goto }` jumps to the step bound to that field (the review step's "change this" rows). */
export type Outcome = 'next' | 'back' | 'cancel' | { readonly goto: string };

export interface StepPosition {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
  readonly back: boolean;
}

export interface Step<S> {
  /** The state field the step asks for, if any (a target for `{ goto }`). */
  readonly field?: string;
  /** Leave out to always ask; false skips the step (and it is not counted). */
  readonly when?: (state: S) => boolean;
  run(state: S, at: StepPosition): Promise<Outcome>;
}

/** Runs the steps in order; resolves true when the last one was answered, false on cancel. */
export async function runSteps<S>(title: string, state: S, steps: readonly Step<S>[]): Promise<boolean> {
  const visited: number[] = [];
  // Set by `{ goto }`: after that one field is answered, go straight back to the step that asked.
  let returnTo: number | undefined;
  let i = 0;
  while (i < steps.length) {
    const step = steps[i];
    const active = steps.filter((s) => !s.when || s.when(state));
    if (!active.includes(step)) {
      i++;
      continue;
    }
    const outcome = await step.run(state, { title, step: active.indexOf(step) + 1, totalSteps: active.length, back: visited.length > 0 });
    if (outcome === 'cancel') return false;
    if (outcome === 'back') {
      returnTo = undefined;
      i = visited.pop() ?? 0;
      continue;
    }
    visited.push(i);
    if (typeof outcome === 'object') {
      const target = steps.findIndex((s) => s.field === outcome.goto);
      if (target >= 0) [returnTo, i] = [i, target];
      continue;
    }
    if (returnTo !== undefined) [i, returnTo] = [returnTo, undefined];
    else i++;
  }
  return true;
}

type TextKeys<S> = { [K in keyof S]: S[K] extends string ? K : never }[keyof S];

export interface TextStepOptions<S> extends Omit<InputOptions, 'title' | 'step' | 'totalSteps' | 'back' | 'value' | 'validate'> {
  readonly when?: (state: S) => boolean;
  readonly validate?: (value: string, state: S) => string | undefined;
}

/** An input box bound to one string field of the state, pre-filled with its current text. */
export function textStep<S>(field: TextKeys<S>, options: TextStepOptions<S>): Step<S> {
  const { when, validate, ...input } = options;
  return {
    field: String(field),
    when,
    async run(state, at) {
      const answer = await getPrompter().input({
        ...input,
        ...at,
        value: state[field] as string,
        validate: validate ? (value) => validate(value, state) : undefined,
      });
      if (answer === undefined) return 'cancel';
      if (answer === BACK) return 'back';
      (state as Record<TextKeys<S>, string>)[field] = answer;
      return 'next';
    },
  };
}

export interface ChoiceStepOptions<S> {
  readonly when?: (state: S) => boolean;
  readonly placeholder: string;
  readonly choices: readonly Omit<PickItem<string>, 'picked'>[];
  /** Edits: label the entity's current value "(current)" and offer it first, so Enter keeps it. */
  readonly markCurrent?: boolean;
}

/** A single-choice quick pick bound to one string field; the current value is marked picked. */
export function choiceStep<S>(field: TextKeys<S>, options: ChoiceStepOptions<S>): Step<S> {
  return {
    field: String(field),
    when: options.when,
    async run(state, at) {
      const current = state[field] as string;
      const items = options.choices.map((c) => {
        const picked = c.value === current;
        const description = picked && options.markCurrent ? `${c.description ?? ''} (current)`.trim() : c.description;
        return { ...c, picked, description };
      });
      // The current (or remembered, after Back) answer first, so Enter keeps it. The sort is
      // stable: the other choices keep their order.
      items.sort((a, b) => Number(b.picked) - Number(a.picked));
      const answer = await getPrompter().pick(items, { ...at, placeholder: options.placeholder });
      if (answer === undefined) return 'cancel';
      if (answer === BACK) return 'back';
      (state as Record<TextKeys<S>, string>)[field] = answer;
      return 'next';
    },
  };
}
