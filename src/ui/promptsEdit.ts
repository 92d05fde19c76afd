// The shape every edit flow shares: boxes pre-filled (with the entity as fetched, or with what the
// person typed before a failed save), then a last step that lists what will change and saves
// only that. Picking a change row goes back to that field's box.
import { describeChange, detectChanges, type FieldChange, type FieldSpecs, type Form, type WireValue } from './promptsChanges';
import { BACK } from './prompter';
import { getPrompter } from './prompterHolder';
import { runSteps, type Step } from './promptsSteps';

export interface EditFlow<F extends Form> {
  readonly title: string;
  readonly specs: FieldSpecs<F>;
  /** The entity's current values, as the boxes show them. */
  readonly before: F;
  readonly steps: readonly Step<F>[];
}

export type EditResult<F extends Form> =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'changed'; readonly values: F; readonly patch: Record<string, WireValue>; readonly changes: readonly FieldChange[] };

const SAVE = '\u0000save';

/** The review step: nothing to show (and nothing asked) when nothing changed. */
function reviewStep<F extends Form>(flow: EditFlow<F>): Step<F> {
  return {
    async run(state, at) {
      const { changes } = detectChanges(flow.specs, flow.before, state);
      if (changes.length === 0) return 'next';
      const count = changes.length === 1 ? '1 change' : `${changes.length} changes`;
      const answer = await getPrompter().pick(
        [
          { label: '$(check) Save', description: count, value: SAVE },
          ...changes.map((c) => ({ label: c.label, description: `${c.before} → ${c.after}`, detail: 'Pick to change it again', value: c.key })),
        ],
        { ...at, placeholder: `Save ${count}? ${changes.map(describeChange).join('; ')}`, matchOnDescription: true },
      );
      if (answer === undefined) return 'cancel';
      if (answer === BACK) return 'back';
      return answer === SAVE ? 'next' : { goto: answer };
    },
  };
}

/** Runs the boxes starting from `start` (the current values, or the values typed last time). */
export async function promptEdit<F extends Form>(flow: EditFlow<F>, start: F): Promise<EditResult<F>> {
  const state = { ...start };
  const done = await runSteps(flow.title, state, [...flow.steps, reviewStep(flow)]);
  if (!done) return { kind: 'cancelled' };
  const { patch, changes } = detectChanges(flow.specs, flow.before, state);
  return changes.length === 0 ? { kind: 'unchanged' } : { kind: 'changed', values: state, patch, changes };
}
