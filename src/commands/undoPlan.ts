// What undoing an edit sends, and whether it may: pure form logic over the edit's field specs (the
// same comparison the edit used to find its changes), so it is unit-tested in plain Node.
import { detectChanges, type FieldChange, type FieldSpecs, type Form, type WireValue } from '../ui/promptsChanges';

export interface EditForms<F extends Form> {
  readonly specs: FieldSpecs<F>;
  /** The entity as loaded before the edit, as the boxes showed it. */
  readonly before: F;
  /** What the edit saved. */
  readonly saved: F;
}

/** The PATCH that puts back the earlier values of exactly the fields the edit changed. */
export function restorePatch<F extends Form>(forms: EditForms<F>): Record<string, WireValue> {
  return detectChanges(forms.specs, forms.saved, forms.before).patch;
}

export type RestoreCheck =
  /** The edited fields still hold what the edit saved: restore without asking. */
  | { readonly kind: 'asSaved' }
  /** The edited fields already hold the earlier values (undone elsewhere): nothing to send. */
  | { readonly kind: 'alreadyBefore' }
  /** Someone changed an edited field since: `changes` says what it is now against what was saved. */
  | { readonly kind: 'changedSince'; readonly changes: readonly FieldChange[] };

/**
 * Compares the entity as it is `now` with what the edit saved, on the edited fields only (a field
 * the edit did not touch may change freely: the undo does not send it).
 */
export function checkRestore<F extends Form>(forms: EditForms<F>, now: F): RestoreCheck {
  const edited = new Set(Object.keys(restorePatch(forms)));
  const only = (changes: readonly FieldChange[]) => changes.filter((c) => edited.has(c.key));
  const sinceSaved = only(detectChanges(forms.specs, forms.saved, now).changes);
  if (sinceSaved.length === 0) return { kind: 'asSaved' };
  if (only(detectChanges(forms.specs, forms.before, now).changes).length === 0) return { kind: 'alreadyBefore' };
  return { kind: 'changedSince', changes: sinceSaved };
}
