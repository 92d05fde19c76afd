/**
 * Which items a bulk call did not change. The bulk endpoints answer with a count only, and after
 * the call an item that was already disabled looks exactly like one this call disabled — so the
 * items are read just before the call (inside the same progress, one GET each, a few at a time)
 * and, when the count comes back short, compared: already in the target state, or gone. Items
 * that still cannot be accounted for (changed in the moment between) are read once more after
 * the call. No `vscode` here (the words are in src/ui/promptsText.ts).
 */
import type { EnclaveClient } from '../api';
import { bulkNamedOutcome, NO_LONGER_EXISTS, NO_LONGER_WAITING, sentence, type Unchanged } from '../ui/promptsText';
import type { CommandContext } from './context';
import { isGone } from './describeError';
import type { EntityAction } from './mutate';
import type { EntityKind, EntityOf } from './pickers';

/** Reads before a bulk call only up to this many items: beyond it the count alone is reported. */
export const READ_BACK_MAX = 50;
const PARALLEL_READS = 6;

export type ItemState = 'done' | 'pending' | 'gone';

export interface ReadBack<Item, Id> {
  /** One item as the API has it now. */
  readonly get: (client: EnclaveClient, orgId: string, id: Id, signal: AbortSignal) => Promise<Item>;
  /** True when the item is already as the action leaves it (enable: enabled). Absent: present means not done. */
  readonly isDone?: (item: Item) => boolean;
}

/** The state of each item (items whose read failed for another reason are left out). */
export async function readStates<Item, Id>(client: EnclaveClient, orgId: string, ids: readonly Id[], spec: ReadBack<Item, Id>, signal: AbortSignal): Promise<Map<Id, ItemState>> {
  const states = new Map<Id, ItemState>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length && !signal.aborted) {
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

/**
 * The items the call left as they were, and why. `before` is what was read just before the call;
 * `after` (read only when `before` does not account for the shortfall) is what is there now.
 */
export function unchangedItems<Id>(ids: readonly Id[], missed: number, before: Map<Id, ItemState> | undefined, after?: Map<Id, ItemState>): { id: Id; why: Unchanged }[] {
  const known: { id: Id; why: Unchanged }[] = [];
  for (const id of ids) {
    const was = before?.get(id);
    if (was === 'done') known.push({ id, why: 'already' });
    else if (was === 'gone') known.push({ id, why: 'gone' });
  }
  if (known.length >= missed || !after) return known;
  for (const id of ids) {
    if (known.some((k) => k.id === id)) continue;
    const now = after.get(id);
    // Present and still not in the target state: the call did not touch it. Gone now: it was
    // deleted elsewhere in the meantime (a destructive action's own success looks the same, so
    // `after` is only read for actions whose target state is still there to see).
    if (now === 'pending') known.push({ id, why: 'unchanged' });
    else if (now === 'gone') known.push({ id, why: 'gone' });
  }
  return known;
}

/**
 * The message for a bulk count lower than the items sent: the items that did not change, named,
 * and why. When the read before the call does not account for the whole shortfall and the
 * action's target state can still be seen (enable/disable), the items are read once more.
 */
export async function shortfall<K extends EntityKind, Id>(
  ctx: CommandContext,
  action: EntityAction<K, Id>,
  orgId: string,
  items: readonly EntityOf[K][],
  counted: number,
  before: Map<Id, ItemState> | undefined,
): Promise<string> {
  const ids = items.map(action.idOf);
  const missed = ids.length - counted;
  let unchanged = unchangedItems(ids, missed, before);
  if (before && unchanged.length < missed && action.readBack.isDone) {
    try {
      const after = await ctx.session.call((c) => readStates(c, orgId, ids, action.readBack, new AbortController().signal));
      unchanged = unchangedItems(ids, missed, before, after);
    } catch (error) {
      ctx.log.warn(`Reading ${action.noun.many} back after a bulk ${action.verb.toLowerCase()} failed: ${String(error)}`);
    }
  }
  const names = new Map(items.map((item) => [action.idOf(item), action.nameOf(item)]));
  const words = { done: sentence(action.participle), notDone: action.notDone, participle: action.participle, gone: action.kind === 'pending' ? NO_LONGER_WAITING : NO_LONGER_EXISTS };
  const message = bulkNamedOutcome(words, action.noun, ids.length, counted, unchanged.map((u) => ({ name: names.get(u.id) ?? String(u.id), why: u.why })));
  ctx.log.info(message);
  return message;
}
