// Clean Up Stale Systems: every system of an organisation (disabled ones too) is read, those not
// connected and not seen for N days are listed in a read-only dry-run report, the person unticks
// any to keep, types the exact phrase ("revoke 12"), and only then are they revoked in bulk.
// Each step can be cancelled with nothing sent; zero stale systems sends nothing at all.
import * as vscode from 'vscode';
import type { EnclaveSystem } from '../api/types';
import { REVOKE_SYSTEMS } from '../commands/revokeSystem';
import type { CommandContext, CommandHandler } from '../commands/context';
import { reportFailure } from '../commands/funnel';
import { say, mutate, type EntityAction } from '../commands/mutate';
import { shortfall } from '../commands/bulkCheck';
import { resolveOrg } from '../commands/pickers';
import { systemLabel } from '../tree/presentSystem';
import { relativeTime } from '../tree/time';
import { orgLabel, platformText } from '../tree/words';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import { bulkOutcome, count, SYSTEM } from '../ui/promptsText';
import { confirmPhrase, DEFAULT_DAYS, lastThere, staleSystems, summaryMarkdown, validateDays } from './staleSystems';
import { showReport } from './summaryDocument';

const TITLE = 'Clean Up Stale Systems';
/** The last number of days used, so the next clean-up starts from it. */
const DAYS_STATE = 'enclave.cleanUp.days';

/** Revoke as bulkCheck's shortfall wants it described, to name systems a short count left. */
const REVOKE: EntityAction<'system', string> = { ...REVOKE_SYSTEMS, nothing: 'no stale systems' };

export const handler: CommandHandler = async (ctx, node) => {
  const org = await resolveOrg(ctx, node, TITLE);
  if (!org) return;
  const name = orgLabel(org);
  const remembered = ctx.extension.globalState.get<number>(DAYS_STATE) ?? DEFAULT_DAYS;
  const typed = await getPrompter().input({
    title: `${TITLE}: ${name}`,
    prompt: 'Systems not connected and not seen for more than this many days are stale (connected systems never count)',
    value: String(remembered),
    placeholder: String(DEFAULT_DAYS),
    validate: validateDays,
  });
  if (typed === undefined || typed === BACK) return;
  const days = Number(typed.trim());
  await ctx.extension.globalState.update(DAYS_STATE, days);

  let all: EnclaveSystem[];
  try {
    all = await readAll(ctx, org.orgId, name);
  } catch (error) {
    await reportFailure(ctx, error, { what: `The systems of ${name} could not be read, so nothing was revoked`, retry: () => handler(ctx, node) });
    return;
  }
  const now = new Date();
  const stale = staleSystems(all, days, now);
  ctx.log.info(`Clean-up of ${org.orgId}: ${stale.length} of ${all.length} systems not seen for more than ${days} days`);
  if (stale.length === 0) {
    say(`No stale systems in ${name}: none of its ${count(all.length, SYSTEM)} has been away for more than ${days} day${days === 1 ? '' : 's'} (connected systems never count). Nothing was revoked.`);
    return;
  }
  await showReport(ctx.extension, `Stale systems in ${name} (over ${days} days)`, summaryMarkdown({ orgName: name, days, total: all.length, stale, now }));

  const kept = await getPrompter().pickMany(
    stale.map((s) => ({ label: systemLabel(s), description: describe(s, now), value: s, picked: true })),
    { title: `${TITLE}: ${name}`, placeholder: `${count(stale.length, SYSTEM)} not seen for over ${days} days (see the report): untick any to keep`, matchOnDescription: true, ignoreFocusOut: true },
  );
  if (kept === undefined || kept === BACK) return;
  if (kept.length === 0) {
    say('No systems were left ticked: nothing was revoked.');
    return;
  }
  const phrase = confirmPhrase(kept.length);
  const confirmation = await getPrompter().input({
    title: `${TITLE}: ${name}`,
    prompt: `Revoking is permanent: each machine must enrol again to come back. Type '${phrase}' to revoke ${count(kept.length, SYSTEM)}`,
    placeholder: phrase,
    ignoreFocusOut: true,
    validate: (value) => (value === phrase ? undefined : `Type exactly '${phrase}' to revoke, or press Escape to keep them all.`),
  });
  if (confirmation !== phrase) return;
  await revoke(ctx, org.orgId, kept);
};

/** Every system, disabled ones too: a stale system is often a disabled one. Cancellable. */
function readAll(ctx: CommandContext, orgId: string, name: string): Promise<EnclaveSystem[]> {
  return Promise.resolve(
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Reading the systems of ${name}…`, cancellable: true }, (_progress, token) => {
      const controller = new AbortController();
      const subscription = token.onCancellationRequested(() => controller.abort());
      return ctx.session.call((client) => client.systems.listAll(orgId, { includeDisabled: true }, { signal: controller.signal })).finally(() => subscription.dispose());
    }),
  );
}

function describe(system: EnclaveSystem, now: Date): string {
  const seen = lastThere(system);
  return [system.systemId, seen ? `last seen ${relativeTime(seen, now)}` : undefined, platformText(system.platformType), system.isEnabled === false ? 'Disabled' : undefined]
    .filter(Boolean)
    .join(' · ');
}

async function revoke(ctx: CommandContext, orgId: string, systems: readonly EnclaveSystem[]): Promise<void> {
  const ids = systems.map((s) => s.systemId);
  const what = `${count(ids.length, SYSTEM)}`;
  try {
    const counted = await mutate(ctx, { progress: `Revoking ${what} not seen lately…`, orgId, affects: ['systems'], run: (client, signal) => client.systems.revokeMany(orgId, ids, { signal }) });
    const message = counted >= ids.length ? bulkOutcome({ done: 'Revoked', notDone: REVOKE.notDone }, SYSTEM, ids.length, counted) : (await shortfall(ctx, REVOKE, orgId, systems, counted)).message;
    ctx.log.info(`Clean-up of ${orgId}: ${message}`);
    say(message);
  } catch (error) {
    const progress = (error as { bulkProgress?: { count: number } } | undefined)?.bulkProgress;
    await reportFailure(ctx, error, {
      what: progress ? `Only ${progress.count} of the ${what} were revoked` : `The ${what} could not be revoked`,
      retry: () => revoke(ctx, orgId, systems),
    });
  }
}
