// Target resolution for the entity actions. From a tree menu: the clicked node, or the whole
// selection when the clicked node is part of it (same kind, same organisation). From the palette:
// the organisation (not asked when there is only one), then the entity in a quick pick that
// filters as you type, showing only items the action applies to (Enable offers disabled ones).
//
// The quick pick's items come from the API, not from what the tree happens to have loaded: up to
// PICK_PAGES pages of 200 (the API's largest page) fetched in parallel. A larger organisation is
// cut there and the placeholder says so; the tree (with Load more) reaches the rest.
import type { EnclaveClient } from '../api';
import type { AccountOrganisation, EnclaveSystem, EnrolmentKey, Page, UnapprovedSystem } from '../api/types';
import type { EnclaveNode } from '../tree/nodes';
import { systemLabel } from '../tree/presentSystem';
import { compareOrgs, orgLabel, usesText } from '../tree/words';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import { keyName } from '../ui/promptsText';
import type { CommandContext } from './context';

const PER_PAGE = 200;
const PICK_PAGES = 5;

/** The node types an entity action can target, named as in src/tree/nodes.ts. */
export interface EntityOf {
  system: EnclaveSystem;
  key: EnrolmentKey;
  pending: UnapprovedSystem;
}
export type EntityKind = keyof EntityOf;

interface EntityKindSpec<T> {
  entityOf(node: EnclaveNode): T;
  label(item: T): string;
  description(item: T): string;
  fetch(client: EnclaveClient, orgId: string, page: number, perPage: number): Promise<Page<T>>;
}

const ENTITY_KINDS: { readonly [K in EntityKind]: EntityKindSpec<EntityOf[K]> } = {
  system: {
    entityOf: (node) => (node as Extract<EnclaveNode, { type: 'system' }>).system,
    label: systemLabel,
    description: (s) => [s.systemId, s.isEnabled ? s.state : 'Disabled', s.platformType].filter(Boolean).join(' · '),
    // Disabled systems are asked for: Enable must be able to offer them.
    fetch: (client, orgId, page, perPage) => client.systems.list(orgId, { includeDisabled: true, page, perPage }),
  },
  key: {
    entityOf: (node) => (node as Extract<EnclaveNode, { type: 'key' }>).key,
    label: keyName,
    description: (k) => [k.isEnabled ? undefined : 'Disabled', k.type === 'Ephemeral' ? 'Ephemeral' : undefined, `${k.approvalMode} approval`, usesText(k.usesRemaining)].filter(Boolean).join(' · '),
    fetch: (client, orgId, page, perPage) => client.enrolmentKeys.list(orgId, { includeDisabled: true, page, perPage }),
  },
  pending: {
    entityOf: (node) => (node as Extract<EnclaveNode, { type: 'pending' }>).system,
    label: systemLabel,
    description: (s) => [s.systemId, s.hostname, s.enrolmentKeyDescription ? `key ${s.enrolmentKeyDescription}` : undefined].filter(Boolean).join(' · '),
    fetch: (client, orgId, page, perPage) => client.unapprovedSystems.list(orgId, { page, perPage }),
  },
};

export interface TargetRequest<K extends EntityKind> {
  readonly kind: K;
  /** The action works on several at once (a multi-select pick, the tree's selection). */
  readonly many: boolean;
  /** Only items this returns true for are offered or acted on. */
  readonly applies?: (item: EntityOf[K]) => boolean;
  /** The pick's title, e.g. "Disable Systems". */
  readonly title: string;
  /** e.g. "Pick the systems to disable". */
  readonly placeholder: string;
  /** Said when nothing applies, e.g. "no enabled systems to disable". */
  readonly nothing: string;
}

export interface Targets<T> {
  readonly orgId: string;
  readonly items: readonly T[];
}

