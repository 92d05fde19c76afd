// Everything waiting for approval, across the organisations the token sees, read fresh from the
// API (the tree may hold only a first page, minutes old), longest waiting first.
import type { EnclaveClient } from '../api';
import type { AccountOrganisation, UnapprovedSystem } from '../api/types';
import type { CommandContext } from '../commands/context';
import { knownOrgs } from '../commands/pickers';
import { pendingDescription } from '../tree/presentPending';
import { systemLabel } from '../tree/presentSystem';
import { compareOrgs, orgLabel, platformText } from '../tree/words';
import type { PickItem } from '../ui/prompter';

/** The API's largest page; an inbox beyond 1,000 per organisation is cut (and says so). */
const PER_PAGE = 200;
const MAX_PAGES = 5;

export interface Waiting {
  readonly org: AccountOrganisation;
  readonly system: UnapprovedSystem;
}

export interface Inbox {
  readonly waiting: readonly Waiting[];
  /** Organisations whose list could not be read, with why. */
  readonly failed: readonly { readonly org: AccountOrganisation; readonly error: unknown }[];
  /** More wait than were read (an organisation beyond MAX_PAGES pages). */
  readonly cut: boolean;
}

export async function readInbox(ctx: CommandContext): Promise<Inbox> {
  const orgs = [...(await knownOrgs(ctx))].sort(compareOrgs);
  const results = await Promise.allSettled(orgs.map((org) => ctx.session.call((client) => readOrg(client, org.orgId))));
  const waiting: Waiting[] = [];
  const failed: { org: AccountOrganisation; error: unknown }[] = [];
  let cut = false;
  results.forEach((result, i) => {
    const org = orgs[i];
    if (result.status === 'rejected') return void failed.push({ org, error: result.reason });
    cut ||= result.value.total > result.value.items.length;
    const oldestFirst = [...result.value.items].sort((a, b) => Date.parse(a.enrolledAt) - Date.parse(b.enrolledAt));
    waiting.push(...oldestFirst.map((system) => ({ org, system })));
  });
  return { waiting, failed, cut };
}

async function readOrg(client: EnclaveClient, orgId: string): Promise<{ items: UnapprovedSystem[]; total: number }> {
  const first = await client.unapprovedSystems.list(orgId, { sort: 'RecentlyEnrolled', page: 0, perPage: PER_PAGE });
  const last = Math.min(first.metadata.lastPage, MAX_PAGES - 1);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, last) }, (_, i) => client.unapprovedSystems.list(orgId, { sort: 'RecentlyEnrolled', page: i + 1, perPage: PER_PAGE })),
  );
  return { items: [first, ...rest].flatMap((page) => page.items), total: first.metadata.total };
}

/**
 * One row per system: its name; the organisation (when there are several) and platform; then
 * how long it has waited and the key it enrolled with — what a reviewer decides on.
 */
export function inboxItems(inbox: Inbox, now: Date): PickItem<Waiting>[] {
  const severalOrgs = new Set(inbox.waiting.map((w) => w.org.orgId)).size > 1 || inbox.failed.length > 0;
  return inbox.waiting.map((w) => ({
    label: systemLabel(w.system),
    description: [severalOrgs ? orgLabel(w.org) : undefined, platformText(w.system.platformType), w.system.hostname === systemLabel(w.system) ? undefined : w.system.hostname].filter(Boolean).join(' · '),
    detail: pendingDescription(w.system, now),
    value: w,
  }));
}
