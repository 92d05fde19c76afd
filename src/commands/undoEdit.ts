// The Undo of an edit: one PATCH with the earlier values of exactly the fields the edit changed.
// Someone may have edited the same fields since (the portal, another window): the entity is read
// first, and then restoring would overwrite their change, so that is asked in a modal.
import { getPrompter } from '../ui/prompterHolder';
import { describeChange, type Form } from '../ui/promptsChanges';
import { sentence } from '../ui/promptsText';
import type { CommandContext } from './context';
import { say, type EditAction } from './mutate';
import type { UndoAction } from './undo';
import { checkRestore, restorePatch, type EditForms } from './undoPlan';

export function editUndo<E, F extends Form>(ctx: CommandContext, action: EditAction<E, F>, entity: E, saved: F): UndoAction {
  const forms: EditForms<F> = { specs: action.specs, before: action.form(entity), saved };
  const patch = restorePatch(forms);
  const fields = Object.keys(patch);
  const name = action.nameOf(entity);
  const what = `${action.noun} '${name}'`;
  const labels = fields.map((key) => action.specs[key].label.toLowerCase()).join(', ');
  return {
    progress: `Restoring ${what}…`,
    orgId: action.orgId,
    affects: action.affects,
    orgList: action.changesOrgList?.(fields) ?? false,
    cancellable: false, // a PATCH on its way cannot be called back
    // The entity as loaded before the edit: what the save needs to rebuild a field (key ranges).
    run: (client, signal) => action.save(client, patch, signal, entity),
    check: async () => {
      const now = await ctx.session.call((client) => action.load(client));
      const found = checkRestore(forms, action.form(now));
      if (found.kind === 'asSaved') return true;
      if (found.kind === 'alreadyBefore') {
        say(`${sentence(what)} already has its earlier ${labels}: nothing was sent.`);
        return false;
      }
      ctx.log.info(`Undo of the edit of ${what}: changed since it was saved (${found.changes.map(describeChange).join('; ')})`);
      return getPrompter().confirm(`${sentence(what)} was changed again since your edit. Restore the earlier ${labels} anyway?`, {
        detail: `Changed since your edit: ${found.changes.map(describeChange).join('; ')}. Restoring overwrites that change.`,
        confirm: 'Restore',
      });
    },
    done: `Restored ${what}: ${labels} as before the edit.`,
    failed: `${sentence(what)} could not be restored`,
  };
}
