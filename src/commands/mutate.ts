// Every change to the Enclave network runs the same way: a progress notification (cancellable:
// the AbortSignal reaches the HTTP request), the client call through the session (so a 401 or an
// outage updates the connection state once), then the affected lists of that one organisation
// are invalidated — the cache is never patched by hand — and a short message says what changed.
import * as vscode from 'vscode';
import type { EnclaveClient } from '../api';
import type { EnclaveNode, ListKind } from '../tree/nodes';
import { getPrompter } from '../ui/prompterHolder';
import { bulkOutcome, sentence, subject, type BulkWords, type Noun } from '../ui/promptsText';
import type { FieldSpecs, Form } from '../ui/promptsChanges';
import type { EditResult } from '../ui/promptsEdit';
import { refusalOf, type Refusal } from '../ui/promptsRefused';
import type { CommandContext } from './context';
import { isGone } from './describeError';
import { reportFailure } from './funnel';
import { shortfall, type ReadBack } from './bulkCheck';
import { resolveTargets, type EntityKind, type EntityOf } from './pickers';
import { offerUndoLater } from './undoLater';
import type { ToggleUndo } from './undoToggle';

export interface Mutation<T> {
  /** The progress notification's text, e.g. "Disabling system 'web-01'…". */
  readonly progress: string;
  readonly orgId: string;
  /** The lists of `orgId` whose contents this changes. */
  readonly affects: readonly ListKind[];
  /** The organisation list itself changed (a renamed organisation): the tree's roots reload. */
  readonly orgList?: boolean;
  readonly run: (client: EnclaveClient, signal: AbortSignal) => Promise<T>;
  /**
   * False for creates: once the request is sent, cancelling cannot stop the server from making
   * the key, and a "cancelled" that still created one would mislead.
   */
  readonly cancellable?: boolean;
}

/** Runs the call; rethrows its error for the caller's reportFailure (Retry / Edit Again need it). */
export async function mutate<T>(ctx: CommandContext, mutation: Mutation<T>): Promise<T> {
  let result: T;
  try {
    result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: mutation.progress, cancellable: mutation.cancellable ?? true },
      (_progress, token) => {
        const controller = new AbortController();
        const subscription = token.onCancellationRequested(() => controller.abort());
        return ctx.session.call((client) => mutation.run(client, controller.signal)).finally(() => subscription.dispose());
      },
    );
  } catch (error) {
    // Some failures still tell of a change: a bulk call that failed after its first chunks, or a
    // 404 because the item is already gone. Reload then (in the background) so the tree is true.
    if (mayHaveChanged(error)) void refresh(ctx, mutation);
    throw error;
  }
  await refresh(ctx, mutation);
  return result;
}

function mayHaveChanged(error: unknown): boolean {
  const e = (typeof error === 'object' && error !== null ? error : {}) as { bulkProgress?: unknown };
  return e.bulkProgress !== undefined || isGone(error);
}

async function refresh(ctx: CommandContext, mutation: Mutation<unknown>): Promise<void> {
  try {
    // Every organisation, no lists: the store then re-fetches only the organisation list.
    if (mutation.orgList) await ctx.store.invalidate(undefined, []);
    if (mutation.affects.length > 0) await ctx.store.invalidate(mutation.orgId, mutation.affects);
  } catch (error) {
    // The store shows a failed reload as an error row; the change itself did happen.
    ctx.log.warn(`Reloading ${mutation.affects.join(', ')} after a change failed: ${String(error)}`);
  }
}

/** An edit on its way: what is saved, in the words of the messages, and what it touches. */
export interface PatchSave {
  readonly noun: string;
  readonly name: string;
  readonly orgId: string;
  readonly affects: readonly ListKind[];
  /** The fields the PATCH changes. */
  readonly changed: readonly string[];
  readonly changesOrgList?: (changed: readonly string[]) => boolean;
}

/** Sends one PATCH (an edit or a JSON save) and reloads what it touches; not cancellable once sent. */
export function savePatch(ctx: CommandContext, save: PatchSave, run: Mutation<unknown>['run']): Promise<unknown> {
  return mutate(ctx, {
    progress: `Saving ${save.noun} '${save.name}'…`,
    orgId: save.orgId,
    affects: save.affects,
    orgList: save.changesOrgList?.(save.changed) ?? false,
    cancellable: false, // a PATCH on its way cannot be called back
    run,
  });
}

