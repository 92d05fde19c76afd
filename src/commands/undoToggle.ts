// The Undo of an enable or disable: the opposite call for exactly the items that changed.
//
// Which items: the action sent only items in the other state (its `applies` filter on the entity
// data it received), so that state is what Undo puts back. When the bulk count came back short,
// the read-back (bulkCheck.ts) names the items it proved this call left alone — still as they
// were, gone, or already so before — and Undo leaves those out. Items it could not tell apart
// (all read back in the new state, one of them skipped by the server) stay in: by everything the
// person was shown they were in the other state, and Undo restores what they saw. Undoing asks
// nothing, even when it disables: the person chose it moments after the opposite change.
import type { EnclaveClient } from '../api';
import { bulkOutcome, count, sentence, type BulkWords, type Noun } from '../ui/promptsText';
import type { UndoAction } from './undo';

export interface ToggleUndo<Id> {
  /** "Enabling", for the progress of the undo of a disable. */
  readonly verbing: string;
  /** "enabled". */
  readonly participle: string;
  readonly one: (client: EnclaveClient, orgId: string, id: Id, signal: AbortSignal) => Promise<unknown>;
  /** The bulk endpoint: resolves to the count the server reports. */
  readonly many: (client: EnclaveClient, orgId: string, ids: readonly Id[], signal: AbortSignal) => Promise<number>;
}

interface Toggled {
  readonly noun: Noun;
  readonly affects: UndoAction['affects'];
  readonly notDone: BulkWords['notDone'];
}

export function toggleUndo<Id>(action: Toggled, undo: ToggleUndo<Id>, orgId: string, ids: readonly Id[], names: ReadonlyMap<Id, string>): UndoAction {
  const what = ids.length === 1 ? `${action.noun.one} '${names.get(ids[0]) ?? String(ids[0])}'` : count(ids.length, action.noun);
  const base = { progress: `${undo.verbing} ${what}…`, orgId, affects: action.affects, failed: `${sentence(what)} could not be ${undo.participle} again` };
  if (ids.length === 1) {
    return { ...base, run: (client, signal) => undo.one(client, orgId, ids[0], signal), done: `${sentence(undo.participle)} ${what} again.` };
  }
  return {
    ...base,
    run: (client, signal) => undo.many(client, orgId, ids, signal),
    // The count of the undo's own bulk call, said as exactly as the action's.
    done: (counted) =>
      (counted as number) >= ids.length
        ? `${sentence(undo.participle)} ${what} again.`
        : bulkOutcome({ done: sentence(undo.participle), notDone: action.notDone }, action.noun, ids.length, counted as number),
  };
}
