// Approve or decline what the reviewer picked: one bulk call per organisation (each through
// mutate, so it has progress, keeps the connection state true and reloads that organisation's
// lists), then ONE message for everything that went through, and the failures through the funnel
// with Retry — which sends again only what failed.
import type { EnclaveClient } from '../api';
import type { CommandContext } from '../commands/context';
import { detailsFor, isCancellation } from '../commands/describeError';
import { reportFailure } from '../commands/funnel';
import { mutate, say } from '../commands/mutate';
import type { ListKind } from '../tree/nodes';
import { systemLabel } from '../tree/presentSystem';
import { orgLabel } from '../tree/words';
import { sentence, subject, SYSTEM, WAS_NOT } from '../ui/promptsText';
import type { Waiting } from './approvalsInbox';
import { orgNames, reviewOutcome } from './approvalsWords';

export type Decision = 'approve' | 'decline';

interface DecisionWords {
  readonly verbing: string;
  readonly done: string;
  readonly participle: string;
  /** Approved systems join the enrolled list; declined ones only leave the pending one. */
  readonly affects: readonly ListKind[];
  readonly many: (client: EnclaveClient, orgId: string, ids: readonly string[], signal: AbortSignal) => Promise<number>;
}

export const DECISIONS: Record<Decision, DecisionWords> = {
  approve: {
    verbing: 'Approving', done: 'Approved', participle: 'approved', affects: ['pending', 'systems'],
    many: (client, orgId, ids, signal) => client.unapprovedSystems.approveMany(orgId, ids, { signal }),
  },
  decline: {
    verbing: 'Declining', done: 'Declined', participle: 'declined', affects: ['pending'],
    many: (client, orgId, ids, signal) => client.unapprovedSystems.declineMany(orgId, ids, { signal }),
  },
};

/** The picked systems of each organisation, in the order they were listed. */
function byOrg(chosen: readonly Waiting[]): Waiting[][] {
  const groups = new Map<string, Waiting[]>();
  for (const w of chosen) groups.set(w.org.orgId, [...(groups.get(w.org.orgId) ?? []), w]);
  return [...groups.values()];
}

export async function decide(ctx: CommandContext, decision: Decision, chosen: readonly Waiting[]): Promise<void> {
  const words = DECISIONS[decision];
  let sent = 0;
  let counted = 0;
  const doneIn: string[] = [];
  const failed: { readonly group: Waiting[]; readonly error: unknown }[] = [];
  for (const group of byOrg(chosen)) {
    const org = group[0].org;
    const ids = group.map((w) => w.system.systemId);
    try {
      counted += await mutate(ctx, {
        progress: `${words.verbing} ${subject(group.map((w) => systemLabel(w.system)), SYSTEM)} in ${orgLabel(org)}…`,
        orgId: org.orgId,
        affects: words.affects,
        run: (client, signal) => words.many(client, org.orgId, ids, signal),
      });
      sent += ids.length;
      doneIn.push(orgLabel(org));
    } catch (error) {
      failed.push({ group, error });
      if (isCancellation(error)) break; // cancelled: the organisations after it are not sent either
    }
  }
  if (doneIn.length > 0) say(reviewOutcome({ done: words.done, notDone: WAS_NOT(words.participle) }, sent, counted, doneIn));
  if (failed.length === 0) return;
  // The first failure is reported (and logged in full by the funnel); the others are logged here.
  for (const f of failed.slice(1)) ctx.log.error(`${words.verbing} systems in ${orgLabel(f.group[0].org)} failed: ${detailsFor(f.error)}`);
  const lost = failed.flatMap((f) => f.group);
  const what = `${sentence(subject(lost.map((w) => systemLabel(w.system)), SYSTEM))} in ${orgNames(failed.map((f) => orgLabel(f.group[0].org)))} could not be ${words.participle}`;
  await reportFailure(ctx, failed[0].error, { what, retry: () => decide(ctx, decision, lost) });
}
