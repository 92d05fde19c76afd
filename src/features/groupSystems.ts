// Enclave: Group Systems By… — the view-title menu: systems by state, platform, tag or
// enrolment key, or not grouped. Remembered per workspace. Each group is its own server-side
// query, so a group shows its first rows after one request and pages on its own.
import type { CommandHandler } from '../commands/context';
import { GROUP_BY_LABELS } from '../model/groups';
import { GROUP_BYS, type GroupBy } from '../model/listQuery';
import { BACK } from '../ui/prompter';
import { getPrompter } from '../ui/prompterHolder';

const NOT_GROUPED = 'none';

export const handler: CommandHandler = async (ctx) => {
  const current = ctx.store.grouping();
  const items = [
    { label: 'Not grouped', description: current === undefined ? 'current' : undefined, value: NOT_GROUPED as GroupBy | typeof NOT_GROUPED },
    ...GROUP_BYS.map((by) => ({ label: GROUP_BY_LABELS[by], description: current === by ? 'current' : undefined, value: by as GroupBy | typeof NOT_GROUPED })),
  ];
  const chosen = await getPrompter().pick(items, { title: 'Group Systems By', placeholder: 'How the Systems lists are grouped in this workspace' });
  if (chosen === undefined || chosen === BACK) return;
  ctx.store.setGrouping(chosen === NOT_GROUPED ? undefined : chosen);
};