/** A short confirmation that needs no answer: not awaited, so the command finishes at once. */
export function say(message: string): void {
  void getPrompter().info(message);
}

/** Enable, disable, approve, decline, revoke, delete: one item or many, described as data. */
export interface EntityAction<K extends EntityKind, Id> {
  readonly kind: K;
  readonly noun: Noun;
  /** "Disable": the pick's title, the question and the confirm button. */
  readonly verb: string;
  /** "Disabling", for the progress notification. */
  readonly verbing: string;
  /** "disabled", for messages. */
  readonly participle: string;
  /** What the items the server did not count did: "did not change". */
  readonly notDone: BulkWords['notDone'];
  readonly applies?: (item: EntityOf[K]) => boolean;
  /** "no enabled systems to disable". */
  readonly nothing: string;
  /** Asked in a modal before anything is sent; its button says `verb`. */
  readonly confirmDetail?: (count: number) => string;
  readonly affects: readonly ListKind[];
  readonly idOf: (item: EntityOf[K]) => Id;
  readonly nameOf: (item: EntityOf[K]) => string;
  readonly one: (client: EnclaveClient, orgId: string, id: Id, signal: AbortSignal) => Promise<unknown>;
  /** The bulk endpoint: resolves to the count the server reports. */
  readonly many: (client: EnclaveClient, orgId: string, ids: readonly Id[], signal: AbortSignal) => Promise<number>;
  /** Reads items back after a short bulk count, to name the ones it did not change (see bulkCheck.ts). */
  readonly readBack: ReadBack<EntityOf[K], Id>;
  /** Enable and disable only: the opposite call, offered as Undo (approve, revoke… cannot be undone). */
  readonly undo?: ToggleUndo<Id>;
}

export async function runEntityAction<K extends EntityKind, Id>(
  ctx: CommandContext,
  node: EnclaveNode | undefined,
  selected: readonly EnclaveNode[] | undefined,
  action: EntityAction<K, Id>,
): Promise<void> {
  const targets = await resolveTargets(ctx, node, selected, {
    kind: action.kind,
    many: true,
    applies: action.applies,
    title: `${action.verb} ${sentence(action.noun.many)}`,
    placeholder: `Pick the ${action.noun.many} to ${action.verb.toLowerCase()}`,
    nothing: action.nothing,
  });
  if (!targets) return;
  const { orgId, items } = targets;
  const what = subject(items.map(action.nameOf), action.noun);
  if (action.confirmDetail) {
    const confirmed = await getPrompter().confirm(`${action.verb} ${what}?`, { detail: action.confirmDetail(items.length), confirm: action.verb });
    if (!confirmed) return;
  }
  const ids = items.map(action.idOf);
  const send = async (): Promise<void> => {
    try {
      if (ids.length === 1) {
        await mutate(ctx, { progress: `${action.verbing} ${what}…`, orgId, affects: action.affects, run: (c, signal) => action.one(c, orgId, ids[0], signal) });
        tell(ctx, `${sentence(action.participle)} ${what}.`, action, orgId, items, ids);
      } else {
        // Nothing is read first: `items` already say how things stood, and a full count (the
        // common case) needs no more. Only a short count makes shortfall read the items again.
        const counted = await mutate(ctx, { progress: `${action.verbing} ${what}…`, orgId, affects: action.affects, run: (c, signal) => action.many(c, orgId, ids, signal) });
        if (counted >= ids.length) tell(ctx, bulkOutcome({ done: sentence(action.participle), notDone: action.notDone }, action.noun, ids.length, counted), action, orgId, items, ids);
        else {
          const short = await shortfall(ctx, action, orgId, items, counted);
          // Undo leaves out the items the read-back proved this call did not change (see undoToggle.ts).
          tell(ctx, short.message, action, orgId, items, ids.filter((id) => !short.unchanged.has(id)));
        }
      }
    } catch (error) {
      await reportFailure(ctx, error, { what: failedWhat(error, action.noun, action.participle, what, ids.length), retry: send });
    }
  };
  await send();
}

