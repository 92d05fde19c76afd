// Undo after an Edit-as-JSON save: one PATCH that puts back the previous values of the fields the
// save changed, run like every other undo (runUndo: once only, Retry on failure). Someone may
// have changed those fields since (the portal, another window): the server's copy is read first,
// and overwriting their change is asked in a modal.
import type * as vscode from 'vscode';
import { say } from '../../commands/mutate';
import type { UndoAction } from '../../commands/undo';
import { offerUndoLater } from '../../commands/undoLater';
import { getPrompter } from '../../ui/prompterHolder';
import { sentence } from '../../ui/promptsText';
import { changedFields, patchOf } from './changes';
import { docOf, type JsonObject } from './documents';
import { KINDS } from './kinds';
import type { SaveHost } from './save';
import type { DocTarget } from './uris';

export interface SavedChange {
  readonly name: string;
  readonly changed: readonly string[];
  /** The changed fields as the server had them before the save. */
  readonly previous: JsonObject;
  /** The changed fields as the save sent them. */
  readonly sent: JsonObject;
}

/** Says what was saved, with Undo; not awaited, so the save ends at once. */
export function undoOffer(host: SaveHost, uri: vscode.Uri, target: DocTarget, saved: SavedChange): void {
  const spec = KINDS[target.kind];
  const message = `Saved ${spec.noun} '${saved.name}': ${saved.changed.join(', ')} changed.`;
  offerUndoLater(host.ctx, message, () => jsonUndo(host, uri, target, saved));
}

function jsonUndo(host: SaveHost, uri: vscode.Uri, target: DocTarget, saved: SavedChange): UndoAction {
  const spec = KINDS[target.kind];
  const what = `${spec.noun} '${saved.name}'`;
  const fields = saved.changed.join(', ');
  return {
    progress: `Undoing the change to ${what}…`,
    orgId: target.orgId,
    affects: spec.affects,
    orgList: spec.changesOrgList?.(saved.changed) ?? false,
    cancellable: false, // a PATCH on its way cannot be called back
    run: (client, signal) => spec.save(client, target, saved.previous, signal),
    check: async () => {
      const current = patchOf(docOf(target.kind, await host.fetch(target)), saved.changed);
      if (changedFields(current, saved.sent).length === 0) return true;
      if (changedFields(current, saved.previous).length === 0) {
        say(`${sentence(what)} already has its previous ${fields}: nothing was sent.`);
        return false;
      }
      const since = changedFields(current, saved.sent).join(', ');
      host.ctx.log.info(`Undo of the JSON edit of ${what}: ${since} changed since it was saved`);
      return getPrompter().confirm(`${sentence(what)} was changed again since your edit. Restore the previous ${fields} anyway?`, {
        detail: `Changed since your edit: ${since}. Restoring overwrites that change.`,
        confirm: 'Restore',
      });
    },
    done: () => {
      host.changed(uri);
      return `Undone: ${what} has its previous ${fields} again.`;
    },
    failed: `The change to ${what} could not be undone`,
  };
}
