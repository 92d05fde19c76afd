// Review Approvals: every system waiting across organisations in one multi-select pick (name,
// organisation, platform, how long it has waited, the key it used), then Approve or Decline
// them all at once. Declining is permanent (the machine must enrol again), so it asks first.
import * as vscode from 'vscode';
import type { CommandContext, CommandHandler } from '../commands/context';
import { reasonFor } from '../commands/describeError';
import { reportFailure } from '../commands/funnel';
import { systemLabel } from '../tree/presentSystem';
import { orgLabel } from '../tree/words';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';
import { subject, SYSTEM } from '../ui/promptsText';
import { decide, type Decision } from './approvalsDecide';
import { inboxItems, readInbox, type Inbox, type Waiting } from './approvalsInbox';

const TITLE = 'Review Approvals';

export const handler: CommandHandler = async (ctx) => {
  const inbox = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Reading systems awaiting approval…' },
    () => readInbox(ctx),
  );
  if (inbox.waiting.length === 0 && inbox.failed.length > 0) {
    const names = inbox.failed.map((f) => orgLabel(f.org)).join(', ');
    return reportFailure(ctx, inbox.failed[0].error, { what: `Systems awaiting approval in ${names} could not be read`, retry: () => handler(ctx) });
  }
  if (inbox.waiting.length === 0) return void getPrompter().info('No systems are waiting for approval.');
  await review(ctx, inbox);
};

async function review(ctx: CommandContext, inbox: Inbox, picked: readonly Waiting[] = []): Promise<void> {
  const prompter = getPrompter();
  const items = inboxItems(inbox, new Date()).map((item) => ({ ...item, picked: picked.includes(item.value) }));
  const chosen = await prompter.pickMany(items, {
    title: `${TITLE} (${inbox.waiting.length}${inbox.cut ? '+' : ''} waiting)`,
    step: 1,
    totalSteps: 2,
    placeholder: `Pick the systems to approve or decline${unreadable(ctx, inbox)}`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (chosen === undefined || chosen === BACK || chosen.length === 0) return;
  const what = subject(chosen.map((w) => systemLabel(w.system)), SYSTEM);
  const decision = await prompter.pick<Decision>(
    [
      { label: `$(check) Approve ${what}`, description: 'they join the network', value: 'approve' },
      { label: `$(close) Decline ${what}`, description: 'permanent: to join, a machine must enrol again', value: 'decline' },
    ],
    { title: TITLE, step: 2, totalSteps: 2, placeholder: `What to do with ${what}`, back: true },
  );
  if (decision === BACK) return review(ctx, inbox, chosen);
  if (decision === undefined) return;
  if (decision === 'decline') {
    const detail = `${chosen.length === 1 ? 'Its enrolment is' : 'Their enrolments are'} rejected and removed. To join later, the machine must enrol again with an enrolment key.`;
    if (!(await prompter.confirm(`Decline ${what}?`, { detail, confirm: 'Decline' }))) return;
  }
  await decide(ctx, decision, chosen);
}

/** " (could not read Beta: access denied)": the pick still offers what could be read. */
function unreadable(ctx: CommandContext, inbox: Inbox): string {
  if (inbox.failed.length === 0) return '';
  const parts = inbox.failed.map((f) => `${orgLabel(f.org)}: ${reasonFor(f.error, ctx.session.apiUrl)}`);
  return ` (could not read ${parts.join('; ')})`;
}
