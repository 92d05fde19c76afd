// Create Enrolment Key: the multi-step prompts, then the POST (never retried automatically: a
// lost answer must not make a second key), then the new key is revealed in the tree and its
// secret offered for the clipboard — never shown, never logged.
import * as vscode from 'vscode';
import type { AccountOrganisation, EnrolmentKey, EnrolmentKeyCreate } from '../api/types';
import { nodeId, type ListKind } from '../tree/nodes';
import { getPrompter } from '../ui/prompterHolder';
import { createBody, newKeyDraft, promptKeyCreate, type KeyDraft } from '../ui/promptsKeyCreate';
import { refusalOf, type Refusal } from '../ui/promptsRefused';
import type { CommandContext, CommandHandler, StoreApi } from './context';
import { reportFailure } from './funnel';
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

async function create(ctx: CommandContext, org: AccountOrganisation, draft: KeyDraft, body: EnrolmentKeyCreate): Promise<number | undefined> {
  let key: EnrolmentKey;
  try {
    key = await mutate(ctx, {
      progress: `Creating enrolment key '${body.description}'…`,
      orgId: org.orgId,
      affects: ['enrolmentKeys'],
      cancellable: false,
      run: (client, signal) => client.enrolmentKeys.create(org.orgId, body, { signal }),
    });
  } catch (error) {
    let created: number | undefined;
    await reportFailure(ctx, error, {
      what: `Enrolment key '${body.description}' could not be created`,
      // The same body again, only when asked: the first request may have been applied after all.
      retry: async () => void (created = await create(ctx, org, draft, body)),
      editAgain: async () => void (created = await promptAndCreate(ctx, org, { ...draft }, refusalOf(error, draft))),
    });
    return created;
  }
  ctx.log.info(`Created enrolment key #${key.id} in organisation ${org.orgId}`);
  await revealKey(ctx, org.orgId, key);
  const choice = await getPrompter().info(`Created enrolment key '${key.description}' in ${org.orgName}.`, COPY_KEY);
  if (choice === COPY_KEY) {
    await vscode.env.clipboard.writeText(key.key);
    say('Enrolment key copied to the clipboard.');
  }
  return key.id;
}
