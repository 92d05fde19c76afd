// Enclave: Filter… — a list's filter in the API's own search syntax (`state:connected
// tags:web`), with completion of the keys and values the API's `meta/search-keys` route lists.
// The filter runs server-side, shows in the list's description and is remembered per
// organisation. A filter the API refuses is reported with Edit Again, which reopens the box with
// what was typed.
import type { EnclaveClient } from '../api';
import type { SearchKey } from '../api/types';
import type { CommandContext, CommandHandler } from '../commands/context';
import { reportFailure } from '../commands/funnel';
import type { ListKind } from '../tree/nodes';
import { LIST_NOUNS } from '../tree/words';
import { getPrompter } from '../ui/prompterHolder';
import { resolveList, type ListTarget } from './listTarget';
import { completions, searchProblem, type ValueSource } from './searchSyntax';

const SEARCH_KEYS: Readonly<Record<ListKind, (client: EnclaveClient, orgId: string) => Promise<SearchKey[]>>> = {
  systems: (client, orgId) => client.systems.searchKeys(orgId),
  enrolmentKeys: (client, orgId) => client.enrolmentKeys.searchKeys(orgId),
  pending: (client, orgId) => client.unapprovedSystems.searchKeys(orgId),
};

/** The search keys per organisation and list, asked once per window. */
const keysCache = new Map<string, Promise<SearchKey[]>>();

function searchKeys(ctx: CommandContext, { orgId, kind }: ListTarget): Promise<SearchKey[]> {
  const id = `${orgId}/${kind}`;
  let keys = keysCache.get(id);
  if (!keys) {
    keys = ctx.session.call((client) => SEARCH_KEYS[kind](client, orgId));
    keysCache.set(id, keys);
    keys.catch(() => keysCache.delete(id));
  }
  return keys;
}

/** Values to offer beyond the API's hints: the tags and enrolment keys already loaded. */
function loadedValues(ctx: CommandContext, orgId: string): ValueSource {
  return (key) => {
    if (key.dataType === 'Tags') {
      const tags = new Set<string>();
      for (const item of [...ctx.store.systems(orgId).items, ...ctx.store.enrolmentKeys(orgId).items]) for (const t of item.tags ?? []) if (t?.tag) tags.add(t.tag);
      return [...tags].sort().map((value) => ({ value }));
    }
    if (key.dataType === 'EnrolmentKey') {
      return ctx.store.enrolmentKeys(orgId).items.map((k) => ({ value: String(k.id), description: k.description }));
    }
    return [];
  };
}

function listState(ctx: CommandContext, { orgId, kind }: ListTarget) {
  return kind === 'systems' ? ctx.store.systems(orgId) : kind === 'enrolmentKeys' ? ctx.store.enrolmentKeys(orgId) : ctx.store.pending(orgId);
}

function isRefusal(error: unknown): boolean {
  return (error as { status?: number } | undefined)?.status === 400;
}

export async function askFilter(ctx: CommandContext, target: ListTarget, start: string): Promise<void> {
  const keys = await searchKeys(ctx, target);
  const noun = LIST_NOUNS[target.kind];
  const text = await getPrompter().search({
    title: `Filter ${noun}`,
    placeholder: `e.g. ${keys.find((k) => k.hintText)?.hintText ?? 'a word'} — type for completions, Enter applies`,
    value: start,
    suggest: (typed) => completions(typed, keys, loadedValues(ctx, target.orgId)),
    validate: (typed) => searchProblem(typed, keys),
  });
  if (text === undefined) return;
  const current = ctx.store.filter(target.orgId, target.kind);
  await ctx.store.setFilter(target.orgId, target.kind, { ...current, search: text.trim() });
  ctx.log.info(`Filter of ${noun} in organisation ${target.orgId}: ${text.trim() || '(none)'}`);
  // The API has the last word on the syntax: a filter it refuses is said, and can be edited.
  const error = listState(ctx, target).error;
  if (error && isRefusal(error)) {
    await reportFailure(ctx, error, { what: `The filter '${text.trim()}' was refused`, editAgain: () => askFilter(ctx, target, text) });
  }
}

export const handler: CommandHandler = async (ctx, node) => {
  const target = await resolveList(ctx, node, 'Filter a List', ['systems', 'enrolmentKeys', 'pending']);
  if (!target) return;
  await askFilter(ctx, target, ctx.store.filter(target.orgId, target.kind).search);
};