/** The entities an action works on, or undefined (cancelled, or nothing applies: said so). */
export async function resolveTargets<K extends EntityKind>(
  ctx: CommandContext,
  node: EnclaveNode | undefined,
  selected: readonly EnclaveNode[] | undefined,
  request: TargetRequest<K>,
): Promise<Targets<EntityOf[K]> | undefined> {
  const kind = ENTITY_KINDS[request.kind];
  const applies = request.applies ?? (() => true);
  if (node && node.type === request.kind) {
    const inSelection = request.many && (selected ?? []).some((n) => n.id === node.id);
    const group = inSelection ? (selected ?? []).filter((n) => n.type === node.type && 'orgId' in n && n.orgId === node.orgId) : [node];
    const items = group.map((n) => kind.entityOf(n)).filter(applies);
    if (items.length === 0) {
      void getPrompter().info(`Nothing to do: ${request.nothing}.`);
      return undefined;
    }
    return { orgId: node.orgId, items };
  }
  const org = await resolveOrg(ctx, node, request.title);
  if (!org) return undefined;
  const { items: all, total } = await ctx.session.call((client) => fetchForPick(client, org.orgId, request.kind));
  const items = all.filter(applies).sort((a, b) => kind.label(a).localeCompare(kind.label(b)));
  if (items.length === 0) {
    void getPrompter().info(`Nothing to do: ${request.nothing} in ${orgLabel(org)}.`);
    return undefined;
  }
  const cut = total > all.length ? ` (from the first ${all.length} of ${total}; type to filter)` : '';
  const pickItems = items.map((item) => ({ label: kind.label(item), description: kind.description(item), value: item }));
  const options = { title: request.title, placeholder: `${request.placeholder}${cut}`, matchOnDescription: true };
  const prompter = getPrompter();
  const answer = request.many ? await prompter.pickMany(pickItems, options) : await prompter.pick(pickItems, options);
  if (answer === undefined || answer === BACK) return undefined;
  const chosen = Array.isArray(answer) ? answer : [answer];
  return chosen.length === 0 ? undefined : { orgId: org.orgId, items: chosen };
}

/** Up to PICK_PAGES pages: page 0 says how many there are, the rest come in parallel. */
async function fetchForPick<K extends EntityKind>(client: EnclaveClient, orgId: string, kindName: K): Promise<{ items: EntityOf[K][]; total: number }> {
  const kind = ENTITY_KINDS[kindName];
  const first: Page<EntityOf[K]> = await kind.fetch(client, orgId, 0, PER_PAGE);
  const last = Math.min(first.metadata.lastPage, PICK_PAGES - 1);
  const rest = await Promise.all(Array.from({ length: Math.max(0, last) }, (_, i) => kind.fetch(client, orgId, i + 1, PER_PAGE)));
  return { items: [first, ...rest].flatMap((page) => page.items), total: first.metadata.total };
}

/** The organisations the token sees: from the session when connected, else asked for. */
export async function knownOrgs(ctx: CommandContext): Promise<readonly AccountOrganisation[]> {
  const state = ctx.session.state;
  if (state.kind === 'connected' && state.orgs.length > 0) return state.orgs;
  const loaded = ctx.store.orgs().items;
  if (loaded.length > 0) return loaded;
  return ctx.session.call((client) => client.getOrgs());
}

/** The organisation a node belongs to, or the one picked (not asked when there is only one). */
export async function resolveOrg(ctx: CommandContext, node: EnclaveNode | undefined, title: string): Promise<AccountOrganisation | undefined> {
  if (node?.type === 'org') return node.org;
  const orgs = await knownOrgs(ctx);
  const orgId = node && 'orgId' in node ? node.orgId : undefined;
  if (orgId) return orgs.find((o) => o.orgId === orgId) ?? { orgId, orgName: orgId, role: '' };
  if (orgs.length === 0) {
    void getPrompter().info('Your Enclave token does not give access to any organisation.');
    return undefined;
  }
  if (orgs.length === 1) return orgs[0];
  // Sorted and labelled as the tree does: an organisation without a name goes by its ID.
  const sorted = [...orgs].sort(compareOrgs);
  const answer = await getPrompter().pick(
    sorted.map((org) => ({ label: orgLabel(org), description: org.role, value: org })),
    { title, placeholder: 'Pick the organisation' },
  );
  return answer === undefined || answer === BACK ? undefined : answer;
}
