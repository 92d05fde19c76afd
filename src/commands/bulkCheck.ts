/**
 * Which items a bulk call did not change. The bulk endpoints answer with a count only. Nothing is
 * read before the call: the common case is a full count, and the state before the call is the
 * entity data the action received (tree rows, quick-pick items). Only when the count comes back
 * short are the items read once more (one GET each, a few at a time, at most READ_BACK_MAX) and
 * named where the evidence is certain; the rest is counted, never claimed.
 *
 * What a read after the call can tell, since the call itself erases the difference between "this
 * call changed it" and "it was like that already":
 * - still present and not in the target state: the call left it ("did not change", "was not revoked");
 * - gone (404) after enable/disable, which never delete: deleted elsewhere ("no longer exists");
 * - in the target state and so before the call too (by the entity data): "was already enabled";
 * - in the target state (or gone, for revoke/delete/approve/decline) with nothing more to go on:
 *   named only when the server changed none at all; otherwise it could be one this call changed.
 * No `vscode` here (the words are in src/ui/promptsText.ts).
 */
import type { EnclaveClient } from '../api';
import { bulkNamedOutcome, NO_LONGER_EXISTS, NO_LONGER_WAITING, sentence, type Unchanged } from '../ui/promptsText';
import type { CommandContext } from './context';
import { isGone } from './describeError';
import type { EntityAction } from './mutate';
import type { EntityKind, EntityOf } from './pickers';

/** At most this many items are read after a short count; beyond them the count alone is reported. */
export const READ_BACK_MAX = 50;
const PARALLEL_READS = 6;

export type ItemState = 'done' | 'pending' | 'gone';

export interface ReadBack<Item, Id> {
  /** One item as the API has it now. */
  readonly get: (client: EnclaveClient, orgId: string, id: Id, signal: AbortSignal) => Promise<Item>;
  /**
   * True when the item is already as the action leaves it (enable: enabled). Absent for actions
   * that remove the item from its list (revoke, delete, approve, decline): gone is their target.
   */
  readonly isDone?: (item: Item) => boolean;
}

/** The state of each item read (items whose read failed for another reason are left out). */
export async function readStates<Item, Id>(
  client: EnclaveClient,
  orgId: string,
  ids: readonly Id[],
  spec: ReadBack<Item, Id>,
  signal: AbortSignal,
  enough: (states: ReadonlyMap<Id, ItemState>) => boolean = () => false,
): Promise<Map<Id, ItemState>> {
  const states = new Map<Id, ItemState>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length && !signal.aborted && !enough(states)) {
      const id = ids[next++];
      try {
        const item = await spec.get(client, orgId, id, signal);
        states.set(id, spec.isDone?.(item) ? 'done' : 'pending');
      } catch (error) {
        if (isGone(error)) states.set(id, 'gone');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, ids.length) }, worker));
  return states;
}

export interface Evidence<Id> {
  readonly ids: readonly Id[];
  /** The count the server reported. */
  readonly counted: number;
  /** The items the entity data the action received shows already in the target state. */
  readonly doneBefore: ReadonlySet<Id>;
  /** What the read after the call found; an item not read (or whose read failed) is absent. */
  readonly after: ReadonlyMap<Id, ItemState>;
  /** The target state shows on an item that is still there (enable/disable), so a 404 is not this call's doing. */
  readonly visible: boolean;
}

/** The items the call left as they were, and why: only what the evidence proves (see the top). */
export function unchangedItems<Id>(evidence: Evidence<Id>): { id: Id; why: Unchanged }[] {
  const { ids, counted, doneBefore, after, visible } = evidence;
  const named: { id: Id; why: Unchanged }[] = [];
  const unsure: { id: Id; why: Unchanged }[] = [];
  for (const id of ids) {
    const now = after.get(id);
    if (now === undefined) continue;
    if (now === 'pending') named.push({ id, why: 'unchanged' });
    else if (visible && now === 'gone') named.push({ id, why: 'gone' });
    else if (visible && doneBefore.has(id)) named.push({ id, why: 'already' });
    else unsure.push({ id, why: visible ? 'already' : 'gone' });
  }
  // The server changed none: whatever is in the target state now got there without this call.
  if (counted === 0) named.push(...unsure);
  // More named than the count leaves out: something changed while the items were read. Count them.
  return named.length > ids.length - counted ? [] : named;
}

export interface Shortfall<Id> {
  readonly message: string;
  /** The items proved unchanged by this call (named in the message): Undo leaves them out. */
  readonly unchanged: ReadonlySet<Id>;
}

/**
 * The message for a bulk count lower than the items sent: the items that did not change, named
 * and why, from the entity data the action received and one read of the items now.
 */
export async function shortfall<K extends EntityKind, Id>(
  ctx: CommandContext,
  action: EntityAction<K, Id>,
  orgId: string,
  items: readonly EntityOf[K][],
  counted: number,
): Promise<Shortfall<Id>> {
  const ids = items.map(action.idOf);
  const isDone = action.readBack.isDone;
  const doneBefore = new Set(isDone ? items.filter(isDone).map(action.idOf) : []);
  const evidence = (after: ReadonlyMap<Id, ItemState>): Evidence<Id> => ({ ids, counted, doneBefore, after, visible: isDone !== undefined });
  let after: ReadonlyMap<Id, ItemState> = new Map();
  try {
    const toRead = ids.slice(0, READ_BACK_MAX);
    // Stop reading once the items named account for the whole shortfall.
    const enough = (states: ReadonlyMap<Id, ItemState>) => unchangedItems(evidence(states)).length >= ids.length - counted;
    after = await ctx.session.call((c) => readStates(c, orgId, toRead, action.readBack, new AbortController().signal, enough));
  } catch (error) {
    ctx.log.warn(`Reading ${action.noun.many} back after a bulk ${action.verb.toLowerCase()} failed: ${String(error)}`);
  }
  const unchanged = unchangedItems(evidence(after));
  const names = new Map(items.map((item) => [action.idOf(item), action.nameOf(item)]));
  const words = { done: sentence(action.participle), notDone: action.notDone, participle: action.participle, gone: action.kind === 'pending' ? NO_LONGER_WAITING : NO_LONGER_EXISTS };
  const message = bulkNamedOutcome(words, action.noun, ids.length, counted, unchanged.map((u) => ({ name: names.get(u.id) ?? String(u.id), why: u.why })));
  ctx.log.info(message);
  return { message, unchanged: new Set(unchanged.map((u) => u.id)) };
}