/** The outcome, with Undo for the items in `changed` when the action can be undone and any changed. */
function tell<K extends EntityKind, Id>(ctx: CommandContext, message: string, action: EntityAction<K, Id>, orgId: string, items: readonly EntityOf[K][], changed: readonly Id[]): void {
  if (!action.undo || changed.length === 0) return say(message);
  const names = new Map(items.map((item) => [action.idOf(item), action.nameOf(item)]));
  const undo = action.undo;
  offerUndoLater(ctx, message, (f) => f.toggleUndo(action, undo, orgId, changed, names));
}

/** "3 systems could not be disabled", or what a bulk call had done when a later chunk failed. */
function failedWhat(error: unknown, noun: Noun, participle: string, what: string, sent: number): string {
  const progress = (error as { bulkProgress?: { count: number } } | undefined)?.bulkProgress;
  if (progress) return `Only ${progress.count} of the ${sent} ${noun.many} were ${participle}`;
  return `${sentence(what)} could not be ${participle}`;
}

/** Edit System / Enrolment Key / Organisation, described as data. */
export interface EditAction<E, F extends Form> {
  /** "system", "enrolment key", "organisation": the words of the messages. */
  readonly noun: string;
  readonly orgId: string;
  /** The entity as the API has it now: the list row may be minutes old. */
  readonly load: (client: EnclaveClient) => Promise<E>;
  readonly nameOf: (entity: E) => string;
  readonly prompt: (entity: E, start?: F, refusal?: Refusal) => Promise<EditResult<F>>;
  /** `base`: the entity as loaded before the edit (the undo of an edit saves with it too). */
  readonly save: (client: EnclaveClient, patch: Record<string, unknown>, signal: AbortSignal, base: E) => Promise<unknown>;
  /** The boxes' fields and how an entity fills them: Undo compares and restores with them. */
  readonly specs: FieldSpecs<F>;
  readonly form: (entity: E) => F;
  /** Lists of `orgId` to reload after a save. */
  readonly affects: readonly ListKind[];
  /** True when these changed fields show in the organisation list (a new name). */
  readonly changesOrgList?: (changed: readonly string[]) => boolean;
}

/**
 * Fetch fresh, prompt pre-filled, show what will change, PATCH only that. On failure: Retry sends
 * the same PATCH, Edit Again reopens the boxes with what was typed (and the API's messages).
 */
export async function runEdit<E, F extends Form>(ctx: CommandContext, action: EditAction<E, F>, start?: F, refusal?: Refusal): Promise<void> {
  let entity: E;
  try {
    entity = await ctx.session.call((client) => action.load(client));
  } catch (error) {
    // Deleted elsewhere since the tree was loaded: reload the list so its row goes too.
    if (isGone(error)) void refresh(ctx, { progress: '', orgId: action.orgId, affects: action.affects, run: () => Promise.resolve() });
    throw error;
  }
  const name = action.nameOf(entity);
  const result = await action.prompt(entity, start, refusal);
  if (result.kind === 'cancelled') return;
  if (result.kind === 'unchanged') {
    say(`Nothing changed in ${action.noun} '${name}': nothing was sent.`);
    return;
  }
  const changed = result.changes.map((c) => c.key);
  const save = async (): Promise<void> => {
    try {
      await savePatch(ctx, { ...action, name, changed }, (client, signal) => action.save(client, result.patch, signal, entity));
      ctx.log.info(`Saved ${action.noun} '${name}': ${changed.join(', ')}`);
      const message = `Saved ${action.noun} '${name}': ${result.changes.map((c) => c.label.toLowerCase()).join(', ')} changed.`;
      offerUndoLater(ctx, message, (f) => f.editUndo(ctx, action, entity, result.values));
    } catch (error) {
      await reportFailure(ctx, error, {
        what: `${sentence(action.noun)} '${name}' could not be saved`,
        retry: save,
        editAgain: () => runEdit(ctx, action, result.values, refusalOf(error, result.values)),
      });
    }
  };
  await save();
}
