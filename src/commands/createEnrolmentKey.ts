// Create Enrolment Key: the multi-step prompts, then the POST (never retried automatically: a
// lost answer must not make a second key), then the new key is revealed in the tree and its
// secret offered for the clipboard — never shown, never logged. When the answer is lost after
// the request went out (timeout, cut connection, 5xx), the key list is checked first: a key that
// was made after all is reported and revealed, and only a key that is not there is offered again.
import * as vscode from 'vscode';
import type { AccountOrganisation, EnrolmentKey, EnrolmentKeyCreate } from '../api/types';
import { nodeId, type ListKind } from '../tree/nodes';
import { getPrompter } from '../ui/prompterHolder';
import { createBody, newKeyDraft, promptKeyCreate, type KeyDraft } from '../ui/promptsKeyCreate';
import { refusalOf, type Refusal } from '../ui/promptsRefused';
import type { CommandContext, CommandHandler, StoreApi } from './context';
import { detailsFor, mayHaveBeenApplied } from './describeError';
import { reportFailure } from './funnel';
import { keysLike, newKeyLike } from './keyLookup';
import { mutate, say } from './mutate';
import { resolveOrg } from './pickers';

const COPY_KEY = 'Copy Key';

export const handler: CommandHandler = async (ctx, node) => {
  const org = await resolveOrg(ctx, node, 'Create Enrolment Key');
  if (!org) return undefined;
  return promptAndCreate(ctx, org, newKeyDraft());
};

/** Resolves to the new key's ID (for callers such as tests), or undefined. */
async function promptAndCreate(ctx: CommandContext, org: AccountOrganisation, draft: KeyDraft, refusal?: Refusal): Promise<number | undefined> {
  if (!(await promptKeyCreate(org.orgName, draft, refusal))) return undefined;
  return create(ctx, org, { ...draft }, createBody(draft));
}

/**
 * Selects the new key in the tree. VS Code can reveal only a row its provider returns, so a key
 * list that was never expanded is loaded first (the store's `load` is beyond the StoreApi
 * contract, hence optional here); a key beyond the loaded pages simply stays unselected.
 */
async function revealKey(ctx: CommandContext, orgId: string, key: EnrolmentKey): Promise<void> {
  const store = ctx.store as StoreApi & { load?(orgId: string, kind: ListKind): Promise<void> };
  try {
    await store.load?.(orgId, 'enrolmentKeys');
    await ctx.reveal({ type: 'key', id: nodeId.key(orgId, key.id), orgId, key });
  } catch (error) {
    ctx.log.debug(`Could not reveal the new key in the tree: ${String(error)}`);
  }
}

/**
 * `lost`: an earlier attempt's answer was lost after sending, and these keys with the same
 * description existed before it — look for a new one before sending again.
 */
async function create(ctx: CommandContext, org: AccountOrganisation, draft: KeyDraft, body: EnrolmentKeyCreate, lost?: { before: Set<number> | undefined }): Promise<number | undefined> {
  if (lost) {
    const made = await ctx.session.call((client) => newKeyLike(client, org.orgId, body, lost.before));
    if (made) return created(ctx, org, made, true);
  }
  let before = lost?.before;
  let key: EnrolmentKey;
  try {
    key = await mutate(ctx, {
      progress: `Creating enrolment key '${body.description}'…`,
      orgId: org.orgId,
      affects: ['enrolmentKeys'],
      cancellable: false,
      run: async (client, signal) => {
        // What exists already, so that a lost answer can be told from a key that was not made.
        before ??= await keysLike(client, org.orgId, body.description).catch(() => undefined);
        return client.enrolmentKeys.create(org.orgId, body, { signal });
      },
    });
  } catch (error) {
    let what = `Enrolment key '${body.description}' could not be created`;
    const ambiguous = mayHaveBeenApplied(error);
    if (ambiguous) {
      ctx.log.warn(`Creating enrolment key '${body.description}': no clear answer (${detailsFor(error)}); checking whether it was made`);
      try {
        const made = await ctx.session.call((client) => newKeyLike(client, org.orgId, body, before));
        if (made) return created(ctx, org, made, true);
      } catch (checkError) {
        ctx.log.warn(`Could not check for the new key: ${detailsFor(checkError)}`);
        what = `Enrolment key '${body.description}' may not have been created`;
      }
    }
    let result: number | undefined;
    const known = before;
    await reportFailure(ctx, error, {
      what,
      // The same body again, only when asked — and after a lost answer, only once the key list
      // shows that the first request did not make it.
      retry: async () => void (result = await create(ctx, org, draft, body, ambiguous ? { before: known } : undefined)),
      editAgain: async () => void (result = await promptAndCreate(ctx, org, { ...draft }, refusalOf(error, draft))),
    });
    return result;
  }
  return created(ctx, org, key, false);
}

async function created(ctx: CommandContext, org: AccountOrganisation, key: EnrolmentKey, recovered: boolean): Promise<number> {
  ctx.log.info(`${recovered ? 'Found' : 'Created'} enrolment key #${key.id} in organisation ${org.orgId}`);
  if (recovered) await ctx.store.invalidate(org.orgId, ['enrolmentKeys']);
  await revealKey(ctx, org.orgId, key);
  const message = recovered
    ? `Enrolment key '${key.description}' was created in ${org.orgName}: the API's answer was lost on the way, and nothing was sent again.`
    : `Created enrolment key '${key.description}' in ${org.orgName}.`;
  const choice = await getPrompter().info(message, COPY_KEY);
  if (choice === COPY_KEY) {
    await vscode.env.clipboard.writeText(key.key);
    say('Enrolment key copied to the clipboard.');
  }
  return key.id;
}
