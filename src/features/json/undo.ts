// Undo after an Edit-as-JSON save: one PATCH that puts back the previous values of the fields the
// save changed. Kept here, small, until a shared undo helper takes it over.
import type * as vscode from 'vscode';
import { reportFailure } from '../../commands/funnel';
import { mutate } from '../../commands/mutate';
import { getPrompter } from '../../ui/prompterHolder';
import type { JsonObject } from './documents';
import { KINDS } from './kinds';
import type { SaveHost } from './save';
import type { DocTarget } from './uris';

export const UNDO = 'Undo';

export interface SavedChange {
  readonly name: string;
  readonly changed: readonly string[];
  /** The changed fields as the server had them before the save. */
  readonly previous: JsonObject;
}

/** Says what was saved, with Undo; not awaited, so the save ends at once. */
export function undoOffer(host: SaveHost, uri: vscode.Uri, target: DocTarget, saved: SavedChange): void {
  const spec = KINDS[target.kind];
  const message = `Saved ${spec.noun} '${saved.name}': ${saved.changed.join(', ')} changed.`;
  void getPrompter().info(message, UNDO).then(async (choice) => {
    if (choice !== UNDO) return;
    try {
      await mutate(host.ctx, {
        progress: `Undoing the change to ${spec.noun} '${saved.name}'…`,
        orgId: target.orgId,
        affects: spec.affects,
        orgList: spec.changesOrgList?.(saved.changed) ?? false,
        cancellable: false,
        run: (client, signal) => spec.save(client, target, saved.previous, signal),
      });
      host.changed(uri);
      void getPrompter().info(`Undone: ${spec.noun} '${saved.name}' has its previous ${saved.changed.join(', ')} again.`);
    } catch (error) {
      await reportFailure(host.ctx, error, { what: `The change to ${spec.noun} '${saved.name}' could not be undone` });
    }
  });
}
