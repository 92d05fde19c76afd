// "Enable for…" on systems and enrolment keys: pick the items (the clicked one, the selection,
// or quick picks from the palette), ask how long and what happens then, confirm a permanent
// action, then one PUT …/enable-until per item (there is no bulk form), a few at a time, under
// one cancellable progress, and one message for them all. A failure goes through the funnel
// with Retry (the items that failed, same answers) and Edit Again (the prompts, pre-filled).
import * as vscode from 'vscode';
import type { EnclaveClient } from '../../api';
import type { AutoExpire } from '../../api/types';
import type { CommandContext } from '../../commands/context';
import { isCancellation } from '../../commands/describeError';
import { reportFailure } from '../../commands/funnel';
import { say } from '../../commands/mutate';
import { resolveTargets, type EntityOf } from '../../commands/pickers';
import type { EnclaveNode, ListKind } from '../../tree/nodes';
import { getPrompter } from '../../ui/prompterHolder';
import { fieldMessages, validationErrorsOf } from '../../ui/promptsRefused';
import { count, nameList, sentence, subject, type Noun } from '../../ui/promptsText';
import { localText } from './expiryInput';
import { settleEach } from './pool';
import { promptTimed, type TimedKind } from './promptsTimed';
import { autoExpireOf, expiryOf, initialForm, type TimedForm } from './timedForm';

/** Enable-until calls in flight at once: enough to be quick, few enough not to be rate limited. */
export const PARALLEL_CALLS = 4;

export interface TimedAction<K extends TimedKind> {
  readonly kind: K;
  readonly noun: Noun;
  /** "Systems", "Enrolment Keys": the palette pick's title. */
  readonly titleNoun: string;
  /** The list the items are in, reloaded afterwards. */
  readonly list: ListKind;
  /** What Delete means for this kind: "revoked" (systems), "deleted" (keys). */
  readonly deleted: string;
  /** "Revoke" / "Delete": the modal's question and button. */
  readonly deleteVerb: string;
  /** Why Delete is permanent, after "at <time>". */
  readonly deleteDetail: string;
  readonly nameOf: (item: EntityOf[K]) => string;
  readonly send: (client: EnclaveClient, orgId: string, item: EntityOf[K], body: AutoExpire, signal: AbortSignal) => Promise<unknown>;
}

type Items<K extends TimedKind> = readonly EntityOf[K][];

export async function runEnableFor<K extends TimedKind>(ctx: CommandContext, node: EnclaveNode | undefined, selected: readonly EnclaveNode[] | undefined, action: TimedAction<K>): Promise<void> {
  const targets = await resolveTargets(ctx, node, selected, {
    kind: action.kind,
    many: true,
    title: `Enable ${action.titleNoun} for a Time`,
    placeholder: `Pick the ${action.noun.many} to enable for a time`,
    nothing: `no ${action.noun.many} to enable`,
  });
  if (!targets) return;
  await askAndSend(ctx, action, targets.orgId, targets.items as Items<K>, initialForm());
}

async function askAndSend<K extends TimedKind>(ctx: CommandContext, action: TimedAction<K>, orgId: string, items: Items<K>, start: TimedForm, refused?: string): Promise<void> {
  const what = subject(items.map(action.nameOf), action.noun);
  const form = await promptTimed(action.kind, `Enable ${what} for…`, start, refused);
  if (!form) return;
  if (form.action === 'Delete') {
    const at = expiryOf(form, new Date());
    const when = at ? localText(at) : form.until;
    const confirmed = await getPrompter().confirm(`${action.deleteVerb} ${what} when access ends?`, {
      detail: `This is permanent: at ${when} ${action.deleteDetail} Choose "Disable at expiry" to be able to enable ${items.length === 1 ? 'it' : 'them'} again.`,
      confirm: `${action.deleteVerb} at Expiry`,
    });
    if (!confirmed) return;
  }
  await send(ctx, action, orgId, items, form);
}

/** "disabled" / "revoked" / "deleted": what the items become at expiry. */
function fate(action: { readonly deleted: string }, form: TimedForm): string {
  return form.action === 'Delete' ? action.deleted : 'disabled';
}

async function send<K extends TimedKind>(ctx: CommandContext, action: TimedAction<K>, orgId: string, items: Items<K>, form: TimedForm): Promise<void> {
  // Counted from now, so a Retry minutes later still gives the whole hour.
  const body = autoExpireOf(form, new Date());
  const until = localText(new Date(body.expiryDateTime));
  const what = subject(items.map(action.nameOf), action.noun);
  const results = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Enabling ${what} until ${until}…`, cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      return settleEach(
        items,
        PARALLEL_CALLS,
        // One session.call each, so a 401 or an outage updates the connection state as usual.
        (item) => {
          // Cancelled: the items not yet sent stay as they are.
          if (controller.signal.aborted) return Promise.reject(Object.assign(new Error('Cancelled'), { name: 'AbortError' }));
          return ctx.session.call((client) => action.send(client, orgId, item, body, controller.signal));
        },
        (done) => items.length > 1 && progress.report({ message: `${done} of ${items.length}`, increment: 100 / items.length }),
      ).finally(() => subscription.dispose());
    },
  );
  const done = results.filter((r) => r.ok).length;
  // The cache is never patched: the list is fetched again, also after a partial failure.
  if (done > 0 || results.some((r) => !r.ok && !isCancellation(r.error))) await reload(ctx, orgId, action.list);
  const then = `then ${items.length === 1 ? 'it is' : 'they are'} ${fate(action, form)}`;
  const failed = results.filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
  if (failed.length === 0) return say(`Enabled ${what} until ${until}; ${then}.`);

  const failedItems = failed.map((f) => f.item);
  const error = failed.find((f) => !isCancellation(f.error))?.error ?? failed[0].error;
  const failedNames = nameList(failedItems.map(action.nameOf));
  if (isCancellation(error)) {
    if (done > 0) say(`Enabled ${done} of ${count(items.length, action.noun)} until ${until} before it was cancelled; ${failedNames} stayed as ${failed.length === 1 ? 'it was' : 'they were'}.`);
    return;
  }
  const head = done > 0 ? `Enabled ${done} of ${count(items.length, action.noun)} until ${until}, but ${failedNames} could not be` : `${sentence(what)} could not be enabled until ${until}`;
  await reportFailure(ctx, error, {
    what: head,
    retry: () => send(ctx, action, orgId, failedItems, form),
    editAgain: () => askAndSend(ctx, action, orgId, failedItems, form, fieldMessages(validationErrorsOf(error), ['expiryDateTime']).expiryDateTime),
  });
}

async function reload(ctx: CommandContext, orgId: string, list: ListKind): Promise<void> {
  try {
    await ctx.store.invalidate(orgId, [list]);
  } catch (error) {
    ctx.log.warn(`Reloading ${list} after enabling for a time failed: ${String(error)}`);
  }
}
